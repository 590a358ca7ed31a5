package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

// TestListKeys checks what each key does on the list, and what it does
// not do while the filter has the focus.
func TestListKeys(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew() // newest last: the list shows them in reverse
	newest := toks[len(toks)-1]

	tests := []struct {
		name   string
		keys   []string
		check  func(t *testing.T, m root, last []tea.Msg)
		finalK string // the key whose messages are checked
	}{
		{"cursor starts on the newest", nil, func(t *testing.T, m root, _ []tea.Msg) {
			if c, _ := m.list.current(); c.ID != newest.ID {
				t.Errorf("cursor on %s, want %s", c.ID, newest.ID)
			}
		}, ""},
		{"j and down move, k and up come back", []string{"j", "down", "k"},
			func(t *testing.T, m root, _ []tea.Msg) {
				if m.list.cursor != 1 {
					t.Errorf("cursor %d, want 1", m.list.cursor)
				}
			}, ""},
		{"the cursor stops at the ends", []string{"k", "G", "j", "j"},
			func(t *testing.T, m root, _ []tea.Msg) {
				if m.list.cursor != len(toks)-1 {
					t.Errorf("cursor %d, want %d", m.list.cursor, len(toks)-1)
				}
			}, ""},
		{"enter opens the details of the row", nil, func(t *testing.T, m root, last []tea.Msg) {
			if m.front != screenDetails || m.details.id != newest.ID {
				t.Errorf("front %d on %q, want details of %s", m.front, m.details.id, newest.ID)
			}
		}, "enter"},
		{"n starts the wizard", nil, func(t *testing.T, m root, _ []tea.Msg) {
			if m.front != screenWizard {
				t.Errorf("front %d, want the wizard", m.front)
			}
		}, "n"},
		{"q quits", nil, func(t *testing.T, m root, last []tea.Msg) {
			if _, ok := find[tea.QuitMsg](last); !ok {
				t.Errorf("q did not quit: %v", last)
			}
		}, "q"},
		{"q while filtering is text", []string{"/"}, func(t *testing.T, m root, last []tea.Msg) {
			if _, ok := find[tea.QuitMsg](last); ok {
				t.Error("q quit while typing a filter")
			}
			if m.list.filter.Value() != "q" {
				t.Errorf("filter %q, want q", m.list.filter.Value())
			}
		}, "q"},
		{"? toggles the full help", nil, func(t *testing.T, m root, _ []tea.Msg) {
			if !m.list.help.ShowAll || !strings.Contains(m.View(), "page down") {
				t.Errorf("full help not shown:\n%s", m.View())
			}
		}, "?"},
		{"? while filtering is text", []string{"/"}, func(t *testing.T, m root, _ []tea.Msg) {
			if m.list.help.ShowAll || m.list.filter.Value() != "?" {
				t.Errorf("help %t, filter %q", m.list.help.ShowAll, m.list.filter.Value())
			}
		}, "?"},
		{"the filter narrows the rows", []string{"/", "z", "a", "p"},
			func(t *testing.T, m root, _ []tea.Msg) {
				if m.list.total != 1 || m.list.query != "zap" {
					t.Errorf("%d rows for %q, want 1 for zap", m.list.total, m.list.query)
				}
			}, ""},
		{"enter keeps the filter, esc drops it", []string{"/", "c", "r", "m", "enter"},
			func(t *testing.T, m root, _ []tea.Msg) {
				if m.list.total != len(toks) || m.list.query != "" || m.list.showsFilter() {
					t.Errorf("%d rows for %q after esc", m.list.total, m.list.query)
				}
			}, "esc"},
		{"a filter matching nothing says so", []string{"/", "x", "y", "z"},
			func(t *testing.T, m root, _ []tea.Msg) {
				if !strings.Contains(m.View(), "No tokens match") {
					t.Errorf("no empty note:\n%s", m.View())
				}
			}, ""},
		{". offers Disable and Delete", nil, func(t *testing.T, m root, _ []tea.Msg) {
			if !m.list.menuOpen || len(m.list.menu.acts) != 2 ||
				m.list.menu.acts[0] != actDisable || m.list.menu.acts[1] != actDelete {
				t.Errorf("menu %t %v", m.list.menuOpen, m.list.menu.acts)
			}
		}, "."},
		{"a disabled token offers Enable", []string{"j", "j"},
			func(t *testing.T, m root, _ []tea.Msg) {
				if m.list.menu.acts[0] != actEnable {
					t.Errorf("menu %v", m.list.menu.acts)
				}
			}, "."},
		{"Delete asks first", []string{".", "down"}, func(t *testing.T, m root, _ []tea.Msg) {
			if !m.list.confirming || !strings.Contains(m.View(), "Delete token Flowgear orders") {
				t.Errorf("no question:\n%s", m.View())
			}
		}, "enter"},
		{"n answers no", []string{".", "down", "enter"}, func(t *testing.T, m root, _ []tea.Msg) {
			if m.list.confirming || m.list.total != len(toks) {
				t.Errorf("still asking %t, %d rows", m.list.confirming, m.list.total)
			}
		}, "n"},
		{"esc closes the menu", []string{"."}, func(t *testing.T, m root, _ []tea.Msg) {
			if m.list.menuOpen {
				t.Error("menu still open")
			}
		}, "esc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := keys(e.started(80, 24), tc.keys...)
			var last []tea.Msg
			if tc.finalK != "" {
				next, cmd := m.Update(press(tc.finalK))
				last = run(cmd)
				m = settle(next.(root), last...)
			}
			tc.check(t, m, last)
			checkFits(t, m.View(), 80, 24)
		})
	}
}

// TestListActions checks that the actions change the store, and that the
// list shows the result.
func TestListActions(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew()
	newest := toks[len(toks)-1]

	m := keys(e.started(80, 24), ".", "enter", "y")
	got, _ := e.st.Get(context.Background(), newest.ID)
	if got.DisabledAt == nil {
		t.Fatal("Disable did not disable")
	}
	if view := m.View(); !strings.Contains(view, "disabled: its key is refused") ||
		!strings.Contains(view, "Disabled") {
		t.Errorf("no sign of it on screen:\n%s", view)
	}

	m = keys(m, ".", "enter")
	got, _ = e.st.Get(context.Background(), newest.ID)
	if got.DisabledAt != nil {
		t.Error("Enable, which asks nothing, did not enable")
	}

	m = keys(m, ".", "down", "enter", "y")
	got, _ = e.st.Get(context.Background(), newest.ID)
	if got.DeletedAt == nil {
		t.Fatal("Delete did not delete")
	}
	if m.list.total != len(toks)-1 || strings.Contains(m.View(), "SU-100-200-004 ") {
		t.Errorf("deleted row still listed:\n%s", m.View())
	}
}

// TestListPaging checks that a long list loads pages around the cursor,
// never all of it, and shows every row it passes.
func TestListPaging(t *testing.T) {
	e := newEnv(t)
	m := newRoot(e.d)
	m = settle(m, tea.WindowSizeMsg{Width: 80, Height: 24})

	// A list of 1,000 tokens, told by the answers of a store that has them.
	rows := func(offset, n int) []store.Token {
		out := make([]store.Token, n)
		for i := range out {
			out[i] = store.Token{ID: "SU-000-000-" + pad3(offset+i), Name: "t" + pad3(offset+i)}
		}
		return out
	}
	const total = 1000
	m = settle(m, pageMsg{seq: m.list.loadSeq, page: page{offset: 0, rows: rows(0, pageSize)},
		total: total})
	if m.list.total != total || len(m.list.page.rows) != pageSize {
		t.Fatalf("total %d, %d rows", m.list.total, len(m.list.page.rows))
	}

	// Moving inside the page asks for nothing.
	next, cmd := m.Update(press("pgdown"))
	m = next.(root)
	if cmd != nil {
		if _, ok := find[pageMsg](run(cmd)); ok {
			t.Error("moving inside the loaded page loaded a page")
		}
	}

	// The last row is outside it: a page around it is asked for.
	next, cmd = m.Update(press("G"))
	m = next.(root)
	if m.list.pending < total-pageSize || cmd == nil {
		t.Fatalf("pending offset %d for the last row", m.list.pending)
	}
	if !strings.Contains(m.View(), "…") {
		t.Errorf("rows not loaded yet show no placeholder:\n%s", m.View())
	}
	m = settle(m, pageMsg{seq: m.list.loadSeq, page: page{offset: m.list.pending,
		rows: rows(m.list.pending, total-m.list.pending)}, total: total})
	if c, ok := m.list.current(); !ok || c.Name != "t999" {
		t.Errorf("cursor on %+v, want t999", c)
	}

	// An answer to a load that was superseded changes nothing.
	before := m.list.page
	m = settle(m, pageMsg{seq: m.list.loadSeq - 1, page: page{offset: 0, rows: rows(0, 3)},
		total: 3})
	if m.list.total != total || m.list.page.offset != before.offset {
		t.Errorf("a stale page replaced the current one")
	}
}

func pad3(n int) string { return fmt.Sprintf("%03d", n) }

// TestListLoadError checks that a failed load keeps the rows on screen,
// says what went wrong, and that the next answer clears it.
func TestListLoadError(t *testing.T) {
	e := newEnv(t)
	e.seedFew()
	m := e.started(80, 24)
	rows := m.list.total

	next, _ := m.Update(pageMsg{seq: m.list.loadSeq, err: errors.New("database is locked")})
	m = next.(root)
	m.list.loadSeq++ // the answer above was for this load
	next, _ = m.Update(pageMsg{seq: m.list.loadSeq, err: errors.New("database is locked")})
	m = next.(root)
	view := m.View()
	if !strings.Contains(view, "Could not read the tokens: database is locked") ||
		m.list.total != rows || !strings.Contains(view, "CRM sync") {
		t.Errorf("error not shown, or rows lost:\n%s", view)
	}

	m = settle(m, changeMsg{change: m.list.lastChange})
	if strings.Contains(m.View(), "Could not read") {
		t.Errorf("error still shown after a good load:\n%s", m.View())
	}
}

// TestListEmpty checks that an empty database says how to start.
func TestListEmpty(t *testing.T) {
	m := newEnv(t).started(80, 24)
	if view := m.View(); !strings.Contains(view, "Press n to create your first token") {
		t.Errorf("no hint:\n%s", view)
	}
}

// TestColumns checks which columns a width keeps: Name shrinks first,
// then Created goes, then Extension.
func TestColumns(t *testing.T) {
	tests := []struct {
		width int
		want  string
	}{
		{120, "Name ID Extension Created Expires Status"},
		{87, "Name ID Extension Created Expires Status"},
		{86, "Name ID Extension Created:date Expires Status"},
		{81, "Name ID Extension Created:date Expires Status"},
		{80, "Name ID Extension Created:date Expires:date Status"},
		{75, "Name ID Extension Created:date Expires:date Status"},
		{74, "Name ID Extension Expires Status"},
		{69, "Name ID Extension Expires Status"},
		{68, "Name ID Extension Expires:date Status"},
		{63, "Name ID Extension Expires:date Status"},
		{62, "Name ID Expires Status"},
		{60, "Name ID Expires Status"},
	}
	for _, tc := range tests {
		cols := columnsFor(tc.width)
		var names []string
		used := markWidth + columnGap*(len(cols)-1)
		for _, c := range cols {
			name := c.title
			if c.dateOnly {
				name += ":date"
			}
			names = append(names, name)
			used += c.width
		}
		if got := strings.Join(names, " "); got != tc.want {
			t.Errorf("width %d: %s, want %s", tc.width, got, tc.want)
		}
		if used != tc.width || cols[0].width < minNameWidth {
			t.Errorf("width %d: columns take %d, name %d", tc.width, used, cols[0].width)
		}
	}
}
