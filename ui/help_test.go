package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// keyMap is a help.KeyMap made of fixed groups.
type keyMap [][]key.Binding

func (k keyMap) ShortHelp() []key.Binding  { return k[len(k)-1] }
func (k keyMap) FullHelp() [][]key.Binding { return k }

func binding(k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc))
}

// TestHelpViewWraps checks that the full help breaks its columns into rows
// rather than cutting the last ones off, relabels ? and adds ctrl+c.
func TestHelpViewWraps(t *testing.T) {
	km := keyMap{
		{binding("tab", "next tab"), binding("shift+tab", "previous tab")},
		{binding("up", "scroll up"), binding("down", "scroll down")},
		{binding("v", "reveal"), binding("c", "copy"), binding("e", "edit")},
		{binding("esc", "back"), HelpKey()},
	}
	h := NewHelp(DefaultStyles())
	h.ShowAll = true
	for _, w := range []int{30, 60, 120} {
		v := HelpView(h, km, w)
		if lipgloss.Width(v) > w || strings.Contains(v, "…") {
			t.Errorf("at %d: %d wide:\n%s", w, lipgloss.Width(v), v)
		}
		for _, want := range []string{"previous tab", "edit", "back", "ctrl+c", "quit", "fewer"} {
			if !strings.Contains(v, want) {
				t.Errorf("at %d: no %q:\n%s", w, want, v)
			}
		}
		if strings.Contains(v, "more") {
			t.Errorf("at %d: ? still says more:\n%s", w, v)
		}
	}
	if rows := strings.Count(HelpView(h, km, 120), "\n") + 1; rows != 3 {
		t.Errorf("at 120 the columns should sit side by side, 3 rows tall; got %d", rows)
	}
	if got := km[3][1].Help().Desc; got != "more" {
		t.Errorf("HelpView changed the screen's own binding: %q", got)
	}

	h.ShowAll = false
	if v := HelpView(h, km, 80); v != "esc back • ? more" {
		t.Errorf("short help %q", v)
	}
}

// TestShortHelpWholeItems checks the one-line footer: it drops whole items
// from the end, never cuts one, keeps ? last, and marks a cut "…" when
// there is no ? to open the rest.
func TestShortHelpWholeItems(t *testing.T) {
	items := []key.Binding{binding("enter", "open"), binding("esc", "back"),
		binding("q", "quit")}
	h := NewHelp(DefaultStyles())
	tests := []struct {
		name  string
		short []key.Binding
		width int
		want  string
	}{
		{"everything fits", items, 80, "enter open • esc back • q quit"},
		{"no width is no limit", items, 0, "enter open • esc back • q quit"},
		{"last item dropped whole", items, 25, "enter open • esc back …"},
		{"only the ellipsis fits", items, 3, "…"},
		{"? kept at the end", append(slices.Clip(items), HelpKey()), 29, "enter open • ? more"},
		{"? alone", append(slices.Clip(items), HelpKey()), 7, "? more"},
		{"disabled keys skipped", []key.Binding{binding("a", "add"),
			key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "gone"), key.WithDisabled())},
			80, "a add"},
	}
	for _, tc := range tests {
		if got := HelpView(h, keyMap{tc.short}, tc.width); got != tc.want {
			t.Errorf("%s at %d: %q, want %q", tc.name, tc.width, got, tc.want)
		}
		if tc.width > 0 && lipgloss.Width(HelpView(h, keyMap{tc.short}, tc.width)) > tc.width {
			t.Errorf("%s: wider than %d", tc.name, tc.width)
		}
	}
}

// TestMoreMarks checks the words for hidden lines.
func TestMoreMarks(t *testing.T) {
	for _, tc := range []struct {
		above, below int
		want         string
	}{{0, 0, ""}, {2, 0, "  ↑ 2 more"}, {0, 5, "  ↓ 5 more"}, {1, 3, "  ↑ 1 more · ↓ 3 more"}} {
		if got := MoreMarks(tc.above, tc.below); got != tc.want {
			t.Errorf("MoreMarks(%d, %d) = %q, want %q", tc.above, tc.below, got, tc.want)
		}
	}
}
