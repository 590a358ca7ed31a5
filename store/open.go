// Package store keeps API tokens, their history and their request counts in
// one SQLite file that the TUI, the command line and the gateway share.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3" // also registers the "sqlite3" driver
)

// busyTimeout is how long a writer waits for another writer, possibly in
// another process, before giving up.
const busyTimeout = 10 * time.Second

// Store is a handle on a token database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// Option changes how Open sets up a Store.
type Option func(*Store)

// WithClock replaces the wall clock, so tests can move time.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open opens the database at path, creating it and its folder when missing.
// A file that is not one of ours is refused and left unchanged.
func Open(path string, opts ...Option) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database path %s: %w", path, err)
	}
	if err := prepareFile(abs); err != nil {
		return nil, err
	}

	dsn := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + url.Values{
		"_busy_timeout": {fmt.Sprint(busyTimeout.Milliseconds())},
		"_foreign_keys": {"on"},
		"_txlock":       {"immediate"},
		"_synchronous":  {"NORMAL"},
	}.Encode()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	s := &Store{db: db, path: abs, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.setUp(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	return s, nil
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// Close releases the database.
func (s *Store) Close() error { return s.db.Close() }

// Now is the store's clock, so callers judge status by the same time.
func (s *Store) Now() time.Time { return s.now() }

// prepareFile creates the folder (0700) and an empty file (0600) for a new
// database, and checks that an existing file at least looks like SQLite.
func prepareFile(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the database folder %s: %w", dir, unwrapPath(err))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return fmt.Errorf("cannot write the database %s: permission denied", path)
		}
		return fmt.Errorf("cannot open the database %s: %w", path, unwrapPath(err))
	}
	defer f.Close()

	header := make([]byte, 16)
	n, err := io.ReadFull(f, header)
	if n == 0 && (err == io.EOF) {
		return nil // new or empty: SQLite treats it as an empty database
	}
	if n < len(header) || !bytes.Equal(header, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%s is not an SQLite database; choose another file with --db", path)
	}
	return nil
}

// setUp refuses a database of another program before anything is written,
// then switches on WAL (persistent in the file) and migrates the schema.
func (s *Store) setUp(ctx context.Context) error {
	// One statement reads all from one snapshot: read apart, another
	// process migrating a new file in between would make it look foreign.
	var (
		appID, tables, version int
		mode                   string
	)
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'),
		(SELECT user_version FROM pragma_user_version),
		(SELECT journal_mode FROM pragma_journal_mode)`).Scan(&appID, &tables, &version, &mode)
	if err != nil {
		return notDatabase(err)
	}
	if appID != applicationID && (appID != 0 || tables > 0) {
		return errors.New(
			"it is an SQLite database of another program; choose another file with --db")
	}

	// A database already set up needs no write lock to open, so a reader
	// starts at once even while another process holds a write transaction.
	if mode != "wal" {
		if err := s.walMode(ctx); err != nil {
			return err
		}
	}
	if appID != applicationID || version != len(migrations) {
		if err := migrate(ctx, s.db); err != nil {
			return err
		}
	}
	return os.Chmod(s.path, 0o600)
}

// walMode switches the file to WAL. While another connection writes, as
// when two processes open a new file at the same moment, SQLite refuses the
// switch at once rather than wait (waiting could deadlock), so try again for
// as long as a writer would wait.
func (s *Store) walMode(ctx context.Context) error {
	deadline := time.Now().Add(busyTimeout)
	for {
		var mode string
		err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		var se sqlite3.Error
		if err == nil || !errors.As(err, &se) || se.Code != sqlite3.ErrBusy ||
			time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func notDatabase(err error) error {
	return fmt.Errorf("not a readable SQLite database (%v); choose another file with --db", err)
}

// unwrapPath drops the *PathError wrapper, whose path our message already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
