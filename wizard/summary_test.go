package wizard

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

func TestSummaryUpdate(t *testing.T) {
	tok := store.Token{ID: "SU-111-222-333", Name: "n", Extension: store.Custom,
		Permissions: store.Permissions{Modules: []string{"billing"}}}
	for _, tt := range []struct {
		key  string
		want tea.Msg
	}{
		{"enter", DoneMsg{Token: tok, GoToDetails: true}},
		{"esc", DoneMsg{Token: tok, GoToDetails: false}},
		{"q", nil},
		{"space", nil},
		{"shift+tab", nil},
	} {
		_, cmd := newSummary(testStyles, tok).Update(press(tt.key))
		if got := signal(drain(cmd)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: signal = %#v, want %#v", tt.key, got, tt.want)
		}
	}
}

func TestSummaryShowsWhatWasCreated(t *testing.T) {
	expires := time.Date(2025, time.April, 14, 7, 30, 0, 0, time.UTC)
	tok := store.Token{ID: "SU-111-222-333", Name: "Billing sync", ExternalID: "FIN-1",
		Extension: store.Custom, ExpiresAt: &expires,
		Permissions: store.Permissions{Modules: []string{"billing", "usage"}}}
	view := newSummary(testStyles, tok).SetSize(80, 20).View()
	for _, want := range []string{
		"Billing sync", "SU-111-222-333", "FIN-1", "Custom", "14/04/2025 09:30",
		"Billing, Usage", "Go to Details", "Close",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("summary lacks %q:\n%s", want, view)
		}
	}

	tok.Permissions, tok.ExpiresAt = store.Permissions{All: true}, nil
	view = newSummary(testStyles, tok).SetSize(80, 20).View()
	for _, want := range []string{"Full", "Never"} {
		if !strings.Contains(view, want) {
			t.Errorf("summary lacks %q:\n%s", want, view)
		}
	}
}
