package stats

import (
	"strings"

	"github.com/guptarohit/asciigraph"
)

// dayLabel is how a day is named under the x axis: DD/MM, the start of the
// product's date format. All days are UTC.
const dayLabel = "02/01"

// Steps between labelled days that are tried, densest first; the labels
// are anchored on the newest day, so today is always named.
var dayLabelSteps = []int{1, 2, 3, 7, 14}

const legendGap = "   "

// xAxis draws the axis line, with a tick under each labelled day, and the
// line of day labels. Labels are centred on their day, kept inside the
// chart, and one that would touch its right neighbour is left out.
func xAxis(days []Day, leftPad, cols int) (axis, labels string) {
	width := leftPad + cols
	line := []rune(strings.Repeat(" ", leftPad-1) + "└" + strings.Repeat("─", cols))
	text := []rune(strings.Repeat(" ", width))

	next := width + 1 // the start of the label to the right, plus its gap
	for _, i := range labelledDays(len(days), cols) {
		col := leftPad + dayColumn(i, len(days), cols)
		label := days[i].Date.UTC().Format(dayLabel)
		start := min(max(col-len(label)/2, 0), width-len(label))
		if start+len(label) >= next {
			continue
		}
		copy(text[start:], []rune(label))
		line[col] = '┬'
		next = start
	}
	return string(line), strings.TrimRight(string(text), " ")
}

// labelledDays returns the indexes of the days to label, newest first.
func labelledDays(n, cols int) []int {
	if n == 0 {
		return nil
	}
	if n == 1 {
		return []int{0}
	}
	perDay := float64(cols-1) / float64(n-1)
	step := n - 1
	for _, s := range dayLabelSteps {
		if s < n && float64(s)*perDay >= float64(len(dayLabel)+1) {
			step = s
			break
		}
	}
	var out []int
	for i := n - 1; i >= 0; i -= step {
		out = append(out, i)
	}
	return out
}

// dayColumn is where asciigraph puts day i of n once it stretches them over
// cols columns.
func dayColumn(i, n, cols int) int {
	if n < 2 {
		return 0
	}
	return (i*(cols-1) + (n-1)/2) / (n - 1)
}

// legend names each line with its colour, or its mark in plain text,
// centred under the plot.
func legend(leftPad, cols int, color bool) string {
	items := make([]string, len(charted))
	for i, s := range charted {
		mark := s.mark
		if mark == "" {
			mark = asciigraph.DefaultCharSet.Horizontal
		}
		if color {
			mark = s.color.String() + "■" + asciigraph.Default.String()
		}
		items[i] = mark + " " + s.legend
	}
	pad := leftPad + max(0, (cols-legendWidth())/2)
	return strings.Repeat(" ", pad) + strings.Join(items, legendGap)
}

// legendWidth is the legend's width on screen, colour codes aside.
func legendWidth() int {
	w := 0
	for _, s := range charted {
		w += len("■ ") + len(s.legend)
	}
	return w + len(legendGap)*(len(charted)-1)
}
