package store_test

import (
	"strings"
	"testing"

	"github.com/apitokens/apitokens/store"
)

// TestVerify checks every reason a key can be refused, and that an accepted
// key returns its token.
func TestVerify(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	live := mustCreate(t, s, expiring("live", epoch.Add(30*day)))
	expired := mustCreate(t, s, expiring("expired", epoch.Add(day)))
	off := mustCreate(t, s, draft("disabled"))
	gone := mustCreate(t, s, draft("deleted"))
	if _, err := s.Disable(t.Context(), off.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(t.Context(), gone.ID); err != nil {
		t.Fatal(err)
	}
	now := epoch.Add(2 * day)
	secret := live.Secret.Reveal()
	other := strings.Repeat("ab", 20)
	if other == secret {
		t.Fatal("the drawn secret is the test's wrong one")
	}

	tests := []struct {
		name string
		key  string
		want store.Refusal
		id   string // the token returned with the answer, if any
	}{
		{"accepted", live.Key(), "", live.ID},
		{"empty", "", store.RefusedMalformed, ""},
		{"missing colon", live.ID + secret, store.RefusedMalformed, ""},
		{"ID alone", live.ID, store.RefusedMalformed, ""},
		{"uppercase hex", live.ID + ":" + strings.ToUpper(secret), store.RefusedMalformed, ""},
		{"short secret", live.ID + ":" + secret[:39], store.RefusedMalformed, ""},
		{"long secret", live.Key() + "0", store.RefusedMalformed, ""},
		{"bad ID", "SU-12-345-678:" + secret, store.RefusedMalformed, ""},
		{"lowercase ID", strings.ToLower(live.ID) + ":" + secret, store.RefusedMalformed, ""},
		{"space around", " " + live.Key(), store.RefusedMalformed, ""},
		{"unknown ID", "SU-000-000-000:" + secret, store.RefusedUnknown, ""},
		{"wrong secret", live.ID + ":" + other, store.RefusedWrongSecret, live.ID},
		{"another token's secret", live.ID + ":" + off.Secret.Reveal(),
			store.RefusedWrongSecret, live.ID},
		{"expired", expired.Key(), store.RefusedExpired, expired.ID},
		{"disabled", off.Key(), store.RefusedDisabled, off.ID},
		{"deleted", gone.Key(), store.RefusedDeleted, gone.ID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tok, err := s.Verify(t.Context(), tc.key, now)
			if got := refusal(t, err); got != tc.want {
				t.Errorf("refusal %q, want %q", got, tc.want)
			}
			if tok.ID != tc.id {
				t.Errorf("returned token %q, want %q", tok.ID, tc.id)
			}
		})
	}
}
