package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// menu is the actions menu drawn over a token: its actions, one under the
// cursor.
type menu struct {
	acts   []action
	cursor int
	keys   menuKeys
}

func newMenu(acts []action) menu { return menu{acts: acts, keys: newMenuKeys()} }

// update moves the cursor; it returns the action chosen with enter, or
// closed true for esc.
func (m menu) update(msg tea.KeyMsg) (_ menu, chosen action, closed bool) {
	switch {
	case key.Matches(msg, m.keys.Up):
		m.cursor = (m.cursor - 1 + len(m.acts)) % len(m.acts)
	case key.Matches(msg, m.keys.Down):
		m.cursor = (m.cursor + 1) % len(m.acts)
	case key.Matches(msg, m.keys.Choose):
		return m, m.acts[m.cursor], false
	case key.Matches(msg, m.keys.Close):
		return m, actNone, true
	}
	return m, actNone, false
}

// view is the menu in a dialog box, the row under the cursor marked so it
// shows without colour too.
func (m menu) view(s ui.Styles) string {
	rows := make([]string, len(m.acts))
	for i, a := range m.acts {
		label := a.label()
		if i == m.cursor {
			rows[i] = "> " + s.Selected.Render(label)
		} else {
			rows[i] = "  " + s.Text.Render(label)
		}
	}
	return s.Dialog.Render(strings.Join(rows, "\n"))
}

// confirm asks y/n before an action that takes a working key away.
type confirm struct {
	act      action
	token    store.Token
	question string // the question, then on a new line what follows
	keys     confirmKeys
}

// newConfirm asks about act on t; now is the store's clock, for what the
// question says about the key's expiry.
func newConfirm(act action, t store.Token, now time.Time) confirm {
	return confirm{act: act, token: t, question: act.question(t, now), keys: newConfirmKeys(act)}
}

// update answers: yes true for y, done true for y, n or esc.
func (c confirm) update(msg tea.KeyMsg) (yes, done bool) {
	switch {
	case key.Matches(msg, c.keys.Yes):
		return true, true
	case key.Matches(msg, c.keys.No):
		return false, true
	}
	return false, false
}

// view is the question in a dialog box no wider than width: the question
// on its first line, what follows on the next.
func (c confirm) view(s ui.Styles, width int) string {
	question, detail, _ := strings.Cut(c.question, "\n")
	inner := max(width-s.Dialog.GetHorizontalFrameSize(), 10)
	body := s.Label.Render(ui.Wrap(question, inner))
	if detail != "" {
		body += "\n" + s.Muted.Render(ui.Wrap(detail, inner))
	}
	return s.Dialog.Render(body)
}

// dialogAt places a dialog over base, its top left corner at column x and
// line y, moved in so that it stays inside the width x height area.
func dialogAt(base, dialog string, x, y, width, height int) string {
	w, h := lipgloss.Size(dialog)
	x = max(0, min(x, width-w))
	y = max(0, min(y, height-h))
	return ui.Overlay(base, dialog, x, y)
}
