package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/apitokens/apitokens/store"
)

// Names whose characters take two cells, or one grapheme made of several
// code points: a family emoji is four emoji joined by zero-width joiners.
const (
	familyName = "👩\u200d👩\u200d👧\u200d👦 family"
	cjkName    = "令牌管理"
)

// seedWide makes tokens with wide names among plain ones.
func seedWide(e *env) store.Token {
	e.seedFew()
	e.seed(draft(familyName, store.Zapier))
	e.seed(draft(cjkName, store.Flowgear))
	long := draft(strings.Repeat(familyName+" ", 8), store.Custom)
	return e.seed(long)
}

// TestListWideNamesLineUp checks that in every row the ID starts in the
// same cell, at every width, so a name made of wide characters or joined
// emoji neither pushes its row out of line nor is cut inside a character.
func TestListWideNamesLineUp(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		e := newEnv(t)
		seedWide(e)
		m := e.started(w, 24)
		view := m.View()
		checkFits(t, view, w, 24)

		col := -1
		rows := 0
		for _, l := range strings.Split(view, "\n") {
			i := strings.Index(l, "SU-100-200-")
			if i < 0 {
				continue
			}
			rows++
			at := lipgloss.Width(l[:i])
			if col < 0 {
				col = at
			}
			if at != col {
				t.Errorf("%d columns: ID at cell %d, want %d: %q", w, at, col, l)
			}
			if strings.Contains(l, "\u200d…") || strings.Contains(l, "\u200d ") {
				t.Errorf("%d columns: a joined emoji cut apart: %q", w, l)
			}
		}
		if rows != 7 {
			t.Errorf("%d columns: %d rows:\n%s", w, rows, view)
		}
		for _, name := range []string{familyName, cjkName} {
			if !strings.Contains(view, name) {
				t.Errorf("%d columns: %q not shown whole:\n%s", w, name, view)
			}
		}
	}
}

// TestPadKeepsGraphemes checks the helper that cuts and pads every cell:
// at each width a family emoji is kept whole or left out, never split
// between its code points, and the cell is exactly that wide.
func TestPadKeepsGraphemes(t *testing.T) {
	for w := 1; w <= 12; w++ {
		for _, s := range []string{familyName, cjkName, "ab" + cjkName} {
			got := pad(s, w)
			if gw := ansi.StringWidth(got); gw != w {
				t.Errorf("pad(%q, %d) = %q, %d cells", s, w, got, gw)
			}
			whole := strings.Contains(got, "👩\u200d👩\u200d👧\u200d👦")
			if strings.Contains(got, "👩") && !whole {
				t.Errorf("pad(%q, %d) = %q: the emoji is split", s, w, got)
			}
		}
	}
}
