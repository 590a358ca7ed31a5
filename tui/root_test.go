package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/wizard"
)

// TestRootGlobals checks the keys the root takes before any screen:
// ctrl+c everywhere, q on the list only.
func TestRootGlobals(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	screens := map[string]func() root{
		"list":    func() root { return e.started(80, 24) },
		"filter":  func() root { return keys(e.started(80, 24), "/") },
		"wizard":  func() root { return keys(e.started(80, 24), "n") },
		"details": func() root { return e.opened(tok, 80, 24) },
		"edit":    func() root { return keys(e.opened(tok, 80, 24), "e") },
	}
	for name, open := range screens {
		m := open()
		_, cmd := m.Update(press("ctrl+c"))
		if _, ok := find[tea.QuitMsg](run(cmd)); !ok {
			t.Errorf("%s: ctrl+c did not quit", name)
		}
		_, cmd = m.Update(press("q"))
		_, quit := find[tea.QuitMsg](run(cmd))
		if quit != (name == "list") {
			t.Errorf("%s: q quits %t", name, quit)
		}
	}
}

// TestRootWizard checks the ways out of the wizard.
func TestRootWizard(t *testing.T) {
	e := newEnv(t)
	m := keys(e.started(80, 24), "n")
	if m.front != screenWizard || !strings.Contains(m.View(), "Create Token") {
		t.Fatalf("no wizard:\n%s", m.View())
	}
	if keys(m, "esc").front != screenList {
		t.Error("esc on an empty step 1 did not go back to the list")
	}

	tok := e.seed(draft("Made elsewhere", store.Zapier))
	m = settle(m, wizard.DoneMsg{Token: tok, GoToDetails: true})
	if m.front != screenDetails || m.details.id != tok.ID {
		t.Errorf("Go to Details: front %d on %q", m.front, m.details.id)
	}

	m = settle(keys(e.started(80, 24), "n"), wizard.DoneMsg{Token: tok})
	if m.front != screenList || !strings.Contains(m.View(), "Token Made elsewhere created") {
		t.Errorf("Close: front %d\n%s", m.front, m.View())
	}
}

// TestRootCreate walks the wizard with keys, as a user would, and finds
// the token in the list and its details.
func TestRootCreate(t *testing.T) {
	e := newEnv(t)
	m := keys(e.started(80, 24), "n", "Billing export", "enter", "enter",
		"Sends invoices to the ERP", "enter", "enter", "enter", "enter")
	if !strings.Contains(m.View(), "Token created") {
		t.Fatalf("no summary:\n%s", m.View())
	}
	m = keys(m, "enter")
	if m.front != screenDetails || !strings.Contains(m.View(), "Billing export") {
		t.Fatalf("not on the details:\n%s", m.View())
	}
	m = keys(m, "esc")
	if m.front != screenList || m.list.total != 1 ||
		!strings.Contains(m.View(), "Billing export") {
		t.Errorf("not in the list:\n%s", m.View())
	}
}

// TestTooSmall checks the notice below the smallest size, and that the
// screen comes back when the window grows.
func TestTooSmall(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	screens := []root{e.started(80, 24), e.opened(tok, 80, 24), keys(e.started(80, 24), "n")}
	for _, m := range screens {
		small := settle(m, tea.WindowSizeMsg{Width: 40, Height: 12})
		if v := small.View(); !strings.Contains(v, "Make the window larger") {
			t.Errorf("at 40x12:\n%s", v)
		}
		checkFits(t, small.View(), 40, 12)
		back := settle(small, tea.WindowSizeMsg{Width: 80, Height: 24})
		if v := back.View(); strings.Contains(v, "larger") || v != m.View() {
			t.Errorf("after growing back:\n%s\nwant:\n%s", v, m.View())
		}
	}
}

// TestNarrow checks that every screen fits 60 columns, the narrowest.
func TestNarrow(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	for _, name := range []string{"list", "menu", "details", "stats", "permissions", "revealed",
		"edit", "expiry", "help"} {
		var m root
		switch name {
		case "list":
			m = e.started(60, 16)
		case "menu":
			m = keys(e.started(60, 16), ".")
		case "help":
			m = keys(e.opened(tok, 60, 16), "?")
		default:
			k := map[string][]string{"details": nil, "stats": {"2"}, "permissions": {"3"},
				"revealed": {"v"}, "edit": {"e"}, "expiry": {".", "down", "enter", "y"}}[name]
			m = keys(e.opened(tok, 60, 16), k...)
		}
		checkFits(t, m.View(), 60, 16)
	}
}

// TestPanics checks that a panic in a command or in an update becomes an
// error line, with the program and the screen intact.
func TestPanics(t *testing.T) {
	e := newEnv(t)
	m := e.started(80, 24)

	boom := guard(e.d.log, func() tea.Msg { panic("boom") })
	msg, ok := boom().(panicMsg)
	if !ok || !strings.Contains(msg.err.Error(), "boom") {
		t.Fatalf("guard gave %v", msg)
	}
	inner := guard(e.d.log, tea.Batch(func() tea.Msg { return nil },
		func() tea.Msg { panic("deep") }))
	batch, _ := inner().(tea.BatchMsg)
	var got []tea.Msg
	for _, c := range batch {
		got = append(got, c())
	}
	if _, ok := find[panicMsg](got); !ok {
		t.Errorf("a panic inside a batch was not caught: %v", got)
	}

	m = settle(m, msg)
	if !strings.Contains(m.View(), "internal error") {
		t.Errorf("no error line:\n%s", m.View())
	}

	// A key whose handling panics (an actions menu with nothing in it
	// divides by zero) leaves the model as it was before the key.
	m.list.menuOpen, m.list.menu = true, newMenu(nil)
	next, cmd := m.Update(press("down"))
	after := next.(root)
	if cmd != nil || !strings.Contains(after.View(), "internal error in update") {
		t.Errorf("update panic not caught:\n%s", after.View())
	}
	if after.list.total != m.list.total || !after.list.menuOpen {
		t.Error("the model changed")
	}
	if keys(after, "esc").alert != "" {
		t.Error("the error line stayed after the next key")
	}
}
