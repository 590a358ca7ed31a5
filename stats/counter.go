package stats

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/apitokens/apitokens/store"
)

// FlushEvery is how often Run writes the buffered counts. Half a second
// keeps the promise of "at least once a second" even when a write waits
// for another process's transaction.
const FlushEvery = 500 * time.Millisecond

const secondsPerDay = 24 * 60 * 60

// countKey identifies one counter. The day is kept as days since 1970 so
// Add never formats a date on the request path.
type countKey struct {
	id   string
	day  int64
	code int
}

// Counter buffers answers in memory and writes them to the store in one
// transaction per flush. It is safe for concurrent use; Add holds a mutex
// for a map increment only.
type Counter struct {
	st  *store.Store
	log *slog.Logger

	mu     sync.Mutex
	counts map[countKey]int64
	used   map[string]time.Time

	// flushing serialises flushes, so a failed batch is put back before
	// the next one is taken.
	flushing sync.Mutex
}

// NewCounter returns a Counter writing to st; log may be nil.
func NewCounter(st *store.Store, log *slog.Logger) *Counter {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Counter{
		st: st, log: log,
		counts: map[countKey]int64{},
		used:   map[string]time.Time{},
	}
}

// Add counts one answer with the status code given to the token at the
// time at, and moves its last use forward.
func (c *Counter) Add(tokenID string, code int, at time.Time) {
	k := countKey{id: tokenID, day: at.Unix() / secondsPerDay, code: code}
	c.mu.Lock()
	c.counts[k]++
	if at.After(c.used[tokenID]) {
		c.used[tokenID] = at
	}
	c.mu.Unlock()
}

// Run flushes every FlushEvery until ctx is done. It does not flush on the
// way out, since ctx is already cancelled: call Flush after the last Add.
// A failed flush is logged and retried with the next one.
func (c *Counter) Run(ctx context.Context) {
	tick := time.NewTicker(FlushEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if err := c.Flush(ctx); err != nil && ctx.Err() == nil {
				c.log.Error("write request counts", "err", err)
			}
		}
	}
}

// Flush writes everything buffered so far in one transaction. When the
// write fails the counts go back into the buffer, so nothing is lost while
// the process lives.
func (c *Counter) Flush(ctx context.Context) error {
	c.flushing.Lock()
	defer c.flushing.Unlock()

	c.mu.Lock()
	counts, used := c.counts, c.used
	if len(counts) == 0 && len(used) == 0 {
		c.mu.Unlock()
		return nil
	}
	c.counts, c.used = make(map[countKey]int64, len(counts)), make(map[string]time.Time, len(used))
	c.mu.Unlock()

	batch := make([]store.Usage, 0, len(counts))
	for k, n := range counts {
		batch = append(batch, store.Usage{
			TokenID: k.id,
			Day:     time.Unix(k.day*secondsPerDay, 0).UTC().Format(store.DayFormat),
			Code:    k.code,
			Count:   n,
		})
	}
	if err := c.st.RecordUsage(ctx, batch, used); err != nil {
		c.putBack(counts, used)
		return err
	}
	return nil
}

// Pending is the number of answers buffered and not yet written.
func (c *Counter) Pending() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var n int64
	for _, v := range c.counts {
		n += v
	}
	return n
}

func (c *Counter) putBack(counts map[countKey]int64, used map[string]time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, n := range counts {
		c.counts[k] += n
	}
	for id, at := range used {
		if at.After(c.used[id]) {
			c.used[id] = at
		}
	}
}
