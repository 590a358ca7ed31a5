package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
)

// TestRenewSaysWhatTheOldKeyDoes checks the question before a renewal and
// the line after it, for a token whose key still works and for one that
// has expired: neither may promise a date that has passed.
func TestRenewSaysWhatTheOldKeyDoes(t *testing.T) {
	tests := []struct {
		name     string
		wait     time.Duration // on the store's clock, after creating the token
		question string
		after    func(old store.Token) string
	}{
		{"still working", time.Hour,
			"Its current key keeps working until 11/06/2030 09:00, or until the new key " +
				"expires if that is sooner.",
			func(old store.Token) string {
				return "the old key works until " + dates.Format(old.ExpiresAt)
			}},
		{"expired", 48 * time.Hour,
			"Its current key has already expired; the new key is the only one that works.",
			func(store.Token) string {
				return "the old key had already expired, so only the new key works"
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			d := draft("Short", store.Zapier)
			in := epoch.Add(24 * time.Hour)
			d.ExpiresAt = &in
			tok := e.seed(d)
			e.clock.Advance(tc.wait)

			m := keys(e.opened(tok, 120, 40), ".", "down", "down", "enter")
			if q := oneLine(m.View()); !strings.Contains(q, tc.question) {
				t.Errorf("question:\n%s\nwant %q", m.View(), tc.question)
			}
			m = keys(m, "y", "down", "down", "down", "enter") // 1 month
			got, err := e.st.Get(context.Background(), tok.ID)
			if err != nil || got.Secret == tok.Secret {
				t.Fatalf("not renewed (%v):\n%s", err, m.View())
			}
			if want := tc.after(tok); !strings.Contains(m.View(), want) {
				t.Errorf("after renewing:\n%s\nwant %q", m.View(), want)
			}
		})
	}
}

// oneLine joins a dialog's wrapped lines, borders and all, into words.
func oneLine(view string) string {
	borders := strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ")
	view = borders.Replace(view)
	return strings.Join(strings.Fields(view), " ")
}
