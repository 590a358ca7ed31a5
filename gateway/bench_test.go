package gateway

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// BenchmarkThroughput sends requests through the gateway to one local
// upstream with authentication and counting off and on: the same server,
// proxy and upstream, only the key checks and the counting skipped. The
// gateway must keep at least 90% of its throughput with them on.
//
// The two sub-benchmarks give each side's ns/op and req/s. Run one after
// the other they also measure whatever else the machine did meanwhile, so
// "interleaved" sends alternate batches through both and reports their
// ratio, on/off throughput, as its own figure.
func BenchmarkThroughput(b *testing.B) {
	env := newBenchEnv(b)
	for _, side := range []struct {
		name string
		base string
	}{{"auth+count=off", env.off}, {"auth+count=on", env.on}} {
		b.Run(side.name, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					env.request(b, side.base)
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
	b.Run("interleaved", func(b *testing.B) {
		const batch = 200
		var off, on time.Duration
		for i := range b.N {
			if i%2 == 0 {
				off += env.batch(b, env.off, batch)
				on += env.batch(b, env.on, batch)
			} else {
				on += env.batch(b, env.on, batch)
				off += env.batch(b, env.off, batch)
			}
		}
		b.ReportMetric(off.Seconds()/on.Seconds(), "on/off")
		b.ReportMetric(float64(b.N*batch)/off.Seconds(), "off-req/s")
		b.ReportMetric(float64(b.N*batch)/on.Seconds(), "on-req/s")
	})
}

type benchEnv struct {
	client  *http.Client
	key     string
	off, on string // the base URLs of the two gateways
}

func newBenchEnv(b *testing.B) *benchEnv {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "[]\n")
	}))
	b.Cleanup(up.Close)
	upstream, _ := url.Parse(up.URL)

	st, err := store.Open(filepath.Join(b.TempDir(), "tokens.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	tok, err := st.Create(b.Context(), store.Draft{Name: "bench", Description: "d",
		Extension: store.Custom, Permissions: store.Permissions{Modules: []string{"agreements"}}})
	if err != nil {
		b.Fatal(err)
	}

	env := &benchEnv{
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}},
		key:    "ApiKey " + tok.Key(),
	}
	b.Cleanup(env.client.CloseIdleConnections)
	for _, on := range []bool{false, true} {
		g, err := New(st, Options{Upstream: upstream})
		if err != nil {
			b.Fatal(err)
		}
		g.open = !on
		if on {
			env.on = startBench(b, g)
		} else {
			env.off = startBench(b, g)
		}
	}
	return env
}

func (env *benchEnv) request(b *testing.B, base string) {
	req, _ := http.NewRequest("GET", base+"/agreements/1", nil)
	req.Header.Set("Authorization", env.key)
	res, err := env.client.Do(req)
	if err != nil {
		b.Error(err)
		return
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		b.Errorf("status %d", res.StatusCode)
	}
}

// batch sends n requests from as many goroutines as RunParallel would use
// and returns how long they took.
func (env *benchEnv) batch(b *testing.B, base string, n int) time.Duration {
	workers := runtime.GOMAXPROCS(0)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				env.request(b, base)
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}

func startBench(b *testing.B, g *Gateway) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- g.Serve(ctx, ln) }()
	b.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			b.Error(err)
		}
	})
	return "http://" + ln.Addr().String()
}
