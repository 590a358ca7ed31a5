package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

// choose works the actions menu.
func (l list) choose(msg tea.KeyMsg) (list, tea.Cmd) {
	var (
		act    action
		closed bool
	)
	l.menu, act, closed = l.menu.update(msg)
	if closed {
		l.menuOpen = false
		return l, nil
	}
	t, ok := l.current()
	if act == actNone || !ok {
		return l, nil
	}
	l.menuOpen = false
	if act.confirms() {
		l.confirming, l.confirm = true, newConfirm(act, t, l.now())
		return l, nil
	}
	return l.run(act, t)
}

// answer takes y or n for the open question.
func (l list) answer(msg tea.KeyMsg) (list, tea.Cmd) {
	yes, done := l.confirm.update(msg)
	if !done {
		return l, nil
	}
	l.confirming = false
	if !yes {
		return l, nil
	}
	return l.run(l.confirm.act, l.confirm.token)
}

func (l list) run(act action, t store.Token) (list, tea.Cmd) {
	l.acting = true
	l.status = l.status.busy(act.label() + " " + t.Name + "…").about(t.Name)
	return l, runAction(l.deps, screenList, act, t, nil)
}

// acted shows how an action went and reloads, since the row changed or left.
func (l list) acted(msg actionDoneMsg) (list, tea.Cmd) {
	l.acting = false
	if msg.err != nil {
		l.log.Warn("token action", "action", msg.act.label(), "err", msg.err)
		l.status = l.status.fail(failed(lower(msg.act.label()), msg.id, msg.err,
			"Try again."))
		return l.reload()
	}
	var cmd tea.Cmd
	l.status, cmd = l.status.ok(msg.act.done(msg.name, msg.token, l.now()))
	l.status = l.status.about(msg.name)
	l, load := l.reload()
	return l, tea.Batch(cmd, load)
}
