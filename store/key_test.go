package store_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/apitokens/apitokens/store"
)

var (
	idForm     = regexp.MustCompile(`^SU-[0-9]{3}-[0-9]{3}-[0-9]{3}$`)
	secretForm = regexp.MustCompile(`^[0-9a-f]{40}$`)
)

// TestKeyFormats checks the form of IDs, secrets and keys over many tokens,
// and that no two tokens share an ID or a secret.
func TestKeyFormats(t *testing.T) {
	s := openStore(t, newClock())
	seenID, seenSecret := map[string]bool{}, map[string]bool{}
	for i := range 60 {
		tok := mustCreate(t, s, draft(fmt.Sprint("token ", i)))
		secret := tok.Secret.Reveal()

		if !idForm.MatchString(tok.ID) || !store.ValidID(tok.ID) {
			t.Errorf("ID %q has the wrong form", tok.ID)
		}
		if !secretForm.MatchString(secret) {
			t.Errorf("secret %q is not 40 lowercase hex characters", secret)
		}
		if seenID[tok.ID] || seenSecret[secret] {
			t.Fatalf("ID %s or its secret was drawn twice", tok.ID)
		}
		seenID[tok.ID], seenSecret[secret] = true, true

		if tok.Key() != tok.ID+":"+secret {
			t.Errorf("key %q is not ID:secret", tok.Key())
		}
		id, sec, err := store.ParseKey(tok.Key())
		if err != nil || id != tok.ID || sec != secret {
			t.Errorf("ParseKey(%q) = %q, %q, %v", tok.Key(), id, sec, err)
		}
	}
}

// TestSecretNeverPrinted checks that printing a token by mistake, with any
// verb, shows neither of its secrets.
func TestSecretNeverPrinted(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	tok := mustCreate(t, s, expiring("printed", epoch.AddDate(0, 1, 0)))
	old := tok.Secret.Reveal()
	tok, err := s.Renew(t.Context(), tok.ID, ptr(epoch.AddDate(0, 2, 0)))
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(verb, tok) + fmt.Sprintf(verb, tok.Secret)
		if strings.Contains(out, tok.Secret.Reveal()) || strings.Contains(out, old) {
			t.Errorf("%s shows a secret: %s", verb, out)
		}
	}
	if masked := tok.MaskedKey(); !strings.HasPrefix(masked, tok.ID+":") ||
		strings.Contains(masked, tok.Secret.Reveal()[:4]) {
		t.Errorf("masked key %q", masked)
	}
}

// TestParseKey checks the exact form of a key, and that KeyID still finds
// the token a malformed key names.
func TestParseKey(t *testing.T) {
	secret := strings.Repeat("0123456789", 4)
	tests := []struct {
		name   string
		key    string
		ok     bool
		keyID  string // what KeyID returns
		validK bool   // whether KeyID finds a valid ID
	}{
		{"well formed", "SU-631-625-036:" + secret, true, "SU-631-625-036", true},
		{"no colon", "SU-631-625-036" + secret, false, "SU-631-625-036" + secret, false},
		{"ID alone", "SU-631-625-036", false, "SU-631-625-036", true},
		{"empty secret", "SU-631-625-036:", false, "SU-631-625-036", true},
		{"empty", "", false, "", false},
		{
			"uppercase hex", "SU-631-625-036:" + strings.ToUpper("abcdef") + secret[6:],
			false, "SU-631-625-036", true,
		},
		{"39 characters", "SU-631-625-036:" + secret[1:], false, "SU-631-625-036", true},
		{"41 characters", "SU-631-625-036:" + secret + "0", false, "SU-631-625-036", true},
		{"not hex", "SU-631-625-036:g" + secret[1:], false, "SU-631-625-036", true},
		{"second colon", "SU-631-625-036:" + secret + ":", false, "SU-631-625-036", true},
		{"lowercase prefix", "su-631-625-036:" + secret, false, "su-631-625-036", false},
		{"short group", "SU-631-625-36:" + secret, false, "SU-631-625-36", false},
		{"no dashes", "SU631625036:" + secret, false, "SU631625036", false},
		{"letters in ID", "SU-63a-625-036:" + secret, false, "SU-63a-625-036", false},
		{"leading space", " SU-631-625-036:" + secret, false, " SU-631-625-036", false},
		{"trailing space", "SU-631-625-036:" + secret + " ", false, "SU-631-625-036", true},
		{"unicode digits", "SU-６31-625-036:" + secret, false, "SU-６31-625-036", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id, sec, err := store.ParseKey(tc.key)
			if tc.ok {
				if err != nil || id+":"+sec != tc.key {
					t.Errorf("ParseKey = %q, %q, %v", id, sec, err)
				}
			} else if r := refusal(t, err); r != store.RefusedMalformed {
				t.Errorf("ParseKey refusal %q, want %q", r, store.RefusedMalformed)
			}

			gotID, valid := store.KeyID(tc.key)
			if gotID != tc.keyID || valid != tc.validK {
				t.Errorf("KeyID = %q, %t; want %q, %t", gotID, valid, tc.keyID, tc.validK)
			}
		})
	}
}
