package stats_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

// TestSeriesKeepsTheLast30UTCDays spreads traffic over 40 days and checks
// that only the last 30 UTC days are in the series, oldest first, while the
// totals keep all 40.
func TestSeriesKeepsTheLast30UTCDays(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "traffic")
	other := createToken(t, st, "other")

	var counts []store.Usage
	for i := range 40 { // i days before now
		d := dayOf(now.Add(-time.Duration(i) * day))
		counts = append(counts,
			store.Usage{TokenID: tok.ID, Day: d, Code: 200, Count: int64(100 + i)},
			store.Usage{TokenID: tok.ID, Day: d, Code: 404, Count: 1},
			store.Usage{TokenID: other.ID, Day: d, Code: 200, Count: 1000})
	}
	counts = append(counts,
		store.Usage{TokenID: tok.ID, Day: dayOf(now), Code: 301, Count: 2},
		store.Usage{TokenID: tok.ID, Day: dayOf(now), Code: 503, Count: 3},
		// Tomorrow, UTC: a clock behind the gateway's must not show it.
		store.Usage{TokenID: tok.ID, Day: dayOf(now.Add(day)), Code: 200, Count: 7})
	if err := st.RecordUsage(t.Context(), counts, nil); err != nil {
		t.Fatal(err)
	}

	// The same instant seen from UTC+10, where it is already March 16.
	local := now.In(time.FixedZone("UTC+10", 10*60*60))
	r, err := stats.Load(t.Context(), st, tok.ID, local)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Days) != stats.Days {
		t.Fatalf("%d days, want %d", len(r.Days), stats.Days)
	}
	for i, d := range r.Days {
		back := stats.Days - 1 - i
		want := time.Date(2030, time.March, 15-back, 0, 0, 0, 0, time.UTC)
		if !d.Date.Equal(want) || d.Date.Location() != time.UTC {
			t.Errorf("day %d is %v, want %v", i, d.Date, want)
		}
		if d.Success != int64(100+back) || d.ClientError != 1 {
			t.Errorf("day %s: 2xx %d 4xx %d, want %d and 1",
				dayOf(d.Date), d.Success, d.ClientError, 100+back)
		}
	}
	last := r.Days[stats.Days-1]
	if last.Redirect != 2 || last.ServerError != 3 {
		t.Errorf("today: 3xx %d 5xx %d, want 2 and 3", last.Redirect, last.ServerError)
	}

	var in30, in40 int64
	for i := range 40 {
		if i < 30 {
			in30 += int64(100 + i)
		}
		in40 += int64(100 + i)
	}
	wantWindow := stats.Counts{Success: in30, Redirect: 2, ClientError: 30, ServerError: 3}
	if r.Window != wantWindow {
		t.Errorf("window %+v, want %+v", r.Window, wantWindow)
	}
	wantTotal := stats.Counts{Success: in40 + 7, Redirect: 2, ClientError: 40, ServerError: 3}
	if r.Total != wantTotal {
		t.Errorf("total %+v, want %+v", r.Total, wantTotal)
	}
	wantCodes := []stats.CodeCount{{200, in40 + 7}, {301, 2}, {404, 40}, {503, 3}}
	if !slices.Equal(r.Codes, wantCodes) {
		t.Errorf("codes %v, want %v", r.Codes, wantCodes)
	}
}

func TestLoadLastUsedAndEmptyToken(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "quiet")

	r, err := stats.Load(t.Context(), st, tok.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.LastUsed != nil || r.Total.Total() != 0 || r.Window.Total() != 0 ||
		len(r.Days) != stats.Days || len(r.Codes) != 0 {
		t.Errorf("quiet token: %+v", r)
	}

	used := now.Add(-time.Hour).Truncate(time.Second)
	one := []store.Usage{{TokenID: tok.ID, Day: dayOf(used), Code: 200, Count: 1}}
	err = st.RecordUsage(t.Context(), one, map[string]time.Time{tok.ID: used})
	if err != nil {
		t.Fatal(err)
	}
	r, err = stats.Load(t.Context(), st, tok.ID, now)
	if err != nil || r.LastUsed == nil || !r.LastUsed.Equal(used) {
		t.Errorf("last used %v, %v; want %v", r.LastUsed, err, used)
	}
}

func TestLoadUnknownToken(t *testing.T) {
	st := openStore(t)
	_, err := stats.Load(t.Context(), st, "SU-000-000-001", now)
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestCountsByClass(t *testing.T) {
	var c stats.Counts
	for _, code := range []int{101, 200, 204, 301, 304, 401, 403, 404, 431, 502, 999} {
		c.Add(code, 1)
	}
	want := stats.Counts{Success: 2, Redirect: 2, ClientError: 4, ServerError: 1, Other: 2}
	if c != want || c.Total() != 11 {
		t.Errorf("counts %+v (total %d), want %+v", c, c.Total(), want)
	}
}
