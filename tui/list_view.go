package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// Lines around the table: the title, the gap under it and the table's
// header. The filter line comes and goes; the status line and the help
// below take what their text needs.
const listChrome = 3

// visibleRows is how many token rows fit on screen.
func (l list) visibleRows() int {
	chrome := listChrome + l.status.height(l.width) + lipgloss.Height(l.footer())
	if l.showsFilter() {
		chrome++
	}
	return max(l.height-chrome, 1)
}

// showsFilter reports whether the filter line is on screen.
func (l list) showsFilter() bool { return l.filtering || l.query != "" }

// view draws the list, and over it the menu or the question when open.
func (l list) view() string {
	s := l.styles
	var b strings.Builder
	b.WriteString(spread(s.Title.Render("API Tokens"), s.Muted.Render(l.countText()), l.width))
	b.WriteString("\n")
	if l.showsFilter() {
		b.WriteString(l.filterLine() + "\n")
	}
	b.WriteString("\n")
	tableTop := lipgloss.Height(b.String()) - 1
	b.WriteString(l.table() + "\n")
	b.WriteString(l.status.view(s, l.width) + "\n")
	b.WriteString(l.footer())
	out := fit(b.String(), l.width, l.height)

	switch {
	case l.confirming:
		w := min(64, l.width-4)
		dialog := l.confirm.view(s, w)
		dw, dh := lipgloss.Size(dialog)
		out = dialogAt(out, dialog, (l.width-dw)/2, (l.height-dh)/2, l.width, l.height)
	case l.menuOpen:
		// Under the row it acts on, or over the rows above when the row
		// is near the bottom.
		dialog := l.menu.view(s)
		_, dh := lipgloss.Size(dialog)
		y := tableTop + 2 + l.cursor - l.top
		if y+dh > l.height-2 {
			y = y - dh - 1
		}
		out = dialogAt(out, dialog, markWidth+4, y, l.width, l.height)
	}
	return out
}

// footer is the help for the keys that work now.
func (l list) footer() string { return ui.HelpView(l.help, l.keyMap(), l.width) }

// countText is the title's note: how many tokens, and where the cursor is.
func (l list) countText() string {
	switch {
	case !l.loaded:
		return "Loading…"
	case l.total == 0:
		return ""
	case l.query != "":
		return thousands(l.cursor+1) + " of " + plural(l.total, "match", "matches")
	}
	return thousands(l.cursor+1) + " of " + plural(l.total, "token", "tokens")
}

func (l list) filterLine() string {
	if l.filtering {
		return l.filter.View()
	}
	return l.styles.Muted.Render("/ ") + l.styles.Text.Render(l.query) +
		l.styles.Muted.Render("   (/ to change, esc to clear)")
}

// table is the header and the rows on screen, or what to do when there
// are none.
func (l list) table() string {
	s, rows := l.styles, l.visibleRows()
	if !l.loaded || l.total == 0 {
		return lipgloss.Place(l.width, rows+1, lipgloss.Center, lipgloss.Center, l.emptyView())
	}

	cols := columnsFor(l.width)
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = pad(c.title, c.width)
	}
	lines := []string{s.Header.Render(pad(strings.Repeat(" ", markWidth)+
		strings.Join(titles, strings.Repeat(" ", columnGap)), l.width))}

	now := l.now()
	for i := l.top; i < min(l.top+rows, l.total); i++ {
		t, ok := l.page.at(i)
		if !ok {
			// Not loaded yet: its page is on its way.
			lines = append(lines, s.Muted.Render(pad("  …", l.width)))
			continue
		}
		lines = append(lines, l.row(t, cols, i == l.cursor, t.Status(now)))
	}
	for len(lines) < rows+1 {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// row draws one token. The row under the cursor is marked with > as well
// as highlighted, so it shows without colour too.
func (l list) row(t store.Token, cols []column, selected bool, status store.Status) string {
	s := l.styles
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = pad(cell(t, c, status), c.width)
	}
	gap := strings.Repeat(" ", columnGap)
	if selected {
		return "> " + s.Selected.Render(strings.Join(cells, gap))
	}
	last := len(cells) - 1
	return "  " + s.Cell.Render(strings.Join(cells[:last], gap)+gap) +
		s.Status(status).Render(cells[last])
}

// emptyView says why there are no rows and what to do about it.
func (l list) emptyView() string {
	s := l.styles
	switch {
	case !l.loaded && l.loadFailed:
		return s.Muted.Render("The tokens could not be read; see the line below.")
	case !l.loaded:
		return s.Muted.Render("Loading tokens…")
	case l.query != "":
		return s.Box.Render(s.Label.Render("No tokens match "+quote(l.query, l.width-12)) +
			"\n" + s.Muted.Render("Change the filter with /, or clear it with esc."))
	}
	return s.Box.Render(s.Label.Render("No tokens yet") + "\n\n" +
		s.Text.Render("Press n to create your first token.") + "\n" +
		s.Muted.Render("The wizard asks for a name, an expiry,") + "\n" +
		s.Muted.Render("an extension and its permissions."))
}

// quote puts text in quotes, cut so the quotes fit in w cells.
func quote(text string, w int) string {
	return "\u201c" + ui.Truncate(text, max(w-2, 1)) + "\u201d"
}
