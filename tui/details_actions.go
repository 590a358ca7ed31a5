package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/wizard"
)

// choose works the actions menu.
func (m details) choose(msg tea.KeyMsg) (details, tea.Cmd) {
	var (
		act    action
		closed bool
	)
	m.menu, act, closed = m.menu.update(msg)
	switch {
	case closed:
		m.menuOpen = false
	case act == actNone:
	case act.confirms():
		m.menuOpen = false
		m.confirming, m.confirm = true, newConfirm(act, m.token, m.now())
	default:
		m.menuOpen = false
		return m.run(act)
	}
	return m, nil
}

// answer takes y or n; Rotate and Renew go on to ask for the expiry.
func (m details) answer(msg tea.KeyMsg) (details, tea.Cmd) {
	yes, done := m.confirm.update(msg)
	if !done {
		return m, nil
	}
	m.confirming = false
	switch act := m.confirm.act; {
	case !yes:
		return m, nil
	case act.needsExpiry():
		return m.startExpiry(act)
	default:
		return m.run(act)
	}
}

// startExpiry shows the wizard's Expiration step for the new key.
func (m details) startExpiry(act action) (details, tea.Cmd) {
	m.mode, m.pending = modeExpiry, act
	m.expiry = wizard.NewExpiration(m.styles, m.now).SetLabels(lower(act.label()), "cancel")
	m = m.layout()
	return m, m.expiry.Init()
}

// run starts act on the token; expiry is the new expiry for rotate and
// renew.
func (m details) run(act action) (details, tea.Cmd) {
	m.saving = true
	m.status = m.status.busy(act.label() + " " + m.token.Name + "…").about(m.token.Name)
	return m, runAction(m.deps, screenDetails, act, m.token, nil)
}

// expiryChosen runs the pending rotate or renew with the chosen expiry.
func (m details) expiryChosen() (details, tea.Cmd) {
	expiresAt, err := m.expiry.Expiry()
	if err != nil {
		m.expiry = m.expiry.SetError(err)
		return m, nil
	}
	m.saving = true
	m.status = m.status.busy(m.pending.label() + " " + m.token.Name + "…").about(m.token.Name)
	return m, runAction(m.deps, screenDetails, m.pending, m.token, expiresAt)
}

// acted shows how an action went. A deleted token leaves for the list; a
// rotated or renewed one shows its new key, ready to copy.
func (m details) acted(msg actionDoneMsg) (details, tea.Cmd) {
	m.saving = false
	if msg.err != nil {
		m.log.Warn("token action", "action", msg.act.label(), "id", m.id, "err", msg.err)
		if m.mode == modeExpiry {
			m.expiry = m.expiry.SetError(stepError(m.id, msg.err))
		}
		m.status = m.status.fail(failed(lower(msg.act.label()), msg.id, msg.err,
			"Try again."))
		return m.layout(), nil
	}

	if msg.act == actDelete {
		return m, emit(closeDetailsMsg{notice: msg.act.done(msg.name, msg.token, m.now()),
			name: msg.name})
	}
	m.mode, m.token = modeView, msg.token
	if msg.act.needsExpiry() {
		m.tab, m.revealed = tabGeneral, true
		m.stats = m.stats.stop()
	}
	var cmd tea.Cmd
	m.status, cmd = m.status.ok(msg.act.done(msg.name, msg.token, m.now()))
	m.status = m.status.about(msg.name)
	m = m.layout()
	m.body.GotoTop()
	return m, tea.Batch(cmd, loadToken(m.deps, m.id))
}
