package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestTooSmallIgnoresKeys checks that while "Make the window larger" hides
// the screen, keys do nothing on it: a token cannot be deleted blind, nor
// text typed into a field out of sight. ctrl+c still quits.
func TestTooSmallIgnoresKeys(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew()
	newest := toks[len(toks)-1]
	small := tea.WindowSizeMsg{Width: 40, Height: 12}
	large := tea.WindowSizeMsg{Width: 80, Height: 24}

	// The tester's steps: the list's menu, Delete, y.
	m := settle(e.started(80, 24), small)
	m = settle(keys(m, ".", "down", "enter", "y"), large)
	if got, _ := e.st.Get(context.Background(), newest.ID); got.DeletedAt != nil {
		t.Fatal("a token was deleted while the list was hidden")
	}
	if m.list.menuOpen || m.list.confirming {
		t.Errorf("menu %t, question %t after growing back", m.list.menuOpen, m.list.confirming)
	}

	// The wizard: an x typed at 40x12 must not land in the description.
	m = keys(e.started(80, 24), "n", "tab", "tab")
	m = settle(keys(settle(m, small), "x", "esc"), large)
	if v := m.View(); m.front != screenWizard || !strings.Contains(v, "Description (0/255)") {
		t.Errorf("front %d, after x and esc at 40x12:\n%s", m.front, v)
	}
	if v := keys(m, "y").View(); !strings.Contains(v, "Description (1/255)") {
		t.Errorf("typing does not work at 80x24 again:\n%s", v)
	}

	// The details screen: e and esc do nothing while hidden.
	m = settle(keys(settle(e.opened(newest, 80, 24), small), "e", "esc"), large)
	if m.front != screenDetails || m.details.mode != modeView {
		t.Errorf("front %d, mode %d", m.front, m.details.mode)
	}

	// q is ignored too; ctrl+c quits.
	m = settle(e.started(80, 24), small)
	if _, cmd := m.Update(press("q")); cmd != nil {
		if _, quit := find[tea.QuitMsg](run(cmd)); quit {
			t.Error("q quit while the notice was shown")
		}
	}
	_, cmd := m.Update(press("ctrl+c"))
	if _, quit := find[tea.QuitMsg](run(cmd)); !quit {
		t.Error("ctrl+c did not quit at 40x12")
	}
}
