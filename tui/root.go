package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/ui"
	"github.com/apitokens/apitokens/wizard"
)

// root routes between the screens: the window size goes to every screen,
// keys only to the one in front, after the globals (ctrl+c, ?). Screens
// ask for a change of screen with messages; the root alone makes it.
type root struct {
	deps
	front   screen
	list    list
	wizard  wizard.Model
	details details

	quit key.Binding
	help key.Binding

	// visits counts the openings of the details screen, so the timers of
	// an earlier one are told apart.
	visits int

	// alert is a recovered internal error, shown over the bottom line
	// until the next key.
	alert string

	width, height int
}

func newRoot(d deps) root {
	return root{
		deps:  d,
		front: screenList,
		list:  newList(d),
		quit:  key.NewBinding(key.WithKeys("ctrl+c")),
		help:  ui.HelpKey(),
	}
}

// Init loads the list.
func (m root) Init() tea.Cmd { return guard(m.log, m.list.Init()) }

// Update routes msg. A panic while handling it leaves the model as it was
// before the message and shows the error, so one bad message costs the
// user nothing they typed.
func (m root) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	before := m
	defer func() {
		if r := recover(); r != nil {
			before.alert = recovered(m.log, "update", r).err.Error()
			next, cmd = before, nil
		}
	}()
	m, cmd = m.update(msg)
	return m, guard(m.log, cmd)
}

func (m root) update(msg tea.Msg) (root, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		m.alert = ""
		return m.handleKey(msg)
	case panicMsg:
		m.alert = msg.err.Error()
		return m, nil

	case openWizardMsg:
		m.log.Debug("screen", "to", "wizard")
		m.front = screenWizard
		m.wizard = wizard.New(m.st, m.styles, m.now).SetSize(m.width, m.height)
		return m, m.wizard.Init()
	case wizard.CancelledMsg:
		if m.front == screenWizard {
			m.log.Debug("screen", "to", "list", "wizard", "cancelled")
			m.front = screenList
		}
		return m, nil
	case wizard.DoneMsg:
		return m.created(msg)
	case openDetailsMsg:
		return m.openDetails(msg.id)
	case closeDetailsMsg:
		return m.closeDetails(msg)
	}
	return m.broadcast(msg)
}

// broadcast gives a message that is not a key to the list, which loads in
// the background whatever is in front, and to the screen in front. Each
// ignores what is not its own.
func (m root) broadcast(msg tea.Msg) (root, tea.Cmd) {
	var listCmd, frontCmd tea.Cmd
	m.list, listCmd = m.list.update(msg)
	switch m.front {
	case screenWizard:
		m.wizard, frontCmd = m.wizard.Update(msg)
	case screenDetails:
		m.details, frontCmd = m.details.update(msg)
	}
	return m, tea.Batch(listCmd, frontCmd)
}

func (m root) handleKey(msg tea.KeyMsg) (root, tea.Cmd) {
	if key.Matches(msg, m.quit) {
		return m, tea.Quit
	}
	if ui.TooSmall(m.width, m.height) {
		// The screen is hidden behind "Make the window larger": a key
		// acting on it would act blind, such as a y that deletes a token.
		// q goes too, as the notice offers only ctrl+c.
		return m, nil
	}
	var cmd tea.Cmd
	switch m.front {
	case screenWizard:
		// The wizard toggles its own help on ?, except while typing.
		m.wizard, cmd = m.wizard.Update(msg)
	case screenDetails:
		if key.Matches(msg, m.help) && !m.details.typing() {
			m.details = m.details.toggleHelp()
			return m, nil
		}
		m.details, cmd = m.details.update(msg)
	default:
		if key.Matches(msg, m.help) && !m.list.typing() {
			return m.withList(m.list.toggleHelp())
		}
		m.list, cmd = m.list.update(msg)
	}
	return m, cmd
}

func (m root) withList(l list, cmd tea.Cmd) (root, tea.Cmd) {
	m.list = l
	return m, cmd
}

// resize hands every screen the whole window.
func (m root) resize(w, h int) (root, tea.Cmd) {
	m.width, m.height = w, h
	var cmd tea.Cmd
	m.list, cmd = m.list.setSize(w, h)
	// The wizard and the details screen exist only while in front; the
	// next one is built at the size of the day.
	switch m.front {
	case screenWizard:
		m.wizard = m.wizard.SetSize(w, h)
	case screenDetails:
		m.details.width, m.details.height = w, h
		m.details = m.details.layout()
	}
	return m, cmd
}

// created follows the wizard: to the new token's details, or back to the
// list, which shows it either way.
func (m root) created(msg wizard.DoneMsg) (root, tea.Cmd) {
	if m.front != screenWizard {
		return m, nil
	}
	var listCmd, cmd tea.Cmd
	m.list, listCmd = m.list.update(tokensChangedMsg{focus: msg.Token.ID})
	if msg.GoToDetails {
		m, cmd = m.openDetails(msg.Token.ID)
		return m, tea.Batch(listCmd, cmd)
	}
	m.front = screenList
	m.list.status, cmd = m.list.status.ok("Token " + msg.Token.Name + " created")
	m.list.status = m.list.status.about(msg.Token.Name)
	return m, tea.Batch(listCmd, cmd)
}

func (m root) openDetails(id string) (root, tea.Cmd) {
	m.log.Debug("screen", "to", "details", "token", id)
	m.front = screenDetails
	m.visits++
	m.details = newDetails(m.deps, id, m.visits)
	m.details.width, m.details.height = m.width, m.height
	m.details = m.details.layout()
	return m, m.details.Init()
}

// closeDetails goes back to the list, reloaded since the token may have
// changed, with the details screen's parting notice.
func (m root) closeDetails(msg closeDetailsMsg) (root, tea.Cmd) {
	if m.front != screenDetails {
		return m, nil
	}
	m.log.Debug("screen", "to", "list", "notice", msg.notice)
	m.front = screenList
	m.details = details{} // its late answers find no one and are dropped
	var cmd, status tea.Cmd
	m.list, cmd = m.list.update(tokensChangedMsg{})
	if msg.notice != "" {
		m.list.status, status = m.list.status.ok(msg.notice)
		m.list.status = m.list.status.about(msg.name)
	}
	return m, tea.Batch(cmd, status)
}

// View draws the screen in front, or asks for a larger window. A panic
// while drawing shows the error instead of the screen; the keys still
// work, so esc or ctrl+c get the user out.
func (m root) View() (view string) {
	defer func() {
		if r := recover(); r != nil {
			err := recovered(m.log, "view", r).err
			view = fit(m.styles.Error.Render(ui.Wrap(err.Error(), m.width)), m.width, m.height)
		}
	}()
	if ui.TooSmall(m.width, m.height) {
		return ui.TooSmallView(m.styles, m.width, m.height)
	}
	var v string
	switch m.front {
	case screenWizard:
		v = m.wizard.View()
	case screenDetails:
		v = m.details.view()
	default:
		v = m.list.view()
	}
	if m.alert != "" {
		v = replaceLastLine(v, m.styles.Error.Render(ui.Truncate(m.alert, m.width)))
	}
	return v
}

// replaceLastLine puts line in place of the view's bottom line.
func replaceLastLine(view, line string) string {
	if i := strings.LastIndex(view, "\n"); i >= 0 {
		return view[:i+1] + line
	}
	return line
}
