package store

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on the text fields, counted in characters, not bytes.
const (
	MaxName        = 128
	MaxExternalID  = 128
	MaxDescription = 255
)

// ValidateName checks a token name as typed; it is stored trimmed.
func ValidateName(s string) error {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	switch {
	case n == 0:
		return fieldErr(FieldName, "is required")
	case n > MaxName:
		return fieldErr(FieldName, "must be at most %d characters (it has %d)", MaxName, n)
	case !hasVisible(s):
		return fieldErr(FieldName, "must contain a visible character")
	}
	return checkPrintable(FieldName, s, false)
}

// ValidateExternalID checks the optional external ID's length; uniqueness
// needs the database and is checked when the token is saved.
func ValidateExternalID(s string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > MaxExternalID {
		return fieldErr(FieldExternalID, "must be at most %d characters (it has %d)",
			MaxExternalID, n)
	}
	return checkPrintable(FieldExternalID, s, false)
}

// ValidateDescription checks a description as typed; line breaks are kept.
func ValidateDescription(s string) error {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	switch {
	case n == 0:
		return fieldErr(FieldDescription, "is required")
	case n > MaxDescription:
		return fieldErr(FieldDescription, "must be at most %d characters (it has %d)",
			MaxDescription, n)
	case !hasVisible(s):
		return fieldErr(FieldDescription, "must contain a visible character")
	}
	return checkPrintable(FieldDescription, s, true)
}

// checkPrintable refuses control characters and bidirectional overrides:
// stored text is printed by terminals and scripts, where an escape
// sequence could recolour or rewrite the screen and an override could make
// a name read as something else. Only a description may break lines.
func checkPrintable(field, s string, lineBreaks bool) error {
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '\n' && lineBreaks:
		case r == '\t':
			return fieldErr(field, "must not contain tabs")
		case unicode.IsControl(r) || isBidiControl(r):
			return fieldErr(field, "must not contain control characters (%U)", r)
		}
	}
	return nil
}

// hasVisible reports whether s draws anything: a name of zero-width spaces
// or fillers alone would pass a length check and show as an empty row.
func hasVisible(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
		case r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0: // Hangul fillers
		default:
			return true
		}
	}
	return false
}

func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

// ValidateExpiry checks a chosen expiry; nil means the token never expires.
func ValidateExpiry(at *time.Time, now time.Time) error {
	if at != nil && !at.After(now) {
		return fieldErr(FieldExpiry, "must be in the future")
	}
	return nil
}

// ValidatePermissions checks that at least one known module is granted, and
// that a Reports token holds the Reports module alone.
func ValidatePermissions(ext Extension, p Permissions) error {
	if ext == Reports {
		p = p.normalized()
		if p.All || len(p.Modules) != 1 || p.Modules[0] != "reports" {
			return fieldErr(FieldPermissions, "a Reports token is granted the Reports module alone")
		}
		return nil
	}
	if p.All {
		return nil
	}
	if len(p.Modules) == 0 {
		return fieldErr(FieldPermissions, "tick at least one module, or All Modules")
	}
	for _, slug := range p.Modules {
		if _, ok := ModuleBySlug(slug); !ok {
			return fieldErr(FieldPermissions, "unknown module %q (known: %s)", slug, moduleSlugs())
		}
	}
	return nil
}

// ValidateExtension checks that e is one of the four extensions.
func ValidateExtension(e Extension) error {
	if !e.Valid() {
		return fieldErr(FieldExtension, "must be one of Flowgear, Reports, Zapier, Custom")
	}
	return nil
}

func moduleSlugs() string {
	s := make([]string, len(Modules))
	for i, m := range Modules {
		s[i] = m.Slug
	}
	return strings.Join(s, ", ")
}
