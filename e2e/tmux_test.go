package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// wait is how long any one screen may take to appear. Polling stops as
// soon as it does; the deadline only bounds a failure.
const wait = 15 * time.Second

// sockets numbers the private tmux servers of one test run.
var sockets atomic.Int64

// terminal is a private tmux server with one 80x24 pane running a shell,
// in which a test types commands and keys and reads the screen.
type terminal struct {
	t      *testing.T
	socket string
	dir    string
}

// newTerminal starts the server; it is killed when the test ends. The
// server reads no configuration but ours, and takes OSC 52 from programs
// into its paste buffer (set-clipboard on), as a user's tmux would after
// `set -g set-clipboard on`.
func newTerminal(t *testing.T, w, h int) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		// A missing tmux fails rather than skips: a green run must mean the
		// binary was driven in a real terminal.
		t.Fatal("tmux is not installed; `make deps` installs it")
	}
	term := &terminal{
		t:      t,
		socket: fmt.Sprintf("apitokens-e2e-%d-%d", os.Getpid(), sockets.Add(1)),
		dir:    t.TempDir(),
	}
	term.tmux("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-s", "main", "env", "-i", "PATH="+os.Getenv("PATH"), "HOME="+term.dir, "PS1=$ ",
		"TERM=screen", "/bin/sh")
	// kill-server leaves the socket file behind; it goes too.
	socketPath := term.format("#{socket_path}")
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-L", term.socket, "kill-server").Run()
		_ = os.Remove(socketPath)
	})
	term.tmux("set-option", "-g", "set-clipboard", "on")
	term.waitFor("$")
	return term
}

// tmux runs a tmux command against the private server.
func (term *terminal) tmux(args ...string) string {
	term.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-L", term.socket}, args...)...)
	cmd.Env = cleanEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		term.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// cleanEnv is the environment without the variables of a tmux the tests
// may themselves run in, so the private server is not taken for a nested
// session.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			env = append(env, kv)
		}
	}
	return env
}

// run types a shell command line and presses enter.
func (term *terminal) run(line string) {
	term.tmux("send-keys", "-t", "main", "-l", line)
	term.tmux("send-keys", "-t", "main", "Enter")
}

// keys presses keys by tmux's names (Enter, Escape, Down, Tab, y).
func (term *terminal) keys(keys ...string) {
	for _, k := range keys {
		term.tmux("send-keys", "-t", "main", k)
	}
}

// typed types text as it is.
func (term *terminal) typed(text string) {
	term.tmux("send-keys", "-t", "main", "-l", text)
}

// screen is what the pane shows now.
func (term *terminal) screen() string {
	return term.tmux("capture-pane", "-p", "-t", "main")
}

// waitFor polls the screen until it shows text, and returns it.
func (term *terminal) waitFor(text string) string {
	term.t.Helper()
	return term.waitUntil(text, func(s string) bool { return strings.Contains(s, text) })
}

// waitMatch polls the screen until it matches re.
func (term *terminal) waitMatch(re *regexp.Regexp) string {
	term.t.Helper()
	return term.waitUntil(re.String(), re.MatchString)
}

func (term *terminal) waitUntil(what string, ok func(string) bool) string {
	term.t.Helper()
	deadline := time.Now().Add(wait)
	var s string
	for time.Now().Before(deadline) {
		if s = term.screen(); ok(s) {
			return s
		}
		time.Sleep(30 * time.Millisecond)
	}
	term.t.Fatalf("waiting for %q, the screen shows:\n%s", what, s)
	return ""
}

// buffer is tmux's newest paste buffer, where OSC 52 lands.
func (term *terminal) buffer() string {
	term.t.Helper()
	cmd := exec.Command("tmux", "-L", term.socket, "show-buffer")
	cmd.Env = cleanEnv()
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// format asks tmux about the pane, such as #{alternate_on}.
func (term *terminal) format(f string) string {
	return strings.TrimSpace(term.tmux("display-message", "-p", "-t", "main", f))
}

// path is a file in the terminal's own folder.
func (term *terminal) path(name string) string { return filepath.Join(term.dir, name) }
