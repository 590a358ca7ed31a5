package store

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// ErrNotFound is returned for a token ID that was never created.
var ErrNotFound = errors.New("no such token")

// FieldError is a rule a value broke. Field names the input as the user
// knows it, and Msg says what is allowed, so either can be shown as is.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Field names used in FieldError, matching the wizard's labels.
const (
	FieldName        = "Name"
	FieldExternalID  = "External ID"
	FieldDescription = "Description"
	FieldExtension   = "Extension"
	FieldExpiry      = "Expiration"
	FieldPermissions = "Permissions"
)

// StateError is an action the token's current state does not allow, such as
// renewing a token that never expires or editing a deleted one.
type StateError struct {
	ID  string
	Msg string
}

func (e *StateError) Error() string { return "token " + e.Msg }

// Refusal is why a key was not accepted.
type Refusal string

// The reasons a key can be refused.
const (
	RefusedMalformed   Refusal = "malformed"
	RefusedUnknown     Refusal = "unknown"
	RefusedWrongSecret Refusal = "wrong secret"
	RefusedExpired     Refusal = "expired"
	// RefusedReplaced is a secret a renewal replaced, after its grace
	// period: telling it from a plain expiry spares the user renewing a
	// token that already has a new, working key.
	RefusedReplaced Refusal = "replaced"
	RefusedDisabled Refusal = "disabled"
	RefusedDeleted  Refusal = "deleted"
)

// RefusedError carries a Refusal from Verify.
type RefusedError struct {
	Reason Refusal
}

func (e *RefusedError) Error() string { return "key refused: " + string(e.Reason) }

// IsBusy reports whether err is SQLite giving up on waiting for another
// connection, often another program, to let go of the database. Callers
// can say "try again" rather than report a fault.
func IsBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}
