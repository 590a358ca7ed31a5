package store_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestCreateValidates checks every rule of a new token at its boundaries,
// that a broken rule writes nothing, and that what is kept is trimmed.
func TestCreateValidates(t *testing.T) {
	r := strings.Repeat
	tests := []struct {
		name  string
		edit  func(*store.Draft)
		field string // the field refused, or "" when the draft is accepted
		check func(*testing.T, store.Token)
	}{
		{name: "name of 128 characters", edit: func(d *store.Draft) { d.Name = r("n", 128) }},
		{
			name:  "name of 129 characters",
			edit:  func(d *store.Draft) { d.Name = r("n", 129) },
			field: store.FieldName,
		},
		{
			name: "name of 128 two-byte characters",
			edit: func(d *store.Draft) { d.Name = r("é", 128) },
		},
		{
			name:  "name of 129 two-byte characters",
			edit:  func(d *store.Draft) { d.Name = r("é", 129) },
			field: store.FieldName,
		},
		{
			name: "name of 128 four-byte characters",
			edit: func(d *store.Draft) { d.Name = r("🔑", 128) },
		},
		{
			name:  "name of 129 four-byte characters",
			edit:  func(d *store.Draft) { d.Name = r("🔑", 129) },
			field: store.FieldName,
		},
		{
			name: "name of 128 characters padded with spaces",
			edit: func(d *store.Draft) { d.Name = "  " + r("n", 128) + "\t " },
			check: func(t *testing.T, tok store.Token) {
				if tok.Name != r("n", 128) {
					t.Errorf("name kept as %q, want it trimmed", tok.Name)
				}
			},
		},
		{name: "empty name", edit: func(d *store.Draft) { d.Name = "" }, field: store.FieldName},
		{
			name:  "name of spaces only",
			edit:  func(d *store.Draft) { d.Name = "     " },
			field: store.FieldName,
		},
		{
			name:  "name of blanks only",
			edit:  func(d *store.Draft) { d.Name = " \t\n " },
			field: store.FieldName,
		},
		{
			name:  "name of zero-width spaces and fillers only",
			edit:  func(d *store.Draft) { d.Name = "\u200b\u200d\ufe0f\u3164" },
			field: store.FieldName,
		},
		{
			name: "name with a zero-width joiner between letters",
			edit: func(d *store.Draft) { d.Name = "a\u200db" },
			check: func(t *testing.T, tok store.Token) {
				if tok.Name != "a\u200db" {
					t.Errorf("name kept as %q", tok.Name)
				}
			},
		},
		{
			name: "no external ID",
			edit: func(d *store.Draft) { d.ExternalID = "" },
		},
		{
			name: "external ID of spaces only is none",
			edit: func(d *store.Draft) { d.ExternalID = "   " },
			check: func(t *testing.T, tok store.Token) {
				if tok.ExternalID != "" {
					t.Errorf("external ID kept as %q, want none", tok.ExternalID)
				}
			},
		},
		{
			name: "external ID of 128 characters",
			edit: func(d *store.Draft) { d.ExternalID = r("x", 128) },
		},
		{
			name:  "external ID of 129 characters",
			edit:  func(d *store.Draft) { d.ExternalID = r("x", 129) },
			field: store.FieldExternalID,
		},
		{
			name: "external ID of 128 three-byte characters",
			edit: func(d *store.Draft) { d.ExternalID = r("€", 128) },
		},
		{
			name:  "external ID of 129 three-byte characters",
			edit:  func(d *store.Draft) { d.ExternalID = r("€", 129) },
			field: store.FieldExternalID,
		},
		{
			name:  "empty description",
			edit:  func(d *store.Draft) { d.Description = "" },
			field: store.FieldDescription,
		},
		{
			name:  "description of spaces only",
			edit:  func(d *store.Draft) { d.Description = "  \n  " },
			field: store.FieldDescription,
		},
		{
			name:  "description of a zero-width space only",
			edit:  func(d *store.Draft) { d.Description = "\u200b" },
			field: store.FieldDescription,
		},
		{
			name: "description of 255 characters",
			edit: func(d *store.Draft) { d.Description = r("d", 255) },
		},
		{
			name:  "description of 256 characters",
			edit:  func(d *store.Draft) { d.Description = r("d", 256) },
			field: store.FieldDescription,
		},
		{
			name: "description of 255 two-byte characters",
			edit: func(d *store.Draft) { d.Description = r("ß", 255) },
		},
		{
			name:  "description of 256 two-byte characters",
			edit:  func(d *store.Draft) { d.Description = r("ß", 256) },
			field: store.FieldDescription,
		},
		{
			name: "description keeps its line breaks",
			edit: func(d *store.Draft) { d.Description = "first line\nsecond line\n" },
			check: func(t *testing.T, tok store.Token) {
				if tok.Description != "first line\nsecond line" {
					t.Errorf("description kept as %q", tok.Description)
				}
			},
		},
		{
			name:  "no extension",
			edit:  func(d *store.Draft) { d.Extension = "" },
			field: store.FieldExtension,
		},
		{
			name:  "unknown extension",
			edit:  func(d *store.Draft) { d.Extension = "Slack" },
			field: store.FieldExtension,
		},
		{
			name:  "expiry in the past",
			edit:  func(d *store.Draft) { d.ExpiresAt = ptr(epoch.Add(-time.Hour)) },
			field: store.FieldExpiry,
		},
		{
			name:  "expiry exactly now",
			edit:  func(d *store.Draft) { d.ExpiresAt = ptr(epoch) },
			field: store.FieldExpiry,
		},
		{
			// Expiries are kept to the second: half a second ahead would
			// be kept as now, a token born expired.
			name:  "expiry half a second ahead",
			edit:  func(d *store.Draft) { d.ExpiresAt = ptr(epoch.Add(time.Second / 2)) },
			field: store.FieldExpiry,
		},
		{
			name: "expiry one second ahead",
			edit: func(d *store.Draft) { d.ExpiresAt = ptr(epoch.Add(time.Second)) },
			check: func(t *testing.T, tok store.Token) {
				if tok.Status(epoch) != store.StatusExpiring {
					t.Errorf("status %s, want %s", tok.Status(epoch), store.StatusExpiring)
				}
			},
		},
		{
			name: "expiry in another zone, kept to the second",
			edit: func(d *store.Draft) {
				zone := time.FixedZone("UTC-3", -3*3600)
				d.ExpiresAt = ptr(epoch.Add(48*time.Hour + 900*time.Millisecond).In(zone))
			},
			check: func(t *testing.T, tok store.Token) {
				if tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(epoch.Add(48*time.Hour)) {
					t.Errorf("expiry kept as %v", tok.ExpiresAt)
				}
			},
		},
		{
			name:  "no module",
			edit:  func(d *store.Draft) { d.Permissions = store.Permissions{} },
			field: store.FieldPermissions,
		},
		{
			name: "unknown module",
			edit: func(d *store.Draft) {
				d.Permissions = store.Permissions{Modules: []string{"billing", "bogus"}}
			},
			field: store.FieldPermissions,
		},
		{
			name: "module by display name, not slug",
			edit: func(d *store.Draft) {
				d.Permissions = store.Permissions{Modules: []string{"Billing"}}
			},
			field: store.FieldPermissions,
		},
		{
			name: "modules kept in catalogue order without duplicates",
			edit: func(d *store.Draft) {
				d.Permissions = store.Permissions{
					Modules: []string{"usage", "account", "usage", "devops"},
				}
			},
			check: func(t *testing.T, tok store.Token) {
				want := []string{"account", "devops", "usage"}
				if tok.Permissions.All || !slices.Equal(tok.Permissions.Modules, want) {
					t.Errorf("permissions kept as %+v, want %v", tok.Permissions, want)
				}
			},
		},
		{
			name: "all modules drops the list",
			edit: func(d *store.Draft) {
				d.Extension = store.Zapier
				d.Permissions = store.Permissions{All: true, Modules: []string{"billing"}}
			},
			check: func(t *testing.T, tok store.Token) {
				if !tok.Permissions.All || len(tok.Permissions.Modules) != 0 {
					t.Errorf("permissions kept as %+v, want all", tok.Permissions)
				}
			},
		},
		{
			name: "a Reports token asking for all modules gets Reports alone",
			edit: func(d *store.Draft) {
				d.Extension = store.Reports
				d.Permissions = store.Permissions{All: true}
			},
			check: wantReportsOnly,
		},
		{
			name: "a Reports token asking for other modules gets Reports alone",
			edit: func(d *store.Draft) {
				d.Extension = store.Reports
				d.Permissions = store.Permissions{Modules: []string{"billing", "usage"}}
			},
			check: wantReportsOnly,
		},
		{
			name: "a Reports token asking for nothing gets Reports",
			edit: func(d *store.Draft) {
				d.Extension = store.Reports
				d.Permissions = store.Permissions{}
			},
			check: wantReportsOnly,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, newClock())
			d := draft("valid")
			tc.edit(&d)

			tok, err := s.Create(t.Context(), d)

			if got := fieldOf(t, err); got != tc.field {
				t.Fatalf("refused field %q (%v), want %q", got, err, tc.field)
			}
			if tc.field != "" {
				if n, _ := s.Count(t.Context(), store.ListOptions{}); n != 0 {
					t.Errorf("a refused draft left %d tokens", n)
				}
				if seq := mustLastChange(t, s); seq != 0 {
					t.Errorf("a refused draft recorded change %d", seq)
				}
				return
			}
			sameToken(t, "created token against stored", tok, mustGet(t, s, tok.ID))
			if tc.check != nil {
				tc.check(t, mustGet(t, s, tok.ID))
			}
		})
	}
}

func wantReportsOnly(t *testing.T, tok store.Token) {
	t.Helper()
	if tok.Permissions.All || !slices.Equal(tok.Permissions.Modules, []string{"reports"}) {
		t.Errorf("permissions %+v, want the Reports module alone", tok.Permissions)
	}
}

// TestValidateMessages checks that a refusal tells the user the limit and
// how far over it the value is, counting characters.
func TestValidateMessages(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"name", store.ValidateName(strings.Repeat("é", 130)), []string{"128", "130"}},
		{
			"external ID",
			store.ValidateExternalID(strings.Repeat("x", 200)),
			[]string{"128", "200"},
		},
		{
			"description",
			store.ValidateDescription(strings.Repeat("€", 256)),
			[]string{"255", "256"},
		},
		{
			"unknown module",
			store.ValidatePermissions(store.Custom, store.Permissions{Modules: []string{"nope"}}),
			[]string{`"nope"`, "billing"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tc.want {
				if !strings.Contains(tc.err.Error(), w) {
					t.Errorf("%q does not say %s", tc.err, w)
				}
			}
		})
	}
}

// TestValidatePermissions checks the rules a Reports token adds.
func TestValidatePermissions(t *testing.T) {
	tests := []struct {
		ext  store.Extension
		p    store.Permissions
		want string
	}{
		{store.Reports, store.Permissions{Modules: []string{"reports"}}, ""},
		{store.Reports, store.Permissions{All: true}, store.FieldPermissions},
		{store.Reports, store.Permissions{Modules: []string{"billing"}}, store.FieldPermissions},
		{
			store.Reports,
			store.Permissions{Modules: []string{"reports", "billing"}},
			store.FieldPermissions,
		},
		{store.Reports, store.Permissions{}, store.FieldPermissions},
		{store.Custom, store.Permissions{Modules: []string{"reports"}}, ""},
		{store.Custom, store.Permissions{All: true}, ""},
		{store.Flowgear, store.Permissions{}, store.FieldPermissions},
		{store.Zapier, store.Permissions{Modules: []string{""}}, store.FieldPermissions},
	}
	for _, tc := range tests {
		err := store.ValidatePermissions(tc.ext, tc.p)
		if got := fieldOf(t, err); got != tc.want {
			t.Errorf("%s %+v: refused field %q (%v), want %q", tc.ext, tc.p, got, err, tc.want)
		}
	}
}

// TestValidateRefusesControlCharacters keeps escape sequences and bidi
// overrides out of text that terminals and scripts print back.
func TestValidateRefusesControlCharacters(t *testing.T) {
	tests := []struct {
		name     string
		validate func(string) error
		in       string
		ok       bool
	}{
		{"name with escape", store.ValidateName, "\x1b[31mred\x1b[0m", false},
		{"name with a line break", store.ValidateName, "two\nlines", false},
		{"name with a tab", store.ValidateName, "a\tb", false},
		{"name with a bidi override", store.ValidateName, "abc\u202Efed", false},
		{"name with an emoji joiner", store.ValidateName, "team 👩\u200D💻", true},
		{"name with CJK", store.ValidateName, "令牌", true},
		{"external ID with a bell", store.ValidateExternalID, "x\x07", false},
		{"description with line breaks", store.ValidateDescription, "one\ntwo", true},
		{"description with a carriage return", store.ValidateDescription, "one\r\ntwo", false},
		{"description with SOH", store.ValidateDescription, "a\x01b", false},
		{"description with DEL", store.ValidateDescription, "a\x7fb", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.validate(tc.in)
			if tc.ok != (err == nil) {
				t.Fatalf("validate(%q) = %v, want ok=%v", tc.in, err, tc.ok)
			}
			var fe *store.FieldError
			if err != nil && !errors.As(err, &fe) {
				t.Errorf("%v is not a *FieldError", err)
			}
		})
	}
}
