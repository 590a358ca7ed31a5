package gateway_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/gateway"
)

// TestSlowClientGets408 sends part of a header and stops, mid-line or
// between lines; the gateway answers 408 once the header timeout passes,
// and only that, and serves another client meanwhile.
func TestSlowClientGets408(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{HeaderTimeout: 300 * time.Millisecond})

	for _, part := range []string{
		"GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthor",
		"GET /agreements/ HTTP/1.1\r\nHost: x\r\n",
		"GET /agree",
	} {
		slow := make(chan string, 1)
		go func() { slow <- answers(gw.url, part) }()
		if a := call(t, "GET", gw.url+"/agreements/", "ApiKey "+tok.Key()); a.status != 200 {
			t.Errorf("another client got %d", a.status)
		}
		got := <-slow
		if !strings.HasPrefix(got, "HTTP/1.1 408 Request Timeout\r\n") ||
			strings.Count(got, "HTTP/1.1") != 1 {
			t.Errorf("after %q the slow client got %q", part, got)
		}
	}
}

// answers writes text to a fresh connection and returns all it is sent
// until the gateway hangs up, or an error.
func answers(url, text string) string {
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, text); err != nil {
		return err.Error()
	}
	got, err := io.ReadAll(c)
	if err != nil {
		return err.Error()
	}
	return string(got)
}

// TestIdleClientIsClosedQuietly connects and sends nothing: there is no
// request to answer, so the connection just closes.
func TestIdleClientIsClosedQuietly(t *testing.T) {
	st := openStore(t)
	gw := serve(t, st, gateway.Options{HeaderTimeout: 200 * time.Millisecond})
	if line, err := rawRequest(t, gw.url, ""); err == nil {
		t.Errorf("idle client got %q", line)
	}
}

// TestKeptAliveClientThatStalls gets its first answer, then sends half of
// a second request on the same connection: that one times out with 408,
// the only answer after the first.
func TestKeptAliveClientThatStalls(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{HeaderTimeout: 300 * time.Millisecond})
	c, err := net.Dial("tcp", strings.TrimPrefix(gw.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	first := "GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthorization: ApiKey " + tok.Key() +
		"\r\n\r\n"
	if _, err := io.WriteString(c, first); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(c)
	res, err := http.ReadResponse(r, nil)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("first answer %v, %v", res, err)
	}
	io.Copy(io.Discard, res.Body)

	if _, err := io.WriteString(c, "GET /agree"); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(r)
	if strings.Count(string(rest), "HTTP/1.1") != 1 ||
		!strings.HasPrefix(string(rest), "HTTP/1.1 408 Request Timeout") {
		t.Errorf("after the stall:\n%s", rest)
	}
}

// TestEnormousHeaderGets431 sends a header far over MaxHeaderBytes, past
// what net/http reads: its own 431 answers, uncounted, and the gateway
// goes on serving.
func TestEnormousHeaderGets431(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{})
	req, _ := http.NewRequestWithContext(t.Context(), "GET", gw.url+"/agreements/", nil)
	req.Header.Set("Authorization", "ApiKey "+tok.Key())
	req.Header.Set("X-Padding", strings.Repeat("a", 4*gateway.MaxHeaderBytes))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("status %d, want 431", res.StatusCode)
	}
	if a := call(t, "GET", gw.url+"/agreements/", "ApiKey "+tok.Key()); a.status != 200 {
		t.Errorf("the next request got %d", a.status)
	}
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	if got := usage(t, st, tok.ID); got[200] != 1 || len(got) != 1 {
		t.Errorf("counts %v, want the one 200", got)
	}
}

// TestGarbageDoesNotStopTheServer throws malformed requests at the
// gateway and checks it still answers.
func TestGarbageDoesNotStopTheServer(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{HeaderTimeout: time.Second})
	for _, text := range []string{
		"NONSENSE\r\n\r\n",
		"GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthorization: ApiKey " +
			strings.Repeat(":", 5000) + "\r\n\r\n",
		"GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthorization: ApiKey \x00\x01\r\n\r\n",
		"GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthorization: ApiKey SU-1:" +
			strings.Repeat("ff", 5000) + "\r\n\r\n",
		"GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		line, err := rawRequest(t, gw.url, text)
		if err != nil || !strings.HasPrefix(line, "HTTP/1.1 4") {
			t.Errorf("%.40q: %q, %v", text, line, err)
		}
	}
	if a := call(t, "GET", gw.url+"/agreements/", "ApiKey "+tok.Key()); a.status != 200 {
		t.Errorf("after the garbage: %d", a.status)
	}
}
