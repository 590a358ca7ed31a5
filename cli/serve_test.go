package cli_test

import (
	"bufio"
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// serving is a running `apitokens serve` on a loopback port of its own.
type serving struct {
	t      *testing.T
	cmd    *exec.Cmd
	url    string
	mu     sync.Mutex
	stderr bytes.Buffer
	exited chan struct{}
	code   int
}

var listening = regexp.MustCompile(`listening on (http://[0-9.:]+)`)

func startServe(t *testing.T, db string, args ...string) *serving {
	t.Helper()
	s := &serving{t: t, exited: make(chan struct{})}
	s.cmd = exec.Command(bin, append([]string{"--db", db, "serve", "--addr", "127.0.0.1:0"},
		args...)...)
	s.cmd.Env = append(os.Environ(), "APITOKENS_LOG=", "NO_COLOR=1")
	pipe, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan string, 1)
	go func() {
		r := bufio.NewReader(pipe)
		line, _ := r.ReadString('\n')
		s.mu.Lock()
		s.stderr.WriteString(line)
		s.mu.Unlock()
		first <- line
		rest, _ := io.ReadAll(r)
		s.mu.Lock()
		s.stderr.Write(rest)
		s.mu.Unlock()
		s.cmd.Wait()
		s.code = s.cmd.ProcessState.ExitCode()
		close(s.exited)
	}()
	t.Cleanup(func() { s.stop() })

	select {
	case line := <-first:
		m := listening.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("serve did not start: %q", s.errors())
		}
		s.url = m[1]
	case <-time.After(15 * time.Second):
		t.Fatal("serve printed nothing")
	}
	return s
}

func (s *serving) errors() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// stop sends SIGTERM and returns the exit code, killing the process if it
// does not stop in time.
func (s *serving) stop() int {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
		s.t.Errorf("serve ignored SIGTERM; stderr: %s", s.errors())
	}
	return s.code
}

// get sends one request and returns its status and body.
func (s *serving) get(t *testing.T, path, auth string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", s.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

var client = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       10 * time.Second,
}

// counts reads a token's counts since tracking started, by status code.
func counts(t *testing.T, db, id string) map[int]int64 {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
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

// expire moves a token's expiry into the past behind the store's back,
// since no command makes an expired token; serve must not be running yet.
func expire(t *testing.T, db, id string) {
	t.Helper()
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = conn.Exec("UPDATE tokens SET expires_at = ? WHERE id = ?",
		time.Now().Add(-time.Hour).Unix(), id)
	if err != nil {
		t.Fatal(err)
	}
}

func key(k string) string { return "ApiKey " + k }

// TestServeAnswersEveryStatus calls a real `serve` with a real client for
// each answer PRODUCT.md names, then stops it with SIGTERM and checks every
// answer to a request naming an existing token was counted.
func TestServeAnswersEveryStatus(t *testing.T) {
	db := newDB(t)
	full := create(t, db, "--extension", "custom", "--all-modules")
	narrow := create(t, db, "--extension", "custom", "--modules", "agreements")
	disabled := create(t, db, "--extension", "custom", "--modules", "agreements")
	deleted := create(t, db, "--extension", "custom", "--modules", "agreements")
	expired := create(t, db, "--extension", "custom", "--modules", "agreements", "--expires", "1d")
	changes := [][]string{{"disable", idOf(disabled)}, {"delete", idOf(deleted), "--yes"}}
	for _, args := range changes {
		if r := run(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	expire(t, db, idOf(expired))

	seen := make(chan http.Header, 10)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen <- r.Header
		if strings.HasSuffix(r.URL.Path, "/teapot") {
			w.WriteHeader(http.StatusTeapot)
		}
		io.WriteString(w, "upstream says hi")
	}))
	defer up.Close()
	gone, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	goneURL := "http://" + gone.Addr().String()
	gone.Close()

	plain, proxy, down := startServe(t, db), startServe(t, db, "--upstream", up.URL),
		startServe(t, db, "--upstream", goneURL)
	hex0 := strings.Repeat("0", 40)
	cases := []struct {
		name   string
		s      *serving
		path   string
		auth   string
		status int
		body   string // a part of it
		id     string // the token counted, if any
	}{
		{"allowed", plain, "/agreements/", key(narrow), 200, "[]", idOf(narrow)},
		{"all modules", plain, "/reports/x", key(full), 200, "[]", idOf(full)},
		{"no trailing slash", plain, "/agreements", key(narrow), 301, "", idOf(narrow)},
		{"unknown module", plain, "/nowhere/", key(narrow), 404, "unknown_module", idOf(narrow)},
		{"module not granted", plain, "/billing/", key(narrow), 403, "forbidden_module",
			idOf(narrow)},
		{"dot-dot", plain, "/agreements/../billing/", key(narrow), 400, "bad_path", idOf(narrow)},
		{"missing key", plain, "/agreements/", "", 401, "missing_key", ""},
		{"missing colon", plain, "/agreements/", key(idOf(narrow)), 401, "malformed_key",
			idOf(narrow)},
		{"secret not hex", plain, "/agreements/", key(idOf(narrow) + ":" +
			strings.Repeat("g", 40)), 401, "malformed_key", idOf(narrow)},
		{"unknown ID", plain, "/agreements/", key("SU-000-000-000:" + hex0), 401,
			"unknown_key", ""},
		{"wrong secret", plain, "/agreements/", key(idOf(narrow) + ":" + hex0), 401,
			"wrong_secret", idOf(narrow)},
		{"expired", plain, "/agreements/", key(expired), 401, "expired_key", idOf(expired)},
		{"disabled", plain, "/agreements/", key(disabled), 401, "disabled_key", idOf(disabled)},
		{"deleted", plain, "/agreements/", key(deleted), 401, "deleted_key", idOf(deleted)},
		{"forwarded", proxy, "/agreements/1", key(narrow), 200, "upstream says hi", idOf(narrow)},
		{"upstream's own code", proxy, "/agreements/teapot", key(narrow), 418, "", idOf(narrow)},
		{"refused, not forwarded", proxy, "/billing/", key(narrow), 403, "", idOf(narrow)},
		{"upstream down", down, "/agreements/", key(narrow), 502, "bad_gateway", idOf(narrow)},
	}
	want := map[string]map[int]int64{}
	for _, c := range cases {
		status, body := c.s.get(t, c.path, c.auth)
		if status != c.status || !strings.Contains(body, c.body) {
			t.Errorf("%s: %d %q, want %d with %q", c.name, status, body, c.status, c.body)
		}
		if c.id != "" {
			if want[c.id] == nil {
				want[c.id] = map[int]int64{}
			}
			want[c.id][c.status]++
		}
	}
	if h := <-seen; h.Get("Authorization") != "" || h.Get("X-Apitokens-Token-Id") != idOf(narrow) {
		t.Errorf("upstream got headers %v", h)
	}

	for _, s := range []*serving{plain, proxy, down} {
		if code := s.stop(); code != 0 {
			t.Errorf("serve exited %d: %s", code, s.errors())
		}
	}
	for _, k := range []string{full, narrow, disabled, deleted, expired} {
		if got := counts(t, db, idOf(k)); !maps.Equal(got, want[idOf(k)]) {
			t.Errorf("%s counted %v, want %v", idOf(k), got, want[idOf(k)])
		}
	}
}

// TestServeCountsSurviveSIGTERM stops the gateway right after a burst of
// requests, before its periodic write can be relied on, and finds every
// answer counted.
func TestServeCountsSurviveSIGTERM(t *testing.T) {
	db := newDB(t)
	k := create(t, db, "--extension", "custom", "--modules", "agreements")
	s := startServe(t, db)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 50 {
				path := []string{"/agreements/", "/billing/", "/agreements"}[(w+i)%3]
				s.get(t, path, key(k))
			}
		})
	}
	wg.Wait()
	if code := s.stop(); code != 0 {
		t.Fatalf("serve exited %d: %s", code, s.errors())
	}
	got := counts(t, db, idOf(k))
	var sum int64
	for _, n := range got {
		sum += n
	}
	if sum != 200 || len(got) != 3 {
		t.Errorf("counted %v (%d), want 200 over 200, 301 and 403", got, sum)
	}
	r := run(t, db, "", "show", idOf(k), "--json")
	if !strings.Contains(r.stdout, `"last_used_at": "`) {
		t.Errorf("last used not set:\n%s", r.stdout)
	}
}

// TestServeSeesAnotherProcessWithinASecond changes tokens with other
// apitokens processes while serve runs. Each change must apply within a
// second by design (the store is polled every 250ms); the test allows
// three so a loaded machine does not fail it.
func TestServeSeesAnotherProcessWithinASecond(t *testing.T) {
	db := newDB(t)
	k := create(t, db, "--extension", "custom", "--modules", "agreements")
	id := idOf(k)
	s := startServe(t, db)
	expect := func(what, k string, want int) {
		t.Helper()
		deadline := time.Now().Add(3 * time.Second)
		for {
			status, _ := s.get(t, "/agreements/", key(k))
			if status == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: still %d, want %d", what, status, want)
			}
			time.Sleep(25 * time.Millisecond)
		}
	}
	change := func(args ...string) string {
		t.Helper()
		r := run(t, db, "", args...)
		if r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
		return strings.TrimSpace(r.stdout)
	}

	expect("the new token", k, 200)
	change("disable", id)
	expect("disabled in another process", k, 401)
	change("enable", id)
	expect("enabled again", k, 200)
	rotated := change("rotate", id, "--expires", "never")
	expect("the key rotated away", k, 401)
	expect("the rotated key", rotated, 200)
	change("permissions", id, "--modules", "billing")
	expect("agreements taken away", rotated, 403)
	change("delete", id, "--yes")
	expect("deleted in another process", rotated, 401)
	fresh := create(t, db, "--extension", "custom", "--modules", "agreements")
	expect("created in another process", fresh, 200)
}

// TestServeBadInput sends what a broken or hostile client would: none of
// it stops the server, and a client holding a half-sent request blocks
// nobody.
func TestServeBadInput(t *testing.T) {
	db := newDB(t)
	k := create(t, db, "--extension", "custom", "--modules", "agreements")
	s := startServe(t, db)

	stalled, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	fmt.Fprintf(stalled, "GET /agreements/ HTTP/1.1\r\nHost: x\r\nAuthorization: Api")

	huge := strings.Repeat("x", 1<<20)
	cases := []struct {
		name   string
		path   string
		auth   string
		header []string
		status int
	}{
		{"enormous header", "/agreements/", key(k), []string{"X-Huge", huge}, 431},
		{"enormous key", "/agreements/", key(huge), nil, 431},
		{"missing colon", "/agreements/", key(idOf(k)), nil, 401},
		{"secret not hex", "/agreements/", key(idOf(k) + ":" + strings.Repeat("Z", 40)), nil, 401},
		{"dot-dot", "/agreements/../../etc/passwd", key(k), nil, 400},
		{"still serving", "/agreements/", key(k), nil, 200},
	}
	for _, c := range cases {
		if status, body := s.get(t, c.path, c.auth, c.header...); status != c.status {
			t.Errorf("%s: %d %q, want %d", c.name, status, body, c.status)
		}
	}
	// Hung up first: a stop waits for a half-received request, up to the
	// shutdown grace.
	stalled.Close()
	if code := s.stop(); code != 0 {
		t.Errorf("serve exited %d: %s", code, s.errors())
	}
}

func TestServeFlags(t *testing.T) {
	db := newDB(t)
	for _, up := range []string{"ftp://example.invalid/", "no-scheme", "http://"} {
		if r := run(t, db, "", "serve", "--addr", "127.0.0.1:0", "--upstream", up); r.code != 2 {
			t.Errorf("--upstream %q: code %d, stderr %q", up, r.code, r.stderr)
		}
	}
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	r := run(t, db, "", "serve", "--addr", held.Addr().String())
	if r.code != 1 || !strings.Contains(r.stderr, "--addr") {
		t.Errorf("address in use: code %d, stderr %q", r.code, r.stderr)
	}
	help := run(t, db, "", "serve", "--help")
	if help.code != 0 || !strings.Contains(help.stdout, "Examples:") {
		t.Errorf("serve --help: %d\n%s", help.code, help.stdout)
	}
}
