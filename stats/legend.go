package stats

import (
	"strings"
	"unicode/utf8"

	"github.com/guptarohit/asciigraph"
)

const (
	legendGap    = "   "
	legendSwatch = "■"
)

// legend names each class in drawing order, so the last named is the one
// on top where lines meet: with its colour, or in plain text with the mark
// it is drawn with. It is centred under the plot, or in the chart when the
// plot is narrower than it.
func legend(leftPad, cols, width int, color bool) string {
	items := make([]string, len(charted))
	for i, s := range charted {
		mark := s.mark
		if mark == "" {
			mark = asciigraph.DefaultCharSet.Horizontal
		}
		if color {
			mark = s.color.String() + legendSwatch + asciigraph.Default.String()
		}
		items[i] = mark + " " + s.legend
	}
	pad := min(leftPad+max(0, (cols-legendWidth())/2), max(0, width-legendWidth()))
	return strings.Repeat(" ", pad) + strings.Join(items, legendGap)
}

// legendWidth is the legend's width on screen: each mark, whichever it is,
// takes one column.
func legendWidth() int {
	w := 0
	for _, s := range charted {
		w += len("x ") + utf8.RuneCountInString(s.legend)
	}
	return w + len(legendGap)*(len(charted)-1)
}
