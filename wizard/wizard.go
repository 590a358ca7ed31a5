package wizard

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// Model is the whole Create Token wizard. Build it with New and embed it in
// a parent screen; see the package documentation for the messages it sends.
type Model struct {
	st     *store.Store
	styles ui.Styles

	step        Step
	general     General
	expiration  Expiration
	extension   extensionStep
	permissions Permissions
	summary     summary

	visited bool // the user went past step 1, so cancelling loses choices too
	// completed marks the steps the user has left forwards; the header
	// ticks them while their values stay valid, going back included.
	completed [StepSummary + 1]bool
	discard   Discard // "Discard this token? y/n"
	saving    bool    // store.Create is running

	help    help.Model
	helpKey key.Binding

	width, height int
}

// New builds the wizard on step 1. now is the clock the expiry presets are
// counted from; the store keeps its own for the times it records.
func New(st *store.Store, styles ui.Styles, now func() time.Time) Model {
	m := Model{
		st:         st,
		styles:     styles,
		general:    NewGeneral(st, styles, GeneralValues{}, "").SetLabels("next step", "cancel"),
		expiration: NewExpiration(styles, now),
		extension:  newExtensionStep(styles),
		discard:    NewDiscard(styles, "Discard this token? y/n"),
		help:       ui.NewHelp(styles),
		helpKey:    key.NewBinding(key.WithKeys("?")),
	}
	m.permissions = NewPermissions(styles, store.Extensions[0],
		store.Extensions[0].DefaultPermissions()).SetLabels("create", "back")
	return m.SetSize(ui.MinWidth, ui.MinHeight)
}

// Init starts the name field's cursor blinking.
func (m Model) Init() tea.Cmd { return m.general.Init() }

// SetSize gives the wizard the area it may draw in.
func (m Model) SetSize(w, h int) Model {
	m.width, m.height = w, h
	m.help.Width = w
	return m.layout()
}

// Typing reports whether keys are wanted as text or as an answer: a text
// field has the focus, or "Discard this token? y/n" is open. The parent
// should not treat ? or q as its own keys then.
func (m Model) Typing() bool {
	if m.discard.Open() {
		return true
	}
	switch m.step {
	case StepGeneral:
		return m.general.Typing()
	case StepExpiration:
		return m.expiration.Typing()
	}
	return false
}

// Step is the step on screen.
func (m Model) Step() Step { return m.step }

// Header lines: the title, the steps, a gap. The footer has a gap above the
// help, which takes one line, or as many as the full help needs when ?
// opens it.
const (
	headerLines = 3
	footerGap   = 1
)

// layout hands every step the body's size, so a step is ready to draw
// whenever the user reaches it.
func (m Model) layout() Model {
	h := m.bodyHeight()
	m.general = m.general.SetSize(m.width, h)
	m.expiration = m.expiration.SetSize(m.width, h)
	m.extension = m.extension.SetSize(m.width, h)
	m.permissions = m.permissions.SetSize(m.width, h)
	m.summary = m.summary.SetSize(m.width, h)
	return m
}

func (m Model) bodyHeight() int {
	return max(m.height-headerLines-footerGap-lipgloss.Height(m.footer()), 1)
}

// footer is the help for the keys that work now.
func (m Model) footer() string { return ui.HelpView(m.help, m.keyMap(), m.width) }

// Update routes keys to the step on screen and acts on the steps' submit
// and back messages; a message from a step no longer on screen is ignored.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.update(msg)
	if m.help.ShowAll {
		// The full help is as tall as the keys of the step on screen
		// need, so the steps' area changes with the step.
		m = m.layout()
	}
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case SubmitMsg:
		if msg.Step != m.step || m.saving {
			return m, nil
		}
		return m.forward()
	case BackMsg:
		if msg.Step != m.step || m.saving {
			return m, nil
		}
		return m.backward()
	case createdMsg:
		return m.created(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m.updateStep(msg)
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case ui.TooSmall(m.width, m.height):
		// The view asks for a larger window instead of showing the step,
		// so a key would land in a field the user cannot see.
		return m, nil
	case m.discard.Open():
		var discard bool
		if m.discard, discard = m.discard.Answer(msg); discard {
			return m, emit(CancelledMsg{})
		}
		return m, nil
	case m.saving:
		// Creating takes a moment; a second enter must not create twice.
		return m, nil
	case key.Matches(msg, m.helpKey) && !m.Typing():
		m.help.ShowAll = !m.help.ShowAll
		return m.layout(), nil
	}
	return m.updateStep(msg)
}

// updateStep passes a message to the step on screen.
func (m Model) updateStep(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.step {
	case StepGeneral:
		m.general, cmd = m.general.Update(msg)
	case StepExpiration:
		m.expiration, cmd = m.expiration.Update(msg)
	case StepExtension:
		m.extension, cmd = m.extension.Update(msg)
		m.extension = m.extension.setSubmitLabel(extensionSubmitLabel(m.extension.Value()))
	case StepPermissions:
		m.permissions, cmd = m.permissions.Update(msg)
	case StepSummary:
		m.summary, cmd = m.summary.Update(msg)
	}
	return m, cmd
}

// extensionSubmitLabel says what enter on the Extension step does.
func extensionSubmitLabel(ext store.Extension) string {
	if ext.AsksForModules() {
		return "next step"
	}
	return "create"
}
