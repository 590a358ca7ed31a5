package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// reset ends any styling a cut line left open, so it does not bleed into
// what is drawn over it.
const reset = "\x1b[0m"

// Overlay draws box over base with its top left corner at column x and
// line y: where they overlap the box wins, elsewhere base shows through.
// Styling on both sides is kept. base grows when the box reaches past its
// last line; keeping the box inside the window is the caller's job.
func Overlay(base, box string, x, y int) string {
	x, y = max(x, 0), max(y, 0)
	lines := strings.Split(base, "\n")
	for i, b := range strings.Split(box, "\n") {
		row := y + i
		for row >= len(lines) {
			lines = append(lines, "")
		}
		line := lines[row]

		left := ansi.Truncate(line, x, "")
		if pad := x - ansi.StringWidth(left); pad > 0 {
			left += strings.Repeat(" ", pad)
		}
		right := ansi.TruncateLeft(line, x+ansi.StringWidth(b), "")
		if strings.Contains(left, "\x1b") {
			left += reset
		}
		if strings.Contains(b, "\x1b") && right != "" {
			b += reset
		}
		lines[row] = left + b + right
	}
	return strings.Join(lines, "\n")
}
