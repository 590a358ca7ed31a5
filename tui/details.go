package tui

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
	"github.com/apitokens/apitokens/wizard"
)

// tab is one of the details screen's tabs.
type tab int

const (
	tabGeneral tab = iota
	tabStatistics
	tabPermissions
	tabCount
)

func (t tab) String() string {
	return [...]string{"General", "Statistics", "Permissions"}[t]
}

// detailsMode is what the details screen is doing: showing the token,
// editing it, or asking for the expiry of a rotated or renewed key.
type detailsMode int

const (
	modeView detailsMode = iota
	modeEditGeneral
	modeEditPermissions
	modeExpiry
)

// details is the screen of one token: a header, three tabs, and the ways
// to change the token.
type details struct {
	deps
	keys   detailsKeys
	help   help.Model
	status statusLine

	id       string
	visit    int // which opening of the screen this is; its timer carries it
	token    store.Token
	loaded   bool
	readErr  bool // the last read failed; the next good one clears its message
	events   []store.Event
	tab      tab
	revealed bool
	body     viewport.Model // the tab's content, scrolled when taller than the screen
	// headingRow is the body's line with the History heading, or -1.
	headingRow int

	mode    detailsMode
	general wizard.General     // edit, step 1
	perms   wizard.Permissions // edit, step 2
	discard wizard.Discard     // asked when an edit with changes is left
	expiry  wizard.Expiration  // the new expiry for rotate and renew
	pending action             // rotate or renew, while the expiry is chosen
	saving  bool               // an edit or an action runs

	menuOpen   bool
	menu       menu
	confirming bool
	confirm    confirm

	stats statsPanel

	width, height int
}

func newDetails(d deps, id string, visit int) details {
	m := details{
		deps:   d,
		visit:  visit,
		keys:   newDetailsKeys(),
		help:   ui.NewHelp(d.styles),
		status: statusLine{owner: screenDetails, tick: d.tick},
		id:     id,
		body:   viewport.New(0, 0),
	}
	// The screen moves the viewport with its own keys, which the footer
	// lists; the viewport's own would take h, l and space as well.
	m.body.KeyMap = viewport.KeyMap{}
	return m
}

// tokenMsg answers loadToken: the token and its history.
type tokenMsg struct {
	id     string
	token  store.Token
	events []store.Event
	err    error
}

func loadToken(d deps, id string) tea.Cmd {
	ctx, st := d.ctx, d.st
	return func() tea.Msg {
		msg := tokenMsg{id: id}
		if msg.token, msg.err = st.Get(ctx, id); msg.err != nil {
			return msg
		}
		msg.events, msg.err = st.Events(ctx, id)
		return msg
	}
}

// refreshEvery is how often the details screen reads its token again, so
// a change made elsewhere (the command line, the gateway's last use, a
// delete) shows without leaving the screen.
const refreshEvery = 3 * time.Second

// refreshMsg is the details screen's timer going off.
type refreshMsg struct{ visit int }

func (m details) refreshTick() tea.Cmd {
	visit := m.visit
	return m.tick(refreshEvery, func(time.Time) tea.Msg { return refreshMsg{visit: visit} })
}

// Init loads the token and starts the timer that keeps it fresh.
func (m details) Init() tea.Cmd { return tea.Batch(loadToken(m.deps, m.id), m.refreshTick()) }

// typing reports whether keys go into a text field, so ? is text.
func (m details) typing() bool {
	switch m.mode {
	case modeEditGeneral:
		return m.discard.Open() || m.general.Typing()
	case modeExpiry:
		return m.expiry.Typing()
	}
	return false
}

func (m details) toggleHelp() details {
	m.help.ShowAll = !m.help.ShowAll
	return m.layout()
}

func (m details) update(msg tea.Msg) (details, tea.Cmd) {
	switch msg := msg.(type) {
	case tokenMsg:
		if msg.id != m.id {
			return m, nil
		}
		return m.tokenLoaded(msg)
	case refreshMsg:
		if msg.visit != m.visit {
			return m, nil
		}
		return m, tea.Batch(loadToken(m.deps, m.id), m.refreshTick())
	case statsMsg, statsTickMsg:
		var cmd tea.Cmd
		m.stats, cmd = m.stats.update(m.deps, msg)
		return m.layout(), cmd
	case actionDoneMsg:
		if msg.by != screenDetails || msg.id != m.id {
			return m, nil
		}
		return m.acted(msg)
	case savedMsg:
		if msg.id != m.id {
			return m, nil
		}
		return m.saved(msg)
	case copiedMsg:
		if msg.by != screenDetails {
			return m, nil
		}
		return m.copied(msg)
	case statusExpiredMsg:
		// A wrapped message may leave lines to the body.
		m.status = m.status.expired(msg)
		return m.layout(), nil
	case wizard.SubmitMsg:
		return m.submitted(msg)
	case wizard.BackMsg:
		return m.back(msg)
	case tea.KeyMsg:
		m, cmd := m.handleKey(msg)
		return m.layout(), cmd
	}
	// Anything else belongs to the step on screen, such as the answer of
	// the external ID check or a cursor blink.
	return m.updateStep(msg)
}

// tokenLoaded shows the token, or goes back to the list when it is gone.
func (m details) tokenLoaded(msg tokenMsg) (details, tea.Cmd) {
	switch {
	case errors.Is(msg.err, store.ErrNotFound):
		return m, emit(closeDetailsMsg{notice: "Token " + m.id + " does not exist"})
	case msg.err != nil:
		m.log.Warn("load token", "id", m.id, "err", msg.err)
		m.readErr = true
		m.status = m.status.fail("Could not read the token: " + ui.Reason(msg.err) +
			". Retrying…")
		return m.layout(), nil
	case msg.token.DeletedAt != nil:
		return m, emit(closeDetailsMsg{notice: "Token " + msg.token.Name + " was deleted",
			name: msg.token.Name})
	}
	if m.readErr && m.status.failing() {
		m.status = m.status.clear()
	}
	first := !m.loaded
	m.token, m.events, m.loaded, m.readErr = msg.token, msg.events, true, false
	m = m.layout()
	if first && m.tab == tabStatistics {
		return m.showTab(tabStatistics)
	}
	return m, nil
}

func (m details) handleKey(msg tea.KeyMsg) (details, tea.Cmd) {
	switch {
	case m.mode != modeView:
		switch {
		case m.saving:
			// A second enter must not save twice.
			return m, nil
		case m.discard.Open():
			return m.answerDiscard(msg)
		}
		return m.updateStep(msg)
	case m.confirming:
		return m.answer(msg)
	case m.menuOpen:
		return m.choose(msg)
	case key.Matches(msg, m.keys.Back):
		return m, emit(closeDetailsMsg{})
	case !m.loaded || m.saving:
		return m, nil
	}

	k := m.keys
	switch {
	case key.Matches(msg, k.NextTab):
		return m.showTab((m.tab + 1) % tabCount)
	case key.Matches(msg, k.PrevTab):
		return m.showTab((m.tab + tabCount - 1) % tabCount)
	case key.Matches(msg, k.Tab1):
		return m.showTab(tabGeneral)
	case key.Matches(msg, k.Tab2):
		return m.showTab(tabStatistics)
	case key.Matches(msg, k.Tab3):
		return m.showTab(tabPermissions)
	case key.Matches(msg, k.Up):
		m.body.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.body.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.body.PageUp()
	case key.Matches(msg, k.PageDn):
		m.body.PageDown()
	case key.Matches(msg, k.Reveal):
		m.revealed = !m.revealed
	case key.Matches(msg, k.Copy):
		m.status = m.status.busy("Copying the API key…")
		return m, m.copier.copy(screenDetails, m.token.Key())
	case key.Matches(msg, k.Edit):
		return m.startEdit()
	case key.Matches(msg, k.Actions):
		m.menuOpen, m.menu = true, newMenu(actionsFor(m.token, true))
	}
	return m, nil
}

// showTab switches tabs; the Statistics tab loads and then refreshes its
// report for as long as it stays open.
func (m details) showTab(t tab) (details, tea.Cmd) {
	// "API key copied" and the like are about the tab being left.
	m.tab, m.status = t, m.status.dismiss()
	m = m.layout()
	m.body.GotoTop()
	if t != tabStatistics {
		m.stats = m.stats.stop()
		return m, nil
	}
	var cmd tea.Cmd
	m.stats, cmd = m.stats.start(m.deps, m.id)
	return m, cmd
}

// copied says how copying went; where neither way worked the key is
// revealed, so it can be selected by hand.
func (m details) copied(msg copiedMsg) (details, tea.Cmd) {
	if !msg.copied() {
		m.log.Info("copy key failed", "terminal", msg.terminal, "system", msg.system)
		m.revealed = true
		m.status = m.status.failHere(msg.text())
		return m.layout(), nil
	}
	var cmd tea.Cmd
	m.status, cmd = m.status.ok(msg.text())
	return m.layout(), cmd
}

// keyMap is the footer's keys: the open dialog's or step's, or the tabs'.
func (m details) keyMap() help.KeyMap {
	switch {
	case m.mode == modeEditGeneral && m.discard.Open():
		return m.discard.KeyMap()
	case m.mode == modeEditGeneral:
		return m.general.KeyMap()
	case m.mode == modeEditPermissions:
		return m.perms.KeyMap()
	case m.mode == modeExpiry:
		return m.expiry.KeyMap()
	case m.confirming:
		return m.confirm.keys
	case m.menuOpen:
		return m.menu.keys
	}
	return m.keys
}
