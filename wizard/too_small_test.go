package wizard

import (
	"strings"
	"testing"
)

// TestTooSmallIgnoresKeys checks that while the wizard asks for a larger
// window, a key typed cannot land in a field the user does not see.
func TestTooSmallIgnoresKeys(t *testing.T) {
	m, _ := drive(newWizard(t, openStore(t)), "tab", "tab") // on the description
	small := m.SetSize(40, 12)
	if !strings.Contains(small.View(), "Make the window larger") {
		t.Fatalf("no notice at 40x12:\n%s", small.View())
	}
	small, _ = drive(small, "x", "enter", "esc")
	back := small.SetSize(80, 24)
	if v := back.general.Values(); v != (GeneralValues{}) || back.discard.Open() ||
		back.step != StepGeneral {
		t.Errorf("keys acted while hidden: %+v, asking %t, step %s",
			v, back.discard.Open(), back.step)
	}
	back, _ = drive(back, "x")
	if back.general.Values().Description != "x" {
		t.Errorf("keys do not work once the window is large enough again")
	}
}
