package e2e

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestLifecycle is a user's first session at 80x24: create a token with
// the wizard, find it, open it, copy its key, rotate it, disable it, and
// quit with the terminal as it was.
func TestLifecycle(t *testing.T) {
	term := newTerminal(t, 80, 24)
	db := term.path("tokens.db")
	term.run("stty -g > " + term.path("stty.before") + "; " + binary + " --db " + db +
		"; echo exit=$?; stty -g > " + term.path("stty.after"))
	term.waitFor("Press n to create your first token")

	// The wizard, all five steps.
	term.keys("n")
	term.waitFor("Step 1 of 5")
	term.typed("Warehouse sync")
	term.keys("Enter", "Enter")
	term.typed("Sends stock levels to the warehouse every hour")
	term.keys("Enter")
	term.waitFor("Step 2 of 5")
	term.keys("Down", "Down", "Down") // 1 month
	term.waitFor("> 1 month")
	term.keys("Enter")
	term.waitFor("Step 3 of 5")
	term.keys("Enter") // Flowgear
	term.waitFor("Step 4 of 5")
	term.keys("Enter")
	term.waitFor("Token created")
	term.keys("Escape")

	// The list has it.
	screen := term.waitFor("1 of 1 token")
	if !strings.Contains(screen, "Warehouse sync") || !strings.Contains(screen, "Flowgear") {
		t.Fatalf("the new token is not listed:\n%s", screen)
	}
	st := openStore(t, db)
	tok := only(t, st)

	// Its details, every tab.
	term.keys("Enter")
	term.waitFor("History")
	term.keys("Tab")
	term.waitFor("Token Request Status Code · UTC · Last 30 days")
	term.waitFor("No requests in the last 30 days")
	term.keys("3")
	term.waitFor("Full access")
	term.keys("1")
	term.waitFor(tok.MaskedKey())

	// Copy: tmux's buffer gets exactly the key.
	term.keys("c")
	term.waitFor("API key copied")
	if got := term.buffer(); got != tok.Key() {
		t.Fatalf("tmux buffer holds %q, want the key %q", got, tok.Key())
	}

	// Rotate, with a new expiry: the old key is refused at once.
	term.keys(".")
	term.waitFor("> Disable")
	term.keys("Down")
	term.waitFor("> Rotate")
	term.keys("Enter")
	term.waitFor("Rotate token Warehouse sync? y/n")
	term.keys("y")
	term.waitFor("choose when the new key expires")
	term.keys("Down")
	term.waitFor("> 1 day")
	term.keys("Enter")
	term.waitFor("rotated")
	rotated := only(t, st)
	refused(t, st, tok.Key(), store.RefusedWrongSecret)
	refused(t, st, rotated.Key(), "")
	if rotated.ExpiresAt == nil || rotated.ExpiresAt.Sub(time.Now()) > 25*time.Hour {
		t.Errorf("rotated to expire %v, want in a day", rotated.ExpiresAt)
	}
	term.waitFor(rotated.Key()) // shown, ready to copy

	// Disable: the header and the list say so, and the key is refused.
	term.keys(".")
	term.waitFor("> Disable")
	term.keys("Enter")
	term.waitFor("Disable token Warehouse sync? y/n")
	term.keys("y")
	term.waitMatch(regexp.MustCompile(`SU-\d{3}-\d{3}-\d{3} · Disabled`))
	refused(t, st, rotated.Key(), store.RefusedDisabled)
	term.keys("Escape")
	term.waitMatch(regexp.MustCompile(`Warehouse sync .*Disabled`))

	// q quits and gives the terminal back: no alternate screen, the same
	// terminal settings as before.
	term.keys("q")
	term.waitFor("exit=0")
	if alt := term.format("#{alternate_on}"); alt != "0" {
		t.Errorf("alternate screen still on after quit (%s)", alt)
	}
	if cursor := term.format("#{cursor_flag}"); cursor != "1" {
		t.Errorf("cursor still hidden after quit (%s)", cursor)
	}
	term.waitUntil("stty saved", func(string) bool {
		_, err := os.Stat(term.path("stty.after"))
		return err == nil
	})
	before, _ := os.ReadFile(term.path("stty.before"))
	after, _ := os.ReadFile(term.path("stty.after"))
	if len(before) == 0 || string(before) != string(after) {
		t.Errorf("terminal settings changed:\nbefore %s\nafter  %s", before, after)
	}
}

// TestResize checks that a window too small asks to be made larger, and
// that growing it back brings the screen back.
func TestResize(t *testing.T) {
	term := newTerminal(t, 80, 24)
	term.run(binary + " --db " + term.path("tokens.db"))
	term.waitFor("Press n to create your first token")
	term.tmux("resize-window", "-t", "main", "-x", "40", "-y", "12")
	term.waitFor("Make the window larger")
	term.tmux("resize-window", "-t", "main", "-x", "80", "-y", "24")
	term.waitFor("Press n to create your first token")
	term.keys("C-c")
	term.waitUntil("the shell", func(string) bool { return term.format("#{alternate_on}") == "0" })
}

// TestTooSmallIgnoresKeys is the tester's blind delete: with the list
// hidden behind "Make the window larger", the keys that would delete the
// token do nothing. ctrl+c, read after them, ends the program, so by then
// every key was handled while the window was small.
func TestTooSmallIgnoresKeys(t *testing.T) {
	term := newTerminal(t, 80, 24)
	db := term.path("tokens.db")
	if out, err := exec.Command(binary, "--db", db, "create", "--name", "Keep me",
		"--description", "must survive", "--extension", "zapier").CombinedOutput(); err != nil {
		t.Fatalf("create: %v\n%s", err, out)
	}
	term.run(binary + " --db " + db + "; echo exit=$?")
	term.waitFor("1 of 1 token")
	term.tmux("resize-window", "-t", "main", "-x", "40", "-y", "12")
	term.waitFor("Make the window larger")
	term.keys(".", "Down", "Enter", "y", "q")
	term.waitFor("Make the window larger")
	term.keys("C-c")
	term.waitFor("exit=0")
	if tok := only(t, openStore(t, db)); tok.DeletedAt != nil || tok.DisabledAt != nil {
		t.Errorf("the hidden list acted on the token: %+v", tok)
	}
}

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// only is the one token in the database.
func only(t *testing.T, st *store.Store) store.Token {
	t.Helper()
	toks, err := st.List(context.Background(), store.ListOptions{})
	if err != nil || len(toks) != 1 {
		t.Fatalf("want one token, got %d (%v)", len(toks), err)
	}
	return toks[0]
}

// refused checks how the store answers a key now; "" means accepted.
func refused(t *testing.T, st *store.Store, key string, want store.Refusal) {
	t.Helper()
	_, err := st.Verify(context.Background(), key, time.Now())
	var re *store.RefusedError
	got := store.Refusal("")
	if errors.As(err, &re) {
		got = re.Reason
	} else if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if got != want {
		t.Errorf("key %s…: refused %q, want %q", key[:18], got, want)
	}
}
