package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/apitokens/apitokens/ui"
)

// detailsKeys are the details screen's keys while it shows the token; the
// edit and the expiry steps bring their own.
type detailsKeys struct {
	NextTab key.Binding
	PrevTab key.Binding
	Tab1    key.Binding
	Tab2    key.Binding
	Tab3    key.Binding
	Up      key.Binding
	Down    key.Binding
	PageUp  key.Binding
	PageDn  key.Binding
	Reveal  key.Binding
	Copy    key.Binding
	Edit    key.Binding
	Actions key.Binding
	Back    key.Binding
	Help    key.Binding
}

func newDetailsKeys() detailsKeys {
	return detailsKeys{
		NextTab: key.NewBinding(key.WithKeys("tab", "right", "l"),
			key.WithHelp("tab/→", "tabs")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab", "left", "h"),
			key.WithHelp("shift+tab/←", "previous tab")),
		Tab1:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "general")),
		Tab2:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "statistics")),
		Tab3:    key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "permissions")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:  key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDn:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Reveal:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "reveal")),
		Copy:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy")),
		Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Actions: key.NewBinding(key.WithKeys("."), key.WithHelp(".", "actions")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:    ui.HelpKey(),
	}
}

// relabel enables the keys that work on the tab shown: the key is on the
// General tab, and a token still loading offers only the way back.
func (k *detailsKeys) relabel(t tab, loaded, revealed, scrolls bool) {
	for _, b := range []*key.Binding{&k.NextTab, &k.PrevTab, &k.Tab1, &k.Tab2, &k.Tab3,
		&k.Edit, &k.Actions} {
		b.SetEnabled(loaded)
	}
	k.Reveal.SetEnabled(loaded && t == tabGeneral)
	k.Copy.SetEnabled(loaded && t == tabGeneral)
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDn} {
		b.SetEnabled(loaded && scrolls)
	}
	if revealed {
		k.Reveal.SetHelp("v", "hide")
	} else {
		k.Reveal.SetHelp("v", "reveal")
	}
}

// ShortHelp lists the keys in the footer, most needed first, since a narrow
// window drops the last ones (? stays). v and c come last: the General tab
// names them beside the key as well.
func (k detailsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.NextTab, k.Edit, k.Actions, k.Back, k.Reveal, k.Copy, k.Help}
}

// FullHelp groups tabs, scrolling, the key and the token, and leaving.
func (k detailsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextTab, k.PrevTab, k.Tab1, k.Tab2, k.Tab3},
		{k.Up, k.Down, k.PageUp, k.PageDn},
		{k.Reveal, k.Copy, k.Edit, k.Actions},
		{k.Back, k.Help},
	}
}
