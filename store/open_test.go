package store_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestReopenKeepsEverything checks that tokens in every state, their
// history and their counts read back the same after the store is reopened.
func TestReopenKeepsEverything(t *testing.T) {
	c := newClock()
	path := filepath.Join(t.TempDir(), "tokens.db")
	s, err := store.Open(path, store.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	var made []string
	for i, step := range []func(store.Token) error{
		func(store.Token) error { return nil },
		func(tok store.Token) error { _, err := s.Disable(t.Context(), tok.ID); return err },
		func(tok store.Token) error { _, err := s.Delete(t.Context(), tok.ID); return err },
		func(tok store.Token) error {
			_, err := s.Renew(t.Context(), tok.ID, ptr(epoch.Add(90*day)))
			return err
		},
		func(tok store.Token) error {
			_, err := s.Update(t.Context(), tok.ID,
				store.Edit{Name: "édité", ExternalID: "x-1", Description: "a\nb"})
			return err
		},
		func(tok store.Token) error {
			_, err := s.SetPermissions(t.Context(), tok.ID, store.Permissions{All: true})
			return err
		},
	} {
		c.Advance(time.Minute)
		tok := mustCreate(t, s, expiring(fmt.Sprint("token ", i), epoch.Add(30*day)))
		c.Advance(time.Minute)
		if err := step(tok); err != nil {
			t.Fatal(err)
		}
		made = append(made, tok.ID)
	}
	err = s.RecordUsage(t.Context(), []store.Usage{
		{TokenID: made[0], Day: "2030-03-15", Code: 200, Count: 4},
		{TokenID: made[2], Day: "2030-03-15", Code: 403, Count: 2},
	}, map[string]time.Time{made[0]: epoch.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s, made)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, c)

	if after := snapshot(t, s, made); after != before {
		t.Errorf("after reopening:\n%s\nbefore:\n%s", after, before)
	}
}

// snapshot renders all a store holds about the tokens ids.
func snapshot(t *testing.T, s *store.Store, ids []string) string {
	t.Helper()
	var b strings.Builder
	list, err := s.List(t.Context(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range list {
		fmt.Fprintln(&b, "listed", tok.ID)
	}
	for _, id := range ids {
		fmt.Fprintln(&b, describe(mustGet(t, s, id)))
		for _, e := range mustEvents(t, s, id) {
			fmt.Fprintf(&b, "  %d %s %s %q\n", e.Seq, e.Kind, e.At.Format(time.RFC3339), e.Detail)
		}
		u, err := s.UsageBetween(t.Context(), id, "2030-01-01", "2030-12-31")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "  usage %+v\n", u)
	}
	fmt.Fprintln(&b, "last change", mustLastChange(t, s))
	return b.String()
}

// TestFileModes checks that the folders made for a database and every file
// SQLite keeps beside it are private to the user.
func TestFileModes(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "made", "for")
	path := filepath.Join(dir, "tokens.db")
	s := openAt(t, path, newClock())
	mustCreate(t, s, draft("written"))

	for _, p := range []string{filepath.Join(top, "made"), dir} {
		if got := modeOf(p); got != "drwx------" {
			t.Errorf("folder %s: %s, want drwx------", p, got)
		}
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if got := modeOf(p); got != "-rw-------" {
			t.Errorf("file %s: %s, want -rw-------", p, got)
		}
	}
}

// modeOf shows a file's kind and permissions, or why it has none.
func modeOf(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return err.Error()
	}
	return fi.Mode().String()
}

// TestOpenTightensMode checks that an existing empty file readable by
// others becomes private once it holds tokens.
func TestOpenTightensMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}

	openAt(t, path, newClock())

	if got := modeOf(path); got != "-rw-------" {
		t.Errorf("mode %s, want -rw-------", got)
	}
}

// TestOpenRefusesForeignFiles checks that a file that is not one of our
// databases is refused with one line naming it, and left as it was.
func TestOpenRefusesForeignFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"text file", writeFile("a shopping list\neggs\n")},
		{"shorter than a header", writeFile("SQL")},
		{"SQLite header then noise",
			writeFile("SQLite format 3\x00" + strings.Repeat("\xab", 4080))},
		{"another program's database", foreignDB(
			"CREATE TABLE notes (body TEXT)",
			"INSERT INTO notes VALUES ('keep me')",
		)},
		{"another program's database in WAL mode", foreignDB(
			"PRAGMA journal_mode = WAL",
			"CREATE TABLE notes (body TEXT)",
			"INSERT INTO notes VALUES ('keep me')",
		)},
		{"another program's empty database", foreignDB("PRAGMA application_id = 1234")},
		{"a database that only looks like ours", foreignDB(
			"PRAGMA user_version = 1",
			"CREATE TABLE tokens (id TEXT)",
		)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "foreign.db")
			tc.make(t, path)
			if err := os.Chmod(path, 0o644); err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}

			s, err := store.Open(path, store.WithClock(newClock().Now))

			if err == nil {
				s.Close()
			}
			oneLine(t, err, path)
			if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
				t.Errorf("the file changed: %d bytes, was %d", len(got), len(want))
			}
			if got := modeOf(path); got != "-rw-r--r--" {
				t.Errorf("mode %s, want it left at -rw-r--r--", got)
			}
		})
	}
}

func writeFile(content string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// foreignDB makes an SQLite database the way another program would.
func foreignDB(stmts ...string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		execRaw(t, path, stmts...)
	}
}

// execRaw runs statements on the database file without the store.
func execRaw(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestOpenUnusableFolder checks the one-line error for a folder that cannot
// be made or written, and that nothing is left behind. Tests run as root,
// so a regular file stands where a folder should be.
func TestOpenUnusableFolder(t *testing.T) {
	top := t.TempDir()
	blocker := filepath.Join(top, "blocker")
	if err := os.WriteFile(blocker, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		path  string
		names string
	}{
		{"folder inside a file", filepath.Join(blocker, "sub", "tokens.db"),
			filepath.Join(blocker, "sub")},
		{"folder is a file", filepath.Join(blocker, "tokens.db"), blocker},
		{"database is a folder", top, top},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(tc.path)

			if err == nil {
				s.Close()
			}
			oneLine(t, err, tc.names)
			if got, _ := os.ReadFile(blocker); string(got) != "not a folder" {
				t.Errorf("the file in the way changed: %q", got)
			}
			if entries, _ := os.ReadDir(top); len(entries) != 1 {
				t.Errorf("left %d entries behind in %s", len(entries)-1, top)
			}
		})
	}
}

// TestOpenRefusesNewerSchema checks that a database written by a newer
// apitokens is refused and not touched.
func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.db")
	s := openAt(t, path, newClock())
	mustCreate(t, s, draft("from the future"))
	s.Close()
	execRaw(t, path, "PRAGMA user_version = 99")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	s, err = store.Open(path)

	if err == nil {
		s.Close()
	}
	oneLine(t, err, path)
	if err != nil && !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the database is newer", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("the file changed")
	}
}

// TestOpenTogether checks that stores opened at the same moment on a new
// file all open it, as when the TUI and the gateway start together: none
// may take the half-made file for another program's, nor find it locked.
func TestOpenTogether(t *testing.T) {
	const rounds, handles = 10, 6
	for round := range rounds {
		path := filepath.Join(t.TempDir(), "tokens.db")
		var wg sync.WaitGroup
		for range handles {
			wg.Go(func() {
				s, err := store.Open(path)
				if err != nil {
					t.Errorf("round %d: %v", round, err)
					return
				}
				s.Close()
			})
		}
		wg.Wait()
	}
}

// TestTwoHandlesWriteTogether checks that two stores on one file, opened at
// the same moment, write from many goroutines without a locking error.
func TestTwoHandlesWriteTogether(t *testing.T) {
	const workers, rounds = 4, 8
	c := newClock()
	path := filepath.Join(t.TempDir(), "shared", "tokens.db")
	handles := make([]*store.Store, 2)
	var wg sync.WaitGroup
	for i := range handles {
		wg.Go(func() {
			s, err := store.Open(path, store.WithClock(c.Now))
			if err != nil {
				t.Errorf("open handle %d: %v", i, err)
				return
			}
			handles[i] = s
		})
	}
	wg.Wait()
	for _, s := range handles {
		if s != nil {
			t.Cleanup(func() { s.Close() })
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	shared := mustCreate(t, handles[0], draft("shared"))

	errs := make(chan error, len(handles)*workers*rounds)
	for h, s := range handles {
		for w := range workers {
			wg.Go(func() {
				for r := range rounds {
					errs <- churn(t, s, fmt.Sprintf("h%d w%d r%d", h, w, r), shared.ID)
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}

	want := len(handles)*workers*rounds + 1
	for i, s := range handles {
		if n, err := s.Count(t.Context(), store.ListOptions{}); n != want {
			t.Errorf("handle %d counts %d tokens, %v; want %d", i, n, err, want)
		}
	}
	u, err := handles[1].UsageTotals(t.Context(), shared.ID)
	if err != nil || len(u) != 1 || u[0].Count != int64(want-1) {
		t.Errorf("shared counts %+v, %v; want %d", u, err, want-1)
	}
}

// churn makes one token go through most of its life, and counts a request
// against the shared token.
func churn(t *testing.T, s *store.Store, name, shared string) error {
	ctx := t.Context()
	d := draft(name)
	d.ExternalID = name
	d.ExpiresAt = ptr(epoch.Add(30 * day))
	tok, err := s.Create(ctx, d)
	if err != nil {
		return fmt.Errorf("%s: create: %w", name, err)
	}
	steps := []func() error{
		func() error {
			_, err := s.Update(ctx, tok.ID, store.Edit{Name: name + "!", Description: "x"})
			return err
		},
		func() error { _, err := s.Disable(ctx, tok.ID); return err },
		func() error { _, err := s.Enable(ctx, tok.ID); return err },
		func() error { _, err := s.Renew(ctx, tok.ID, ptr(epoch.Add(60*day))); return err },
		func() error {
			return s.RecordUsage(ctx,
				[]store.Usage{{TokenID: shared, Day: "2030-03-15", Code: 200, Count: 1}},
				map[string]time.Time{shared: s.Now()})
		},
		func() error { _, err := s.Verify(ctx, tok.Key(), s.Now()); return err },
		func() error { _, err := s.List(ctx, store.ListOptions{Filter: "h"}); return err },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("%s: step %d: %w", name, i, err)
		}
	}
	return nil
}
