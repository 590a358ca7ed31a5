package wizard

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// customRow is the list index of Custom date, after the presets.
var customRow = len(dates.Presets)

// labelWidth lines the preset dates up in a column.
const labelWidth = len("Never expires") + 2

// Expiration is the step that chooses when a key stops working: a preset
// counted from now, never, or a custom date. It serves the wizard's step 2
// and the details screen's Rotate and Renew.
type Expiration struct {
	styles ui.Styles
	now    func() time.Time
	keys   listKeys
	submit string

	cursor int             // the highlighted row: a preset, or customRow
	date   textinput.Model // the custom date, DD/MM/YYYY HH:MM
	inDate bool            // the date field has the focus

	reason  string // why the custom date was refused
	stepErr string // an error from the store

	width, height int
}

// NewExpiration builds the step with the cursor on Never expires, the
// first row. now is read whenever a date is shown or chosen, so the list
// stays true while the step is open.
func NewExpiration(styles ui.Styles, now func() time.Time) Expiration {
	date := textinput.New()
	date.Prompt = blurredPrompt
	date.Placeholder = "DD/MM/YYYY HH:MM"
	date.CharLimit = len(dates.Layout)
	// The placeholder shares Width with the prompt and the cursor, so a
	// width of the value alone would cut it to "DD/MM/YYYY HH:…".
	date.Width = lipgloss.Width(focusedPrompt) + len(dates.Layout) + 1
	date.PromptStyle = styles.Blurred
	date.TextStyle = styles.Text
	date.PlaceholderStyle = styles.Muted
	date.Cursor.Style = styles.Focused

	e := Expiration{styles: styles, now: now, keys: newListKeys(), submit: "next step", date: date}
	e.relabel()
	return e.SetSize(ui.MinWidth, ui.MinHeight)
}

// Init starts the date field's cursor blinking once it has the focus.
func (e Expiration) Init() tea.Cmd { return textinput.Blink }

// SetLabels names, in the footer, what enter does on the chosen row (such
// as "next step" or "rotate") and what esc does.
func (e Expiration) SetLabels(submit, back string) Expiration {
	e.submit = submit
	e.keys.Back.SetHelp("esc", back)
	e.relabel()
	return e
}

// SetSize gives the step its area.
func (e Expiration) SetSize(w, h int) Expiration {
	e.width, e.height = w, h
	return e
}

// Typing reports whether the custom date field has the focus.
func (e Expiration) Typing() bool { return e.inDate }

// Expiry is the chosen expiry as of the clock's current time, nil for
// never, or the reason a custom date is refused.
func (e Expiration) Expiry() (*time.Time, error) {
	if e.cursor != customRow {
		return dates.Presets[e.cursor].From(e.now()), nil
	}
	t, err := dates.ParseCustom(e.date.Value(), e.now())
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// SetError shows an error from the store: an expiry error beside the custom
// date when that is the choice, anything else under the list.
func (e Expiration) SetError(err error) Expiration {
	if err == nil {
		return e
	}
	if fieldOf(err) == store.FieldExpiry && e.cursor == customRow {
		e.reason = reason(err)
		return e
	}
	e.stepErr = err.Error()
	return e
}

// KeyMap is the step's keys, for a footer drawn by bubbles help.
func (e Expiration) KeyMap() help.KeyMap { return e.keys }

// Update moves through the list and edits the date. It sends BackMsg on
// esc or shift+tab from the list, and SubmitMsg on enter on a preset or on
// a valid custom date.
func (e Expiration) Update(msg tea.Msg) (Expiration, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		var cmd tea.Cmd
		e.date, cmd = e.date.Update(msg)
		return e, cmd
	}

	switch {
	case key.Matches(km, e.keys.Back):
		return e, emit(BackMsg{Step: StepExpiration})
	case key.Matches(km, e.keys.Prev):
		if e.inDate {
			return e.focusList(), nil
		}
		return e, emit(BackMsg{Step: StepExpiration})
	case key.Matches(km, e.keys.NextField):
		if e.inDate {
			return e.focusList(), nil
		}
		return e.focusDate()
	case key.Matches(km, e.keys.Up):
		e.cursor = max(e.cursor-1, 0)
		e.stepErr = ""
		e.relabel()
		return e, nil
	case key.Matches(km, e.keys.Down):
		e.cursor = min(e.cursor+1, customRow)
		e.stepErr = ""
		e.relabel()
		return e, nil
	case key.Matches(km, e.keys.Next):
		if e.cursor == customRow && !e.inDate {
			return e.focusDate()
		}
		return e.submitted()
	}

	if !e.inDate {
		return e, nil
	}
	var cmd tea.Cmd
	e.date, cmd = e.date.Update(km)
	// A date is invalid until its last digit is typed, so the reason goes
	// with the first edit instead of following every keystroke.
	e.reason = ""
	return e, cmd
}

func (e Expiration) submitted() (Expiration, tea.Cmd) {
	if _, err := e.Expiry(); err != nil {
		e.reason = reason(err)
		return e, nil
	}
	e.reason, e.stepErr = "", ""
	return e, emit(SubmitMsg{Step: StepExpiration})
}

func (e Expiration) focusDate() (Expiration, tea.Cmd) {
	e.inDate = true
	e.date.Focus()
	e.date.Prompt, e.date.PromptStyle = focusedPrompt, e.styles.Focused
	e.relabel()
	return e, restartBlink
}

func (e Expiration) focusList() Expiration {
	e.inDate = false
	e.date.Blur()
	e.date.Prompt, e.date.PromptStyle = blurredPrompt, e.styles.Blurred
	e.relabel()
	return e
}

func (e Expiration) focusFirst() (Expiration, tea.Cmd) { return e.focusList(), nil }

// focusLast puts a user who comes back to the step where they left: in the
// date field when Custom date was the choice.
func (e Expiration) focusLast() (Expiration, tea.Cmd) {
	if e.cursor == customRow {
		return e.focusDate()
	}
	return e.focusList(), nil
}

// relabel keeps the footer true: k/j belong to the date field while it has
// the focus, and tab only leads somewhere when Custom date is highlighted.
func (e *Expiration) relabel() {
	e.keys.Up.SetEnabled(!e.inDate)
	e.keys.Down.SetEnabled(!e.inDate)
	e.keys.Move.SetEnabled(!e.inDate)
	e.keys.Help.SetEnabled(!e.inDate)
	e.keys.NextField.SetEnabled(e.cursor == customRow)
	switch {
	case e.inDate:
		e.keys.Next.SetHelp("enter", e.submit)
		e.keys.NextField.SetHelp("tab", "list")
		e.keys.Prev.SetHelp("shift+tab", "list")
	case e.cursor == customRow:
		e.keys.Next.SetHelp("enter", "type a date")
		e.keys.NextField.SetHelp("tab", "date field")
		e.keys.Prev.SetHelp("shift+tab", e.keys.Back.Help().Desc)
	default:
		e.keys.Next.SetHelp("enter", e.submit)
		e.keys.Prev.SetHelp("shift+tab", e.keys.Back.Help().Desc)
	}
}

// View lists the choices, each preset with the date it gives from now, and
// under Custom date its field when that row is highlighted.
func (e Expiration) View() string {
	s, w := e.styles, e.width
	now := e.now()

	var b strings.Builder
	for i, p := range dates.Presets {
		label := fmt.Sprintf("%-*s", labelWidth, p.Label)
		b.WriteString(e.row(i, label))
		if !p.Never() {
			b.WriteString(s.Muted.Render(dates.Format(p.From(now))))
		}
		b.WriteString("\n")
	}
	b.WriteString(e.row(customRow, "Custom date"))

	if e.cursor == customRow {
		label := fieldLabel(s, "Date and time", "(DD/MM/YYYY HH:MM, local time)", "", w-4)
		b.WriteString("\n\n" + indent(label, 4))
		b.WriteString("\n" + indent(e.date.View(), 4))
		if e.reason != "" {
			b.WriteString("\n" + indent(errorLine(s, e.reason, w-4), 4))
		}
	}
	if e.stepErr != "" {
		b.WriteString("\n\n" + errorLine(s, e.stepErr, w))
	}
	return fit(b.String(), w, e.height)
}

// row draws a list row's mark and label, highlighted under the cursor; the
// highlight dims while the date field has the focus.
func (e Expiration) row(i int, label string) string {
	if i != e.cursor {
		return cursorMark(false) + e.styles.Text.Render(label)
	}
	if e.inDate {
		return cursorMark(true) + e.styles.Label.Render(label)
	}
	return cursorMark(true) + e.styles.Selected.Render(label)
}

// indent shifts every line of s right by n spaces.
func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}
