package cli

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/apitokens/apitokens/store"
)

// app holds what every command shares: the streams and the global flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbFlag         string
	logFlag        string
}

// dbPath resolves the database: --db, $APITOKENS_DB, $XDG_DATA_HOME, ~/.local/share.
func (a *app) dbPath() (string, error) {
	if a.dbFlag != "" {
		return a.dbFlag, nil
	}
	if p := os.Getenv("APITOKENS_DB"); p != "" {
		return p, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "apitokens", "apitokens.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home folder to keep the database in; pass --db FILE: %w", err)
	}
	return filepath.Join(home, ".local", "share", "apitokens", "apitokens.db"), nil
}

// openStore opens the database the flags name.
func (a *app) openStore() (*store.Store, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	return store.Open(path)
}

// logger writes to --log or $APITOKENS_LOG, and nowhere otherwise: the TUI
// owns the terminal, so nothing may be printed while it runs. The returned
// close function flushes the file.
func (a *app) logger() (*slog.Logger, func(), error) {
	path := a.logFlag
	if path == "" {
		path = os.Getenv("APITOKENS_LOG")
	}
	if path == "" {
		return slog.New(slog.DiscardHandler), func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("open log file: %w", err)
	}
	return slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug})),
		func() { f.Close() }, nil
}
