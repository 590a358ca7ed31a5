package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/ui"
)

// statusLifetime is how long a success stays in the status line. Errors
// stay until something replaces them, so none is missed.
const statusLifetime = 5 * time.Second

type statusKind int

const (
	statusNone statusKind = iota
	statusBusy            // something runs, such as a save
	statusOK
	statusError
)

// statusLine is the one line above a screen's help: what just happened,
// what is running, or what went wrong.
type statusLine struct {
	owner screen
	tick  func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	kind  statusKind
	text  string
	seq   int // tells a stale expiry apart from the current message's
}

// statusExpiredMsg clears a success once its time is up, unless another
// message replaced it meanwhile.
type statusExpiredMsg struct {
	owner screen
	seq   int
}

func (s statusLine) set(kind statusKind, text string) statusLine {
	s.kind, s.text = kind, ui.OneLine(text)
	s.seq++
	return s
}

// ok shows a success and schedules its removal.
func (s statusLine) ok(text string) (statusLine, tea.Cmd) {
	s = s.set(statusOK, text)
	owner, seq := s.owner, s.seq
	return s, s.tick(statusLifetime, func(time.Time) tea.Msg {
		return statusExpiredMsg{owner: owner, seq: seq}
	})
}

// busy shows work in progress; the answer replaces it.
func (s statusLine) busy(text string) statusLine { return s.set(statusBusy, text) }

// fail shows an error until something replaces it.
func (s statusLine) fail(text string) statusLine { return s.set(statusError, text) }

// clear empties the line.
func (s statusLine) clear() statusLine { return s.set(statusNone, "") }

// failing reports whether the line shows an error.
func (s statusLine) failing() bool { return s.kind == statusError }

// expired clears the line if msg is about the message on it.
func (s statusLine) expired(msg statusExpiredMsg) statusLine {
	if msg.owner == s.owner && msg.seq == s.seq {
		return s.clear()
	}
	return s
}

// view is the line cut to width; an empty line keeps the layout still.
func (s statusLine) view(styles ui.Styles, width int) string {
	text := ui.Truncate(s.text, width)
	switch s.kind {
	case statusOK:
		return styles.Success.Render(text)
	case statusError:
		return styles.Error.Render(text)
	case statusBusy:
		return styles.Muted.Render(text)
	}
	return ""
}
