package wizard

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

// updateGeneral presses keys in order, feeding back the answer of the
// external ID check as the program would, and returns the step and the
// signal the last key led to.
func updateGeneral(g General, keys ...string) (General, tea.Msg) {
	var sig tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		g, cmd = g.Update(press(k))
		sig = nil
		for msgs := drain(cmd); len(msgs) > 0; {
			sig = signal(msgs)
			var next []tea.Msg
			for _, m := range msgs {
				if checked, ok := m.(externalIDCheckedMsg); ok {
					g, cmd = g.Update(checked)
					next = append(next, drain(cmd)...)
				}
			}
			if s := signal(next); s != nil {
				sig = s
			}
			msgs = next
		}
	}
	return g, sig
}

func TestGeneralUpdate(t *testing.T) {
	st := openStore(t)
	taken, err := st.Create(context.Background(), store.Draft{
		Name: "Taken", ExternalID: "ERP-7", Description: "holds ERP-7",
		Extension: store.Custom, Permissions: store.Permissions{All: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	valid := GeneralValues{Name: "Billing sync", Description: "Nightly export"}

	tests := []struct {
		name       string
		values     GeneralValues
		self       string
		keys       []string
		wantSignal tea.Msg
		wantFocus  generalField
		wantReason [generalFields]string
		wantValues *GeneralValues
	}{
		{name: "enter moves from name to external ID", values: valid,
			keys: []string{"enter"}, wantFocus: fieldExternalID},
		{name: "enter moves from external ID to description", values: valid,
			keys: []string{"enter", "enter"}, wantFocus: fieldDescription},
		{name: "enter on the description submits", values: valid,
			keys: []string{"enter", "enter", "enter"}, wantSignal: SubmitMsg{StepGeneral},
			wantFocus: fieldDescription},
		{name: "tab moves between fields", values: valid,
			keys: []string{"tab", "tab"}, wantFocus: fieldDescription},
		{name: "tab wraps from the description to the name", values: valid,
			keys: []string{"tab", "tab", "tab"}, wantFocus: fieldName},
		{name: "shift+tab goes to the previous field", values: valid,
			keys: []string{"tab", "tab", "shift+tab"}, wantFocus: fieldExternalID},
		{name: "shift+tab on the name goes back", values: valid,
			keys: []string{"shift+tab"}, wantSignal: BackMsg{StepGeneral}},
		{name: "esc goes back from any field", values: valid,
			keys: []string{"tab", "tab", "esc"}, wantSignal: BackMsg{StepGeneral},
			wantFocus: fieldDescription},
		{name: "typing goes to the focused field", values: GeneralValues{},
			keys:       []string{"a", "b", "tab", "X", "-", "1", "tab", "d"},
			wantFocus:  fieldDescription,
			wantValues: &GeneralValues{Name: "ab", ExternalID: "X-1", Description: "d"}},
		{name: "ctrl+j breaks a line in the description", values: GeneralValues{},
			keys:       []string{"tab", "tab", "o", "n", "e", "ctrl+j", "t", "w", "o"},
			wantFocus:  fieldDescription,
			wantValues: &GeneralValues{Description: "one\ntwo"}},
		{name: "empty name is refused",
			values: GeneralValues{Description: "d"}, keys: []string{"tab", "tab", "enter"},
			wantFocus: fieldName, wantReason: [3]string{fieldName: "is required"}},
		{name: "whitespace name is refused",
			values:    GeneralValues{Name: "   ", Description: "d"},
			keys:      []string{"tab", "tab", "enter"},
			wantFocus: fieldName, wantReason: [3]string{fieldName: "is required"}},
		{name: "name over 128 characters is refused",
			values: GeneralValues{Name: strings.Repeat("n", 129), Description: "d"},
			keys:   []string{"tab", "tab", "enter"}, wantFocus: fieldName,
			wantReason: [3]string{fieldName: "must be at most 128 characters (it has 129)"}},
		{name: "name of 128 characters passes",
			values: GeneralValues{Name: strings.Repeat("é", 128), Description: "d"},
			keys:   []string{"tab", "tab", "enter"}, wantFocus: fieldDescription,
			wantSignal: SubmitMsg{StepGeneral}},
		{name: "empty description is refused", values: GeneralValues{Name: "n"},
			keys: []string{"tab", "tab", "enter"}, wantFocus: fieldDescription,
			wantReason: [3]string{fieldDescription: "is required"}},
		{name: "description over 255 characters is refused",
			values: GeneralValues{Name: "n", Description: strings.Repeat("d", 256)},
			keys:   []string{"tab", "tab", "enter"}, wantFocus: fieldDescription,
			wantReason: [3]string{
				fieldDescription: "must be at most 255 characters (it has 256)"}},
		{name: "external ID over 128 characters is refused",
			values: GeneralValues{Name: "n", ExternalID: strings.Repeat("x", 129),
				Description: "d"},
			keys: []string{"tab", "tab", "enter"}, wantFocus: fieldExternalID,
			wantReason: [3]string{
				fieldExternalID: "must be at most 128 characters (it has 129)"}},
		{name: "every invalid field shows its reason, focus on the first",
			values: GeneralValues{ExternalID: strings.Repeat("x", 130)},
			keys:   []string{"tab", "tab", "enter"}, wantFocus: fieldName,
			wantReason: [3]string{
				fieldName:        "is required",
				fieldExternalID:  "must be at most 128 characters (it has 130)",
				fieldDescription: "is required"}},
		{name: "external ID already used is refused",
			values: GeneralValues{Name: "n", ExternalID: " ERP-7 ", Description: "d"},
			keys:   []string{"tab", "tab", "enter"}, wantFocus: fieldExternalID,
			wantReason: [3]string{
				fieldExternalID: `"ERP-7" is already used by token ` + taken.ID}},
		{name: "external ID held by the token being edited passes",
			values: GeneralValues{Name: "n", ExternalID: "ERP-7", Description: "d"},
			self:   taken.ID, keys: []string{"tab", "tab", "enter"},
			wantFocus: fieldDescription, wantSignal: SubmitMsg{StepGeneral}},
		{name: "free external ID passes",
			values: GeneralValues{Name: "n", ExternalID: "ERP-8", Description: "d"},
			keys:   []string{"tab", "tab", "enter"}, wantFocus: fieldDescription,
			wantSignal: SubmitMsg{StepGeneral}},
		{name: "a reason goes away once the field is fixed",
			values: GeneralValues{Description: "d"},
			keys:   []string{"tab", "tab", "enter", "x"}, wantFocus: fieldName,
			wantValues: &GeneralValues{Name: "x", Description: "d"}},
		{name: "after a refusal, fixing and submitting passes",
			values:    GeneralValues{Description: "d"},
			keys:      []string{"enter", "enter", "enter", "x", "tab", "tab", "enter"},
			wantFocus: fieldDescription, wantSignal: SubmitMsg{StepGeneral},
			wantValues: &GeneralValues{Name: "x", Description: "d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := quickGeneral(NewGeneral(st, testStyles, tt.values, tt.self).SetSize(80, 20))
			g, sig := updateGeneral(g, tt.keys...)

			if sig != tt.wantSignal {
				t.Errorf("signal = %#v, want %#v", sig, tt.wantSignal)
			}
			if g.focus != tt.wantFocus {
				t.Errorf("focus = %d, want %d", g.focus, tt.wantFocus)
			}
			if g.reasons != tt.wantReason {
				t.Errorf("reasons = %q, want %q", g.reasons, tt.wantReason)
			}
			want := tt.values
			if tt.wantValues != nil {
				want = *tt.wantValues
			}
			if got := g.Values(); got != want {
				t.Errorf("values = %#v, want %#v", got, want)
			}
			for f, r := range tt.wantReason {
				if r != "" && !strings.Contains(oneLineView(g.View()), r[:min(len(r), 20)]) {
					t.Errorf("view does not show %q for field %d:\n%s", r, f, g.View())
				}
			}
		})
	}
}

// oneLineView joins a view's lines so a check does not depend on wrapping.
func oneLineView(v string) string { return strings.Join(strings.Fields(v), " ") }

func TestGeneralIgnoresKeysWhileChecking(t *testing.T) {
	st := openStore(t)
	g := quickGeneral(NewGeneral(st, testStyles,
		GeneralValues{Name: "n", ExternalID: "E", Description: "d"}, ""))
	g, _ = g.focusLast()
	g, cmd := g.Update(press("enter"))
	if !g.checking || cmd == nil {
		t.Fatal("enter with an external ID does not start the check")
	}
	if !strings.Contains(g.View(), "Checking the external ID") {
		t.Errorf("view does not say the check runs:\n%s", g.View())
	}
	g, _ = g.Update(press("x"))
	if got := g.Values().Description; got != "d" {
		t.Errorf("a key during the check changed the description to %q", got)
	}
	g, cmd = g.Update(drain(cmd)[0])
	if sig := signal(drain(cmd)); sig != (SubmitMsg{StepGeneral}) {
		t.Errorf("after the check: %#v, want SubmitMsg", sig)
	}
}

func TestGeneralSetError(t *testing.T) {
	g := NewGeneral(nil, testStyles, GeneralValues{}, "")
	g = g.SetError(&store.FieldError{Field: store.FieldExternalID, Msg: "is taken"})
	g = g.SetError(context.DeadlineExceeded)
	if g.reasons[fieldExternalID] != "is taken" {
		t.Errorf("external ID reason = %q", g.reasons[fieldExternalID])
	}
	if !strings.Contains(g.View(), context.DeadlineExceeded.Error()) {
		t.Errorf("view misses the store error:\n%s", g.View())
	}
}
