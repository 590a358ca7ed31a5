package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

// TestDemoFillsItsOwnDatabase runs demo on a new file and checks that the
// tokens say Demo, cover the statuses, and have 30 days of traffic.
func TestDemoFillsItsOwnDatabase(t *testing.T) {
	db := newDB(t)
	r := run(t, db, "", "demo")
	if r.code != 0 || !strings.Contains(r.stdout, "demo data") ||
		!strings.Contains(r.stdout, "apitokens --db "+db) {
		t.Fatalf("demo: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	list := run(t, db, "", "list", "--json")
	var tokens []struct {
		ID, Name, Status string
	}
	if err := json.Unmarshal([]byte(list.stdout), &tokens); err != nil {
		t.Fatalf("list --json: %v\n%s", err, list.stdout)
	}
	statuses := map[string]bool{}
	for _, tok := range tokens {
		if !strings.HasPrefix(tok.Name, "Demo") {
			t.Errorf("token %q does not say Demo", tok.Name)
		}
		statuses[strings.ToLower(tok.Status)] = true
	}
	for _, s := range []string{"active", "expiring", "expired", "disabled"} {
		if !statuses[s] {
			t.Errorf("no %s token among %v", s, tokens)
		}
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, tok := range tokens {
		rep, err := stats.Load(t.Context(), st, tok.ID, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		busyDays := 0
		for _, d := range rep.Days[:stats.Days-1] { // today may have just begun
			if d.Total() > 0 {
				busyDays++
			}
		}
		if busyDays != stats.Days-1 || rep.LastUsed == nil || rep.Window.Success == 0 {
			t.Errorf("%s: %d busy days, last used %v, window %+v", tok.Name, busyDays,
				rep.LastUsed, rep.Window)
		}
	}
}

func TestDemoLeavesOtherDatabasesAlone(t *testing.T) {
	db := newDB(t)
	if r := run(t, db, "", "demo"); r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	again := run(t, db, "", "demo")
	if again.code != 0 || !strings.Contains(again.stdout, "already holds the demo data") {
		t.Errorf("demo twice: %d %q %q", again.code, again.stdout, again.stderr)
	}
	if n := strings.Count(run(t, db, "", "list").stdout, "Demo"); n != 5 {
		t.Errorf("demo twice made %d tokens", n)
	}

	mine := newDB(t)
	create(t, mine, "--extension", "zapier")
	r := run(t, mine, "", "demo")
	if r.code != 1 || !strings.Contains(r.stderr, "already holds tokens") {
		t.Errorf("demo on a real database: %d %q", r.code, r.stderr)
	}
	if n := strings.Count(run(t, mine, "", "list").stdout, "Demo"); n != 0 {
		t.Errorf("demo wrote %d tokens into a real database", n)
	}

	cmd := run(t, "", "", "demo")
	if cmd.code != 2 || !strings.Contains(cmd.stderr, "--db") {
		t.Errorf("demo without --db: %d %q", cmd.code, cmd.stderr)
	}
}
