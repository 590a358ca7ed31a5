package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits on clients, so a hostile or broken one costs little and holds up
// no one else.
const (
	// DefaultHeaderTimeout bounds reading a request's header.
	DefaultHeaderTimeout = 10 * time.Second
	// MaxHeaderBytes bounds a request's header. A larger one gets the
	// gateway's JSON 431, counted like any answer, up to readHeaderBytes.
	MaxHeaderBytes = 32 << 10
	// readHeaderBytes is as much header as net/http reads (it allows 4 KiB
	// more). Past it net/http answers its own 431, in plain text, before
	// the gateway sees the request: a header that size is not read, so
	// there is no key to count it for, and reading on is what the limit
	// saves. The margin over MaxHeaderBytes lets the usual case, a client
	// a little over the limit, be answered in JSON.
	readHeaderBytes = 2 * MaxHeaderBytes
	// IdleTimeout closes a kept-alive connection nobody uses.
	IdleTimeout = 2 * time.Minute
	// ShutdownGrace is how long Serve waits for requests in flight when
	// asked to stop, before closing their connections.
	ShutdownGrace = 5 * time.Second
	// finalFlushTimeout bounds the last write of counts, which may wait for
	// another process's transaction.
	finalFlushTimeout = 15 * time.Second
)

// Serve answers connections from ln until ctx is done, keeping the tokens
// fresh and writing counts meanwhile. Then it stops taking requests, lets
// those in flight finish (up to ShutdownGrace), and writes the counts still
// buffered, so that a clean stop loses none. It returns nil after a clean
// stop.
func (g *Gateway) Serve(ctx context.Context, ln net.Listener) error {
	timeout := g.opts.HeaderTimeout
	if timeout <= 0 {
		timeout = DefaultHeaderTimeout
	}
	srv := &http.Server{
		Handler:           g,
		ReadHeaderTimeout: timeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    readHeaderBytes,
		ErrorLog:          slog.NewLogLogger(g.log.Handler(), slog.LevelDebug),
		// "OPTIONS *" would be answered 200 by net/http, with no key
		// asked and nothing counted; the gateway refuses it instead, as a
		// request-target that is not a path.
		DisableGeneralOptionsHandler: true,
	}

	background, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	var loops sync.WaitGroup
	loops.Go(func() { g.Watch(background) })
	loops.Go(func() { g.counter.Run(background) })

	served := make(chan error, 1)
	go func() { served <- srv.Serve(slowClientListener{ln}) }()
	g.log.Info("gateway start", "addr", ln.Addr().String())

	var err error
	select {
	case err = <-served:
		err = fmt.Errorf("serve: %w", err)
		srv.Close()
	case <-ctx.Done():
		g.shutdown(srv)
		<-served
	}
	g.waitForHandlers()

	stopBackground()
	loops.Wait()
	flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), finalFlushTimeout)
	defer cancel()
	if ferr := g.counter.Flush(flushCtx); ferr != nil {
		err = errors.Join(err, fmt.Errorf("write the last request counts: %w", ferr))
	}
	g.log.Info("gateway stop", "err", err)
	return err
}

// shutdown stops taking requests and lets those in flight finish, for up
// to ShutdownGrace; then it cuts off the rest, whose handlers return soon
// after, their answers counted as far as they were sent.
func (g *Gateway) shutdown(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		srv.Close()
	}
}

// waitForHandlers waits, for a while, for handlers the server no longer
// tracks (upgraded connections, those cut off by Close): each adds its count
// on the way out, and the final flush must come after.
func (g *Gateway) waitForHandlers() {
	done := make(chan struct{})
	go func() { g.inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(ShutdownGrace):
		g.log.Warn("requests still running at stop; their answers are not counted")
	}
}
