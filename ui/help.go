package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// NewHelp is a footer drawn with the styles. Draw it with HelpView, not
// with its own View, so that it fits the window.
func NewHelp(s Styles) help.Model {
	h := help.New()
	h.Styles = help.Styles{
		Ellipsis: s.Muted, ShortKey: s.Text, ShortDesc: s.Muted, ShortSeparator: s.Muted,
		FullKey: s.Text, FullDesc: s.Muted, FullSeparator: s.Muted,
	}
	return h
}

// HelpKey is ? on every screen: "more" in the short help; the full help
// shows it as "fewer", since there it closes what it opened.
func HelpKey() key.Binding {
	return key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more"))
}

// QuitKey is ctrl+c. Only the root acts on it, but it works on every
// screen, so every full help lists it.
func QuitKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
}

// HelpView draws a screen's footer in at most width cells: the short help
// on one line, whole items only, or, with h.ShowAll, the full help
// with ctrl+c added and its columns laid out in as many rows as the width
// needs, so that no key is cut off at the narrowest window. Bubbles' own
// View cuts the columns that do not fit, which hid "esc back" at 60.
func HelpView(h help.Model, km help.KeyMap, width int) string {
	if h.ShowAll {
		return fullHelp(h, km.FullHelp(), width)
	}
	return shortHelp(h, km.ShortHelp(), width)
}

// shortHelp keeps as many whole items as fit, in the order the screen
// lists them (most needed first). Bubbles' own cut appends an item whose
// "…" does not fit and then cuts mid-word ("esc bac…"). ? stays at the
// end whatever else goes, since it opens the rest; a footer without ?
// ends with "…" when it left keys out.
func shortHelp(h help.Model, bindings []key.Binding, width int) string {
	h.Width = 0
	var items, more []key.Binding
	for _, b := range bindings {
		switch {
		case !b.Enabled():
		case slices.Contains(b.Keys(), "?"):
			more = []key.Binding{b}
		default:
			items = append(items, b)
		}
	}
	ellipsis := h.Styles.Ellipsis.Render(h.Ellipsis)
	for n := len(items); n >= 0; n-- {
		if n == 0 && len(more) == 0 {
			break
		}
		v := h.ShortHelpView(append(slices.Clip(items[:n]), more...))
		if n < len(items) && len(more) == 0 {
			v += " " + ellipsis
		}
		if width <= 0 || lipgloss.Width(v) <= width {
			return v
		}
	}
	if len(items) > 0 && lipgloss.Width(ellipsis) <= width {
		return ellipsis
	}
	return ""
}

// fullHelp packs the groups, each a column, into rows no wider than width.
func fullHelp(h help.Model, groups [][]key.Binding, width int) string {
	h.Width = 0
	groups = withQuit(groups)
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		if !slices.ContainsFunc(g, key.Binding.Enabled) {
			continue
		}
		wider := append(slices.Clip(row), g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(wider)) > width {
			rows = append(rows, h.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	return strings.Join(rows, "\n")
}

// withQuit relabels ? as "fewer" and adds ctrl+c to the last column, before
// ? when ? ends it. The groups given are not changed.
func withQuit(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, 0, len(groups)+1)
	for _, g := range groups {
		g = slices.Clone(g)
		for i, b := range g {
			if isHelpKey(b) {
				g[i].SetHelp(b.Help().Key, "fewer")
			}
		}
		out = append(out, g)
	}
	if len(out) == 0 {
		return [][]key.Binding{{QuitKey()}}
	}
	last := out[len(out)-1]
	at := len(last)
	if at > 0 && isHelpKey(last[at-1]) {
		at--
	}
	out[len(out)-1] = slices.Insert(last, at, QuitKey())
	return out
}

// isHelpKey reports whether b is an enabled ? binding.
func isHelpKey(b key.Binding) bool {
	return b.Enabled() && slices.Contains(b.Keys(), "?")
}
