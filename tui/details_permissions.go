package tui

import (
	"fmt"
	"strings"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// Widths of the Permissions tab's grid: a module's name, its state, and
// the gap between columns.
const (
	moduleNameWidth = len("Subscriptions") + 2
	moduleCellWidth = moduleNameWidth + len("Disabled")
	moduleGap       = 4
)

// permissionsView is every module with Enabled or Disabled, in as few
// columns as fit the height, so the whole list shows without scrolling
// where the window allows.
func permissionsView(s ui.Styles, p store.Permissions, w, h int) string {
	n := len(store.Modules)
	var b strings.Builder
	if p.All {
		b.WriteString(s.Text.Render(ui.Wrap(
			"Full access: every module, including modules added later.", w)))
	} else {
		b.WriteString(s.Text.Render(fmt.Sprintf("%d of %d modules enabled.", len(p.Modules), n)))
	}
	b.WriteString("\n\n")
	head := strings.Count(b.String(), "\n")

	maxCols := max(1, (w+moduleGap)/(moduleCellWidth+moduleGap))
	cols := 1
	for cols < maxCols && (n+cols-1)/cols > h-head {
		cols++
	}
	rows := (n + cols - 1) / cols

	for r := range rows {
		var line strings.Builder
		for c := range cols {
			i := c*rows + r
			if i >= n {
				break
			}
			if c > 0 {
				line.WriteString(strings.Repeat(" ", moduleGap))
			}
			m := store.Modules[i]
			state := s.Muted.Render("Disabled")
			if p.Allows(m.Slug) {
				state = s.Success.Render(pad("Enabled", len("Disabled")))
			}
			line.WriteString(s.Text.Render(pad(m.Name, moduleNameWidth)) + state)
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
