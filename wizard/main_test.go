package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// testZone is the local time zone of every test, whatever TZ the machine
// has, so dates in goldens and parsed custom dates do not move.
var testZone = time.FixedZone("UTC+2", 2*60*60)

// testNow is the fixed clock: Friday 14 March 2025, 09:30 local time.
var testNow = time.Date(2025, time.March, 14, 9, 30, 0, 0, testZone)

func clock() time.Time { return testNow }

func TestMain(m *testing.M) {
	time.Local = testZone
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

var testStyles = ui.DefaultStyles()

// openStore opens a fresh database on the fixed clock.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "tokens.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// press turns a key's name, as PRODUCT.md writes it, into the message
// Bubble Tea sends for it. Anything else is typed as text.
func press(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "ctrl+j":
		return tea.KeyMsg{Type: tea.KeyCtrlJ}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// drain runs a command, and every command batched in it, and returns the
// messages they produce. The models return only commands that answer at
// once or from the store, never timers, so this does not wait.
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var msgs []tea.Msg
		for _, c := range batch {
			msgs = append(msgs, drain(c)...)
		}
		return msgs
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// signal is the first SubmitMsg, BackMsg, CancelledMsg or DoneMsg among
// msgs, or nil; other messages (cursor blinks) are not signals.
func signal(msgs []tea.Msg) tea.Msg {
	for _, m := range msgs {
		switch m.(type) {
		case SubmitMsg, BackMsg, CancelledMsg, DoneMsg:
			return m
		}
	}
	return nil
}

// checkFits fails when a view is wider or taller than its area.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view is %d lines tall, area is %d:\n%s", len(lines), h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d cells wide, area is %d: %q", i+1, lw, w, l)
		}
	}
}

// The text fields answer every key with a timer that blinks the cursor.
// Tests run commands to see what a step signals, so they give the timers
// no time to wait: the blink still happens, at once.

func quickGeneral(g General) General {
	g.name.Cursor.BlinkSpeed = 0
	g.externalID.Cursor.BlinkSpeed = 0
	g.description.Cursor.BlinkSpeed = 0
	return g
}

func quickExpiration(e Expiration) Expiration {
	e.date.Cursor.BlinkSpeed = 0
	return e
}

func quickModel(m Model) Model {
	m.general = quickGeneral(m.general)
	m.expiration = quickExpiration(m.expiration)
	return m
}
