package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/apitokens/apitokens/ui"
)

// listKeys are the token list's keys. While the filter field has the focus
// only the filter's own keys and the arrows work, so typing a j or a q
// goes into the filter.
type listKeys struct {
	Move     key.Binding // the footer's short form of Up and Down
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
	New      key.Binding
	Filter   key.Binding
	Actions  key.Binding
	Clear    key.Binding // esc: drop an applied filter
	Quit     key.Binding
	Help     key.Binding

	// While the filter field has the focus.
	FilterDone  key.Binding
	FilterClear key.Binding
	FilterUp    key.Binding
	FilterDown  key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Move: key.NewBinding(key.WithKeys("up", "down", "k", "j"),
			key.WithHelp("↑↓/kj", "move")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Actions:  key.NewBinding(key.WithKeys("."), key.WithHelp(".", "actions")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:     ui.HelpKey(),

		FilterDone:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		FilterClear: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		FilterUp:    key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		FilterDown:  key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
	}
}

// relabel enables the keys that work in the list's state: filtering or
// not, with rows or not, with a filter applied or not.
func (k *listKeys) relabel(filtering, rows, filtered bool) {
	browse := !filtering
	for _, b := range []*key.Binding{&k.New, &k.Filter, &k.Quit, &k.Help} {
		b.SetEnabled(browse)
	}
	for _, b := range []*key.Binding{&k.Move, &k.Up, &k.Down, &k.PageUp, &k.PageDown,
		&k.Top, &k.Bottom, &k.Open, &k.Actions} {
		b.SetEnabled(browse && rows)
	}
	k.Clear.SetEnabled(browse && filtered)
	for _, b := range []*key.Binding{&k.FilterDone, &k.FilterClear} {
		b.SetEnabled(filtering)
	}
	k.FilterUp.SetEnabled(filtering && rows)
	k.FilterDown.SetEnabled(filtering && rows)
}

// ShortHelp lists the keys in the footer.
func (k listKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Move, k.Open, k.New, k.Filter, k.Actions, k.Clear, k.Quit,
		k.FilterUp, k.FilterDown, k.FilterDone, k.FilterClear, k.Help}
}

// FullHelp groups moving, acting and leaving.
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.New, k.Filter, k.Actions},
		{k.FilterUp, k.FilterDown, k.FilterDone, k.FilterClear},
		{k.Clear, k.Quit, k.Help},
	}
}
