package ui

import (
	"strings"
	"testing"
)

// TestOverlay checks that a box covers the base only where it lies, and
// that the base grows when the box reaches past its end.
func TestOverlay(t *testing.T) {
	base := strings.Join([]string{"0123456789", "abcdefghij", "ABCDEFGHIJ"}, "\n")
	tests := []struct {
		name string
		box  string
		x, y int
		want string
	}{
		{"inside", "##\n##", 3, 1, "0123456789\nabc##fghij\nABC##FGHIJ"},
		{"at the corner", "#", 0, 0, "#123456789\nabcdefghij\nABCDEFGHIJ"},
		{"past the right", "###", 8, 0, "01234567###\nabcdefghij\nABCDEFGHIJ"},
		{"past the bottom", "#\n#", 1, 2, "0123456789\nabcdefghij\nA#CDEFGHIJ\n #"},
		{"wide characters", "界", 2, 0, "01界456789\nabcdefghij\nABCDEFGHIJ"},
	}
	for _, tc := range tests {
		if got := Overlay(base, tc.box, tc.x, tc.y); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
