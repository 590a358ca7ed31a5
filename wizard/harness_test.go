package wizard

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// harness runs the wizard as a program the way a parent screen would:
// it sizes it from the window and quits when the wizard says it is done.
type harness struct {
	wizard Model
	done   tea.Msg // the CancelledMsg or DoneMsg the wizard ended with
}

func (h harness) Init() tea.Cmd { return h.wizard.Init() }

func (h harness) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.wizard = h.wizard.SetSize(msg.Width, msg.Height)
		return h, nil
	case CancelledMsg, DoneMsg:
		h.done = msg
		return h, tea.Quit
	}
	var cmd tea.Cmd
	h.wizard, cmd = h.wizard.Update(msg)
	return h, cmd
}

func (h harness) View() string { return h.wizard.View() }

// session is a running wizard and the keys a test presses in it.
type session struct {
	t  *testing.T
	tm *teatest.TestModel
}

func startSession(t *testing.T, m Model, w, h int) *session {
	t.Helper()
	tm := teatest.NewTestModel(t, harness{wizard: m}, teatest.WithInitialTermSize(w, h))
	return &session{t: t, tm: tm}
}

// keys presses each key in turn.
func (s *session) keys(keys ...string) *session {
	for _, k := range keys {
		s.tm.Send(press(k))
	}
	return s
}

// typed types text into the focused field, one key at a time.
func (s *session) typed(text string) *session {
	s.tm.Type(text)
	return s
}

// pasted delivers text in one message, as a terminal delivers a paste; the
// goldens use it for their long values to keep the tests quick.
func (s *session) pasted(text string) *session {
	s.tm.Send(press(text))
	return s
}

// waitFor waits until the screen shows text. A step changes on a message
// that comes back from a command, so a test waits for the new step before
// pressing the keys meant for it.
func (s *session) waitFor(text string) *session {
	s.t.Helper()
	teatest.WaitFor(s.t, s.tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	return s
}

// finish quits, if the wizard has not ended itself, and returns the final
// state.
func (s *session) finish() harness {
	s.t.Helper()
	if err := s.tm.Quit(); err != nil {
		s.t.Fatal(err)
	}
	return s.tm.FinalModel(s.t, teatest.WithFinalTimeout(5*time.Second)).(harness)
}

// ended waits for the wizard to end by itself and returns the final state.
func (s *session) ended() harness {
	s.t.Helper()
	return s.tm.FinalModel(s.t, teatest.WithFinalTimeout(5*time.Second)).(harness)
}
