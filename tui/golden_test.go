package tui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/apitokens/apitokens/store"
)

// probe runs the root model under teatest and publishes every view it
// would draw, so a test can wait for a screen by its text rather than by
// reading the renderer's escape codes.
type probe struct {
	root
	view *atomic.Pointer[string]
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := p.root.Update(msg)
	p.root = next.(root)
	v := p.root.View()
	p.view.Store(&v)
	return p, cmd
}

// session is the program a golden test drives.
type session struct {
	t    *testing.T
	tm   *teatest.TestModel
	view *atomic.Pointer[string]
}

func (e *env) session(w, h int) *session {
	p := probe{root: newRoot(e.d), view: &atomic.Pointer[string]{}}
	tm := teatest.NewTestModel(e.t, p, teatest.WithInitialTermSize(w, h))
	return &session{t: e.t, tm: tm, view: p.view}
}

// press sends keys one by one, each after the screen showed the last.
func (s *session) press(ks ...string) *session {
	for _, k := range ks {
		s.tm.Send(press(k))
	}
	return s
}

// waitFor waits until the screen shows text.
func (s *session) waitFor(text string) *session {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if v := s.view.Load(); v != nil && strings.Contains(*v, text) {
			return s
		}
		time.Sleep(5 * time.Millisecond)
	}
	v := s.view.Load()
	if v == nil {
		s.t.Fatalf("waiting for %q: nothing drawn", text)
	}
	s.t.Fatalf("waiting for %q on:\n%s", text, *v)
	return s
}

// final quits and returns the last view, as plain text.
func (s *session) final() string {
	s.t.Helper()
	if err := s.tm.Quit(); err != nil {
		s.t.Fatal(err)
	}
	m := s.tm.FinalModel(s.t, teatest.WithFinalTimeout(10*time.Second)).(probe)
	return ansi.Strip(m.root.View())
}

// TestGolden pins every screen at 80x24 and 120x40.
func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		seed  func(e *env) store.Token
		drive func(s *session, tok store.Token)
	}{
		{"list_empty", nil, func(s *session, _ store.Token) {
			s.waitFor("No tokens yet")
		}},
		{"list_rows", seedAll, func(s *session, _ store.Token) {
			s.waitFor("1 of 4 tokens").press("j").waitFor("2 of 4 tokens")
		}},
		{"list_filter", seedAll, func(s *session, _ store.Token) {
			s.waitFor("1 of 4 tokens").press("/", "o", "r").waitFor("1 of 2 matches")
		}},
		{"list_filter_none", seedAll, func(s *session, _ store.Token) {
			s.waitFor("1 of 4 tokens").press("/", "z", "z", "z", "z").waitFor("No tokens match")
		}},
		{"list_wide_names", seedWide, func(s *session, _ store.Token) {
			s.waitFor("1 of 7 tokens")
		}},
		{"list_menu", seedAll, func(s *session, _ store.Token) {
			s.waitFor("1 of 4 tokens").press(".").waitFor("> Disable")
		}},
		{"list_confirm", seedAll, func(s *session, _ store.Token) {
			s.waitFor("1 of 4 tokens").press(".", "down", "enter").waitFor("y/n")
		}},
		{"details_general", seedAll, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("enter").waitFor("History")
		}},
		{"details_revealed", seedAll, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("enter").waitFor("History").
				press("v").waitFor(tok.Key())
		}},
		{"details_statistics_empty", seedAll, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("enter").waitFor("History").
				press("2").waitFor("No requests in the last 30 days")
		}},
		{"details_statistics", seedTraffic, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("enter").waitFor("History").
				press("2").waitFor("2xx 1,")
		}},
		{"details_permissions", seedAll, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("down", "down", "down", "enter").
				waitFor("History").press("3").waitFor("modules enabled")
		}},
		{"details_menu", seedAll, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("enter").waitFor("History").
				press(".").waitFor("> Disable")
		}},
		{"details_help", seedAll, func(s *session, tok store.Token) {
			s.waitFor("1 of 4 tokens").press("enter").waitFor("History").
				press("?").waitFor("fewer")
		}},
		{"wizard_help", nil, func(s *session, _ store.Token) {
			s.waitFor("No tokens yet").press("n").waitFor("Step 1 of 5").
				press("Nightly").waitFor("Nightly").press("enter", "enter", "Exports").
				waitFor("(7/255)").press("enter").waitFor("Step 2 of 5").
				press("?").waitFor("fewer")
		}},
	}
	for _, tc := range cases {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				e := newEnv(t)
				var tok store.Token
				if tc.seed != nil {
					tok = tc.seed(e)
				}
				s := e.session(size[0], size[1])
				tc.drive(s, tok)
				view := s.final()
				checkFits(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// seedAll makes four tokens and returns the newest, which the list shows
// first.
func seedAll(e *env) store.Token {
	toks := e.seedFew()
	d := toks[len(toks)-1]
	if _, err := e.st.Update(context.Background(), d.ID, store.Edit{
		Name: d.Name, ExternalID: "FG-77",
		Description: "Pushes confirmed orders from the storefront into Flowgear, " +
			"every five minutes, and reads back the shipping status.",
	}); err != nil {
		e.t.Fatal(err)
	}
	got, err := e.st.Get(context.Background(), d.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return got
}

// seedTraffic is seedAll with a month of requests to the newest token.
func seedTraffic(e *env) store.Token {
	tok := seedAll(e)
	var counts []store.Usage
	for i := range 30 {
		day := e.clock.Now().UTC().AddDate(0, 0, -i).Format(store.DayFormat)
		counts = append(counts,
			store.Usage{TokenID: tok.ID, Day: day, Code: 200, Count: int64(40 + (i*7)%25)},
			store.Usage{TokenID: tok.ID, Day: day, Code: 301, Count: int64(i % 4)},
			store.Usage{TokenID: tok.ID, Day: day, Code: 403, Count: int64((i * 3) % 11)})
	}
	if err := e.st.RecordUsage(context.Background(), counts,
		map[string]time.Time{tok.ID: e.clock.Now().Add(-time.Hour)}); err != nil {
		e.t.Fatal(err)
	}
	return tok
}
