package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/wizard"
)

// TestFailedActionLine checks that a failed action says once what failed
// and what to do, whole, at 80 columns: a locked database in plain words,
// wrapped to a second line rather than cut.
func TestFailedActionLine(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew()
	disabled := toks[1]
	busy := fmt.Errorf("enable %s: %w", disabled.ID, sqlite3.Error{Code: sqlite3.ErrBusy})

	m := keys(e.started(80, 24), "j", "j")
	m.list.acting = true
	m = settle(m, actionDoneMsg{by: screenList, id: disabled.ID, act: actEnable,
		name: disabled.Name, err: busy})
	want := "Could not enable " + disabled.ID + ": the database is busy (locked by another " +
		"program). Try again."
	if got := statusText(m.View(), 80); got != want {
		t.Errorf("status %q\nwant   %q\n%s", got, want, m.View())
	}
	checkFits(t, m.View(), 80, 24)
	if c, _ := m.list.current(); c.ID != disabled.ID {
		t.Errorf("the cursor left its row for the taller status line")
	}

	// A refusal is not worth retrying, and says so by not asking.
	refused := fmt.Errorf("renew %s: %w", disabled.ID, &store.StateError{ID: disabled.ID,
		Msg: "never expires, so there is nothing to renew; rotate it instead"})
	if got := failed("renew", disabled.ID, refused, "Try again."); got != "Could not renew "+
		disabled.ID+": token never expires, so there is nothing to renew; rotate it instead." {
		t.Errorf("refusal: %q", got)
	}
	if got := failed("save", "SU-1", errors.New("disk I/O error"), "Retry."); got !=
		"Could not save SU-1: disk I/O error. Retry." {
		t.Errorf("other: %q", got)
	}
}

// statusText is the status line of a view, the lines above the one-line
// help joined: it may wrap.
func statusText(view string, width int) string {
	lines := strings.Split(view, "\n")
	lines = lines[:len(lines)-1] // the help
	var status []string
	for i := len(lines) - 1; i >= 0 && strings.TrimSpace(lines[i]) != ""; i-- {
		status = append([]string{strings.TrimSpace(lines[i])}, status...)
	}
	return strings.Join(status, " ")
}

// TestNoticesLeaveWithTheirScreen checks that "API key copied" goes when
// another tab opens, and a failed copy when the edit form opens: both are
// about the General tab's key.
func TestNoticesLeaveWithTheirScreen(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	m := keys(e.opened(tok, 120, 40), "c")
	if !strings.Contains(m.View(), "API key copied") {
		t.Fatalf("no notice:\n%s", m.View())
	}
	if m = keys(m, "2"); strings.Contains(m.View(), "API key copied") {
		t.Errorf("the notice stayed on the Statistics tab:\n%s", m.View())
	}

	e.clipErr = errors.New("install xclip, xsel or wl-clipboard")
	e.term.err = errors.New("broken pipe")
	m = keys(m, "1", "c")
	if !strings.Contains(m.View(), "Could not copy") {
		t.Fatalf("no failure:\n%s", m.View())
	}
	if m = keys(m, "e"); strings.Contains(m.View(), "Could not copy") {
		t.Errorf("the copy failure stayed in the edit form:\n%s", m.View())
	}

	// A failure that is not about the key stays: the tokens are being
	// read again.
	m = keys(m, "esc")
	m.details.status = m.details.status.fail("Could not read the token: disk I/O error. " +
		"Retrying…")
	if m = keys(m, "2"); !strings.Contains(m.View(), "Retrying") {
		t.Errorf("a lasting failure went with the tab:\n%s", m.View())
	}
}

// TestLongNameStatusOneLine checks the status line after creating, and
// after disabling, a token with a 128-character name: one line, the name
// cut with an ellipsis so the message fits, and the list's rows kept.
func TestLongNameStatusOneLine(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		e := newEnv(t)
		name := string([]rune(strings.Repeat("Quarterly ledger export 名前 ", 6))[:128])
		tok := e.seed(draft(strings.TrimSpace(name), store.Zapier))
		m := keys(e.started(w, 24), "n")
		if m.front != screenWizard {
			t.Fatalf("n did not open the wizard")
		}
		rows := m.list.visibleRows()
		m = settle(m, wizard.DoneMsg{Token: tok})
		checkStatusLine(t, fmt.Sprintf("created at %d", w), m, w, "Token Quarterly", "created")
		if m.list.visibleRows() != rows {
			t.Errorf("at %d the status line took %d rows of the list", w,
				rows-m.list.visibleRows())
		}

		m = keys(m, ".", "enter", "y")
		checkStatusLine(t, fmt.Sprintf("disabled at %d", w), m, w, "Token Quarterly",
			"disabled: its key is refused")
	}
}

// checkStatusLine fails unless the line above the help is the whole
// status, one line holding start, a cut name and end.
func checkStatusLine(t *testing.T, name string, m root, w int, start, end string) {
	t.Helper()
	view := m.View()
	checkFits(t, view, w, 24)
	lines := strings.Split(view, "\n")
	status := strings.TrimSpace(lines[len(lines)-2])
	if !strings.HasPrefix(status, start) || !strings.HasSuffix(status, end) ||
		!strings.Contains(status, "…") {
		t.Errorf("%s: status %q:\n%s", name, status, view)
	}
	if above := strings.TrimSpace(lines[len(lines)-3]); strings.Contains(above, "Quarterly") &&
		!strings.Contains(above, "Zapier") {
		t.Errorf("%s: the status wraps onto a second line:\n%s", name, view)
	}
}
