package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestRecordUsage checks that batches add up by token, day and code, and
// that the last-used time only moves forward.
func TestRecordUsage(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	a := mustCreate(t, s, draft("a"))
	b := mustCreate(t, s, draft("b"))
	seq := mustLastChange(t, s)
	at := func(d time.Duration) time.Time { return epoch.Add(d) }

	batches := []struct {
		counts []store.Usage
		used   map[string]time.Time
	}{
		{
			counts: []store.Usage{
				{TokenID: a.ID, Day: "2030-03-15", Code: 200, Count: 3},
				{TokenID: a.ID, Day: "2030-03-15", Code: 401, Count: 1},
				{TokenID: b.ID, Day: "2030-03-15", Code: 200, Count: 7},
			},
			used: map[string]time.Time{a.ID: at(time.Hour), b.ID: at(time.Minute)},
		},
		{
			counts: []store.Usage{
				{TokenID: a.ID, Day: "2030-03-15", Code: 200, Count: 2},
				{TokenID: a.ID, Day: "2030-03-16", Code: 200, Count: 5},
				{TokenID: a.ID, Day: "2030-03-15", Code: 200, Count: 1},
			},
			// Older than a's last use: a batch that arrives late.
			used: map[string]time.Time{a.ID: at(30 * time.Minute), b.ID: at(2 * time.Hour)},
		},
		{used: map[string]time.Time{b.ID: at(2 * time.Hour)}},
		{},
	}
	for i, batch := range batches {
		if err := s.RecordUsage(t.Context(), batch.counts, batch.used); err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
	}

	got, err := s.UsageBetween(t.Context(), a.ID, "2030-03-01", "2030-03-31")
	want := []store.Usage{
		{TokenID: a.ID, Day: "2030-03-15", Code: 200, Count: 6},
		{TokenID: a.ID, Day: "2030-03-15", Code: 401, Count: 1},
		{TokenID: a.ID, Day: "2030-03-16", Code: 200, Count: 5},
	}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("usage of a: %+v, %v\nwant %+v", got, err, want)
	}
	totals, err := s.UsageTotals(t.Context(), a.ID)
	wantTotals := []store.Usage{
		{TokenID: a.ID, Code: 200, Count: 11},
		{TokenID: a.ID, Code: 401, Count: 1},
	}
	if err != nil || !slices.Equal(totals, wantTotals) {
		t.Errorf("totals of a: %+v, %v\nwant %+v", totals, err, wantTotals)
	}
	for tok, want := range map[string]time.Time{a.ID: at(time.Hour), b.ID: at(2 * time.Hour)} {
		used := mustGet(t, s, tok).LastUsedAt
		if used == nil || !used.Equal(want) {
			t.Errorf("%s last used %v, want %v", tok, used, want)
		}
	}
	if got := mustLastChange(t, s); got != seq {
		t.Errorf("usage recorded change %d: usage is not a change to the token", got)
	}
}

// TestRecordUsageAllOrNothing checks that a batch naming a token that does
// not exist lands nothing at all.
func TestRecordUsageAllOrNothing(t *testing.T) {
	s := openStore(t, newClock())
	a := mustCreate(t, s, draft("a"))

	err := s.RecordUsage(t.Context(), []store.Usage{
		{TokenID: a.ID, Day: "2030-03-15", Code: 200, Count: 3},
		{TokenID: "SU-000-000-000", Day: "2030-03-15", Code: 200, Count: 1},
	}, map[string]time.Time{a.ID: epoch})

	if err == nil {
		t.Fatal("a count for an unknown token was accepted")
	}
	if u, _ := s.UsageTotals(t.Context(), a.ID); len(u) != 0 {
		t.Errorf("half a batch landed: %+v", u)
	}
	if used := mustGet(t, s, a.ID).LastUsedAt; used != nil {
		t.Errorf("last used moved to %v by a failed batch", used)
	}
}

// TestUsageBetween checks that both ends of the range are included and
// nothing outside it, nor another token's counts.
func TestUsageBetween(t *testing.T) {
	s := openStore(t, newClock())
	a := mustCreate(t, s, draft("a"))
	b := mustCreate(t, s, draft("b"))
	days := []string{"2030-02-28", "2030-03-01", "2030-03-02", "2030-03-31", "2030-04-01"}
	var counts []store.Usage
	for i, d := range days {
		counts = append(counts,
			store.Usage{TokenID: a.ID, Day: d, Code: 200, Count: int64(i + 1)},
			store.Usage{TokenID: b.ID, Day: d, Code: 500, Count: 100},
		)
	}
	if err := s.RecordUsage(t.Context(), counts, nil); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		first, last string
		want        []string // days returned
	}{
		{"2030-03-01", "2030-03-31", days[1:4]},
		{"2030-03-02", "2030-03-02", days[2:3]},
		{"2030-02-28", "2030-04-01", days},
		{"2030-04-02", "2030-05-01", nil},
		{"2030-03-31", "2030-03-01", nil},
	}
	for _, tc := range tests {
		got, err := s.UsageBetween(t.Context(), a.ID, tc.first, tc.last)
		if err != nil {
			t.Fatal(err)
		}
		var gotDays []string
		for _, u := range got {
			if u.TokenID != a.ID || u.Code != 200 {
				t.Errorf("%s..%s: row of another token or code: %+v", tc.first, tc.last, u)
			}
			gotDays = append(gotDays, u.Day)
		}
		if !slices.Equal(gotDays, tc.want) {
			t.Errorf("%s..%s: days %v, want %v", tc.first, tc.last, gotDays, tc.want)
		}
	}
	if got, err := s.UsageBetween(t.Context(), "SU-000-000-000", days[0], days[4]); err != nil ||
		len(got) != 0 {
		t.Errorf("usage of an unknown token: %+v, %v", got, err)
	}
}
