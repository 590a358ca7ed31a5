package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/apitokens/apitokens/store"
)

// tokenJSON is the stable, documented shape of a token in --json output.
// Field names never change; times are RFC 3339 in UTC; null means unset.
type tokenJSON struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	ExternalID  string          `json:"external_id"`
	Description string          `json:"description"`
	Extension   string          `json:"extension"`
	Status      string          `json:"status"`
	Permissions permissionsJSON `json:"permissions"`
	Key         string          `json:"key,omitempty"`
	ExpiresAt   *string         `json:"expires_at"`
	// PreviousKeyUntil is set while the key a renewal replaced still works.
	PreviousKeyUntil *string `json:"previous_key_until"`
	CreatedAt        string  `json:"created_at"`
	UpdatedAt        string  `json:"updated_at"`
	LastUsedAt       *string `json:"last_used_at"`
	DisabledAt       *string `json:"disabled_at"`
	DeletedAt        *string `json:"deleted_at"`
}

type permissionsJSON struct {
	All     bool     `json:"all"`
	Modules []string `json:"modules"`
}

type eventJSON struct {
	Kind   string `json:"kind"`
	At     string `json:"at"`
	Detail string `json:"detail"`
}

// toJSON shapes a token for output; withKey adds the whole API key, which
// only the commands that make a new key print.
func toJSON(t store.Token, now time.Time, withKey bool) tokenJSON {
	modules := t.Permissions.Modules
	if t.Permissions.All {
		modules = nil
		for _, m := range store.Modules {
			modules = append(modules, m.Slug)
		}
	}
	if modules == nil {
		modules = []string{}
	}
	out := tokenJSON{
		ID:               t.ID,
		Name:             t.Name,
		ExternalID:       t.ExternalID,
		Description:      t.Description,
		Extension:        string(t.Extension),
		Status:           statusWord(t.Status(now)),
		Permissions:      permissionsJSON{All: t.Permissions.All, Modules: modules},
		ExpiresAt:        rfc3339(t.ExpiresAt),
		PreviousKeyUntil: rfc3339(t.PreviousKeyUntil(now)),
		CreatedAt:        *rfc3339(&t.CreatedAt),
		UpdatedAt:        *rfc3339(&t.UpdatedAt),
		LastUsedAt:       rfc3339(t.LastUsedAt),
		DisabledAt:       rfc3339(t.DisabledAt),
		DeletedAt:        rfc3339(t.DeletedAt),
	}
	if withKey {
		out.Key = t.Key()
	}
	return out
}

// statusWord is the status as scripts compare it: lower case, one word.
func statusWord(s store.Status) string {
	switch s {
	case store.StatusActive:
		return "active"
	case store.StatusExpiring:
		return "expiring"
	case store.StatusExpired:
		return "expired"
	case store.StatusDisabled:
		return "disabled"
	}
	return "deleted"
}

// parseStatus reads --status in any letter case.
func parseStatus(s string) (store.Status, error) {
	for _, st := range store.Statuses {
		if statusWord(st) == s || string(st) == s {
			return st, nil
		}
	}
	return "", usagef("--status %q is not a status; use active, expiring, expired or disabled", s)
}

func rfc3339(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// flagNames maps the store's field names to the flags that set them, so
// a refused value is reported in the words the user typed.
var flagNames = map[string]string{
	store.FieldName:        "--name",
	store.FieldExternalID:  "--external-id",
	store.FieldDescription: "--description",
	store.FieldExtension:   "--extension",
	store.FieldExpiry:      "--expires",
	store.FieldPermissions: "--modules",
}

// explain rewrites a field error to name the flag; other errors pass.
func explain(err error) error {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		if flag, ok := flagNames[fe.Field]; ok {
			return fmt.Errorf("%s: %s", flag, fe.Msg)
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w; `apitokens list` shows the tokens", err)
	}
	return err
}
