package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// EventKind names a change in a token's life.
type EventKind string

// The changes recorded in a token's history.
const (
	EventCreated  EventKind = "created"
	EventEdited   EventKind = "edited"
	EventDisabled EventKind = "disabled"
	EventEnabled  EventKind = "enabled"
	EventRotated  EventKind = "rotated"
	EventRenewed  EventKind = "renewed"
	EventDeleted  EventKind = "deleted"
)

// Event is one recorded change. Seq orders events across all tokens, so
// another process can tell that something changed by the latest Seq alone.
type Event struct {
	Seq     int64
	TokenID string
	Kind    EventKind
	At      time.Time
	// Detail says what changed, for example "name, description".
	Detail string
}

func record(ctx context.Context, tx *sql.Tx, id string, kind EventKind, at time.Time,
	detail string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO events (token_id, kind, at, detail) VALUES (?, ?, ?, ?)",
		id, string(kind), at.Unix(), detail)
	return err
}

// Events returns a token's history, oldest first.
func (s *Store) Events(ctx context.Context, id string) ([]Event, error) {
	if _, err := s.Get(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx,
		"SELECT seq, token_id, kind, at, detail FROM events WHERE token_id = ? ORDER BY seq", id)
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", id, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var (
			e    Event
			kind string
			at   int64
		)
		if err := rows.Scan(&e.Seq, &e.TokenID, &kind, &at, &e.Detail); err != nil {
			return nil, fmt.Errorf("history of %s: %w", id, err)
		}
		e.Kind, e.At = EventKind(kind), fromUnix(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// LastChange is the sequence number of the newest change to any token, or 0.
// A process that caches tokens polls it to notice changes made elsewhere.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT max(seq) FROM events").Scan(&seq)
	return seq.Int64, err
}
