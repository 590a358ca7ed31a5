package cli_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

func TestStatsCommand(t *testing.T) {
	db := newDB(t)
	id := idOf(create(t, db, "--all-modules"))

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	today := now.Format(store.DayFormat)
	old := now.AddDate(0, 0, -45).Format(store.DayFormat)
	err = st.RecordUsage(context.Background(), []store.Usage{
		{TokenID: id, Day: today, Code: 200, Count: 7},
		{TokenID: id, Day: today, Code: 404, Count: 2},
		{TokenID: id, Day: old, Code: 200, Count: 100},
	}, map[string]time.Time{id: now})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	r := run(t, db, "", "stats", id, "--json")
	var got struct {
		Days []map[string]any `json:"days"`
		Last map[string]int64 `json:"last_30_days"`
		All  int64            `json:"total_since_tracking"`
		Used *string          `json:"last_used_at"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stats --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	if len(got.Days) != 30 || got.Days[29]["day"] != today || got.Days[29]["2xx"] != 7.0 {
		t.Errorf("days: %d, last %v", len(got.Days), got.Days[len(got.Days)-1])
	}
	if got.Last["2xx"] != 7 || got.Last["4xx"] != 2 || got.All != 109 || got.Used == nil {
		t.Errorf("stats --json = %+v", got)
	}

	text := run(t, db, "", "stats", id).stdout
	rows := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if f := strings.Fields(line); len(f) == 3 {
			rows[f[0]] = f[1] + " " + f[2]
		}
	}
	if rows["2xx"] != "7 107" || rows["4xx"] != "2 2" || rows["3xx"] != "0 0" {
		t.Errorf("stats table rows %v from:\n%s", rows, text)
	}
	if r := run(t, db, "", "stats", "SU-000-000-000"); r.code != 1 {
		t.Errorf("stats of an unknown ID: exit %d", r.code)
	}
}
