package gateway_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/gateway"
	"github.com/apitokens/apitokens/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "tokens.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func createToken(t *testing.T, st *store.Store, name string, p store.Permissions) store.Token {
	t.Helper()
	tok, err := st.Create(t.Context(), store.Draft{
		Name: name, Description: "made by a test", Extension: store.Custom, Permissions: p,
	})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

var agreementsOnly = store.Permissions{Modules: []string{"agreements"}}

// running is a gateway serving on a loopback port of its own.
type running struct {
	url  string
	stop func() error // stops it and returns what Serve returned
}

func serve(t *testing.T, st *store.Store, opts gateway.Options) running {
	t.Helper()
	g, err := gateway.New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- g.Serve(ctx, ln) }()
	stopped := false
	var result error
	stop := func() error {
		if !stopped {
			stopped = true
			cancel()
			result = <-done
		}
		return result
	}
	t.Cleanup(func() { stop() })
	return running{url: "http://" + ln.Addr().String(), stop: stop}
}

type answer struct {
	status int
	header http.Header
	body   string
}

// call makes one request with the Authorization header auth, if not empty.
func call(t *testing.T, method, url, auth string) answer {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := noRedirects.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{res.StatusCode, res.Header, string(body)}
}

var noRedirects = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       10 * time.Second,
}

// eventually polls cond every 20ms until it holds, for at most three
// seconds: enough for a promise of one second on a slow machine.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within the deadline: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// rawRequest writes text to a fresh connection and returns the first line
// answered, or the error that ended the wait.
func rawRequest(t *testing.T, url, text string) (string, error) {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, text); err != nil {
		return "", err
	}
	buf := make([]byte, 512)
	n, err := io.ReadAtLeast(c, buf, len("HTTP/1.1 000"))
	if n == 0 {
		return "", errors.Join(errors.New("no answer"), err)
	}
	line, _, _ := strings.Cut(string(buf[:n]), "\r\n")
	return line, nil
}

// usage is a token's counts since tracking started, by status code.
func usage(t *testing.T, st *store.Store, id string) map[int]int64 {
	t.Helper()
	rows, err := st.UsageTotals(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]int64{}
	for _, u := range rows {
		out[u.Code] = u.Count
	}
	return out
}
