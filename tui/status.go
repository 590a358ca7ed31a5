package tui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

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
	// passing marks an error about what is on screen, such as a failed
	// copy, which dismiss clears along with the successes.
	passing bool
	// name is a token's name within text: a name may be 128 characters,
	// so it is what gets cut to keep the message on one line.
	name string
}

// statusExpiredMsg clears a success once its time is up, unless another
// message replaced it meanwhile.
type statusExpiredMsg struct {
	owner screen
	seq   int
}

func (s statusLine) set(kind statusKind, text string) statusLine {
	s.kind, s.text, s.passing, s.name = kind, ui.OneLine(text), false, ""
	s.seq++
	return s
}

// about marks name, which the message on the line holds, as the part to
// cut when the message is too long for one line.
func (s statusLine) about(name string) statusLine {
	s.name = ui.OneLine(name)
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

// failHere shows an error about what is on screen; it stays until
// dismissed or replaced.
func (s statusLine) failHere(text string) statusLine {
	s = s.set(statusError, text)
	s.passing = true
	return s
}

// dismiss clears what concerned only the screen the user is leaving: a
// success, or an error shown with failHere. Other errors, such as a
// failed read that is being retried, stay.
func (s statusLine) dismiss() statusLine {
	if s.kind == statusOK || s.passing {
		return s.clear()
	}
	return s
}

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

// maxStatusLines is how tall the status line may grow. A token's name in
// a message is cut to keep it on one line; what is left is wrapped rather
// than cut, so its end (what to do next) stays readable. The longest
// messages, a renewal's or an error's, take two lines at 80 columns; the
// third is for the narrowest window.
const maxStatusLines = 3

// minStatusName is the least of a token's name a message keeps, so it still
// says which token; below it the message wraps instead.
const minStatusName = 12

// lines is the message in width cells: on one line, with the token's name
// cut to make room, or else wrapped to at most maxStatusLines lines.
func (s statusLine) lines(width int) []string {
	text := s.text
	if over := ansi.StringWidth(text) - width; s.name != "" && over > 0 {
		keep := max(ansi.StringWidth(s.name)-over, minStatusName)
		text = strings.Replace(text, s.name, ui.Truncate(s.name, keep), 1)
	}
	return strings.Split(ui.ClampLines(ui.Wrap(text, width), maxStatusLines), "\n")
}

// view is the message fitted to width; an empty line keeps the layout
// still.
func (s statusLine) view(styles ui.Styles, width int) string {
	style := styles.Muted
	switch s.kind {
	case statusNone:
		return ""
	case statusOK:
		style = styles.Success
	case statusError:
		style = styles.Error
	}
	lines := s.lines(width)
	for i, l := range lines {
		lines[i] = style.Render(ui.Truncate(l, width))
	}
	return strings.Join(lines, "\n")
}

// height is how many lines view takes at width.
func (s statusLine) height(width int) int {
	if s.kind == statusNone {
		return 1
	}
	return len(s.lines(width))
}
