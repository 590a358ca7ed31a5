package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestFullHelpNarrow checks the full help of every screen at 60 columns,
// the narrowest: no key is cut off, ? says "fewer", and ctrl+c is listed.
func TestFullHelpNarrow(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	screens := map[string]func() root{
		"list":    func() root { return keys(e.started(60, 24), "?") },
		"details": func() root { return keys(e.opened(tok, 60, 24), "?") },
		"stats":   func() root { return keys(e.opened(tok, 60, 24), "2", "?") },
		"menu":    func() root { return keys(e.opened(tok, 60, 24), "?", ".") },
		"wizard": func() root {
			return keys(e.started(60, 24), "n", "x", "enter", "enter", "y", "enter", "?")
		},
	}
	for name, open := range screens {
		m := open()
		view := m.View()
		checkFits(t, view, 60, 24)
		footer := view[strings.LastIndex(view, "\n\n")+2:]
		for _, want := range []string{"ctrl+c", "quit", "fewer"} {
			if !strings.Contains(footer, want) {
				t.Errorf("%s: no %q in the full help:\n%s", name, want, footer)
			}
		}
		if strings.Contains(footer, "…") || strings.Contains(footer, "more") {
			t.Errorf("%s: full help cut or says more:\n%s", name, footer)
		}
		if name == "details" && (!strings.Contains(footer, "esc") ||
			!strings.Contains(footer, "back")) {
			t.Errorf("details: esc back is missing:\n%s", footer)
		}
	}
}

// TestShortHelpWholeItems checks the details footer, key hidden and shown,
// on every tab, at widths from 60 to 120: never wider than the window, made
// of whole items, ? more always at its end, and esc back kept at 60.
func TestShortHelpWholeItems(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	for _, ks := range [][]string{nil, {"v"}, {"2"}, {"3"}} {
		m := keys(e.opened(tok, 60, 24), ks...)
		for w := 60; w <= 120; w++ {
			m = settle(m, tea.WindowSizeMsg{Width: w, Height: 24})
			view := m.View()
			footer := ansi.Strip(view[strings.LastIndex(view, "\n")+1:])
			if fw := ansi.StringWidth(footer); fw > w {
				t.Errorf("%v at %d: footer %d cells: %q", ks, w, fw, footer)
			}
			items := map[string]bool{}
			for _, b := range m.details.keys.ShortHelp() {
				items[b.Help().Key+" "+b.Help().Desc] = true
			}
			for _, part := range strings.Split(footer, " • ") {
				if !items[part] {
					t.Errorf("%v at %d: %q is not a whole item: %q", ks, w, part, footer)
				}
			}
			if !strings.HasSuffix(footer, "? more") || !strings.Contains(footer, "esc back") {
				t.Errorf("%v at %d: ? more or esc back left out: %q", ks, w, footer)
			}
		}
	}
}
