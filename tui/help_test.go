package tui

import (
	"strings"
	"testing"
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
