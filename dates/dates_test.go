package dates_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/London for the daylight-saving case

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
)

// zone is the local time of every test: half an hour off a whole number
// of hours, so that a UTC time shown as local, or the reverse, shows.
var zone = time.FixedZone("UTC+05:30", 5*3600+30*60)

func TestMain(m *testing.M) {
	time.Local = zone
	os.Exit(m.Run())
}

// local is a time in the tests' local zone.
func local(y int, mo time.Month, d, h, mi int) time.Time {
	return time.Date(y, mo, d, h, mi, 0, 0, time.Local)
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		at   *time.Time
		want string
	}{
		{"never", nil, "Never"},
		{"UTC shown in local time", ptr(time.Date(2030, 1, 31, 20, 0, 0, 0, time.UTC)),
			"01/02/2030 01:30"},
		{"seconds dropped", ptr(local(2030, 3, 5, 7, 8).Add(59 * time.Second)),
			"05/03/2030 07:08"},
		{"another zone", ptr(time.Date(2030, 12, 31, 23, 0, 0, 0,
			time.FixedZone("UTC-2", -2*3600))), "01/01/2031 06:30"},
	}
	for _, tc := range tests {
		if got := dates.Format(tc.at); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestPresets checks the wizard's list against the product's.
func TestPresets(t *testing.T) {
	want := []struct{ label, code string }{
		{"Never expires", "never"}, {"1 day", "1d"}, {"1 week", "1w"}, {"1 month", "1m"},
		{"3 months", "3m"}, {"1 year", "1y"},
	}
	if len(dates.Presets) != len(want) {
		t.Fatalf("%d presets, want %d", len(dates.Presets), len(want))
	}
	for i, p := range dates.Presets {
		if p.Label != want[i].label || p.Code != want[i].code || p.Never() != (i == 0) {
			t.Errorf("preset %d: %q %q never=%t, want %q %q",
				i, p.Label, p.Code, p.Never(), want[i].label, want[i].code)
		}
	}
}

func preset(t *testing.T, code string) dates.Preset {
	t.Helper()
	for _, p := range dates.Presets {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("no preset %q", code)
	return dates.Preset{}
}

// TestPresetFrom checks each preset's expiry, with months clamped to the
// last day of a shorter month and leap years counted.
func TestPresetFrom(t *testing.T) {
	tests := []struct {
		code string
		now  time.Time
		want time.Time
	}{
		{"1d", local(2030, 3, 15, 9, 30), local(2030, 3, 16, 9, 30)},
		{"1d", local(2030, 12, 31, 23, 59), local(2031, 1, 1, 23, 59)},
		{"1d", local(2028, 2, 28, 12, 0), local(2028, 2, 29, 12, 0)},
		{"1w", local(2030, 2, 26, 8, 0), local(2030, 3, 5, 8, 0)},
		{"1w", local(2028, 2, 26, 8, 0), local(2028, 3, 4, 8, 0)},
		{"1m", local(2030, 3, 15, 9, 30), local(2030, 4, 15, 9, 30)},
		{"1m", local(2030, 1, 31, 10, 0), local(2030, 2, 28, 10, 0)},
		{"1m", local(2028, 1, 31, 10, 0), local(2028, 2, 29, 10, 0)},
		{"1m", local(2030, 1, 29, 10, 0), local(2030, 2, 28, 10, 0)},
		{"1m", local(2030, 2, 28, 10, 0), local(2030, 3, 28, 10, 0)},
		{"1m", local(2030, 3, 31, 10, 0), local(2030, 4, 30, 10, 0)},
		{"1m", local(2030, 12, 31, 23, 59), local(2031, 1, 31, 23, 59)},
		{"3m", local(2030, 5, 31, 10, 0), local(2030, 8, 31, 10, 0)},
		{"3m", local(2030, 3, 31, 10, 0), local(2030, 6, 30, 10, 0)},
		{"3m", local(2027, 11, 30, 10, 0), local(2028, 2, 29, 10, 0)},
		{"3m", local(2030, 11, 30, 10, 0), local(2031, 2, 28, 10, 0)},
		{"1y", local(2030, 3, 15, 9, 30), local(2031, 3, 15, 9, 30)},
		{"1y", local(2028, 2, 29, 10, 0), local(2029, 2, 28, 10, 0)},
		{"1y", local(2031, 2, 28, 10, 0), local(2032, 2, 28, 10, 0)},
	}
	for _, tc := range tests {
		got := preset(t, tc.code).From(tc.now)
		if got == nil || !got.Equal(tc.want) || got.Location() != tc.now.Location() {
			t.Errorf("%s from %s: %v, want %s", tc.code, dates.Format(&tc.now), got,
				dates.Format(&tc.want))
		}
	}
	if got := preset(t, "never").From(local(2030, 1, 1, 0, 0)); got != nil {
		t.Errorf("never gives %v", got)
	}
}

// TestPresetFromKeepsSeconds checks that a preset moves the calendar and
// nothing else.
func TestPresetFromKeepsSeconds(t *testing.T) {
	now := time.Date(2030, 1, 31, 10, 0, 42, 123, time.UTC)
	got := preset(t, "1m").From(now)
	want := time.Date(2030, 2, 28, 10, 0, 42, 123, time.UTC)
	if got == nil || !got.Equal(want) {
		t.Errorf("%v, want %v", got, want)
	}
}

type errKind int

const (
	accepted errKind = iota
	malformed
	notReal
	notFuture
)

// kindOf sorts an expiry error by what it tells the user, and checks that
// it is a FieldError on the expiry.
func kindOf(t *testing.T, err error) errKind {
	t.Helper()
	if err == nil {
		return accepted
	}
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != store.FieldExpiry {
		t.Fatalf("want a FieldError on %s, got %T: %v", store.FieldExpiry, err, err)
	}
	switch {
	case strings.Contains(fe.Msg, "not a real date"):
		return notReal
	case strings.Contains(fe.Msg, "not in the future"):
		return notFuture
	}
	return malformed
}

// TestParseCustom checks the typed custom date: its exact form, real
// calendar dates, and that it lies in the future.
func TestParseCustom(t *testing.T) {
	now := local(2030, 3, 15, 9, 30).Add(45 * time.Second)
	tests := []struct {
		typed string
		want  errKind
		at    time.Time // when accepted
	}{
		{"01/04/2030 10:00", accepted, local(2030, 4, 1, 10, 0)},
		{"  01/04/2030 10:00  ", accepted, local(2030, 4, 1, 10, 0)},
		{"15/03/2030 09:31", accepted, local(2030, 3, 15, 9, 31)},
		{"15/03/2030 09:30", notFuture, time.Time{}},
		{"15/03/2030 09:29", notFuture, time.Time{}},
		{"01/01/2000 00:00", notFuture, time.Time{}},
		{"29/02/2032 12:00", accepted, local(2032, 2, 29, 12, 0)},
		{"29/02/2031 12:00", notReal, time.Time{}},
		{"31/02/2031 12:00", notReal, time.Time{}},
		{"31/04/2031 12:00", notReal, time.Time{}},
		{"00/01/2031 12:00", notReal, time.Time{}},
		{"01/13/2031 12:00", notReal, time.Time{}},
		{"01/00/2031 12:00", notReal, time.Time{}},
		{"01/01/2031 24:00", notReal, time.Time{}},
		{"01/01/2031 12:60", notReal, time.Time{}},
		{"31/12/2031 23:59", accepted, local(2031, 12, 31, 23, 59)},
		{"", malformed, time.Time{}},
		{"next tuesday", malformed, time.Time{}},
		{"01/04/2030", malformed, time.Time{}},
		{"2030-04-01 10:00", malformed, time.Time{}},
		{"1/4/2030 10:00", malformed, time.Time{}},
		{"01/04/30 10:00", malformed, time.Time{}},
		{"01-04-2030 10:00", malformed, time.Time{}},
		{"01/04/2030T10:00", malformed, time.Time{}},
		{"01/04/2030 10.00", malformed, time.Time{}},
		{"01/04/2030 10:00 extra", malformed, time.Time{}},
		{"01/04/2030 10:0x", malformed, time.Time{}},
		{"+1/04/2030 10:00", malformed, time.Time{}},
		{"01/-4/2030 10:00", malformed, time.Time{}},
		{"01/ 4/2030 10:00", malformed, time.Time{}},
		{"01/04/2030  9:00", malformed, time.Time{}},
		{"01/04/2030 10:00:00", malformed, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.typed, func(t *testing.T) {
			got, err := dates.ParseCustom(tc.typed, now)

			if k := kindOf(t, err); k != tc.want {
				t.Fatalf("error kind %d (%v), want %d", k, err, tc.want)
			}
			if tc.want == accepted && (!got.Equal(tc.at) || got.Location() != time.Local) {
				t.Errorf("%v, want %v in local time", got, tc.at)
			}
		})
	}
}

// TestParseCustomExample checks that the example a malformed date's error
// gives is itself accepted.
func TestParseCustomExample(t *testing.T) {
	now := local(2030, 1, 31, 22, 15)
	_, err := dates.ParseCustom("soon", now)
	if err == nil {
		t.Fatal("accepted")
	}
	_, example, ok := strings.Cut(err.Error(), "for example ")
	if !ok {
		t.Fatalf("%q gives no example", err)
	}
	if _, err := dates.ParseCustom(example, now); err != nil {
		t.Errorf("the example %q is refused: %v", example, err)
	}
}

// TestParseCustomDaylightSaving checks that a local time skipped when the
// clocks go forward is refused rather than moved.
func TestParseCustomDaylightSaving(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	time.Local = london
	defer func() { time.Local = zone }()
	now := time.Date(2031, 1, 1, 0, 0, 0, 0, london)

	// Clocks went from 01:00 to 02:00 on 30 March 2031.
	if _, err := dates.ParseCustom("30/03/2031 01:30", now); kindOf(t, err) != notReal {
		t.Errorf("a skipped time: %v", err)
	}
	got, err := dates.ParseCustom("30/03/2031 02:30", now)
	if err != nil || got.Format("15:04 MST") != "02:30 BST" {
		t.Errorf("the hour after the change: %v, %v", got, err)
	}
}

// TestParse checks every form a script may give an expiry in.
func TestParse(t *testing.T) {
	now := local(2030, 3, 15, 9, 30)
	for _, p := range dates.Presets {
		for _, typed := range []string{p.Code, strings.ToUpper(p.Code), " " + p.Code + " "} {
			got, err := dates.Parse(typed, now)
			want := p.From(now)
			if err != nil || (got == nil) != (want == nil) || got != nil && !got.Equal(*want) {
				t.Errorf("%q: %v, %v; want %v", typed, got, err, want)
			}
		}
	}

	tests := []struct {
		typed string
		want  errKind
		at    time.Time
	}{
		{"2030-04-01", accepted, local(2030, 4, 1, 0, 0)},
		{"2030-04-01T10:15", accepted, local(2030, 4, 1, 10, 15)},
		{"01/04/2030 10:15", accepted, local(2030, 4, 1, 10, 15)},
		{" 2030-04-01 ", accepted, local(2030, 4, 1, 0, 0)},
		{"2032-02-29", accepted, local(2032, 2, 29, 0, 0)},
		{"2030-03-15", notFuture, time.Time{}},
		{"2030-03-15T09:30", notFuture, time.Time{}},
		{"2030-03-15T09:31", accepted, local(2030, 3, 15, 9, 31)},
		{"15/03/2030 09:30", notFuture, time.Time{}},
		{"2031-02-29", notReal, time.Time{}},
		{"2031-04-31T10:00", notReal, time.Time{}},
		{"2031-04-30T25:00", notReal, time.Time{}},
		{"31/02/2031 10:00", notReal, time.Time{}},
		{"", malformed, time.Time{}},
		{"tomorrow", malformed, time.Time{}},
		{"2d", malformed, time.Time{}},
		{"1 month", malformed, time.Time{}},
		{"20310401", malformed, time.Time{}},
		{"2031/04/01", malformed, time.Time{}},
		{"2031-4-01", malformed, time.Time{}},
		{"2031-04-1x", malformed, time.Time{}},
		{"2031-04-+1", malformed, time.Time{}},
		{"2031-04-01 10:15", malformed, time.Time{}},
		{"2031-04-01T10:1x", malformed, time.Time{}},
		{"2031-04-01T10:15Z", malformed, time.Time{}},
		{"01/04/2031", malformed, time.Time{}},
		{"+1/04/2031 10:00", malformed, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.typed, func(t *testing.T) {
			got, err := dates.Parse(tc.typed, now)

			if k := kindOf(t, err); k != tc.want {
				t.Fatalf("error kind %d (%v), want %d", k, err, tc.want)
			}
			if tc.want == accepted && (got == nil || !got.Equal(tc.at)) {
				t.Errorf("%v, want %v", got, tc.at)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestMalformedTellsFormFromRule(t *testing.T) {
	now := time.Date(2030, 6, 1, 12, 0, 0, 0, time.Local)
	for in, want := range map[string]bool{
		"tomorrow": true, "2031-04-1x": true, "1/2/2031 10:00": true,
		"2020-01-01": false, "31/02/2031 10:00": false, "2031-02-30T10:00": false,
	} {
		_, err := dates.Parse(in, now)
		if err == nil || dates.Malformed(err) != want {
			t.Errorf("Parse(%q) = %v; Malformed = %v, want %v", in, err, dates.Malformed(err), want)
		}
	}
}

func TestEventDetailShowsLocalTime(t *testing.T) {
	at := time.Date(2031, 4, 1, 10, 0, 0, 0, time.UTC)
	for detail, want := range map[string]string{
		"expires " + at.Format(time.RFC3339): "expires " + dates.Format(&at),
		"expires never":                      "never expires",
		"name, description":                  "name, description",
		"expires soon":                       "expires soon",
	} {
		if got := dates.EventDetail(store.Event{Detail: detail}); got != want {
			t.Errorf("EventDetail(%q) = %q, want %q", detail, got, want)
		}
	}
}
