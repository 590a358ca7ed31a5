package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Draft is what a user fills in to create a token.
type Draft struct {
	Name        string
	ExternalID  string
	Description string
	Extension   Extension
	// ExpiresAt nil means the token never expires.
	ExpiresAt   *time.Time
	Permissions Permissions
}

// Validate checks every field of the draft that needs no database, in the
// wizard's order, and returns the first rule broken.
func (d Draft) Validate(now time.Time) error {
	for _, err := range []error{
		ValidateName(d.Name),
		ValidateExternalID(d.ExternalID),
		ValidateDescription(d.Description),
		ValidateExtension(d.Extension),
		ValidateExpiry(d.ExpiresAt, now),
		ValidatePermissions(d.Extension, d.Permissions),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// idAttempts bounds the retries on an ID collision; with a billion IDs a
// second collision in a row means something else is wrong.
const idAttempts = 8

// Create validates the draft and stores a new token with a fresh ID and
// secret. Nothing is written when any rule is broken.
func (s *Store) Create(ctx context.Context, d Draft) (Token, error) {
	now := s.now().UTC().Truncate(time.Second)
	if d.Extension == Reports {
		d.Permissions = Reports.DefaultPermissions()
	}
	// Judge the expiry as it will be kept, to the second, so that a token
	// is never born expired.
	d.ExpiresAt = truncated(d.ExpiresAt)
	if err := d.Validate(now); err != nil {
		return Token{}, err
	}
	t := Token{
		Name:        strings.TrimSpace(d.Name),
		ExternalID:  strings.TrimSpace(d.ExternalID),
		Description: strings.TrimSpace(d.Description),
		Extension:   d.Extension,
		Permissions: d.Permissions.normalized(),
		ExpiresAt:   d.ExpiresAt,
		CreatedAt:   now,
		UpdatedAt:   now,
	}
	for range idAttempts {
		err := s.insert(ctx, &t)
		if !isConstraint(err, "tokens.id") {
			return t, err
		}
	}
	return Token{}, errors.New("create token: could not find a free ID; try again")
}

func (s *Store) insert(ctx context.Context, t *Token) error {
	var err error
	if t.ID, err = newID(); err != nil {
		return err
	}
	if t.Secret, err = newSecret(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkExternalID(ctx, tx, t.ExternalID, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO tokens (id, name, external_id, description,
			extension, all_modules, modules, secret, expires_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			t.ID, t.Name, t.ExternalID, t.Description, string(t.Extension), t.Permissions.All,
			modulesColumn(t.Permissions), t.Secret.Reveal(), unixOrNil(t.ExpiresAt),
			t.CreatedAt.Unix(), t.UpdatedAt.Unix())
		if err != nil {
			return err
		}
		return record(ctx, tx, t.ID, EventCreated, t.CreatedAt, "")
	})
}

// checkExternalID refuses an external ID another live token holds; the
// unique index is the guard, this gives the message.
func checkExternalID(ctx context.Context, q queryer, extID, self string) error {
	if extID == "" {
		return nil
	}
	var holder string
	err := q.QueryRowContext(ctx, `SELECT id FROM tokens
		WHERE external_id = ? AND deleted_at IS NULL AND id <> ?`, extID, self).Scan(&holder)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return fieldErr(FieldExternalID, "%q is already used by token %s", extID, holder)
}

// Get returns a token by ID, deleted ones included.
func (s *Store) Get(ctx context.Context, id string) (Token, error) {
	t, err := getToken(ctx, s.db, id)
	if err != nil {
		return Token{}, fmt.Errorf("%w: %s", err, id)
	}
	return t, nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getToken(ctx context.Context, q queryer, id string) (Token, error) {
	t, err := scanToken(q.QueryRowContext(ctx,
		"SELECT "+tokenColumns+" FROM tokens WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, ErrNotFound
	}
	return t, err
}

// inTx runs fn in one write transaction: all of it lands or none of it.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func isConstraint(err error, column string) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint &&
		strings.Contains(se.Error(), column)
}

func truncated(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC().Truncate(time.Second)
	return &u
}

// Each calls fn for every token, deleted ones included, in ID order. It is
// for a process that keeps all tokens in memory, such as the gateway.
func (s *Store) Each(ctx context.Context, fn func(Token) error) error {
	rows, err := s.db.QueryContext(ctx, "SELECT "+tokenColumns+" FROM tokens ORDER BY id")
	if err != nil {
		return fmt.Errorf("read tokens: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return fmt.Errorf("read tokens: %w", err)
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CheckExternalID reports, as a *FieldError, that another live token
// already holds extID; self is the token being edited, or "" for a new one.
// The wizard calls it to refuse a duplicate before the last step.
func (s *Store) CheckExternalID(ctx context.Context, extID, self string) error {
	if err := ValidateExternalID(extID); err != nil {
		return err
	}
	return checkExternalID(ctx, s.db, strings.TrimSpace(extID), self)
}
