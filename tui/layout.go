package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/apitokens/apitokens/ui"
)

// fit keeps a view inside w x h: every line is cut to w cells, lines past
// h are dropped, and short views are padded to h lines so the footer stays
// at the bottom. It is the last step of every screen's View.
func fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ui.Truncate(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// pad cuts s to w cells, or fills it with spaces up to w.
func pad(s string, w int) string {
	s = ui.Truncate(s, w)
	if n := w - ansi.StringWidth(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// spread puts left at the start and right at the end of a line w wide;
// right is dropped when both do not fit.
func spread(left, right string, w int) string {
	lw, rw := lipgloss.Width(left), lipgloss.Width(right)
	if lw+1+rw > w {
		return ui.Truncate(left, w)
	}
	return left + strings.Repeat(" ", w-lw-rw) + right
}

// flow joins items with sep into as few lines of w cells as it can,
// breaking only between items; an item wider than w is cut.
func flow(items []string, sep string, w int) string {
	var lines []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case lipgloss.Width(line+sep+it) <= w:
			line += sep + it
		default:
			lines = append(lines, line)
			line = it
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i, l := range lines {
		lines[i] = ui.Truncate(l, w)
	}
	return strings.Join(lines, "\n")
}

// thousands writes n with commas between groups of three digits, so a
// count like 100,000 reads at a glance.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plural is "1 token" or "N tokens".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}
