package wizard

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

// Step identifies one of the wizard's five steps.
type Step int

// The steps in the order the wizard walks them.
const (
	StepGeneral Step = iota
	StepExpiration
	StepExtension
	StepPermissions
	StepSummary
)

// steps lists every step, for the header.
var steps = []Step{StepGeneral, StepExpiration, StepExtension, StepPermissions, StepSummary}

// String is the step's name as the header shows it.
func (s Step) String() string {
	switch s {
	case StepGeneral:
		return "General"
	case StepExpiration:
		return "Expiration"
	case StepExtension:
		return "Extension"
	case StepPermissions:
		return "Permissions"
	case StepSummary:
		return "Summary"
	}
	return "?"
}

// SubmitMsg says a step's values are valid and the user asked to go on.
// Step names the sender, so a parent that has already moved on can ignore
// a late one.
type SubmitMsg struct{ Step Step }

// BackMsg says the user asked to leave a step backwards: esc anywhere in
// it, or shift+tab on its first field.
type BackMsg struct{ Step Step }

// CancelledMsg says the user left the wizard without creating a token.
type CancelledMsg struct{}

// DoneMsg says the token was created and the user left the Summary:
// GoToDetails is true for enter (open its details), false for esc (close).
type DoneMsg struct {
	Token       store.Token
	GoToDetails bool
}

// createdMsg carries the result of store.Create back into Update.
type createdMsg struct {
	token store.Token
	err   error
}

// externalIDCheckedMsg carries the result of store.CheckExternalID back to
// the General step that asked.
type externalIDCheckedMsg struct{ err error }

// emit wraps a message in a command; steps use it to talk to their parent
// without knowing who that is.
func emit(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
