package wizard

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestWalkCreatesToken walks the whole wizard with key presses in a real
// program, then finds the token in the store with every field as typed.
func TestWalkCreatesToken(t *testing.T) {
	expiry := func(y int, mo time.Month, d, h, mi int) *time.Time {
		t := time.Date(y, mo, d, h, mi, 0, 0, testZone)
		return &t
	}
	walks := []struct {
		name        string
		general     func(*session)
		expiration  []string
		extension   []string
		permissions []string // nil: the step is skipped
		leave       string
		want        store.Token
	}{
		{
			name: "Custom with a custom date and two modules",
			general: func(s *session) {
				s.typed("  Billing sync  ").keys("enter").typed("FIN-42").keys("enter").
					typed("Nightly export.").keys("ctrl+j").typed("Owner: finance.").keys("enter")
			},
			expiration: []string{"down", "down", "down", "down", "down", "down", "enter",
				"01/09/2025 17:45", "enter"},
			extension: []string{"down", "down", "down", "enter"},
			permissions: []string{"down", "down", "down", "space",
				"j", "j", "j", "j", "j", "j", "j", "space", "enter"},
			leave: "enter",
			want: store.Token{Name: "Billing sync", ExternalID: "FIN-42",
				Description: "Nightly export.\nOwner: finance.", Extension: store.Custom,
				ExpiresAt:   expiry(2025, time.September, 1, 17, 45),
				Permissions: store.Permissions{Modules: []string{"billing", "leads"}}},
		},
		{
			name: "Flowgear for a year with All Modules",
			general: func(s *session) {
				s.typed("Flowgear prod").keys("tab", "tab").typed("Production workflows").
					keys("enter")
			},
			expiration:  []string{"j", "j", "j", "j", "j", "enter"},
			extension:   []string{"enter"},
			permissions: []string{"enter"},
			leave:       "esc",
			want: store.Token{Name: "Flowgear prod", Description: "Production workflows",
				Extension: store.Flowgear, ExpiresAt: expiry(2026, time.March, 14, 9, 30),
				Permissions: store.Permissions{All: true}},
		},
		{
			name: "Reports that never expires",
			general: func(s *session) {
				s.typed("BI dashboard").keys("enter", "enter").typed("Read by Power BI").
					keys("enter")
			},
			expiration: []string{"enter"},
			extension:  []string{"down", "enter"},
			leave:      "enter",
			want: store.Token{Name: "BI dashboard", Description: "Read by Power BI",
				Extension:   store.Reports,
				Permissions: store.Permissions{Modules: []string{"reports"}}},
		},
	}
	for _, w := range walks {
		t.Run(w.name, func(t *testing.T) {
			t.Parallel()
			st := openStore(t)
			s := startSession(t, New(st, testStyles, clock), 80, 24)

			w.general(s.waitFor("● General"))
			s.waitFor("● Expiration").keys(w.expiration...)
			s.waitFor("● Extension").keys(w.extension...)
			if w.permissions != nil {
				s.waitFor("● Permissions").keys(w.permissions...)
			}
			s.waitFor("Token created").keys(w.leave)

			done, ok := s.ended().done.(DoneMsg)
			if !ok || done.GoToDetails != (w.leave == "enter") {
				t.Fatalf("ended with %#v", done)
			}
			got, err := st.Get(context.Background(), done.Token.ID)
			if err != nil {
				t.Fatal(err)
			}
			checkToken(t, got, w.want)
		})
	}
}

func checkToken(t *testing.T, got, want store.Token) {
	t.Helper()
	if got.Name != want.Name || got.ExternalID != want.ExternalID ||
		got.Description != want.Description || got.Extension != want.Extension {
		t.Errorf("got %q %q %q %s, want %q %q %q %s",
			got.Name, got.ExternalID, got.Description, got.Extension,
			want.Name, want.ExternalID, want.Description, want.Extension)
	}
	if (got.ExpiresAt == nil) != (want.ExpiresAt == nil) ||
		got.ExpiresAt != nil && !got.ExpiresAt.Equal(*want.ExpiresAt) {
		t.Errorf("expires %v, want %v", got.ExpiresAt, want.ExpiresAt)
	}
	if got.Permissions.All != want.Permissions.All ||
		!slices.Equal(got.Permissions.Modules, want.Permissions.Modules) {
		t.Errorf("permissions %#v, want %#v", got.Permissions, want.Permissions)
	}
	if !got.CreatedAt.Equal(testNow) || len(got.Secret.Reveal()) != 40 {
		t.Errorf("created %v, secret of %d characters", got.CreatedAt, len(got.Secret.Reveal()))
	}
}
