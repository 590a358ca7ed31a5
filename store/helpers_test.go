package store_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// epoch is where every test clock starts: a whole second, in UTC.
var epoch = time.Date(2030, time.March, 15, 9, 30, 0, 0, time.UTC)

// clock is a store clock that tests move by hand. It is safe for the
// concurrent use the store makes of it.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: epoch} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// openStore opens a fresh database in the test's temporary folder.
func openStore(t testing.TB, c *clock) *store.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "tokens.db"), c)
}

// openAt opens the database at path and closes it when the test ends.
func openAt(t testing.TB, path string, c *clock) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.WithClock(c.Now))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// draft is a valid Custom draft that never expires.
func draft(name string) store.Draft {
	return store.Draft{
		Name:        name,
		Description: "made by a test",
		Extension:   store.Custom,
		Permissions: store.Permissions{Modules: []string{"billing"}},
	}
}

// expiring is draft with an expiry.
func expiring(name string, at time.Time) store.Draft {
	d := draft(name)
	d.ExpiresAt = &at
	return d
}

func mustCreate(t testing.TB, s *store.Store, d store.Draft) store.Token {
	t.Helper()
	tok, err := s.Create(t.Context(), d)
	if err != nil {
		t.Fatalf("create %q: %v", d.Name, err)
	}
	return tok
}

func mustGet(t testing.TB, s *store.Store, id string) store.Token {
	t.Helper()
	tok, err := s.Get(t.Context(), id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return tok
}

func mustEvents(t testing.TB, s *store.Store, id string) []store.Event {
	t.Helper()
	evs, err := s.Events(t.Context(), id)
	if err != nil {
		t.Fatalf("events of %s: %v", id, err)
	}
	return evs
}

func mustLastChange(t testing.TB, s *store.Store) int64 {
	t.Helper()
	seq, err := s.LastChange(t.Context())
	if err != nil {
		t.Fatalf("last change: %v", err)
	}
	return seq
}

// describe renders every field of a token, secrets and times in UTC to the
// nanosecond included, so two tokens compare equal only when they are.
func describe(tok store.Token) string {
	at := func(t *time.Time) string {
		if t == nil {
			return "nil"
		}
		return t.UTC().Format(time.RFC3339Nano)
	}
	created, updated := tok.CreatedAt, tok.UpdatedAt
	return fmt.Sprintf("id=%s name=%q ext-id=%q desc=%q extension=%s all=%t modules=%q "+
		"secret=%s expires=%s prev=%s prev-expires=%s created=%s updated=%s used=%s "+
		"disabled=%s deleted=%s",
		tok.ID, tok.Name, tok.ExternalID, tok.Description, tok.Extension,
		tok.Permissions.All, tok.Permissions.Modules, tok.Secret.Reveal(), at(tok.ExpiresAt),
		tok.PreviousSecret.Reveal(), at(tok.PreviousExpiresAt), at(&created), at(&updated),
		at(tok.LastUsedAt), at(tok.DisabledAt), at(tok.DeletedAt))
}

func sameToken(t testing.TB, what string, got, want store.Token) {
	t.Helper()
	if g, w := describe(got), describe(want); g != w {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

// fieldOf returns the Field of a *store.FieldError, or "" for nil, and fails
// the test for any other error.
func fieldOf(t testing.TB, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var fe *store.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("want a *store.FieldError, got %T: %v", err, err)
	}
	return fe.Field
}

// refusal returns the Reason of a *store.RefusedError, "" for nil, and fails
// the test for any other error.
func refusal(t testing.TB, err error) store.Refusal {
	t.Helper()
	if err == nil {
		return ""
	}
	var re *store.RefusedError
	if !errors.As(err, &re) {
		t.Fatalf("want a *store.RefusedError, got %T: %v", err, err)
	}
	return re.Reason
}

// verifyAt is Verify's refusal of key at the time at.
func verifyAt(t testing.TB, s *store.Store, key string, at time.Time) store.Refusal {
	t.Helper()
	_, err := s.Verify(t.Context(), key, at)
	return refusal(t, err)
}

func ids(toks []store.Token) []string {
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = tok.ID
	}
	return out
}

func kinds(evs []store.Event) []store.EventKind {
	out := make([]store.EventKind, len(evs))
	for i, e := range evs {
		out[i] = e.Kind
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func oneLine(t testing.TB, err error, mustName string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want an error naming %s, got none", mustName)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error spans lines: %q", msg)
	}
	if !strings.Contains(msg, mustName) {
		t.Errorf("error %q does not name %s", msg, mustName)
	}
}
