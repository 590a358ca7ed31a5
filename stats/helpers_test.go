package stats_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

// now is the injected clock of every test: late on a UTC day, so a time
// zone east of UTC is already on the next day.
var now = time.Date(2030, time.March, 15, 22, 30, 0, 0, time.UTC)

const day = 24 * time.Hour

func openStore(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "tokens.db"),
		store.WithClock(func() time.Time { return now.Add(-90 * day) }))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func createToken(tb testing.TB, st *store.Store, name string) store.Token {
	tb.Helper()
	t, err := st.Create(tb.Context(), store.Draft{
		Name: name, Description: "made by a test", Extension: store.Custom,
		Permissions: store.Permissions{Modules: []string{"billing"}},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func dayOf(t time.Time) string { return t.UTC().Format(store.DayFormat) }

// days builds a 30-day report ending on now's day from 2xx, 3xx and 4xx
// values per day, oldest first.
func days(values func(i int) (ok, redirect, clientErr int64)) stats.Report {
	var r stats.Report
	first := time.Date(2030, time.February, 14, 0, 0, 0, 0, time.UTC)
	for i := range stats.Days {
		d := stats.Day{Date: first.Add(time.Duration(i) * day)}
		d.Success, d.Redirect, d.ClientError = values(i)
		r.Days = append(r.Days, d)
	}
	return r
}
