package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// The smallest window every screen is designed for. Below it the program
// asks for a larger window instead of drawing a broken layout.
const (
	MinWidth  = 60
	MinHeight = 16
)

// TooSmall reports whether a window cannot hold the screens.
func TooSmall(width, height int) bool { return width < MinWidth || height < MinHeight }

// TooSmallView asks for a larger window, centred in what there is. The
// screen under it is hidden, so its keys are ignored meanwhile; ctrl+c is
// the one that still works, and the notice says so.
func TooSmallView(s Styles, width, height int) string {
	msg := s.Muted.Render(Truncate("Make the window larger", width) + "\n" +
		Truncate("(at least 60x16)", width) + "\n" + Truncate("ctrl+c quits", width))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, msg)
}

// Truncate cuts s to width cells, ending with an ellipsis when cut. It
// keeps ANSI styling intact.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// OneLine folds line breaks into spaces so a multi-line value fits a cell.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Wrap wraps plain text to width cells, breaking long words when needed.
func Wrap(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Wrap(s, width, "")
}

// ClampLines keeps at most n lines of s, marking a cut with an ellipsis.
func ClampLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if n <= 0 {
		return ""
	}
	if len(lines) <= n {
		return s
	}
	lines = lines[:n]
	lines[n-1] = Truncate(lines[n-1]+" …", lipgloss.Width(lines[n-1])+2)
	return strings.Join(lines, "\n")
}
