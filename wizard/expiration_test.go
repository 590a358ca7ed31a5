package wizard

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// updateExpiration presses keys in order and returns the step and the
// signal the last key led to.
func updateExpiration(e Expiration, keys ...string) (Expiration, tea.Msg) {
	var sig tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		e, cmd = e.Update(press(k))
		sig = signal(drain(cmd))
	}
	return e, sig
}

// formatReason is what a date not typed as DD/MM/YYYY HH:MM is refused
// with, its example a month after the test clock.
const formatReason = "use DD/MM/YYYY HH:MM, for example 14/04/2025 09:30"

// toCustom moves from the first row to Custom date.
var toCustom = strings.Fields("down down down down down down")

func TestExpirationUpdate(t *testing.T) {
	at := func(y int, mo time.Month, d, h, mi int) *time.Time {
		t := time.Date(y, mo, d, h, mi, 0, 0, testZone)
		return &t
	}
	tests := []struct {
		name       string
		keys       []string
		wantSignal tea.Msg
		wantCursor int
		wantTyping bool
		wantExpiry *time.Time // checked when wantReason is ""
		wantReason string
	}{
		{name: "starts on Never expires", wantExpiry: nil},
		{name: "enter on Never expires submits no expiry", keys: []string{"enter"},
			wantSignal: SubmitMsg{StepExpiration}},
		{name: "down moves to 1 day", keys: []string{"down"}, wantCursor: 1,
			wantExpiry: at(2025, time.March, 15, 9, 30)},
		{name: "j moves down, k moves up", keys: []string{"j", "j", "k"}, wantCursor: 1,
			wantExpiry: at(2025, time.March, 15, 9, 30)},
		{name: "up stops at the top", keys: []string{"up", "k"}, wantCursor: 0},
		{name: "down stops at Custom date", keys: append(toCustom, "down", "j"),
			wantCursor: customRow, wantReason: formatReason},
		{name: "enter on 1 week submits a week from now",
			keys: []string{"down", "down", "enter"}, wantCursor: 2,
			wantSignal: SubmitMsg{StepExpiration}, wantExpiry: at(2025, time.March, 21, 9, 30)},
		{name: "1 month is a calendar month", keys: []string{"down", "down", "down"},
			wantCursor: 3, wantExpiry: at(2025, time.April, 14, 9, 30)},
		{name: "3 months", keys: strings.Fields("down down down down"), wantCursor: 4,
			wantExpiry: at(2025, time.June, 14, 9, 30)},
		{name: "1 year", keys: strings.Fields("down down down down down"), wantCursor: 5,
			wantExpiry: at(2026, time.March, 14, 9, 30)},
		{name: "enter on Custom date opens the date field", keys: append(toCustom, "enter"),
			wantCursor: customRow, wantTyping: true,
			wantReason: formatReason},
		{name: "tab on Custom date opens the date field", keys: append(toCustom, "tab"),
			wantCursor: customRow, wantTyping: true,
			wantReason: formatReason},
		{name: "tab does nothing on a preset", keys: []string{"down", "tab"}, wantCursor: 1,
			wantExpiry: at(2025, time.March, 15, 9, 30)},
		{name: "a valid custom date submits it",
			keys:       append(toCustom, "enter", "01/09/2025 17:45", "enter"),
			wantCursor: customRow, wantTyping: true, wantSignal: SubmitMsg{StepExpiration},
			wantExpiry: at(2025, time.September, 1, 17, 45)},
		{name: "k and j are typed in the date field",
			keys:       append(toCustom, "enter", "k", "j"),
			wantCursor: customRow, wantTyping: true,
			wantReason: formatReason},
		{name: "a malformed date is refused",
			keys:       append(toCustom, "enter", "1/9/2025 17:45", "enter"),
			wantCursor: customRow, wantTyping: true,
			wantReason: formatReason},
		{name: "an empty date is refused", keys: append(toCustom, "enter", "enter"),
			wantCursor: customRow, wantTyping: true,
			wantReason: formatReason},
		{name: "31/02 is refused as not a real date",
			keys:       append(toCustom, "enter", "31/02/2026 10:00", "enter"),
			wantCursor: customRow, wantTyping: true,
			wantReason: "31/02/2026 10:00 is not a real date and time"},
		{name: "a past date is refused",
			keys:       append(toCustom, "enter", "13/03/2025 10:00", "enter"),
			wantCursor: customRow, wantTyping: true,
			wantReason: "13/03/2025 10:00 is not in the future"},
		{name: "the present minute is refused",
			keys:       append(toCustom, "enter", "14/03/2025 09:30", "enter"),
			wantCursor: customRow, wantTyping: true,
			wantReason: "14/03/2025 09:30 is not in the future"},
		{name: "shift+tab leaves the date field for the list",
			keys:       append(toCustom, "enter", "shift+tab"),
			wantCursor: customRow,
			wantReason: formatReason},
		{name: "tab leaves the date field for the list",
			keys:       append(toCustom, "enter", "tab"),
			wantCursor: customRow,
			wantReason: formatReason},
		{name: "shift+tab on the list goes back", keys: []string{"down", "shift+tab"},
			wantCursor: 1, wantSignal: BackMsg{StepExpiration},
			wantExpiry: at(2025, time.March, 15, 9, 30)},
		{name: "esc goes back from the list", keys: []string{"esc"},
			wantSignal: BackMsg{StepExpiration}},
		{name: "esc goes back from the date field",
			keys:       append(toCustom, "enter", "01/09/2025 17:45", "esc"),
			wantCursor: customRow, wantTyping: true, wantSignal: BackMsg{StepExpiration},
			wantExpiry: at(2025, time.September, 1, 17, 45)},
		{name: "the typed date is kept when moving to a preset",
			keys:       append(toCustom, "enter", "01/09/2025 17:45", "shift+tab", "up"),
			wantCursor: 5, wantExpiry: at(2026, time.March, 14, 9, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := quickExpiration(NewExpiration(testStyles, clock).SetSize(80, 20))
			e, sig := updateExpiration(e, tt.keys...)

			if sig != tt.wantSignal {
				t.Errorf("signal = %#v, want %#v", sig, tt.wantSignal)
			}
			if e.cursor != tt.wantCursor {
				t.Errorf("cursor = %d, want %d", e.cursor, tt.wantCursor)
			}
			if e.Typing() != tt.wantTyping {
				t.Errorf("Typing = %v, want %v", e.Typing(), tt.wantTyping)
			}
			got, err := e.Expiry()
			if tt.wantReason != "" {
				if reason(err) != tt.wantReason {
					t.Errorf("Expiry error = %q, want %q", reason(err), tt.wantReason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Expiry: %v", err)
			}
			if (got == nil) != (tt.wantExpiry == nil) ||
				got != nil && !got.Equal(*tt.wantExpiry) {
				t.Errorf("Expiry = %v, want %v", got, tt.wantExpiry)
			}
		})
	}
}

func TestExpirationShowsReasonBesideDate(t *testing.T) {
	e := quickExpiration(NewExpiration(testStyles, clock).SetSize(60, 14))
	e, _ = updateExpiration(e, append(toCustom, "enter", "31/02/2026 10:00", "enter")...)
	view := e.View()
	if !strings.Contains(view, "31/02/2026 10:00 is not a real date and time") {
		t.Errorf("the reason is not shown:\n%s", view)
	}
	checkFits(t, view, 60, 14)

	e, _ = updateExpiration(e, "backspace")
	if strings.Contains(e.View(), "✗") {
		t.Errorf("the reason stays once the date is edited:\n%s", e.View())
	}
	e, sig := updateExpiration(e, "0", "enter")
	if sig != nil || !strings.Contains(e.View(), "is not a real date") {
		t.Errorf("the same date again: signal %#v, view:\n%s", sig, e.View())
	}
}

func TestExpirationListsPresetDates(t *testing.T) {
	view := NewExpiration(testStyles, clock).SetSize(80, 20).View()
	for _, want := range []string{
		"Never expires", "1 day          15/03/2025 09:30", "1 week         21/03/2025 09:30",
		"1 month        14/04/2025 09:30", "3 months       14/06/2025 09:30",
		"1 year         14/03/2026 09:30", "Custom date",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}
