package tui

import (
	"context"
	"strings"
	"testing"
)

// TestEditEscAsksFirst checks that esc leaves an untouched edit at once,
// but asks "Discard your changes? y/n" when the form differs from the
// token, on the General step or the Permissions step: n goes back to the
// form with everything kept, y leaves with nothing saved.
func TestEditEscAsksFirst(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0] // Custom: the edit has a Permissions step
	ctx := context.Background()

	m := keys(e.opened(tok, 80, 24), "e", "esc")
	if m.details.mode != modeView || !strings.Contains(m.View(), "Edit cancelled") {
		t.Fatalf("esc on an untouched edit did not leave:\n%s", m.View())
	}

	m = keys(m, "e", "!", "esc")
	view := m.View()
	if m.details.mode != modeEditGeneral || !m.details.discard.Open() ||
		!strings.Contains(view, "Discard your changes? y/n") ||
		!strings.Contains(view, "y discard") {
		t.Fatalf("esc after typing did not ask:\n%s", view)
	}
	checkFits(t, view, 80, 24)
	if !m.details.typing() {
		t.Error("? and q would act as globals while the question is open")
	}
	m = keys(m, "q", "?") // neither an answer nor text
	if !m.details.discard.Open() || m.details.general.Values().Name != tok.Name+"!" {
		t.Fatalf("a stray key closed the question or reached the form: %q",
			m.details.general.Values().Name)
	}
	m = keys(m, "n")
	if m.details.mode != modeEditGeneral || m.details.discard.Open() ||
		m.details.general.Values().Name != tok.Name+"!" {
		t.Fatalf("n did not go back to the form as it was:\n%s", m.View())
	}
	if m = keys(m, "?"); m.details.general.Values().Name != tok.Name+"!?" {
		t.Errorf("typing after n gives %q", m.details.general.Values().Name)
	}

	// Undone by hand, the form equals the token again: nothing to ask.
	m = keys(m, "backspace", "backspace", "esc")
	if m.details.mode != modeView {
		t.Fatalf("esc asked about an edit that changes nothing:\n%s", m.View())
	}

	// A tick on the Permissions step is a change too, asked about from
	// the General step, which esc on Permissions goes back to.
	m = keys(m, "e", "enter", "enter", "enter")
	if m.details.mode != modeEditPermissions {
		t.Fatalf("no Permissions step:\n%s", m.View())
	}
	m = keys(m, "a", "esc", "esc")
	if !m.details.discard.Open() {
		t.Fatalf("a changed permission was dropped without asking:\n%s", m.View())
	}
	m = keys(m, "y")
	if m.details.mode != modeView || !strings.Contains(m.View(), "Edit cancelled") {
		t.Fatalf("y did not leave the edit:\n%s", m.View())
	}
	if got, _ := e.st.Get(ctx, tok.ID); got.Permissions.All || got.Name != tok.Name {
		t.Errorf("a discarded edit was saved: %q %+v", got.Name, got.Permissions)
	}
}

// TestEditUnchangedIsNotSaved checks that saving an edit that changes
// nothing says so, and records nothing, while a real change still says
// saved.
func TestEditUnchangedIsNotSaved(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew()
	ctx := context.Background()

	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"untouched, with a Permissions step", []string{"e", "enter", "enter", "enter", "enter"}},
		{"typed and undone", []string{"e", "x", "backspace", "enter", "enter", "enter",
			"down", "space", "space", "enter"}},
		{"padded with spaces, which the store trims", []string{"e", " ", "enter", "enter",
			"enter", "enter"}},
	} {
		tok := toks[0]
		before, _ := e.st.Events(ctx, tok.ID)
		m := keys(e.opened(tok, 80, 24), tc.keys...)
		view := m.View()
		if m.details.mode != modeView || !strings.Contains(view, "Nothing changed") ||
			strings.Contains(view, tok.Name+" saved") {
			t.Errorf("%s:\n%s", tc.name, view)
		}
		after, _ := e.st.Events(ctx, tok.ID)
		if len(after) != len(before) {
			t.Errorf("%s: %d events recorded", tc.name, len(after)-len(before))
		}
	}

	// A Reports token saves from its only step.
	reports := toks[1]
	m := keys(e.opened(reports, 80, 24), "e", "enter", "enter", "enter")
	if !strings.Contains(m.View(), "Nothing changed") {
		t.Errorf("Reports, untouched:\n%s", m.View())
	}
	m = keys(m, "e", "!", "enter", "enter", "enter")
	if v := m.View(); !strings.Contains(v, "saved") || strings.Contains(v, "Nothing changed") {
		t.Errorf("a real change:\n%s", v)
	}
	if got, _ := e.st.Get(ctx, reports.ID); got.Name != reports.Name+"!" {
		t.Errorf("saved %q", got.Name)
	}
}
