package tui

import "github.com/apitokens/apitokens/store"

// Screens talk to the root, never to each other, through these messages.

// openWizardMsg asks the root to start the Create Token wizard.
type openWizardMsg struct{}

// openDetailsMsg asks the root to show the details of a token.
type openDetailsMsg struct{ id string }

// closeDetailsMsg asks the root to go back to the list. notice, when set,
// is shown in the list's status line, such as "Token X deleted"; name is
// the token's name in it, cut first when the notice is too long.
type closeDetailsMsg struct{ notice, name string }

// tokensChangedMsg tells the list that a token was created or changed on
// another screen, so it reloads; focus, when set, is a token to put the
// cursor on when it is in the first page.
type tokensChangedMsg struct{ focus string }

// screen names who sent a message that every screen receives, so only the
// sender acts on the answer.
type screen int

const (
	screenList screen = iota
	screenWizard
	screenDetails
)

// actionDoneMsg carries the result of a lifecycle action back to the
// screen that started it.
type actionDoneMsg struct {
	by    screen
	id    string // the token acted on
	act   action
	token store.Token // the token after the action, when err is nil
	name  string      // the token's name before the action, for messages
	err   error
}
