package wizard

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apitokens/apitokens/ui"
)

// Values at their limits: wide characters, one unbroken word, line breaks.
var (
	longName        = strings.Repeat("名前", 64)
	longExternalID  = strings.Repeat("X", 128)
	longDescription = strings.Repeat("y", 120) + "\n\n\n" + strings.Repeat("word ", 26)
)

// TestViewsFitEverySize draws every step, filled with the longest values
// allowed, at sizes from the smallest supported up, and checks that no
// line is wider and no view taller than the area it was given.
func TestViewsFitEverySize(t *testing.T) {
	st := openStore(t)
	general := []string{longName, "tab", longExternalID, "tab", longDescription}
	states := map[string][]string{
		"General":    general,
		"Discard":    keys(general, []string{"esc"}),
		"Expiration": keys(general, []string{"enter", "down"}),
		"CustomDate": keys(general, []string{"enter"}, toCustom,
			[]string{"enter", "1/1", "enter"}),
		"Extension":   keys(general, []string{"enter", "enter"}),
		"Permissions": keys(general, strings.Fields("enter enter down down down enter enter")),
		"FullHelp":    keys(general, []string{"enter", "enter", "enter", "?"}),
		"Summary":     keys(general, strings.Fields("enter enter enter a down space enter")),
	}
	sizes := []struct{ w, h int }{
		{60, 16}, {61, 17}, {60, 24}, {80, 24}, {100, 30}, {120, 40}, {59, 24}, {80, 15}, {20, 5},
	}
	for name, ks := range states {
		m, _ := drive(newWizard(t, st), ks...)
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", name, size.w, size.h), func(t *testing.T) {
				view := m.SetSize(size.w, size.h).View()
				checkFits(t, view, size.w, size.h)
				small := ui.TooSmall(size.w, size.h)
				if asks := strings.Contains(view, "Make the window"); asks != small {
					t.Errorf("asks for a larger window: %v, window too small: %v\n%s",
						asks, small, view)
				}
			})
		}
	}
}

// The steps reached above must be the ones named, or the sweep checks less
// than it claims.
func TestViewsFitReachesEveryStep(t *testing.T) {
	st := openStore(t)
	general := []string{longName, "tab", longExternalID, "tab", longDescription}
	m, _ := drive(newWizard(t, st), keys(general, []string{"enter", "enter", "down", "down",
		"down", "enter", "enter"})...)
	if m.step != StepPermissions {
		t.Fatalf("step %s:\n%s", m.step, m.View())
	}
	m, _ = drive(m, "a", "down", "space", "enter")
	if m.step != StepSummary {
		t.Fatalf("step %s:\n%s", m.step, m.View())
	}
	if !strings.Contains(m.View(), "名前名前") || !strings.Contains(m.View(), "…") {
		t.Errorf("a long name is neither shown nor cut:\n%s", m.View())
	}
}

// A block cut in both directions still fits: the mark of the cut lines
// must not push the last line past the width.
func TestFitCutsBothWays(t *testing.T) {
	block := strings.Repeat(strings.Repeat("z", 70)+"\n", 10)
	checkFits(t, fit(block, 60, 4), 60, 4)
}
