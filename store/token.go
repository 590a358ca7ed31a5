package store

import (
	"crypto/subtle"
	"slices"
	"strings"
	"time"
)

// ExpiringWithin is how close to its expiry a token counts as Expiring.
const ExpiringWithin = 7 * 24 * time.Hour

// Secret is the private half of an API key. Its String form is masked so
// that a token printed by mistake, in a log or an error, leaks nothing.
type Secret string

// String masks the secret.
func (Secret) String() string { return "[secret]" }

// GoString masks the secret for %#v too.
func (Secret) GoString() string { return "[secret]" }

// Reveal returns the secret itself, for the few places that must show it.
func (s Secret) Reveal() string { return string(s) }

// matches compares in constant time so response timing tells nothing about
// how much of a guess was right.
func (s Secret) matches(guess string) bool {
	return s != "" && subtle.ConstantTimeCompare([]byte(s), []byte(guess)) == 1
}

// Permissions is the set of modules a token may call.
type Permissions struct {
	// All grants every module, including modules added later.
	All bool
	// Modules holds slugs in catalogue order; ignored when All is set.
	Modules []string
}

// Allows reports whether a request to the module with this slug is allowed.
func (p Permissions) Allows(slug string) bool {
	return p.All || slices.Contains(p.Modules, slug)
}

// Summary is "Full" for All Modules, else the module names joined.
func (p Permissions) Summary() string {
	if p.All {
		return "Full"
	}
	names := make([]string, 0, len(p.Modules))
	for _, slug := range p.Modules {
		if m, ok := ModuleBySlug(slug); ok {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, ", ")
}

// Equal reports whether p and q grant the same: All alike, or the same
// set of modules in any order.
func (p Permissions) Equal(q Permissions) bool {
	p, q = p.normalized(), q.normalized()
	return p.All == q.All && slices.Equal(p.Modules, q.Modules)
}

// normalized sorts the slugs into catalogue order and drops duplicates, so
// equal sets compare and store equally.
func (p Permissions) normalized() Permissions {
	if p.All {
		return Permissions{All: true}
	}
	out := []string{}
	for _, m := range Modules {
		if slices.Contains(p.Modules, m.Slug) {
			out = append(out, m.Slug)
		}
	}
	return Permissions{Modules: out}
}

// Status is what a token's state means to its owner right now.
type Status string

// The statuses, in the order of precedence Status applies them.
const (
	StatusDeleted  Status = "Deleted"
	StatusDisabled Status = "Disabled"
	StatusExpired  Status = "Expired"
	StatusExpiring Status = "Expiring"
	StatusActive   Status = "Active"
)

// Statuses lists those a user can filter a list by; deleted tokens are not
// listed.
var Statuses = []Status{StatusActive, StatusExpiring, StatusExpired, StatusDisabled}

// Token is one API token as stored.
type Token struct {
	ID          string
	Name        string
	ExternalID  string
	Description string
	Extension   Extension
	Permissions Permissions

	Secret Secret
	// ExpiresAt is nil for a token that never expires.
	ExpiresAt *time.Time

	// PreviousSecret is the secret a renewal replaced; it keeps working
	// until PreviousExpiresAt so clients can move over without downtime.
	PreviousSecret    Secret
	PreviousExpiresAt *time.Time

	CreatedAt  time.Time
	UpdatedAt  time.Time
	LastUsedAt *time.Time
	DisabledAt *time.Time
	DeletedAt  *time.Time
}

// Key is the whole API key a client sends: ID:secret.
func (t Token) Key() string { return t.ID + ":" + t.Secret.Reveal() }

// MaskedKey shows the ID and hides the secret.
func (t Token) MaskedKey() string { return t.ID + ":" + strings.Repeat("•", 12) }

// PreviousKeyUntil is when the secret a renewal replaced stops working,
// or nil when there is none that works at the time now.
func (t Token) PreviousKeyUntil(now time.Time) *time.Time {
	if t.PreviousSecret == "" || t.PreviousExpiresAt == nil || !now.Before(*t.PreviousExpiresAt) {
		return nil
	}
	if st := t.Status(now); st != StatusActive && st != StatusExpiring {
		return nil
	}
	return t.PreviousExpiresAt
}

// Expires reports whether the token has an expiry at all.
func (t Token) Expires() bool { return t.ExpiresAt != nil }

// Status derives the status from the stored state at the time now.
func (t Token) Status(now time.Time) Status {
	switch {
	case t.DeletedAt != nil:
		return StatusDeleted
	case t.DisabledAt != nil:
		return StatusDisabled
	case t.ExpiresAt == nil:
		return StatusActive
	case !now.Before(*t.ExpiresAt):
		return StatusExpired
	case t.ExpiresAt.Sub(now) <= ExpiringWithin:
		return StatusExpiring
	}
	return StatusActive
}

// Check decides whether secret opens this token at the time now. It gives
// the reason for a refusal, or "" when the key is accepted.
func (t Token) Check(secret string, now time.Time) Refusal {
	switch t.Status(now) {
	case StatusDeleted:
		return RefusedDeleted
	case StatusDisabled:
		return RefusedDisabled
	}
	if t.Secret.matches(secret) {
		if t.Status(now) == StatusExpired {
			return RefusedExpired
		}
		return ""
	}
	if t.PreviousSecret.matches(secret) {
		if t.PreviousExpiresAt == nil || now.Before(*t.PreviousExpiresAt) {
			return ""
		}
		if t.Status(now) == StatusExpired {
			return RefusedExpired // the new key is no use either
		}
		return RefusedReplaced
	}
	return RefusedWrongSecret
}
