package tui

import (
	"os"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// zone is every test's local time zone, whatever the machine's TZ says,
// so the dates in goldens stay put.
var zone = time.FixedZone("UTC+1", 60*60)

// epoch is where every test clock starts: Monday 10 June 2030, 09:00 local.
var epoch = time.Date(2030, time.June, 10, 9, 0, 0, 0, zone)

func TestMain(m *testing.M) {
	time.Local = zone
	// Goldens are plain text: no colours, the same on every terminal.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}
