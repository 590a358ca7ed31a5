// Package gateway is the HTTP endpoint that makes tokens usable: it checks
// "Authorization: ApiKey ID:secret", maps the first path segment to a
// module, forwards allowed requests to an upstream (or answers them with an
// empty JSON list) and counts every answer given to a request that names an
// existing token.
//
// Errors are JSON (see problem), the gateway's refusals all counted for
// the token the request names. Paths that some server behind the gateway
// could read as leaving their module are refused with 400 bad_path before
// the key is judged: "." and ".." segments, backslashes, control characters
// and invalid UTF-8, in the client's encoding or one level more; see
// badPath. So is "OPTIONS *", which net/http would otherwise answer itself.
// A header over MaxHeaderBytes gets a JSON 431. One so large that net/http
// stops reading it gets net/http's own 431 in plain text, uncounted, since
// its key was never read; so does a request net/http cannot parse, with a
// plain-text 400.
//
// Tokens are kept in memory, never read per request; Watch notices changes
// made by any process within Refresh. Counts are buffered by a
// stats.Counter and written at least once a second, and once more when
// Serve stops.
package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

// DefaultRefresh is how often the store is asked whether any token changed;
// well under a second, so a change in another process applies within one.
const DefaultRefresh = 250 * time.Millisecond

// Options configure a Gateway. The zero value answers allowed requests
// itself and counts into the store it is given.
type Options struct {
	// Upstream receives allowed requests, as a reverse proxy; nil answers
	// them with an empty JSON list.
	Upstream *url.URL
	// Counter buffers the counts; nil makes one that writes to the store.
	Counter *stats.Counter
	// Log receives errors and lifecycle events; nil discards them.
	Log *slog.Logger
	// Now judges expiry and dates the counts; nil is time.Now.
	Now func() time.Time
	// Refresh is how often Watch polls the store; 0 is DefaultRefresh.
	Refresh time.Duration
	// HeaderTimeout bounds reading a request's header; 0 is
	// DefaultHeaderTimeout. A client slower than that gets 408.
	HeaderTimeout time.Duration
}

// Gateway is an http.Handler; Serve runs it with its background work.
type Gateway struct {
	st      *store.Store
	opts    Options
	log     *slog.Logger
	now     func() time.Time
	counter *stats.Counter
	proxy   *httputil.ReverseProxy

	tokens atomic.Pointer[map[string]store.Token]
	seq    atomic.Int64 // the store's LastChange the tokens were read at

	inflight sync.WaitGroup

	// open switches authentication and counting off; only the benchmark
	// sets it, to measure what they cost.
	open bool
}

// New reads every token and returns a gateway over them.
func New(st *store.Store, opts Options) (*Gateway, error) {
	g := &Gateway{st: st, opts: opts, log: opts.Log, now: opts.Now, counter: opts.Counter}
	if g.log == nil {
		g.log = slog.New(slog.DiscardHandler)
	}
	if g.now == nil {
		g.now = time.Now
	}
	if g.counter == nil {
		g.counter = stats.NewCounter(st, g.log)
	}
	if g.opts.Refresh <= 0 {
		g.opts.Refresh = DefaultRefresh
	}
	if opts.Upstream != nil {
		g.proxy = g.newProxy(opts.Upstream)
	}
	if err := g.reload(context.Background()); err != nil {
		return nil, err
	}
	return g, nil
}

// Watch polls the store every Refresh until ctx is done and reloads the
// tokens when anything changed. A failed poll is logged and retried.
func (g *Gateway) Watch(ctx context.Context) {
	tick := time.NewTicker(g.opts.Refresh)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if err := g.reloadIfChanged(ctx); err != nil && ctx.Err() == nil {
				g.log.Warn("reload tokens", "err", err)
			}
		}
	}
}

func (g *Gateway) reloadIfChanged(ctx context.Context) error {
	seq, err := g.st.LastChange(ctx)
	if err != nil {
		return err
	}
	// Any difference, not only a newer one: a database replaced by an
	// older copy must be reloaded too.
	if seq == g.seq.Load() {
		return nil
	}
	return g.reload(ctx)
}

// reload reads every token. The change sequence is read first, so a change
// landing during the read shows as a newer sequence and is read again.
func (g *Gateway) reload(ctx context.Context) error {
	seq, err := g.st.LastChange(ctx)
	if err != nil {
		return fmt.Errorf("read tokens: %w", err)
	}
	tokens := map[string]store.Token{}
	err = g.st.Each(ctx, func(t store.Token) error {
		tokens[t.ID] = t
		return nil
	})
	if err != nil {
		return err
	}
	g.tokens.Store(&tokens)
	g.seq.Store(seq)
	g.log.Debug("tokens loaded", "count", len(tokens), "seq", seq)
	return nil
}

// token finds a token by ID in the latest snapshot, deleted ones included.
func (g *Gateway) token(id string) (store.Token, bool) {
	t, ok := (*g.tokens.Load())[id]
	return t, ok
}
