package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestStatus checks each status at its edges and the order in which they
// win over each other.
func TestStatus(t *testing.T) {
	now := epoch
	at := func(d time.Duration) *time.Time { return ptr(now.Add(d)) }
	tests := []struct {
		name string
		tok  store.Token
		want store.Status
	}{
		{"never expires", store.Token{}, store.StatusActive},
		{"expires in a year", store.Token{ExpiresAt: at(365 * day)}, store.StatusActive},
		{
			"expires a second after the week",
			store.Token{ExpiresAt: at(store.ExpiringWithin + time.Second)},
			store.StatusActive,
		},
		{
			"expires exactly a week ahead",
			store.Token{ExpiresAt: at(store.ExpiringWithin)},
			store.StatusExpiring,
		},
		{"expires in a second", store.Token{ExpiresAt: at(time.Second)}, store.StatusExpiring},
		{"expires now", store.Token{ExpiresAt: at(0)}, store.StatusExpired},
		{"expired a second ago", store.Token{ExpiresAt: at(-time.Second)}, store.StatusExpired},
		{"disabled", store.Token{DisabledAt: at(-time.Hour)}, store.StatusDisabled},
		{
			"disabled and expired",
			store.Token{DisabledAt: at(-time.Hour), ExpiresAt: at(-time.Minute)},
			store.StatusDisabled,
		},
		{
			"deleted while disabled",
			store.Token{DisabledAt: at(-time.Hour), DeletedAt: at(-time.Minute)},
			store.StatusDeleted,
		},
		{
			"deleted after expiry",
			store.Token{ExpiresAt: at(-time.Hour), DeletedAt: at(-time.Minute)},
			store.StatusDeleted,
		},
	}
	for _, tc := range tests {
		if got := tc.tok.Status(now); got != tc.want {
			t.Errorf("%s: status %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestCheck checks which secret opens a token at which time, straight on
// the Token as a process that keeps tokens in memory would.
func TestCheck(t *testing.T) {
	now := epoch
	at := func(d time.Duration) *time.Time { return ptr(now.Add(d)) }
	cur, prev := strings.Repeat("1", 40), strings.Repeat("2", 40)
	renewed := store.Token{
		Secret: store.Secret(cur), ExpiresAt: at(30 * day),
		PreviousSecret: store.Secret(prev), PreviousExpiresAt: at(time.Hour),
	}
	plain := store.Token{Secret: store.Secret(cur)}
	with := func(tok store.Token, edit func(*store.Token)) store.Token {
		edit(&tok)
		return tok
	}
	tests := []struct {
		name   string
		tok    store.Token
		secret string
		want   store.Refusal
	}{
		{"current secret", renewed, cur, ""},
		{"previous secret before its end", renewed, prev, ""},
		{"wrong secret", renewed, strings.Repeat("3", 40), store.RefusedWrongSecret},
		{"empty guess", plain, "", store.RefusedWrongSecret},
		{"prefix of the secret", plain, cur[:39], store.RefusedWrongSecret},
		{"previous secret at its end", with(renewed, func(t *store.Token) {
			t.PreviousExpiresAt = at(0)
		}), prev, store.RefusedReplaced},
		{"previous secret when both ended", with(renewed, func(t *store.Token) {
			t.PreviousExpiresAt, t.ExpiresAt = at(-time.Hour), at(0)
		}), prev, store.RefusedExpired},
		{"current secret at its end", with(renewed, func(t *store.Token) {
			t.ExpiresAt = at(0)
		}), cur, store.RefusedExpired},
		{"disabled, right secret", with(renewed, func(t *store.Token) {
			t.DisabledAt = at(-time.Hour)
		}), cur, store.RefusedDisabled},
		{"deleted while disabled", with(renewed, func(t *store.Token) {
			t.DisabledAt, t.DeletedAt = at(-time.Hour), at(-time.Minute)
		}), cur, store.RefusedDeleted},
	}
	for _, tc := range tests {
		if got := tc.tok.Check(tc.secret, now); got != tc.want {
			t.Errorf("%s: refusal %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestPermissions checks Allows and Summary for a list and for All Modules,
// including a module added to the catalogue later.
func TestPermissions(t *testing.T) {
	all := store.Permissions{All: true}
	some := store.Permissions{Modules: []string{"billing", "devops"}}
	tests := []struct {
		p    store.Permissions
		slug string
		want bool
	}{
		{all, "billing", true},
		{all, "a-module-added-later", true},
		{some, "billing", true},
		{some, "devops", true},
		{some, "usage", false},
		{some, "Billing", false},
		{store.Permissions{}, "billing", false},
	}
	for _, tc := range tests {
		if got := tc.p.Allows(tc.slug); got != tc.want {
			t.Errorf("%+v allows %q: %t, want %t", tc.p, tc.slug, got, tc.want)
		}
	}
	if got := all.Summary(); got != "Full" {
		t.Errorf("summary of all modules %q", got)
	}
	if got := some.Summary(); got != "Billing, DevOps" {
		t.Errorf("summary of %v: %q", some.Modules, got)
	}
}

// TestCatalog checks the modules and extensions against the product's list.
func TestCatalog(t *testing.T) {
	if len(store.Modules) != 20 {
		t.Errorf("%d modules, want 20", len(store.Modules))
	}
	for _, m := range store.Modules {
		got, ok := store.ModuleBySlug(m.Slug)
		if !ok || got != m {
			t.Errorf("ModuleBySlug(%q) = %+v, %t", m.Slug, got, ok)
		}
	}
	if _, ok := store.ModuleBySlug("Reports"); ok {
		t.Error("a display name was taken as a slug")
	}

	tests := []struct {
		typed    string
		want     store.Extension
		asks     bool
		defaults store.Permissions
	}{
		{"Flowgear", store.Flowgear, true, store.Permissions{All: true}},
		{" zapier ", store.Zapier, true, store.Permissions{All: true}},
		{"CUSTOM", store.Custom, true, store.Permissions{}},
		{"reports", store.Reports, false, store.Permissions{Modules: []string{"reports"}}},
	}
	for _, tc := range tests {
		e, ok := store.ParseExtension(tc.typed)
		if !ok || e != tc.want {
			t.Errorf("ParseExtension(%q) = %q, %t", tc.typed, e, ok)
			continue
		}
		if !e.Valid() || e.Description() == "" || e.AsksForModules() != tc.asks {
			t.Errorf("%s: valid %t, description %q, asks %t",
				e, e.Valid(), e.Description(), e.AsksForModules())
		}
		d := e.DefaultPermissions()
		if d.All != tc.defaults.All || !slices.Equal(d.Modules, tc.defaults.Modules) {
			t.Errorf("%s defaults to %+v, want %+v", e, d, tc.defaults)
		}
	}
	for _, typed := range []string{"", "Slack", "Report"} {
		if e, ok := store.ParseExtension(typed); ok {
			t.Errorf("ParseExtension(%q) = %q", typed, e)
		}
	}
}
