package e2e

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// TestTrafficShowsInStatistics is the whole loop a user sees: a token made
// from a script, real requests through `apitokens serve`, and their counts
// on the details screen's Statistics tab.
func TestTrafficShowsInStatistics(t *testing.T) {
	term := newTerminal(t, 100, 30)
	db := term.path("tokens.db")

	out, err := exec.Command(binary, "--db", db, "create", "--name", "Traffic", "--description",
		"made by the end-to-end test", "--extension", "custom", "--modules", "billing").Output()
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	key := strings.TrimSpace(string(out))

	base := serve(t, db)
	for path, want := range map[string]int{
		"/billing/": 200, "/billing": 301, "/agreements/": 403, "/nowhere/": 404,
	} {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("Authorization", "ApiKey "+key)
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}

	term.run(binary + " --db " + db)
	term.waitFor("1 of 1 token")
	term.keys("Enter")
	term.waitFor("History")
	term.keys("2")
	term.waitFor("Token Request Status Code · UTC · Last 30 days")
	// The tab re-reads the counts while open; the gateway writes them
	// within a second, so the figures may take a refresh to arrive.
	term.waitMatch(regexp.MustCompile(`2xx 1 · 3xx 1 · 4xx 2`))
	screen := term.screen()
	if strings.Contains(screen, "No requests in the last 30 days") {
		t.Errorf("chart says no requests after four:\n%s", screen)
	}
	term.keys("C-c")
}

var noRedirect = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// serve starts the gateway on a free loopback port and returns its base
// URL; the test's end stops it with SIGTERM, as a user's Ctrl-C would.
func serve(t *testing.T, db string) string {
	t.Helper()
	cmd := exec.Command(binary, "serve", "--db", db, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	})
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve said nothing: %v", err)
	}
	m := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	if m == "" {
		t.Fatalf("serve: no address in %q", line)
	}
	go io.Copy(io.Discard, stderr)
	return m
}
