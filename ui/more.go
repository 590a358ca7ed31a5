package ui

import (
	"fmt"
	"strings"
)

// MoreMarks says how many lines or rows a scrolled view hides above and
// below its window, such as "↑ 2 more · ↓ 5 more", so a cut list or page
// does not read as complete. It is empty when nothing is hidden.
func MoreMarks(above, below int) string {
	var parts []string
	if above > 0 {
		parts = append(parts, fmt.Sprintf("↑ %d more", above))
	}
	if below > 0 {
		parts = append(parts, fmt.Sprintf("↓ %d more", below))
	}
	if len(parts) == 0 {
		return ""
	}
	return "  " + strings.Join(parts, " · ")
}
