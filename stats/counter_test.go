package stats_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

// TestCounterFlushesByTokenDayAndCode adds answers from several goroutines
// across a UTC midnight and checks one flush writes them all.
func TestCounterFlushesByTokenDayAndCode(t *testing.T) {
	st := openStore(t)
	a, b := createToken(t, st, "a"), createToken(t, st, "b")
	c := stats.NewCounter(st, nil)

	midnight := time.Date(2030, time.March, 16, 0, 0, 0, 0, time.UTC)
	before, after := midnight.Add(-time.Second), midnight.Add(time.Second)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 25 {
				c.Add(a.ID, 200, before)
				c.Add(a.ID, 200, after)
				c.Add(a.ID, 401, after)
				c.Add(b.ID, 502, before)
			}
		})
	}
	wg.Wait()
	if got := c.Pending(); got != 800 {
		t.Fatalf("pending %d, want 800", got)
	}
	if err := c.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := c.Pending(); got != 0 {
		t.Errorf("pending after flush %d", got)
	}

	got, err := st.UsageBetween(t.Context(), a.ID, "2030-03-01", "2030-03-31")
	want := []store.Usage{
		{TokenID: a.ID, Day: "2030-03-15", Code: 200, Count: 200},
		{TokenID: a.ID, Day: "2030-03-16", Code: 200, Count: 200},
		{TokenID: a.ID, Day: "2030-03-16", Code: 401, Count: 200},
	}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("usage of a %+v, %v\nwant %+v", got, err, want)
	}
	tokA, _ := st.Get(t.Context(), a.ID)
	tokB, _ := st.Get(t.Context(), b.ID)
	if tokA.LastUsedAt == nil || !tokA.LastUsedAt.Equal(after) ||
		tokB.LastUsedAt == nil || !tokB.LastUsedAt.Equal(before) {
		t.Errorf("last used a %v b %v, want %v and %v", tokA.LastUsedAt, tokB.LastUsedAt,
			after, before)
	}
}

// TestCounterKeepsCountsWhenAWriteFails checks a failed flush loses nothing.
func TestCounterKeepsCountsWhenAWriteFails(t *testing.T) {
	st := openStore(t)
	a := createToken(t, st, "a")
	c := stats.NewCounter(st, nil)
	c.Add(a.ID, 200, now)
	c.Add(a.ID, 200, now)

	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	if err := c.Flush(cancelled); err == nil {
		t.Fatal("flush with a cancelled context succeeded")
	}
	c.Add(a.ID, 200, now)
	if got := c.Pending(); got != 3 {
		t.Fatalf("pending after a failed flush %d, want 3", got)
	}
	if err := c.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	r, err := stats.Load(t.Context(), st, a.ID, now)
	if err != nil || r.Total.Success != 3 {
		t.Errorf("2xx %d, %v; want 3", r.Total.Success, err)
	}
}

// TestCounterRunWritesWithinASecond waits, with a deadline, for Run to
// write without any Flush call; the promise itself is FlushEvery.
func TestCounterRunWritesWithinASecond(t *testing.T) {
	st := openStore(t)
	a := createToken(t, st, "a")
	c := stats.NewCounter(st, nil)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { c.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	c.Add(a.ID, 204, now)
	deadline := time.Now().Add(3 * time.Second)
	for {
		r, err := stats.Load(t.Context(), st, a.ID, now)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total.Success == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("Run wrote nothing")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
