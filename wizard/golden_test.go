package wizard

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest"
)

// goldenSizes are the window sizes every step is drawn at: the size the
// product is designed for, a large one, and the narrowest it supports.
var goldenSizes = []struct{ w, h int }{{80, 24}, {120, 40}, {60, 16}}

// goldenName is long enough to be cut or wrapped at every size.
const goldenName = "Nightly billing export to the finance data warehouse, " +
	"run by the platform team for the month-end close"

// TestGolden draws each step after reaching it with the keys a user would
// press, and compares the final screen with testdata. Run with -update to
// rewrite the goldens after a deliberate change.
func TestGolden(t *testing.T) {
	steps := []struct {
		name string
		walk func(*session)
	}{
		{"General", func(s *session) {
			s.waitFor("● General").pasted(goldenName).keys("enter").pasted("FIN-2025-03")
		}},
		{"GeneralInvalid", func(s *session) {
			s.waitFor("● General").pasted("   ").keys("tab", "tab", "enter").waitFor("✗")
		}},
		{"Discard", func(s *session) {
			s.waitFor("● General").pasted("x").keys("esc").waitFor("Discard")
		}},
		{"Expiration", func(s *session) {
			toExpiration(s).keys("down", "down", "down")
		}},
		{"ExpirationCustom", func(s *session) {
			toExpiration(s).keys(strings.Split("down down down down down down enter", " ")...).
				typed("31/02/2026 10:00").keys("enter").
				waitFor("not a real date")
		}},
		{"Extension", func(s *session) {
			toExtension(s).keys("down", "down", "down")
		}},
		{"Permissions", func(s *session) {
			toExtension(s).keys("down", "down", "down", "enter").waitFor("● Permissions").
				keys("down", "down", "space", "down", "down", "down", "space")
		}},
		{"PermissionsNone", func(s *session) {
			toExtension(s).keys("down", "down", "down", "enter").waitFor("● Permissions").
				keys("enter").waitFor("✗")
		}},
		{"Summary", func(s *session) {
			toExtension(s).keys("enter").waitFor("● Permissions").keys("enter").
				waitFor("Token created")
		}},
		{"SummaryReports", func(s *session) {
			toExtension(s).keys("down", "enter").waitFor("Token created")
		}},
	}
	for _, step := range steps {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", step.name, size.w, size.h), func(t *testing.T) {
				t.Parallel()
				st := openStore(t)
				s := startSession(t, New(st, testStyles, clock), size.w, size.h)
				step.walk(s)
				final := s.finish().wizard

				view := final.View()
				checkFits(t, view, size.w, size.h)
				teatest.RequireEqualOutput(t, []byte(stableID(view, final)))
			})
		}
	}
}

// toExpiration fills step 1 and waits for step 2.
func toExpiration(s *session) *session {
	return s.waitFor("● General").pasted(goldenName).keys("enter").
		typed("FIN-2025-03").keys("enter").
		typed("Exports invoices and credit notes every night.").keys("ctrl+j").
		typed("Owner: platform team.").keys("enter").
		waitFor("● Expiration")
}

// toExtension chooses 1 month on step 2 and waits for step 3.
func toExtension(s *session) *session {
	return toExpiration(s).keys("down", "down", "down", "enter").waitFor("● Extension")
}

// stableID replaces the created token's random ID, so the Summary golden
// does not change from run to run; the ID keeps its width.
func stableID(view string, m Model) string {
	if m.step != StepSummary {
		return view
	}
	return strings.ReplaceAll(view, m.summary.token.ID, "SU-123-456-789")
}
