package wizard

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/apitokens/apitokens/ui"
)

// Each step has its own KeyMap so its footer lists exactly the keys that
// work there; bindings that do not apply at the moment are disabled, and
// bubbles help leaves disabled bindings out.

// formKeys are the keys of a step made of text fields.
type formKeys struct {
	Next      key.Binding // enter: next field, or submit from the last
	NextField key.Binding // tab: next field, wrapping
	Prev      key.Binding // shift+tab: previous field, or back
	Fields    key.Binding // help only: tab and shift+tab in one entry, to keep the footer short
	Newline   key.Binding // ctrl+j: line break in the description
	Back      key.Binding // esc: back one step
	Quit      key.Binding // help only: the parent quits on ctrl+c
}

func newFormKeys() formKeys {
	return formKeys{
		Next:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Fields: key.NewBinding(key.WithKeys("tab", "shift+tab"),
			key.WithHelp("tab/shift+tab", "move")),
		Newline: key.NewBinding(key.WithKeys("ctrl+j"), key.WithHelp("ctrl+j", "newline")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:    ui.QuitKey(),
	}
}

// ShortHelp lists the keys in the footer, most needed first, since a
// narrow window drops the last. ? is text in a field, so the full help
// cannot be opened here: the footer itself must name every key, ctrl+c
// included, and fits 80 columns on every field.
func (k formKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Newline, k.Back, k.Fields, k.Quit}
}

// FullHelp lists the keys one by one; ui.HelpView adds ctrl+c.
func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.NextField, k.Prev, k.Newline, k.Back}}
}

// listKeys are the keys of a step that is a list with, for Expiration, a
// date field under it.
type listKeys struct {
	Move      key.Binding // help only: ↑ and ↓ in one entry, to keep the footer short
	Up        key.Binding
	Down      key.Binding
	Next      key.Binding // enter: choose, or submit the date field
	NextField key.Binding // tab: between the list and the date field
	Prev      key.Binding // shift+tab: from the date field to the list, or back
	Back      key.Binding // esc: back one step
	Help      key.Binding // ?: full help, toggled by whoever draws the footer
}

func newListKeys() listKeys {
	return listKeys{
		Move:      newMoveHelp(),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Next:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "date field")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more")),
	}
}

// ShortHelp lists the keys in the footer.
func (k listKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Move, k.Next, k.NextField, k.Back, k.Help}
}

// FullHelp groups moving apart from confirming and leaving.
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Next, k.NextField}, {k.Prev, k.Back, k.Help}}
}

// newMoveHelp is the footer's entry for moving through a list; the full
// help lists ↑/k and ↓/j apart.
func newMoveHelp() key.Binding {
	return key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "move"))
}

// permissionKeys are the keys of the Permissions step.
type permissionKeys struct {
	Move   key.Binding // help only, as in listKeys
	Up     key.Binding
	Down   key.Binding
	Toggle key.Binding // space: tick or untick the row under the cursor
	All    key.Binding // a: tick or untick All Modules
	Submit key.Binding // enter: create the token (or save, when editing)
	Prev   key.Binding // shift+tab: back
	Back   key.Binding // esc: back
	Help   key.Binding
}

func newPermissionKeys() permissionKeys {
	return permissionKeys{
		Move:   newMoveHelp(),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Toggle: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "toggle")),
		All:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "all modules")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more")),
	}
}

// ShortHelp lists the keys in the footer.
func (k permissionKeys) ShortHelp() []key.Binding {
	// enter before a: at 60 columns the footer keeps how to finish.
	return []key.Binding{k.Move, k.Toggle, k.Submit, k.All, k.Back, k.Help}
}

// FullHelp groups moving, ticking, and leaving.
func (k permissionKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Toggle, k.All}, {k.Submit, k.Prev, k.Back, k.Help}}
}

// summaryKeys are the Summary's two ways out.
type summaryKeys struct {
	Details key.Binding
	Close   key.Binding
	Help    key.Binding
}

func newSummaryKeys() summaryKeys {
	return summaryKeys{
		Details: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to details")),
		Close:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more")),
	}
}

// ShortHelp lists the keys in the footer.
func (k summaryKeys) ShortHelp() []key.Binding { return []key.Binding{k.Details, k.Close, k.Help} }

// FullHelp lists the same keys.
func (k summaryKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// confirmKeys answer a Discard question, such as "Discard this token? y/n".
type confirmKeys struct {
	Yes key.Binding
	No  key.Binding
}

func newConfirmKeys() confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "discard")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "keep editing")),
	}
}

// ShortHelp lists the keys in the footer.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp lists the same keys.
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
