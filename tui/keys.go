package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/apitokens/apitokens/ui"
)

// Each screen and each dialog has its own KeyMap, so the footer drawn by
// bubbles help lists exactly the keys that work at that moment; bindings
// that do not apply are disabled, and help leaves them out.

// menuKeys are the keys of the actions menu.
type menuKeys struct {
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding
	Close  key.Binding
}

func newMenuKeys() menuKeys {
	return menuKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Close:  key.NewBinding(key.WithKeys("esc", "."), key.WithHelp("esc", "close")),
	}
}

// ShortHelp lists the keys in the footer.
func (k menuKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Choose, k.Close}
}

// FullHelp lists the same keys, and ?, which closes the full help.
func (k menuKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(k.ShortHelp(), ui.HelpKey())}
}

// confirmKeys answer a y/n question.
type confirmKeys struct {
	Yes key.Binding
	No  key.Binding
}

func newConfirmKeys(act action) confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"),
			key.WithHelp("y", "yes, "+lower(act.label()))),
		No: key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "no")),
	}
}

// ShortHelp lists the keys in the footer.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp lists the same keys, and ?, which closes the full help.
func (k confirmKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(k.ShortHelp(), ui.HelpKey())}
}

func lower(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
