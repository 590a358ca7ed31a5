package tui

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// clock is a store clock the tests move by hand; the store reads it from
// its own goroutines.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// terminal records what the copier writes to the terminal.
type terminal struct {
	mu  sync.Mutex
	buf bytes.Buffer
	err error
}

func (t *terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return 0, t.err
	}
	return t.buf.Write(p)
}

func (t *terminal) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

// env is one test's world: a store on a fresh database with its own clock,
// and a terminal and system clipboard that record what they are given.
type env struct {
	t       *testing.T
	st      *store.Store
	clock   *clock
	term    *terminal
	mu      sync.Mutex
	clipped []string
	clipErr error
	seeded  int // tokens seeded so far, for their IDs
	d       deps
}

func newEnv(t *testing.T) *env {
	t.Helper()
	c := &clock{now: epoch}
	st, err := store.Open(filepath.Join(t.TempDir(), "tokens.db"), store.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{t: t, st: st, clock: c, term: &terminal{}}
	e.d = deps{
		ctx:    context.Background(),
		st:     st,
		styles: ui.DefaultStyles(),
		log:    slog.New(slog.DiscardHandler),
		copier: copier{
			terminal: e.term,
			system:   e.system,
			getenv:   func(string) string { return "" },
		},
		tick: quickTick,
	}
	return e
}

func (e *env) system(key string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.clipErr != nil {
		return e.clipErr
	}
	e.clipped = append(e.clipped, key)
	return nil
}

// seed creates a token a minute after the last one, so the list's order is
// the order of creation, and gives it a fixed ID and secret so goldens do
// not change from run to run. It returns the token as stored.
func (e *env) seed(d store.Draft) store.Token {
	e.t.Helper()
	e.clock.Advance(time.Minute)
	tok, err := e.st.Create(context.Background(), d)
	if err != nil {
		e.t.Fatalf("create %q: %v", d.Name, err)
	}
	e.seeded++
	n := e.seeded
	id := fmt.Sprintf("SU-100-200-%03d", n)
	secret := fmt.Sprintf("%040x", n)
	db, err := sql.Open("sqlite3", e.st.Path())
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"UPDATE tokens SET id = ?2, secret = ?3 WHERE id = ?1",
		"UPDATE events SET token_id = ?2 WHERE token_id = ?1",
	} {
		if _, err := db.Exec(q, tok.ID, id, secret); err != nil {
			e.t.Fatal(err)
		}
	}
	tok, err = e.st.Get(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// draft is a valid token to seed; change what a test needs.
func draft(name string, ext store.Extension) store.Draft {
	d := store.Draft{
		Name:        name,
		Description: "Used by the " + name + " job",
		Extension:   ext,
		Permissions: ext.DefaultPermissions(),
	}
	if ext == store.Custom {
		d.Permissions = store.Permissions{Modules: []string{"billing", "usage"}}
	}
	return d
}

// seedFew makes the tokens most goldens show: every status, every
// extension, an expiry or none.
func (e *env) seedFew() []store.Token {
	e.t.Helper()
	in := func(d time.Duration) *time.Time { t := epoch.Add(d); return &t }
	a := draft("CRM sync", store.Custom)
	a.ExpiresAt = in(90 * 24 * time.Hour)
	a.ExternalID = "JIRA-4521"
	b := draft("Nightly reports", store.Reports)
	c := draft("Zapier invoices", store.Zapier)
	c.ExpiresAt = in(3 * 24 * time.Hour)
	d := draft("Flowgear orders with a rather long name that will not fit", store.Flowgear)
	d.ExpiresAt = in(365 * 24 * time.Hour)

	toks := []store.Token{e.seed(a), e.seed(b), e.seed(c), e.seed(d)}
	if _, err := e.st.Disable(context.Background(), toks[1].ID); err != nil {
		e.t.Fatal(err)
	}
	return toks
}

// quickTick fires the short timers (the filter's pause) at once and drops
// the long ones (polling, refreshing, clearing the status line), so tests
// neither wait on the clock nor loop on a timer that restarts itself.
func quickTick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if d >= time.Second {
		return nil
	}
	return func() tea.Msg { return fn(epoch) }
}

// press turns a key's name into the message Bubble Tea sends for it;
// anything else is typed as runes.
func press(k string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab,
		"shift+tab": tea.KeyShiftTab, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "ctrl+c": tea.KeyCtrlC,
		"backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"ctrl+u": tea.KeyCtrlU,
	}
	if t, ok := types[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	if k == "space" {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// run runs a command and every command batched in it, and returns their
// messages. A command still running after a moment is a timer (a tick, a
// blink, a status expiry) and is left out, so tests never wait on time.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(100 * time.Millisecond):
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var msgs []tea.Msg
		for _, c := range batch {
			msgs = append(msgs, run(c)...)
		}
		return msgs
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// settle feeds a root model messages, and the messages their commands
// produce, until nothing but timers is left: the model a user would see
// once the database has answered.
func settle(m root, msgs ...tea.Msg) root {
	for len(msgs) > 0 {
		msg := msgs[0]
		msgs = msgs[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(root)
		msgs = append(msgs, run(cmd)...)
	}
	return m
}

// started is a root model sized to w x h with its first page loaded.
func (e *env) started(w, h int) root {
	m := newRoot(e.d)
	return settle(m, append(run(m.Init()), tea.WindowSizeMsg{Width: w, Height: h})...)
}

// keys presses each key in turn and settles after each.
func keys(m root, ks ...string) root {
	for _, k := range ks {
		m = settle(m, press(k))
	}
	return m
}

// find is the first message of type T among msgs.
func find[T any](msgs []tea.Msg) (T, bool) {
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// checkFits fails when a view is wider or taller than its window.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view is %d lines tall, window %d:\n%s", len(lines), h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d cells wide, window %d: %q", i+1, lw, w, l)
		}
	}
}
