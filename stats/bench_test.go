package stats_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

// BenchmarkSeries reads one token's 30-day series with nothing counted and
// with 10 million requests counted: a year of that token's traffic and a
// year of 300 other tokens around it. "window=empty" keeps the token's own
// traffic before the 30 days, "window=full" puts a row for each day and
// code in them, beside the same rows holding one request each. Each pair
// should cost the same: only the window's rows are read, however many
// requests were counted before it, for anyone else, or in each row.
func BenchmarkSeries(b *testing.B) {
	cases := []struct {
		requests int64
		window   bool
	}{{0, false}, {10_000_000, false}, {int64(seriesCodes * stats.Days), true}, {10_000_000, true}}
	for _, c := range cases {
		st := openStore(b)
		tok := createToken(b, st, "measured")
		if c.requests > 0 {
			fill(b, st, tok.ID, c.requests, c.window)
		}
		window := map[bool]string{false: "empty", true: "full"}[c.window]
		b.Run(fmt.Sprintf("counted=%s/window=%s", short(c.requests), window), func(b *testing.B) {
			for b.Loop() {
				if _, err := stats.Series(b.Context(), st, tok.ID, now); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var seriesCodes = len(benchCodes)

var benchCodes = []int{200, 301, 404, 502}

// fill counts requests for id by day and code: over the last 30 days only
// when inWindow is set and the requests fit them, else over the year before
// them too (and only before them when inWindow is false). Unless the
// requests are that few, 300 other tokens get a year of counts each.
func fill(b *testing.B, st *store.Store, id string, requests int64, inWindow bool) {
	b.Helper()
	var counts []store.Usage
	add := func(id string, from, to int, n int64) {
		for d := from; d < to; d++ {
			day := dayOf(now.Add(-time.Duration(d) * day))
			for _, code := range benchCodes {
				counts = append(counts, store.Usage{TokenID: id, Day: day, Code: code, Count: n})
			}
		}
	}
	from, to := stats.Days, stats.Days+365
	if inWindow {
		from = 0
	}
	if requests <= int64(stats.Days*seriesCodes) {
		to = stats.Days
	}
	rows := int64((to - from) * seriesCodes)
	add(id, from, to, requests/rows)
	counts[0].Count += requests % rows // so the counts add up to requests exactly
	if to > stats.Days {
		for i := range 300 {
			add(createToken(b, st, fmt.Sprint("other ", i)).ID, 0, 365, int64(i+1))
		}
	}
	if err := st.RecordUsage(b.Context(), counts, nil); err != nil {
		b.Fatal(err)
	}
}

func short(n int64) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprint(n)
}

// BenchmarkLoad is the whole report the Statistics tab reads, totals
// included, with the same 10 million requests.
func BenchmarkLoad(b *testing.B) {
	st := openStore(b)
	tok := createToken(b, st, "measured")
	fill(b, st, tok.ID, 10_000_000, true)
	for b.Loop() {
		if _, err := stats.Load(b.Context(), st, tok.ID, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCounterAdd is the gateway's cost of counting one answer, from
// as many goroutines as there are processors.
func BenchmarkCounterAdd(b *testing.B) {
	st := openStore(b)
	c := stats.NewCounter(st, nil)
	ids := []string{"SU-000-000-001", "SU-000-000-002", "SU-000-000-003"}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Add(ids[i%len(ids)], 200, now)
			i++
		}
	})
}

// BenchmarkChart draws the tab's chart at 76x16.
func BenchmarkChart(b *testing.B) {
	r := chartCases[len(chartCases)-1].report
	for b.Loop() {
		stats.Chart(r, 76, 16, true)
	}
}
