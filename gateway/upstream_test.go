package gateway_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/gateway"
)

// TestForwardsToTheUpstream checks what the upstream receives and that its
// own answers, whatever their code, come back and are counted.
func TestForwardsToTheUpstream(t *testing.T) {
	seen := make(chan *http.Request, 1)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen <- r
		w.Header().Set("X-From", "upstream")
		if r.URL.Path == "/api/agreements/teapot" {
			w.WriteHeader(http.StatusTeapot)
		}
		io.WriteString(w, "from upstream")
	}))
	defer up.Close()
	base, _ := url.Parse(up.URL + "/api")

	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{Upstream: base})

	req, _ := http.NewRequestWithContext(t.Context(), "GET", gw.url+"/agreements/7?q=1", nil)
	req.Header.Set("Authorization", "ApiKey "+tok.Key())
	req.Header.Set(gateway.HeaderTokenID, "SU-000-000-000") // a client's forgery
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != "from upstream" ||
		res.Header.Get("X-From") != "upstream" {
		t.Errorf("answer %d %q %v", res.StatusCode, body, res.Header)
	}
	r := <-seen
	if r.URL.Path != "/api/agreements/7" || r.URL.RawQuery != "q=1" {
		t.Errorf("upstream got %s", r.URL)
	}
	if r.Header.Get("Authorization") != "" {
		t.Error("the key reached the upstream")
	}
	if r.Header.Get(gateway.HeaderTokenID) != tok.ID ||
		r.Header.Get(gateway.HeaderModule) != "agreements" {
		t.Errorf("caller headers %v", r.Header)
	}

	if a := call(t, "GET", gw.url+"/agreements/teapot", "ApiKey "+tok.Key()); a.status != 418 {
		t.Errorf("upstream's 418 came back as %d", a.status)
	}
	<-seen
	if a := call(t, "GET", gw.url+"/billing/", "ApiKey "+tok.Key()); a.status != 403 {
		t.Errorf("a refused request got %d", a.status)
	}
	select {
	case r := <-seen:
		t.Errorf("a refused request reached the upstream: %s", r.URL)
	default:
	}
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	if got := usage(t, st, tok.ID); got[200] != 1 || got[418] != 1 || got[403] != 1 {
		t.Errorf("counts %v", got)
	}
}

// TestUpstreamDownGives502 forwards to a port nobody listens on any more.
func TestUpstreamDownGives502(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down, _ := url.Parse("http://" + ln.Addr().String())
	ln.Close()

	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{Upstream: down})
	a := call(t, "GET", gw.url+"/agreements/", "ApiKey "+tok.Key())
	checkProblem(t, a, 502, "bad_gateway")
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	if got := usage(t, st, tok.ID); got[502] != 1 {
		t.Errorf("counts %v, want one 502", got)
	}
}

// TestUpgradeIsCountedAs101 lets the upstream switch protocols and echo;
// the gateway passes the connection through and counts a 101.
func TestUpgradeIsCountedAs101(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		brw.WriteString("HTTP/1.1 101 Switching Protocols\r\n" +
			"Connection: Upgrade\r\nUpgrade: echo\r\n\r\n")
		brw.Flush()
		line, _ := brw.ReadString('\n')
		brw.WriteString(line)
		brw.Flush()
	}))
	defer up.Close()
	base, _ := url.Parse(up.URL)
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{Upstream: base})

	c, err := net.Dial("tcp", strings.TrimPrefix(gw.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	io.WriteString(c, "GET /agreements/ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"+
		"Upgrade: echo\r\nAuthorization: ApiKey "+tok.Key()+"\r\n\r\n")
	r := bufio.NewReader(c)
	res, err := http.ReadResponse(r, nil)
	if err != nil || res.StatusCode != 101 {
		t.Fatalf("answer %v, %v", res, err)
	}
	io.WriteString(c, "ping\n")
	if echo, _ := r.ReadString('\n'); echo != "ping\n" {
		t.Errorf("echo %q", echo)
	}
	c.Close()
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}
	if got := usage(t, st, tok.ID); got[101] != 1 || len(got) != 1 {
		t.Errorf("counts %v, want one 101", got)
	}
}
