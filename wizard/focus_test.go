package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/apitokens/apitokens/ui"
)

// TestFocusShowsWithoutColour checks that the focused field's prompt is a
// heavy bar and the others a light one, since in the ASCII profile (as
// under NO_COLOR) the colour that also marks it is gone.
func TestFocusShowsWithoutColour(t *testing.T) {
	prompts := func(m Model) string {
		var got []string
		for _, l := range strings.Split(m.View(), "\n") {
			for _, p := range []string{focusedPrompt, blurredPrompt} {
				if strings.HasPrefix(l, p) {
					got = append(got, strings.TrimSpace(p))
					break
				}
			}
		}
		// One line each for the name and the external ID, then the
		// description box's first line.
		return strings.Join(got[:3], "")
	}
	m := newWizard(t, openStore(t))
	for _, want := range []string{"┃││", "│┃│", "││┃", "┃││"} {
		if got := prompts(m); got != want {
			t.Errorf("prompts %s, want %s:\n%s", got, want, m.View())
		}
		m, _ = drive(m, "tab")
	}

	// The custom date: light while the list has the focus.
	toCustom := strings.Fields("down down down down down down")
	m, _ = drive(newWizard(t, openStore(t)), keys(fillGeneral, toCustom)...)
	if v := m.View(); !strings.Contains(v, "    "+blurredPrompt+"DD/MM") {
		t.Errorf("date field looks focused while the list has the focus:\n%s", v)
	}
	m, _ = drive(m, "enter")
	if v := m.View(); !strings.Contains(v, "    "+focusedPrompt) {
		t.Errorf("date field does not look focused:\n%s", v)
	}
}

// TestMonochromeCursor checks that with the styles for NO_COLOR the text
// cursor is drawn (reverse video) and the focused prompt is bold, with no
// colour at all.
func TestMonochromeCursor(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI)
	m := quickModel(New(openStore(t), ui.MonochromeStyles(r), clock)).SetSize(80, 24)
	v := m.View()
	if !strings.Contains(v, "[7m") && !strings.Contains(v, ";7m") {
		t.Errorf("no reverse video for the cursor: %q", v)
	}
	if strings.Contains(v, "\x1b[3") || strings.Contains(v, "\x1b[9") ||
		strings.Contains(v, ";3") {
		t.Errorf("colour codes under NO_COLOR: %q", v)
	}
}

// TestCustomDatePlaceholder checks that the empty date field shows its
// whole format, not "DD/MM/YYYY HH:…".
func TestCustomDatePlaceholder(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		e := NewExpiration(testStyles, clock).SetSize(w, 16)
		e, _ = updateExpiration(e, "down", "down", "down", "down", "down", "down")
		v := e.View()
		if !strings.Contains(v, "DD/MM/YYYY HH:MM ") || strings.Contains(v, "HH:…") {
			t.Errorf("at %d columns:\n%s", w, v)
		}
	}
}
