package wizard

import (
	"context"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

// drive presses keys in the wizard and delivers the messages its commands
// produce, as the program would, before the next key. It returns the
// wizard and the CancelledMsg or DoneMsg it ended with, if any.
func drive(m Model, keys ...string) (Model, tea.Msg) {
	var end tea.Msg
	for _, k := range keys {
		queue := []tea.Msg{press(k)}
		for len(queue) > 0 {
			var cmd tea.Cmd
			m, cmd = m.Update(queue[0])
			queue = queue[1:]
			for _, out := range drain(cmd) {
				switch out.(type) {
				case CancelledMsg, DoneMsg:
					end = out
				case SubmitMsg, BackMsg, createdMsg, externalIDCheckedMsg:
					queue = append(queue, out)
				}
			}
		}
	}
	return m, end
}

// Key sequences that fill a step validly and leave it.
var (
	fillGeneral  = []string{"Billing sync", "enter", "FIN-1", "enter", "Nightly", "enter"}
	pickOneMonth = []string{"down", "down", "down", "enter"}
	pickCustom   = []string{"down", "down", "down", "enter"}
	pickReports  = []string{"down", "enter"}
)

func keys(parts ...[]string) []string {
	var all []string
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

func newWizard(t *testing.T, st *store.Store) Model {
	t.Helper()
	return quickModel(New(st, testStyles, clock)).SetSize(80, 24)
}

// storeWithERP7 opens a store where another token holds external ID ERP-7.
func storeWithERP7(t *testing.T) *store.Store {
	t.Helper()
	st := openStore(t)
	if _, err := st.Create(context.Background(), store.Draft{
		Name: "Holder", ExternalID: "ERP-7", Description: "holds ERP-7",
		Extension: store.Custom, Permissions: store.Permissions{All: true},
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestWizardUpdate(t *testing.T) {
	tests := []struct {
		name     string
		keys     []string
		wantStep Step
		wantEnd  tea.Msg // CancelledMsg, or a DoneMsg checked by GoToDetails only
		check    func(*testing.T, Model)
	}{
		{name: "esc on an empty step 1 cancels", keys: []string{"esc"},
			wantEnd: CancelledMsg{}},
		{name: "shift+tab on an empty name cancels", keys: []string{"shift+tab"},
			wantEnd: CancelledMsg{}},
		{name: "esc after typing asks first", keys: []string{"x", "esc"},
			check: func(t *testing.T, m Model) {
				if !m.discard.Open() || !m.Typing() {
					t.Error("no question open, or Typing false while it is")
				}
				if !strings.Contains(m.View(), "Discard this token? y/n") {
					t.Errorf("the question is not shown:\n%s", m.View())
				}
			}},
		{name: "y discards", keys: []string{"x", "esc", "y"}, wantEnd: CancelledMsg{}},
		{name: "n keeps editing", keys: []string{"x", "esc", "n", "y"},
			check: func(t *testing.T, m Model) {
				if m.discard.Open() || m.general.Values().Name != "xy" {
					t.Errorf("confirming %v, name %q", m.discard.Open(), m.general.Values().Name)
				}
			}},
		{name: "esc answers no too", keys: []string{"x", "esc", "esc"},
			check: func(t *testing.T, m Model) {
				if m.discard.Open() {
					t.Error("still asking")
				}
			}},
		{name: "other keys leave the question open", keys: []string{"x", "esc", "q", "enter"},
			check: func(t *testing.T, m Model) {
				if !m.discard.Open() {
					t.Error("question closed")
				}
			}},
		{name: "a user who came back to step 1 is asked even with fields emptied",
			keys: keys([]string{"x", "tab", "tab", "d", "enter", "esc"},
				[]string{"backspace", "shift+tab", "shift+tab", "backspace", "esc"}),
			check: func(t *testing.T, m Model) {
				if !m.discard.Open() || m.general.Values() != (GeneralValues{}) {
					t.Errorf("not asked, or fields not emptied: %#v", m.general.Values())
				}
			}},
		{name: "a valid step 1 leads to Expiration", keys: fillGeneral,
			wantStep: StepExpiration},
		{name: "an invalid step 1 does not advance", keys: []string{"enter", "enter", "enter"},
			check: func(t *testing.T, m Model) {
				if m.general.reasons[fieldName] != "is required" {
					t.Errorf("reasons %q", m.general.reasons)
				}
			}},
		{name: "an external ID in use does not advance",
			keys: []string{"n", "tab", "ERP-7", "tab", "d", "enter"},
			check: func(t *testing.T, m Model) {
				if !strings.Contains(m.View(), `"ERP-7" is already used by token`) {
					t.Errorf("reason not shown:\n%s", m.View())
				}
			}},
		{name: "an invalid custom date does not advance",
			keys: keys(fillGeneral, strings.Fields("down down down down down down enter"),
				[]string{"31/02/2026 10:00", "enter"}),
			wantStep: StepExpiration,
			check: func(t *testing.T, m Model) {
				if !strings.Contains(m.View(), "is not a real date and time") {
					t.Errorf("reason not shown:\n%s", m.View())
				}
			}},
		{name: "Flowgear asks for modules",
			keys:     keys(fillGeneral, pickOneMonth, []string{"enter"}),
			wantStep: StepPermissions,
			check: func(t *testing.T, m Model) {
				if !strings.Contains(m.View(), "All 20 modules") {
					t.Errorf("Flowgear does not start with All Modules:\n%s", m.View())
				}
			}},
		{name: "Custom needs a module ticked",
			keys:     keys(fillGeneral, pickOneMonth, pickCustom, []string{"enter"}),
			wantStep: StepPermissions,
			check: func(t *testing.T, m Model) {
				if !strings.Contains(m.View(), "tick at least one module") {
					t.Errorf("reason not shown:\n%s", m.View())
				}
			}},
		{name: "Reports skips Permissions and creates",
			keys:     keys(fillGeneral, pickOneMonth, pickReports),
			wantStep: StepSummary,
			check: func(t *testing.T, m Model) {
				if got := m.summary.token.Permissions.Summary(); got != "Reports" {
					t.Errorf("permissions %q, want Reports", got)
				}
				if !strings.Contains(m.View(), "Permissions (Reports only)") {
					t.Errorf("header does not mark step 4:\n%s", m.View())
				}
			}},
		{name: "Summary enter goes to details",
			keys:     keys(fillGeneral, pickOneMonth, []string{"enter", "enter", "enter"}),
			wantStep: StepSummary, wantEnd: DoneMsg{GoToDetails: true}},
		{name: "Summary esc closes",
			keys:     keys(fillGeneral, pickOneMonth, []string{"enter", "enter", "esc"}),
			wantStep: StepSummary, wantEnd: DoneMsg{GoToDetails: false}},
		{name: "esc goes back one step at a time",
			keys:     keys(fillGeneral, pickOneMonth, []string{"enter", "esc", "esc"}),
			wantStep: StepExpiration},
		{name: "shift+tab on a list goes back a step",
			keys:     keys(fillGeneral, pickOneMonth, []string{"shift+tab"}),
			wantStep: StepExpiration},
		{name: "back from Expiration lands on the description",
			keys: keys(fillGeneral, []string{"esc", "!"}),
			check: func(t *testing.T, m Model) {
				if got := m.general.Values().Description; got != "Nightly!" {
					t.Errorf("description %q", got)
				}
			}},
		{name: "going back and forth keeps everything typed and chosen",
			keys: keys(fillGeneral, pickOneMonth, pickCustom,
				[]string{"down", "space", "esc", "esc", "esc", "enter", "enter", "enter"}),
			wantStep: StepPermissions,
			check: func(t *testing.T, m Model) {
				v := m.general.Values()
				if v != (GeneralValues{"Billing sync", "FIN-1", "Nightly"}) {
					t.Errorf("values %#v", v)
				}
				if m.expiration.cursor != 3 || m.extension.Value() != store.Custom {
					t.Errorf("expiry row %d, extension %s",
						m.expiration.cursor, m.extension.Value())
				}
				if p := m.permissions.Value(); len(p.Modules) != 1 || p.Modules[0] != "account" {
					t.Errorf("permissions %#v", p)
				}
			}},
		{name: "a new extension brings its default while nothing was toggled",
			keys: keys(fillGeneral, pickOneMonth, []string{"enter", "esc"},
				[]string{"down", "down", "down", "enter"}),
			wantStep: StepPermissions,
			check: func(t *testing.T, m Model) {
				if m.permissions.Count() != "0 of 20 modules" {
					t.Errorf("Custom after Flowgear: %s", m.permissions.Count())
				}
			}},
		{name: "a new extension keeps what the user ticked",
			keys: keys(fillGeneral, pickOneMonth, pickCustom,
				[]string{"down", "space", "esc", "up", "enter"}),
			wantStep: StepPermissions,
			check: func(t *testing.T, m Model) {
				p := m.permissions
				if p.Count() != "1 of 20 modules" || p.ext != store.Zapier {
					t.Errorf("Zapier after ticking on Custom: %s %s",
						m.permissions.Count(), m.permissions.ext)
				}
			}},
		{name: "? opens the full help on a list",
			keys: keys(fillGeneral, []string{"?"}), wantStep: StepExpiration,
			check: func(t *testing.T, m Model) {
				if !m.help.ShowAll || !strings.Contains(m.View(), "↓/j") {
					t.Errorf("full help not shown:\n%s", m.View())
				}
			}},
		{name: "? is typed in a text field", keys: []string{"?"},
			check: func(t *testing.T, m Model) {
				if m.help.ShowAll || m.general.Values().Name != "?" {
					t.Errorf("help %v, name %q", m.help.ShowAll, m.general.Values().Name)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, end := drive(newWizard(t, storeWithERP7(t)), tt.keys...)
			if m.step != tt.wantStep {
				t.Errorf("step = %s, want %s", m.step, tt.wantStep)
			}
			switch want := tt.wantEnd.(type) {
			case DoneMsg:
				got, ok := end.(DoneMsg)
				if !ok || got.GoToDetails != want.GoToDetails || got.Token.ID == "" {
					t.Errorf("end = %#v, want DoneMsg with GoToDetails %v", end, want.GoToDetails)
				}
			default:
				if end != tt.wantEnd {
					t.Errorf("end = %#v, want %#v", end, tt.wantEnd)
				}
			}
			checkFits(t, m.View(), 80, 24)
			if tt.check != nil {
				tt.check(t, m)
			}
		})
	}
}

func TestWizardTyping(t *testing.T) {
	st := openStore(t)
	m := newWizard(t, st)
	for _, step := range []struct {
		keys []string
		want bool
	}{
		{nil, true},
		{fillGeneral, false},
		{strings.Fields("down down down down down down enter"), true},
		{[]string{"shift+tab", "up", "enter"}, false},
		{[]string{"enter"}, false},
		{[]string{"enter"}, false},
	} {
		m, _ = drive(m, step.keys...)
		if m.Typing() != step.want {
			t.Errorf("on %s after %q: Typing = %v, want %v",
				m.step, step.keys, m.Typing(), step.want)
		}
	}
	if m.step != StepSummary {
		t.Errorf("walk ended on %s", m.step)
	}
}

// A save that fails shows the store's message on Permissions, keeps every
// input, and marks the field on its own step for when the user goes back.
func TestWizardSaveFailureKeepsInputs(t *testing.T) {
	st := openStore(t)
	m, _ := drive(newWizard(t, st), keys(fillGeneral, pickOneMonth, pickCustom,
		[]string{"down", "down", "space"})...)

	// Someone else takes the external ID between step 1 and saving.
	if _, err := st.Create(context.Background(), store.Draft{
		Name: "Other", ExternalID: "FIN-1", Description: "d",
		Extension: store.Zapier, Permissions: store.Permissions{All: true},
	}); err != nil {
		t.Fatal(err)
	}
	m, end := drive(m, "enter")
	if end != nil || m.step != StepPermissions {
		t.Fatalf("step %s, end %#v", m.step, end)
	}
	if !strings.Contains(m.View(), `External ID: "FIN-1" is already used`) {
		t.Errorf("the store's message is not on Permissions:\n%s", m.View())
	}
	if p := m.permissions.Value(); len(p.Modules) != 1 || p.Modules[0] != "agreements" {
		t.Errorf("ticks lost: %#v", p)
	}

	m, _ = drive(m, "esc", "esc", "esc")
	if m.general.Values() != (GeneralValues{"Billing sync", "FIN-1", "Nightly"}) {
		t.Errorf("fields lost: %#v", m.general.Values())
	}
	if !strings.Contains(m.View(), `"FIN-1" is already used`) {
		t.Errorf("step 1 does not mark the external ID:\n%s", m.View())
	}
}

func TestWizardSaveFailureOnReports(t *testing.T) {
	st := openStore(t)
	m, _ := drive(newWizard(t, st), keys(fillGeneral, pickOneMonth)...)
	if _, err := st.Create(context.Background(), store.Draft{
		Name: "Other", ExternalID: "FIN-1", Description: "d",
		Extension: store.Zapier, Permissions: store.Permissions{All: true},
	}); err != nil {
		t.Fatal(err)
	}
	m, _ = drive(m, pickReports...)
	if m.step != StepExtension || !strings.Contains(m.View(), "already used") {
		t.Errorf("step %s:\n%s", m.step, m.View())
	}
}

// A custom date chosen a minute ahead has passed by the time the user
// saves: the wizard says so instead of sending a past expiry.
func TestWizardCustomDatePassesBeforeSaving(t *testing.T) {
	var minutes atomic.Int64
	now := func() time.Time { return testNow.Add(time.Duration(minutes.Load()) * time.Minute) }
	st := openStore(t)
	m := quickModel(New(st, testStyles, now)).SetSize(80, 24)
	m, _ = drive(m, keys(fillGeneral,
		strings.Fields("down down down down down down enter"),
		[]string{"14/03/2025 09:31", "enter", "enter"})...)
	if m.step != StepPermissions {
		t.Fatalf("step %s:\n%s", m.step, m.View())
	}
	minutes.Store(2)
	m, _ = drive(m, "enter")
	if m.step != StepPermissions || !strings.Contains(m.View(), "is not in the future") {
		t.Errorf("step %s:\n%s", m.step, m.View())
	}
}

func TestWizardCreatesOnce(t *testing.T) {
	st := openStore(t)
	m, _ := drive(newWizard(t, st), keys(fillGeneral, pickOneMonth)...)
	m, cmd := m.Update(press("enter")) // Extension: Flowgear
	m, _ = m.Update(signal(drain(cmd)))
	m, cmd = m.Update(press("enter")) // Permissions: create
	m, create := m.Update(signal(drain(cmd)))
	if !m.saving || !strings.Contains(m.View(), "Creating the token") {
		t.Fatalf("not saving:\n%s", m.View())
	}

	m, again := m.Update(press("enter"))
	m, _ = m.Update(SubmitMsg{StepPermissions})
	if again != nil {
		t.Error("a key while saving returned a command")
	}
	m, _ = m.Update(drain(create)[0])
	if m.step != StepSummary {
		t.Fatalf("step %s", m.step)
	}
	n, err := st.Count(context.Background(), store.ListOptions{})
	if err != nil || n != 1 {
		t.Errorf("%d tokens (%v), want 1", n, err)
	}
}

// A signal from a step the wizard has left is ignored.
func TestWizardIgnoresLateSignals(t *testing.T) {
	st := openStore(t)
	m, _ := drive(newWizard(t, st), fillGeneral...)
	before := m
	m, cmd := m.Update(SubmitMsg{StepGeneral})
	m, cmd2 := m.Update(BackMsg{StepPermissions})
	if cmd != nil || cmd2 != nil || m.step != StepExpiration ||
		!reflect.DeepEqual(m.general.Values(), before.general.Values()) {
		t.Errorf("late signal acted on: step %s", m.step)
	}
}
