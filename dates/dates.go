// Package dates turns expiry choices into times and times into the text a
// user reads: DD/MM/YYYY HH:MM in local time.
package dates

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/apitokens/apitokens/store"
)

// Layout is how every date is shown and typed in the TUI.
const Layout = "02/01/2006 15:04"

// Format shows t in local time, or "Never" for a missing time.
func Format(t *time.Time) string {
	if t == nil {
		return "Never"
	}
	return t.Local().Format(Layout)
}

// Preset is one of the fixed expiry choices.
type Preset struct {
	// Label is what the wizard lists, such as "1 month".
	Label string
	// Code is the short form scripts pass, such as "1m".
	Code   string
	months int
	days   int
	never  bool
}

// Presets in the order the wizard lists them, Never expires first.
var Presets = []Preset{
	{Label: "Never expires", Code: "never", never: true},
	{Label: "1 day", Code: "1d", days: 1},
	{Label: "1 week", Code: "1w", days: 7},
	{Label: "1 month", Code: "1m", months: 1},
	{Label: "3 months", Code: "3m", months: 3},
	{Label: "1 year", Code: "1y", months: 12},
}

// Never reports whether the preset means no expiry.
func (p Preset) Never() bool { return p.never }

// From is the expiry the preset gives when chosen at now, or nil for never.
// Months are calendar months, clamped to the month's last day, so 31
// January plus one month is 28 or 29 February, not early March.
func (p Preset) From(now time.Time) *time.Time {
	if p.never {
		return nil
	}
	t := now.AddDate(0, 0, p.days)
	if p.months > 0 {
		t = addMonths(now, p.months)
	}
	return &t
}

func addMonths(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, t.Hour(), t.Minute(), t.Second(),
		t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// ParseCustom reads a date typed as DD/MM/YYYY HH:MM in local time and
// checks that it is real and in the future.
func ParseCustom(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	var d, mo, y, h, mi int
	var rest string
	n, _ := fmt.Sscanf(s, "%2d/%2d/%4d %2d:%2d%s", &d, &mo, &y, &h, &mi, &rest)
	if n != 5 || !shaped(s, Layout) {
		return time.Time{}, malformedErr("use DD/MM/YYYY HH:MM, for example %s",
			now.AddDate(0, 1, 0).Local().Format(Layout))
	}
	return checkReal(y, mo, d, h, mi, s, now)
}

// Parse reads an expiry as scripts give it: never, a preset code (1d, 1w,
// 1m, 3m, 1y), YYYY-MM-DD, YYYY-MM-DDTHH:MM, or DD/MM/YYYY HH:MM, all in
// local time. It returns nil for never.
func Parse(s string, now time.Time) (*time.Time, error) {
	s = strings.TrimSpace(s)
	for _, p := range Presets {
		if strings.EqualFold(s, p.Code) {
			return p.From(now), nil
		}
	}
	var y, mo, d, h, mi int
	if shaped(s, "2006-01-02") {
		if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &mo, &d); n == 3 {
			t, err := checkReal(y, mo, d, 0, 0, s, now)
			return &t, err
		}
	}
	if shaped(s, "2006-01-02T15:04") {
		if n, _ := fmt.Sscanf(s, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi); n == 5 {
			t, err := checkReal(y, mo, d, h, mi, s, now)
			return &t, err
		}
	}
	if len(s) == len(Layout) && strings.Contains(s, "/") {
		t, err := ParseCustom(s, now)
		return &t, err
	}
	return nil, malformedErr("%q is not an expiry; use never, 1d, 1w, 1m, 3m, 1y, "+
		"YYYY-MM-DD[THH:MM] or \"DD/MM/YYYY HH:MM\"", s)
}

// shaped reports whether s has a digit wherever layout has one and the same
// character everywhere else. fmt.Sscanf alone is lenient: it takes signs,
// spaces before a number, short numbers and trailing text.
func shaped(s, layout string) bool {
	if len(s) != len(layout) {
		return false
	}
	for i := range len(layout) {
		l, c := layout[i], s[i]
		if isDigit(l) != isDigit(c) || !isDigit(l) && l != c {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// checkReal refuses dates that time.Date would quietly normalise, such as
// 31/02, and dates that are not in the future.
func checkReal(y, mo, d, h, mi int, typed string, now time.Time) (time.Time, error) {
	t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.Local)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d || t.Hour() != h || t.Minute() != mi {
		return time.Time{}, customErr("%s is not a real date and time", typed)
	}
	if !t.After(now) {
		return time.Time{}, customErr("%s is not in the future", typed)
	}
	return t, nil
}

func customErr(format string, args ...any) error {
	return &store.FieldError{Field: store.FieldExpiry, Msg: fmt.Sprintf(format, args...)}
}

// malformed marks an expiry typed in no known form, as opposed to a
// well-formed date that breaks a rule; scripts treat the first as a usage
// mistake.
type malformed struct{ *store.FieldError }

func (m malformed) Unwrap() error { return m.FieldError }

func malformedErr(format string, args ...any) error {
	return malformed{&store.FieldError{Field: store.FieldExpiry, Msg: fmt.Sprintf(format, args...)}}
}

// Malformed reports whether err says an expiry was typed in no known form.
func Malformed(err error) bool {
	var m malformed
	return errors.As(err, &m)
}

// EventDetail is an event's detail as people read it. Rotations and
// renewals record the new expiry in UTC for machines; people read it in
// local time like every other date.
func EventDetail(e store.Event) string {
	at, ok := strings.CutPrefix(e.Detail, "expires ")
	if !ok {
		return e.Detail
	}
	if at == "never" {
		return "never expires"
	}
	if t, err := time.Parse(time.RFC3339, at); err == nil {
		return "expires " + Format(&t)
	}
	return e.Detail
}
