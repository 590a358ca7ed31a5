package cli

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// table lays rows out in aligned columns. Cells are measured in terminal
// cells, as a terminal draws them, so CJK and emoji (two cells each) line
// up too; text/tabwriter counts runes and would not.
type table struct {
	rows [][]string
	// alignRight marks the columns whose cells are right-aligned, such as
	// counts.
	alignRight map[int]bool
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the table with two spaces between columns and no trailing
// spaces.
func (t *table) write(w io.Writer) error {
	var widths []int
	for _, row := range t.rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if t.alignRight[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
