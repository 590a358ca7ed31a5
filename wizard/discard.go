package wizard

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/ui"
)

// Discard is the y/n question asked before leaving a form would lose what
// the user typed or chose: the wizard asks "Discard this token? y/n" on
// step 1, and the details screen asks the same kind of question when an
// edit is left. Whoever holds it decides when to ask; Discard only asks,
// so the two forms read and answer alike.
type Discard struct {
	styles   ui.Styles
	question string
	keys     confirmKeys
	open     bool
}

// NewDiscard is a closed question; Ask opens it.
func NewDiscard(styles ui.Styles, question string) Discard {
	return Discard{styles: styles, question: question, keys: newConfirmKeys()}
}

// Ask opens the question.
func (d Discard) Ask() Discard {
	d.open = true
	return d
}

// Open reports whether the question waits for its answer; keys belong to
// it then, not to the form or the screen.
func (d Discard) Open() bool { return d.open }

// Answer takes a key while the question is open: y closes it with discard
// true; n or esc closes it, keeping the form; any other key is ignored, so
// a stray key neither loses the form nor lands in it.
func (d Discard) Answer(msg tea.KeyMsg) (_ Discard, discard bool) {
	switch {
	case !d.open:
	case key.Matches(msg, d.keys.Yes):
		d.open = false
		return d, true
	case key.Matches(msg, d.keys.No):
		d.open = false
	}
	return d, false
}

// View is the question in a box, centred in w x h, drawn in place of the
// form it is about.
func (d Discard) View(w, h int) string {
	box := d.styles.Dialog.Render(d.question)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

// KeyMap is y and n, for the footer while the question is open.
func (d Discard) KeyMap() help.KeyMap { return d.keys }
