package tui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

// TestDetailsScrollClamped checks the tester's steps: the General tab
// scrolled at 60x20, then the window enlarged to 120x40. The tab must start
// at the top again, with the key and the description on screen.
func TestDetailsScrollClamped(t *testing.T) {
	e := newEnv(t)
	tok := seedAll(e)
	m := keys(e.opened(tok, 60, 20), "j", "j", "j", "j", "j")
	if m.details.body.YOffset == 0 {
		t.Fatalf("j did not scroll at 60x20:\n%s", m.View())
	}
	if v := m.View(); !strings.Contains(v, "↑ 5 more") {
		t.Errorf("no sign of the lines above:\n%s", v)
	}

	m = settle(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	v := m.View()
	if m.details.body.YOffset != 0 || !strings.Contains(v, "API key") ||
		!strings.Contains(v, "Description") {
		t.Errorf("offset %d after growing:\n%s", m.details.body.YOffset, v)
	}
	if strings.Contains(v, "↑ ") || strings.Contains(v, "↓ ") {
		t.Errorf("a more mark with nothing hidden:\n%s", v)
	}
	checkFits(t, v, 120, 40)

	// Shrunk again, the offset is kept inside the content, and the keys
	// that scroll back work.
	m = keys(settle(m, tea.WindowSizeMsg{Width: 60, Height: 20}), "pgdown", "pgdown", "pgdown")
	bottom := m.details.body.YOffset
	if bottom == 0 || !m.details.body.AtBottom() {
		t.Fatalf("pgdown did not reach the bottom: offset %d", bottom)
	}
	if v := m.View(); !strings.Contains(v, "↑ ") || strings.Contains(v, "↓ ") {
		t.Errorf("at the bottom the mark should point up only:\n%s", v)
	}
	m = keys(m, "k")
	if m.details.body.YOffset != bottom-1 {
		t.Errorf("k from the bottom: offset %d, want %d", m.details.body.YOffset, bottom-1)
	}
}

// TestDetailsMoreMark checks that a General tab taller than the screen says
// so on its last line, as the wizard's Permissions list does.
func TestDetailsMoreMark(t *testing.T) {
	e := newEnv(t)
	tok := seedAll(e)
	m := e.opened(tok, 60, 20)
	total, shown := m.details.body.TotalLineCount(), m.details.body.Height
	lines := strings.Split(m.View(), "\n")
	mark := strings.TrimSpace(lines[len(lines)-3]) // above the status line and the help
	if want := "↓ " + itoa(total-shown) + " more"; mark != want {
		t.Errorf("mark %q, want %q:\n%s", mark, want, m.View())
	}
	checkFits(t, m.View(), 60, 20)
}

func itoa(n int) string { return thousands(n) }

// TestHistoryHeadingKeepsAnEntry checks the General tab at heights from 16
// to 30 and at every scroll offset, with descriptions of one to eight
// lines and a long history, so that the History heading lands on each
// line of the screen in turn: wherever it shows, a change shows under it,
// never only the more mark.
func TestHistoryHeadingKeepsAnEntry(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	ctx := context.Background()
	for range 8 { // 16 more changes, so the history runs off every screen
		if _, err := e.st.Disable(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.st.Enable(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
	}
	for n := 1; n <= 8; n++ {
		desc := strings.TrimSuffix(strings.Repeat("A line of the description\n", n), "\n")
		if _, err := e.st.Update(ctx, tok.ID, store.Edit{Name: tok.Name,
			ExternalID: tok.ExternalID, Description: desc}); err != nil {
			t.Fatal(err)
		}
		for h := 16; h <= 30; h += 2 {
			m := e.opened(tok, 80, h)
			for step := 0; ; step++ {
				v := m.View()
				lines := strings.Split(v, "\n")
				for i, l := range lines {
					if strings.TrimSpace(l) == "History" && !dateLine.MatchString(lines[i+1]) {
						t.Errorf("%d lines of description at 80x%d, %d down: the heading is "+
							"followed by %q:\n%s", n, h, step, lines[i+1], v)
					}
				}
				checkFits(t, v, 80, h)
				if m.details.body.AtBottom() {
					break
				}
				m = keys(m, "down")
			}
		}
	}
}

// dateLine is a history entry's first line.
var dateLine = regexp.MustCompile(`^\d\d/\d\d/\d{4} \d\d:\d\d  `)
