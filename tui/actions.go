package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// action is one thing the actions menu can do to a token.
type action int

const (
	actNone action = iota
	actDisable
	actEnable
	actRotate
	actRenew
	actDelete
)

// label is the action as the menu lists it.
func (a action) label() string {
	switch a {
	case actDisable:
		return "Disable"
	case actEnable:
		return "Enable"
	case actRotate:
		return "Rotate"
	case actRenew:
		return "Renew"
	case actDelete:
		return "Delete"
	}
	return ""
}

// confirms reports whether the action asks y/n first: every one that takes
// a working key away. Enable only gives one back.
func (a action) confirms() bool { return a != actEnable && a != actNone }

// needsExpiry reports whether the action asks for the new key's expiry.
func (a action) needsExpiry() bool { return a == actRotate || a == actRenew }

// question is the confirmation asked before the action, naming the token
// and what happens to its key as of now, the store's clock.
func (a action) question(t store.Token, now time.Time) string {
	name := ui.Truncate(ui.OneLine(t.Name), 40)
	switch a {
	case actDisable:
		return fmt.Sprintf("Disable token %s? y/n\nIts key is refused until you enable it.", name)
	case actRotate:
		return fmt.Sprintf("Rotate token %s? y/n\nIts current key stops working at once.", name)
	case actRenew:
		if t.ExpiresAt == nil || !t.ExpiresAt.After(now) {
			return fmt.Sprintf("Renew token %s? y/n\nIts current key has already expired; "+
				"the new key is the only one that works.", name)
		}
		return fmt.Sprintf("Renew token %s? y/n\nIts current key keeps working until %s, "+
			"or until the new key expires if that is sooner.", name, dates.Format(t.ExpiresAt))
	case actDelete:
		return fmt.Sprintf("Delete token %s? y/n\nIts key stops working; its history is kept.",
			name)
	}
	return ""
}

// done is the status line after the action succeeded; t is the token
// after it and now the store's clock, which tell whether a renewed
// token's old key still works.
func (a action) done(name string, t store.Token, now time.Time) string {
	// Not cut here: the status line cuts the name to the window's width.
	name = ui.OneLine(name)
	switch a {
	case actDisable:
		return "Token " + name + " disabled: its key is refused"
	case actEnable:
		return "Token " + name + " enabled: its key works again"
	case actRotate:
		return "Token " + name + " rotated: the old key no longer works. c copies the new one"
	case actRenew:
		if prev := t.PreviousExpiresAt; t.PreviousSecret != "" && prev != nil &&
			now.Before(*prev) {
			return "Token " + name + " renewed: the old key works until " +
				dates.Format(prev) + ". c copies the new one"
		}
		return "Token " + name + " renewed: the old key had already expired, so only " +
			"the new key works. c copies it"
	case actDelete:
		return "Token " + name + " deleted"
	}
	return ""
}

// actionsFor lists what the menu offers for t: the list offers the quick
// ones, details every one that applies. Renew needs an expiry to move.
func actionsFor(t store.Token, all bool) []action {
	acts := []action{actDisable}
	if t.DisabledAt != nil {
		acts = []action{actEnable}
	}
	if all {
		acts = append(acts, actRotate)
		if t.Expires() {
			acts = append(acts, actRenew)
		}
	}
	return append(acts, actDelete)
}

// runAction does act to the token in a command; expiresAt is the new
// expiry for Rotate and Renew. The answer goes back to the screen by.
func runAction(d deps, by screen, act action, t store.Token, expiresAt *time.Time) tea.Cmd {
	ctx, st, id, name := d.ctx, d.st, t.ID, t.Name
	return func() tea.Msg {
		var (
			tok store.Token
			err error
		)
		switch act {
		case actDisable:
			tok, err = st.Disable(ctx, id)
		case actEnable:
			tok, err = st.Enable(ctx, id)
		case actRotate:
			tok, err = st.Rotate(ctx, id, expiresAt)
		case actRenew:
			tok, err = st.Renew(ctx, id, expiresAt)
		case actDelete:
			tok, err = st.Delete(ctx, id)
		default:
			err = fmt.Errorf("unknown action %d", act)
		}
		return actionDoneMsg{by: by, id: id, act: act, token: tok, name: name, err: err}
	}
}
