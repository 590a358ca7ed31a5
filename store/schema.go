package store

import (
	"context"
	"database/sql"
	"fmt"
)

// applicationID marks a database file as ours ("APIT"), so that a database
// of another program is recognised and left alone.
const applicationID = 0x41504954

// migrations are applied in order; migration i brings the schema to
// version i+1. Append, never edit: a released database has run them.
var migrations = []string{
	`CREATE TABLE tokens (
		seq                 INTEGER PRIMARY KEY,
		id                  TEXT NOT NULL UNIQUE,
		name                TEXT NOT NULL,
		external_id         TEXT NOT NULL DEFAULT '',
		description         TEXT NOT NULL,
		extension           TEXT NOT NULL,
		all_modules         INTEGER NOT NULL DEFAULT 0,
		modules             TEXT NOT NULL DEFAULT '',
		secret              TEXT NOT NULL,
		expires_at          INTEGER,
		previous_secret     TEXT NOT NULL DEFAULT '',
		previous_expires_at INTEGER,
		created_at          INTEGER NOT NULL,
		updated_at          INTEGER NOT NULL,
		last_used_at        INTEGER,
		disabled_at         INTEGER,
		deleted_at          INTEGER
	);
	CREATE INDEX tokens_newest ON tokens (created_at);
	CREATE UNIQUE INDEX tokens_live_external_id ON tokens (external_id)
		WHERE external_id <> '' AND deleted_at IS NULL;
	CREATE TABLE events (
		seq      INTEGER PRIMARY KEY AUTOINCREMENT,
		token_id TEXT NOT NULL REFERENCES tokens (id),
		kind     TEXT NOT NULL,
		at       INTEGER NOT NULL,
		detail   TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX events_token ON events (token_id, seq);
	CREATE TABLE request_counts (
		token_id TEXT NOT NULL REFERENCES tokens (id),
		day      TEXT NOT NULL,
		code     INTEGER NOT NULL,
		count    INTEGER NOT NULL,
		PRIMARY KEY (token_id, day, code)
	) WITHOUT ROWID;`,
}

// migrate brings the schema up to date inside one transaction, so a failed
// upgrade leaves the file as it was.
func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf(
			"the database was written by a newer apitokens (schema %d, this one knows %d)",
			version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", i+1, err)
		}
	}
	setVersion := fmt.Sprintf("PRAGMA user_version = %d", len(migrations))
	if _, err := tx.ExecContext(ctx, setVersion); err != nil {
		return err
	}
	setID := fmt.Sprintf("PRAGMA application_id = %d", applicationID)
	if _, err := tx.ExecContext(ctx, setID); err != nil {
		return err
	}
	return tx.Commit()
}
