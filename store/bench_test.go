package store_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// bulkStore opens a store holding n tokens written in one transaction
// straight into the file, which is far faster than n calls to Create. The
// newest token was created a second before epoch; every third never
// expires and the rest expire within 60 days of epoch.
func bulkStore(tb testing.TB, n int) (*store.Store, *clock) {
	tb.Helper()
	c := newClock()
	path := filepath.Join(tb.TempDir(), "bulk.db")
	s := openAt(tb, path, c)

	db, err := sql.Open("sqlite3", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	ins, err := tx.Prepare(`INSERT INTO tokens (id, name, external_id, description, extension,
		all_modules, modules, secret, expires_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	defer ins.Close()
	for i := range n {
		ext := store.Extensions[i%len(store.Extensions)]
		modules := "billing,usage"
		if ext == store.Reports {
			modules = "reports"
		}
		var expires any
		if i%3 != 0 {
			expires = epoch.Add(time.Duration(i%60+1) * day).Unix()
		}
		created := epoch.Add(-time.Duration(n-i) * time.Second).Unix()
		_, err := ins.Exec(
			fmt.Sprintf("SU-%03d-%03d-%03d", i/1_000_000, i/1000%1000, i%1000),
			fmt.Sprint("bulk token ", i), fmt.Sprint("ext-", i), "made in bulk",
			string(ext), false, modules, fmt.Sprintf("%040x", i), expires, created, created)
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return s, c
}

// BenchmarkList pages through 100,000 tokens near the start and near the
// end of the list, with and without filters.
func BenchmarkList(b *testing.B) {
	const n = 100_000
	s, _ := bulkStore(b, n)
	tests := []struct {
		name string
		o    store.ListOptions
	}{
		{"first page", store.ListOptions{Limit: 100}},
		{"offset 50000", store.ListOptions{Offset: 50_000, Limit: 100}},
		{"last page", store.ListOptions{Offset: n - 100, Limit: 100}},
		{"filter first page", store.ListOptions{Filter: "zap", Limit: 100}},
		{"filter last page", store.ListOptions{Filter: "zap", Offset: n/4 - 100, Limit: 100}},
		{"expiring first page", store.ListOptions{Status: store.StatusExpiring, Limit: 100}},
	}
	for _, tc := range tests {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				toks, err := s.List(b.Context(), tc.o)
				if err != nil || len(toks) != 100 {
					b.Fatalf("%d tokens, %v", len(toks), err)
				}
			}
		})
	}
}

// BenchmarkCount counts 100,000 tokens, as the list's footer does.
func BenchmarkCount(b *testing.B) {
	s, _ := bulkStore(b, 100_000)
	for _, o := range []store.ListOptions{{}, {Filter: "zap"}, {Status: store.StatusActive}} {
		b.Run(fmt.Sprintf("%q %q", o.Filter, o.Status), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Count(b.Context(), o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerify checks a key among 100,000 tokens, as the gateway does
// for every request.
func BenchmarkVerify(b *testing.B) {
	s, _ := bulkStore(b, 100_000)
	tok := mustCreate(b, s, draft("verified"))
	for b.Loop() {
		if _, err := s.Verify(b.Context(), tok.Key(), epoch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreate writes tokens one by one, each in its own transaction.
func BenchmarkCreate(b *testing.B) {
	s := openStore(b, newClock())
	i := 0
	for b.Loop() {
		i++
		if _, err := s.Create(b.Context(), draft(fmt.Sprint("token ", i))); err != nil {
			b.Fatal(err)
		}
	}
}
