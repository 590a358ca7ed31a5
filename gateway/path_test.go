package gateway_test

import (
	"bufio"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/gateway"
)

// TestBadPathsAreRefused sends, in the request line as written, paths that
// could climb out of their module at an upstream that decodes once more,
// treats "\" as a separator, drops path parameters or reads overlong UTF-8.
// Each gets the JSON 400, is counted, and never reaches the upstream; the
// harmless look-alikes after them are forwarded as sent.
func TestBadPathsAreRefused(t *testing.T) {
	seen := make(chan string, 64)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen <- r.URL.EscapedPath()
	}))
	defer up.Close()
	base, _ := url.Parse(up.URL)
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{Upstream: base})

	bad := []string{
		`/agreements/..%5cbilling`,
		`/agreements/..%5Cbilling/`,
		`/agreements/..\billing`,
		`/agreements/%5c`,
		`/agreements/%00`,
		`/agreements/a%0ab`,
		`/agreements/a%09b`,
		`/agreements/a%7fb`,
		`/agreements/a%c2%85b`, // U+0085, a C1 control
		`/agreements/.`,
		`/agreements/./`,
		`/./agreements/`,
		`/agreements/../billing/`,
		`/agreements/..`,
		`/agreements/%2e/`,
		`/agreements/%2E%2E/billing/`,
		`/agreements/.%2e/billing/`,
		`/agreements/..%2fbilling/`,
		`/agreements/..%2Fbilling/`,
		`/agreements/%252e%252e/billing/`,
		`/agreements/%252E./billing/`,
		`/agreements/..%252fbilling/`,
		`/agreements%252f..%252fbilling/`,
		`/agreements/..%255cbilling`,
		`/agreements/a%2500b`,
		`/agreements/%25252e%25252e/billing/`, // a third level
		`/agreements/..;x/billing/`,
		`/agreements/.;/billing/`,
		`/agreements/%2e%2e%3bx/billing/`,
		`/agreements/%c0%ae%c0%ae/billing/`,   // overlong "."
		`/agreements/..%c0%afbilling/`,        // overlong "/"
		`/agreements/%25c0%25ae%25c0%25ae/x/`, // the same, encoded twice
		`/agreements/%ff`,
		`/agreements/caf%c3`,
	}
	key := "ApiKey " + tok.Key()
	for _, path := range bad {
		a := raw(t, gw.url, "GET "+path+" HTTP/1.1\r\nHost: x\r\nAuthorization: "+key+
			"\r\n\r\n")
		if a.status != 400 {
			t.Errorf("%s: %d %q, want 400", path, a.status, a.body)
			continue
		}
		checkProblem(t, a, 400, "bad_path")
	}
	select {
	case p := <-seen:
		t.Errorf("a bad path reached the upstream as %s", p)
	default:
	}

	good := []string{
		`/agreements/...`,
		`/agreements/..a`,
		`/agreements/a..b`,
		`/agreements/.hidden`,
		`/agreements/a;b`,
		`/agreements/a%2fb`,
		`/agreements/%2541`,
		`/agreements/%2520x`,
		`/agreements/100%25`,
		`/agreements/50%25off`,
		`/agreements/caf%c3%a9`,
		`/agreements/a%20b`,
	}
	for _, path := range good {
		a := raw(t, gw.url, "GET "+path+" HTTP/1.1\r\nHost: x\r\nAuthorization: "+key+
			"\r\n\r\n")
		if a.status != 200 {
			t.Errorf("%s: %d %q, want 200", path, a.status, a.body)
			continue
		}
		if got := <-seen; !strings.EqualFold(got, path) {
			t.Errorf("%s reached the upstream as %s", path, got)
		}
	}

	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	want := map[int]int64{400: int64(len(bad)), 200: int64(len(good))}
	if got := usage(t, st, tok.ID); !maps.Equal(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
}

// TestOptionsStarIsRefused: net/http would answer "OPTIONS *" itself, 200
// without a key and uncounted; the gateway refuses it like any other
// request-target that is not a path.
func TestOptionsStarIsRefused(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{})
	for _, auth := range []string{"", "Authorization: ApiKey " + tok.Key() + "\r\n"} {
		a := raw(t, gw.url, "OPTIONS * HTTP/1.1\r\nHost: x\r\n"+auth+"\r\n")
		checkProblem(t, a, 400, "bad_path")
	}
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	if got := usage(t, st, tok.ID); got[400] != 1 || len(got) != 1 {
		t.Errorf("counts %v, want one 400", got)
	}
}

// TestLargeHeaderGetsJSON431 sends headers of MaxHeaderBytes, all told, and
// over it: the gateway serves the first, and reads the others to answer
// its JSON 431, counted like any answer.
func TestLargeHeaderGetsJSON431(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{})
	head := "GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthorization: ApiKey " + tok.Key() +
		"\r\nX-Padding: \r\n\r\n"
	padded := func(size int) string {
		return strings.Replace(head, "X-Padding: ",
			"X-Padding: "+strings.Repeat("a", size-len(head)), 1)
	}
	if a := raw(t, gw.url, padded(gateway.MaxHeaderBytes)); a.status != 200 {
		t.Errorf("a header of MaxHeaderBytes got %d %q", a.status, a.body)
	}
	for _, size := range []int{gateway.MaxHeaderBytes + 1, 3 * gateway.MaxHeaderBytes / 2} {
		checkProblem(t, raw(t, gw.url, padded(size)), 431, "header_too_large")
	}
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	if got := usage(t, st, tok.ID); got[431] != 2 || got[200] != 1 || len(got) != 2 {
		t.Errorf("counts %v, want two 431 and one 200", got)
	}
}

// raw writes text to a fresh connection and reads the answer.
func raw(t *testing.T, url, text string) answer {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, text); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%.60q: %v", text, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, string(body)}
}
