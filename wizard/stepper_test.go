package wizard

import (
	"strings"
	"testing"
)

// TestHeaderKeepsTicks checks that going back keeps the ✓ of the steps the
// user completed, as long as they stay valid.
func TestHeaderKeepsTicks(t *testing.T) {
	m, _ := drive(newWizard(t, openStore(t)), keys(fillGeneral, pickOneMonth)...)
	if m.step != StepExtension {
		t.Fatalf("step %s", m.step)
	}
	m, _ = drive(m, "esc", "esc")
	header := strings.Split(m.View(), "\n")[1]
	want := "● General › ✓ Expiration › ○ Extension"
	if !strings.HasPrefix(header, want) {
		t.Errorf("back on step 1: %q, want %q…", header, want)
	}

	// A completed step whose values no longer pass loses its tick.
	m.general.name.SetValue("")
	if m.stepDone(StepGeneral) {
		t.Error("General ticked with an empty name")
	}
	if !m.stepDone(StepExpiration) {
		t.Error("Expiration lost its tick")
	}
}
