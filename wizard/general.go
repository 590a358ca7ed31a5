package wizard

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// GeneralValues are the General step's fields as typed, untrimmed; the
// store trims them when it saves.
type GeneralValues struct {
	Name        string
	ExternalID  string
	Description string
}

// generalField is a field of the General step, in tab order.
type generalField int

const (
	fieldName generalField = iota
	fieldExternalID
	fieldDescription
	generalFields // how many there are
)

// The description box's height bounds, in lines; it takes what the window
// leaves between them.
const (
	minDescriptionLines = 2
	maxDescriptionLines = 6
)

// General is the step with a token's name, external ID and description. It
// serves the wizard's step 1 and the details screen's edit.
type General struct {
	st     *store.Store
	self   string
	styles ui.Styles
	keys   formKeys
	submit string // what enter on the last field is called in the footer

	name        textinput.Model
	externalID  textinput.Model
	description textarea.Model
	focus       generalField

	reasons  [generalFields]string // why each field was refused, or ""
	stepErr  string                // an error that belongs to no field
	checking bool                  // the external ID check is running

	width, height int
}

// NewGeneral builds the step with initial values. self is the ID of the
// token being edited, so the uniqueness check of the external ID does not
// count the token itself; pass "" for a new token. st may be nil only in
// tests that do not submit an external ID.
func NewGeneral(st *store.Store, styles ui.Styles, v GeneralValues, self string) General {
	g := General{
		st:          st,
		self:        self,
		styles:      styles,
		keys:        newFormKeys(),
		submit:      "next step",
		name:        newTextInput(styles, "What the token is for, at a glance"),
		externalID:  newTextInput(styles, "Your own reference, such as a ticket number"),
		description: newDescription(styles),
	}
	g.name.SetValue(v.Name)
	g.externalID.SetValue(v.ExternalID)
	g.description.SetValue(v.Description)
	g, _ = g.focusOn(fieldName)
	return g.SetSize(ui.MinWidth, ui.MinHeight)
}

func newTextInput(styles ui.Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = blurredPrompt
	in.Placeholder = placeholder
	in.CharLimit = 0 // over-long values are refused with a reason, not cut silently
	in.PromptStyle = styles.Blurred
	in.TextStyle = styles.Text
	in.PlaceholderStyle = styles.Muted
	in.Cursor.Style = styles.Focused
	return in
}

func newDescription(styles ui.Styles) textarea.Model {
	ta := textarea.New()
	ta.Placeholder = "Who uses it, and why"
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	// enter moves on to the next step, so a line break needs its own key.
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("ctrl+j"))
	ta.FocusedStyle = textarea.Style{
		Base: styles.Text, CursorLine: styles.Text, Text: styles.Text,
		Placeholder: styles.Muted, Prompt: styles.Focused, EndOfBuffer: styles.Muted,
		LineNumber: styles.Muted, CursorLineNumber: styles.Muted,
	}
	ta.BlurredStyle = textarea.Style{
		Base: styles.Text, CursorLine: styles.Text, Text: styles.Text,
		Placeholder: styles.Muted, Prompt: styles.Blurred, EndOfBuffer: styles.Muted,
		LineNumber: styles.Muted, CursorLineNumber: styles.Muted,
	}
	ta.Cursor.Style = styles.Focused
	return ta
}

// Init starts the cursor blinking.
func (g General) Init() tea.Cmd { return textinput.Blink }

// SetLabels names, in the footer, what enter does on the last field (such
// as "next step" or "save") and what esc does (such as "cancel").
func (g General) SetLabels(submit, back string) General {
	g.submit = submit
	g.keys.Back.SetHelp("esc", back)
	g.relabel()
	return g
}

// SetSize gives the step its area; the description box takes the height
// the other fields leave.
func (g General) SetSize(w, h int) General {
	g.width, g.height = w, h
	inputWidth := max(1, w-lipgloss.Width(g.name.Prompt)-1)
	g.name.Width = inputWidth
	g.externalID.Width = inputWidth
	g.description.SetWidth(w)

	// Two labelled one-line fields with a gap under each, the description's
	// label, and one line for a message under the box.
	const fixed = 2*3 + 1 + 1
	g.description.SetHeight(min(max(h-fixed, minDescriptionLines), maxDescriptionLines))
	return g
}

// Typing is always true: one of the three text fields has the focus.
func (g General) Typing() bool { return true }

// Values returns the fields as typed.
func (g General) Values() GeneralValues {
	return GeneralValues{
		Name:        g.name.Value(),
		ExternalID:  g.externalID.Value(),
		Description: g.description.Value(),
	}
}

// SetError shows an error from the store: a FieldError beside its field,
// anything else under the fields.
func (g General) SetError(err error) General {
	switch fieldOf(err) {
	case store.FieldName:
		g.reasons[fieldName] = reason(err)
	case store.FieldExternalID:
		g.reasons[fieldExternalID] = reason(err)
	case store.FieldDescription:
		g.reasons[fieldDescription] = reason(err)
	default:
		if err != nil {
			g.stepErr = err.Error()
		}
	}
	return g
}

// Update handles keys and the answer of the external ID check. It sends
// BackMsg on esc or shift+tab from the name, and SubmitMsg once every field
// is valid and the external ID is free.
func (g General) Update(msg tea.Msg) (General, tea.Cmd) {
	switch msg := msg.(type) {
	case externalIDCheckedMsg:
		return g.checked(msg)
	case tea.KeyMsg:
		// The check takes milliseconds; ignoring keys meanwhile means the
		// answer always matches the value on screen.
		if g.checking {
			return g, nil
		}
		return g.handleKey(msg)
	}
	return g.updateFocused(msg)
}

func (g General) handleKey(msg tea.KeyMsg) (General, tea.Cmd) {
	switch {
	case key.Matches(msg, g.keys.Back):
		return g, emit(BackMsg{Step: StepGeneral})
	case key.Matches(msg, g.keys.Prev):
		if g.focus == fieldName {
			return g, emit(BackMsg{Step: StepGeneral})
		}
		return g.focusOn(g.focus - 1)
	case key.Matches(msg, g.keys.NextField):
		return g.focusOn((g.focus + 1) % generalFields)
	case key.Matches(msg, g.keys.Next):
		if g.focus < fieldDescription {
			return g.focusOn(g.focus + 1)
		}
		return g.submitted()
	}

	g, cmd := g.updateFocused(msg)
	// A refused field is checked again as it is edited, so its reason goes
	// away as soon as the value is fixed.
	if g.reasons[g.focus] != "" {
		g.reasons[g.focus] = reason(g.validate(g.focus))
	}
	g.stepErr = ""
	return g, cmd
}

func (g General) updateFocused(msg tea.Msg) (General, tea.Cmd) {
	var cmd tea.Cmd
	switch g.focus {
	case fieldName:
		g.name, cmd = g.name.Update(msg)
	case fieldExternalID:
		g.externalID, cmd = g.externalID.Update(msg)
	case fieldDescription:
		g.description, cmd = g.description.Update(msg)
	}
	return g, cmd
}

// validate checks one field by the store's rules.
func (g General) validate(f generalField) error {
	switch f {
	case fieldName:
		return store.ValidateName(g.name.Value())
	case fieldExternalID:
		return store.ValidateExternalID(g.externalID.Value())
	case fieldDescription:
		return store.ValidateDescription(g.description.Value())
	}
	return nil
}

// valid reports whether every field passes the store's rules as typed.
func (g General) valid() bool {
	for f := range generalFields {
		if g.validate(f) != nil {
			return false
		}
	}
	return true
}

// submitted validates every field and, when they pass, asks the store
// whether the external ID is free; SubmitMsg follows only a free one.
func (g General) submitted() (General, tea.Cmd) {
	first := generalFields
	for f := range generalFields {
		g.reasons[f] = reason(g.validate(f))
		if g.reasons[f] != "" && first == generalFields {
			first = f
		}
	}
	if first != generalFields {
		return g.focusOn(first)
	}

	extID := strings.TrimSpace(g.externalID.Value())
	if extID == "" || g.st == nil {
		return g, emit(SubmitMsg{Step: StepGeneral})
	}
	g.checking, g.stepErr = true, ""
	st, self := g.st, g.self
	return g, func() tea.Msg {
		return externalIDCheckedMsg{err: st.CheckExternalID(context.Background(), extID, self)}
	}
}

func (g General) checked(msg externalIDCheckedMsg) (General, tea.Cmd) {
	if !g.checking {
		return g, nil
	}
	g.checking = false
	switch {
	case msg.err == nil:
		return g, emit(SubmitMsg{Step: StepGeneral})
	case fieldOf(msg.err) == store.FieldExternalID:
		g.reasons[fieldExternalID] = reason(msg.err)
		return g.focusOn(fieldExternalID)
	}
	g.stepErr = "could not check the external ID (" + ui.Reason(msg.err) + "); try again"
	return g, nil
}

// focusOn moves the focus to field f and relabels the footer for it.
func (g General) focusOn(f generalField) (General, tea.Cmd) {
	g.focus = f
	// A field without the focus shows the start of a long value, which
	// says more than wherever the cursor was left; the focused one takes
	// the cursor to the end, ready to type on.
	for _, in := range []*textinput.Model{&g.name, &g.externalID} {
		in.Blur()
		in.CursorStart()
	}
	g.description.Blur()
	g.name.Prompt, g.name.PromptStyle = blurredPrompt, g.styles.Blurred
	g.externalID.Prompt, g.externalID.PromptStyle = blurredPrompt, g.styles.Blurred
	g.description.Prompt = blurredPrompt

	switch f {
	case fieldName:
		g.name.Focus()
		g.name.CursorEnd()
		g.name.Prompt, g.name.PromptStyle = focusedPrompt, g.styles.Focused
	case fieldExternalID:
		g.externalID.Focus()
		g.externalID.CursorEnd()
		g.externalID.Prompt, g.externalID.PromptStyle = focusedPrompt, g.styles.Focused
	case fieldDescription:
		g.description.Focus()
		g.description.Prompt = focusedPrompt
	}
	g.relabel()
	return g, restartBlink
}

// restartBlink starts the newly focused cursor blinking. Focus returns a
// timer of its own; the message this sends instead does the same at once,
// so every command a step returns answers immediately, or from the store.
func restartBlink() tea.Msg { return textinput.Blink() }

func (g General) focusFirst() (General, tea.Cmd) { return g.focusOn(fieldName) }
func (g General) focusLast() (General, tea.Cmd)  { return g.focusOn(fieldDescription) }

// relabel keeps the footer true for the focused field.
func (g *General) relabel() {
	if g.focus == fieldDescription {
		g.keys.Next.SetHelp("enter", g.submit)
	} else {
		g.keys.Next.SetHelp("enter", "next field")
	}
	if g.focus == fieldName {
		g.keys.Prev.SetHelp("shift+tab", g.keys.Back.Help().Desc)
	} else {
		g.keys.Prev.SetHelp("shift+tab", "previous")
	}
	g.keys.Newline.SetEnabled(g.focus == fieldDescription)
}

// KeyMap is the step's keys, for a footer drawn by bubbles help.
func (g General) KeyMap() help.KeyMap { return g.keys }

// View draws the three fields, each with the reason it was refused.
func (g General) View() string {
	s, w := g.styles, g.width
	descCount := fmt.Sprintf("(%d/%d)",
		utf8.RuneCountInString(strings.TrimSpace(g.description.Value())), store.MaxDescription)

	var b strings.Builder
	b.WriteString(fieldLabel(s, "Name", "", g.reasons[fieldName], w) + "\n")
	b.WriteString(g.name.View() + "\n\n")
	b.WriteString(fieldLabel(s, "External ID", "(optional)", g.reasons[fieldExternalID], w) + "\n")
	b.WriteString(g.externalID.View() + "\n\n")
	b.WriteString(fieldLabel(s, "Description", descCount, g.reasons[fieldDescription], w) + "\n")
	b.WriteString(g.description.View())

	switch {
	case g.checking:
		b.WriteString("\n" + s.Muted.Render("Checking the external ID…"))
	case g.stepErr != "":
		b.WriteString("\n" + errorLine(s, g.stepErr, w))
	}
	return fit(b.String(), w, g.height)
}
