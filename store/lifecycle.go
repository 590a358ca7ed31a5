package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Edit holds what a user may change after creating a token.
type Edit struct {
	Name        string
	ExternalID  string
	Description string
	// Permissions, when not nil, replaces the token's permissions in the
	// same transaction, so an edit of both lands whole or not at all.
	Permissions *Permissions
}

// Changed reports whether e would change anything in t, compared as Update
// compares: text trimmed, as it is stored, and modules as sets. A screen
// asks it to tell "nothing changed" before saving.
func (e Edit) Changed(t Token) bool {
	return len(e.changedText(t)) > 0 || (e.Permissions != nil && !e.Permissions.Equal(t.Permissions))
}

// changedText names the text fields e would change in t.
func (e Edit) changedText(t Token) []string {
	var changed []string
	if strings.TrimSpace(e.Name) != t.Name {
		changed = append(changed, "name")
	}
	if strings.TrimSpace(e.ExternalID) != t.ExternalID {
		changed = append(changed, "external ID")
	}
	if strings.TrimSpace(e.Description) != t.Description {
		changed = append(changed, "description")
	}
	return changed
}

// Update changes name, external ID, description and, when given,
// permissions. The history records one edit naming what changed; an edit
// that changes nothing records nothing.
func (s *Store) Update(ctx context.Context, id string, e Edit) (Token, error) {
	for _, err := range []error{
		ValidateName(e.Name), ValidateExternalID(e.ExternalID), ValidateDescription(e.Description),
	} {
		if err != nil {
			return Token{}, err
		}
	}
	e.Name = strings.TrimSpace(e.Name)
	e.ExternalID = strings.TrimSpace(e.ExternalID)
	e.Description = strings.TrimSpace(e.Description)
	return s.change(ctx, id, "edit",
		func(tx *sql.Tx, t *Token, now time.Time) (EventKind, string, error) {
			changed := e.changedText(*t)
			if slices.Contains(changed, "external ID") {
				if err := checkExternalID(ctx, tx, e.ExternalID, t.ID); err != nil {
					return "", "", err
				}
			}
			if e.Permissions != nil {
				what, err := setPermissions(ctx, tx, t, *e.Permissions, now)
				if err != nil {
					return "", "", err
				}
				if what != "" {
					changed = append(changed, what)
				}
			}
			if len(changed) == 0 {
				return "", "", nil
			}
			t.Name, t.ExternalID, t.Description = e.Name, e.ExternalID, e.Description
			_, err := tx.ExecContext(ctx, `UPDATE tokens SET name = ?, external_id = ?,
			description = ?, updated_at = ? WHERE id = ?`, t.Name, t.ExternalID, t.Description,
				now.Unix(), t.ID)
			return EventEdited, strings.Join(changed, ", "), err
		})
}

// SetPermissions replaces the modules a token may call.
func (s *Store) SetPermissions(ctx context.Context, id string, p Permissions) (Token, error) {
	return s.change(ctx, id, "set permissions of",
		func(tx *sql.Tx, t *Token, now time.Time) (EventKind, string, error) {
			what, err := setPermissions(ctx, tx, t, p, now)
			if err != nil || what == "" {
				return "", "", err
			}
			return EventEdited, what, nil
		})
}

// setPermissions writes p to t inside tx and says what changed, or ""
// when p is what the token already has.
func setPermissions(ctx context.Context, tx *sql.Tx, t *Token, p Permissions,
	now time.Time) (string, error) {
	if err := ValidatePermissions(t.Extension, p); err != nil {
		return "", err
	}
	if p.Equal(t.Permissions) {
		return "", nil
	}
	p = p.normalized()
	t.Permissions = p
	_, err := tx.ExecContext(ctx, `UPDATE tokens SET all_modules = ?, modules = ?,
		updated_at = ? WHERE id = ?`, p.All, modulesColumn(p), now.Unix(), t.ID)
	return "permissions: " + p.Summary(), err
}

// Disable switches a token off; its key is refused until Enable.
func (s *Store) Disable(ctx context.Context, id string) (Token, error) {
	return s.change(ctx, id, "disable",
		func(tx *sql.Tx, t *Token, now time.Time) (EventKind, string, error) {
			if t.DisabledAt != nil {
				return "", "", &StateError{t.ID, "is already disabled"}
			}
			t.DisabledAt = &now
			_, err := tx.ExecContext(ctx,
				"UPDATE tokens SET disabled_at = ?, updated_at = ? WHERE id = ?",
				now.Unix(), now.Unix(), t.ID)
			return EventDisabled, "", err
		})
}

// Enable switches a disabled token back on, with its key unchanged.
func (s *Store) Enable(ctx context.Context, id string) (Token, error) {
	return s.change(ctx, id, "enable",
		func(tx *sql.Tx, t *Token, now time.Time) (EventKind, string, error) {
			if t.DisabledAt == nil {
				return "", "", &StateError{t.ID, "is not disabled"}
			}
			t.DisabledAt = nil
			_, err := tx.ExecContext(ctx,
				"UPDATE tokens SET disabled_at = NULL, updated_at = ? WHERE id = ?",
				now.Unix(), t.ID)
			return EventEnabled, "", err
		})
}

// Rotate gives the token a new secret and expiry; every earlier secret,
// including one kept by a renewal, stops working at once.
func (s *Store) Rotate(ctx context.Context, id string, expiresAt *time.Time) (Token, error) {
	return s.newSecret(ctx, id, "rotate", expiresAt, func(t *Token, _ *time.Time) EventKind {
		t.PreviousSecret, t.PreviousExpiresAt = "", nil
		return EventRotated
	})
}

// Renew gives a token that expires a new secret and expiry, and keeps the
// old secret working until the old expiry (or the new one, if sooner).
// Renewing again replaces the kept secret.
func (s *Store) Renew(ctx context.Context, id string, expiresAt *time.Time) (Token, error) {
	return s.newSecret(ctx, id, "renew", expiresAt, func(t *Token, next *time.Time) EventKind {
		until := *t.ExpiresAt
		if next != nil && next.Before(until) {
			until = *next
		}
		t.PreviousSecret, t.PreviousExpiresAt = t.Secret, &until
		return EventRenewed
	})
}

// newSecret draws a new secret and sets the new expiry, kept to the second;
// keep is given that kept expiry and decides what becomes of the old secret.
func (s *Store) newSecret(ctx context.Context, id, verb string, expiresAt *time.Time,
	keep func(t *Token, next *time.Time) EventKind) (Token, error) {
	expiresAt = truncated(expiresAt)
	return s.change(ctx, id, verb,
		func(tx *sql.Tx, t *Token, now time.Time) (EventKind, string, error) {
			if verb == "renew" && t.ExpiresAt == nil {
				return "", "", &StateError{t.ID,
					"never expires, so there is nothing to renew; rotate it instead"}
			}
			if err := ValidateExpiry(expiresAt, now); err != nil {
				return "", "", err
			}
			secret, err := newSecret()
			if err != nil {
				return "", "", err
			}
			kind := keep(t, expiresAt)
			t.Secret, t.ExpiresAt = secret, expiresAt
			_, err = tx.ExecContext(ctx, `UPDATE tokens SET secret = ?, expires_at = ?,
			previous_secret = ?, previous_expires_at = ?, updated_at = ? WHERE id = ?`,
				t.Secret.Reveal(), unixOrNil(t.ExpiresAt), t.PreviousSecret.Reveal(),
				unixOrNil(t.PreviousExpiresAt), now.Unix(), t.ID)
			return kind, "expires " + describeExpiry(t.ExpiresAt), err
		})
}

// Delete removes a token from lists and invalidates its key. The row, its
// history and its counts stay, so nothing that happened is lost.
func (s *Store) Delete(ctx context.Context, id string) (Token, error) {
	return s.change(ctx, id, "delete",
		func(tx *sql.Tx, t *Token, now time.Time) (EventKind, string, error) {
			t.DeletedAt = &now
			_, err := tx.ExecContext(ctx,
				"UPDATE tokens SET deleted_at = ?, updated_at = ? WHERE id = ?",
				now.Unix(), now.Unix(), t.ID)
			return EventDeleted, "", err
		})
}

// change loads a live token in a write transaction, lets apply modify it,
// and records the event apply names; an empty kind means nothing changed.
func (s *Store) change(ctx context.Context, id, verb string,
	apply func(*sql.Tx, *Token, time.Time) (EventKind, string, error)) (Token, error) {
	now := s.now().UTC().Truncate(time.Second)
	var t Token
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if t, err = getToken(ctx, tx, id); err != nil {
			return err
		}
		if t.DeletedAt != nil {
			return &StateError{t.ID, "is deleted"}
		}
		kind, detail, err := apply(tx, &t, now)
		if err != nil || kind == "" {
			return err
		}
		t.UpdatedAt = now
		return record(ctx, tx, t.ID, kind, now, detail)
	})
	if err != nil {
		return Token{}, fmt.Errorf("%s %s: %w", verb, id, err)
	}
	return t, nil
}

func describeExpiry(t *time.Time) string {
	if t == nil {
		return "never"
	}
	return t.UTC().Format(time.RFC3339)
}
