package wizard

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

func updatePermissions(p Permissions, keys ...string) (Permissions, tea.Msg) {
	var sig tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		p, cmd = p.Update(press(k))
		sig = signal(drain(cmd))
	}
	return p, sig
}

// allBut lists every module slug except those given, in catalogue order.
func allBut(except ...string) []string {
	var slugs []string
	for _, m := range store.Modules {
		if !slices.Contains(except, m.Slug) {
			slugs = append(slugs, m.Slug)
		}
	}
	return slugs
}

func TestPermissionsUpdate(t *testing.T) {
	full := store.Permissions{All: true}
	none := store.Permissions{}
	tests := []struct {
		name        string
		ext         store.Extension
		start       store.Permissions
		keys        []string
		wantSignal  tea.Msg
		wantCursor  int
		wantValue   store.Permissions
		wantCount   string
		wantReason  string
		wantTouched bool
	}{
		{name: "Flowgear starts with All Modules", ext: store.Flowgear, start: full,
			wantValue: full, wantCount: "All 20 modules"},
		{name: "Custom starts with nothing", ext: store.Custom, start: none,
			wantValue: store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "down and j move, up and k move back", ext: store.Custom, start: none,
			keys: []string{"down", "j", "j", "up", "k"}, wantCursor: 1,
			wantValue: store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "up stops at All Modules", ext: store.Custom, start: none,
			keys: []string{"up", "k"}, wantCursor: allRow,
			wantValue: store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "down stops at the last module", ext: store.Custom, start: none,
			keys: slices.Repeat([]string{"down"}, 25), wantCursor: len(store.Modules),
			wantValue: store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "space ticks the module under the cursor", ext: store.Custom, start: none,
			keys: []string{"down", "down", "space"}, wantCursor: 2, wantTouched: true,
			wantValue: store.Permissions{Modules: []string{"agreements"}},
			wantCount: "1 of 20 modules"},
		{name: "space again unticks it", ext: store.Custom, start: none,
			keys: []string{"down", "space", "space"}, wantCursor: 1, wantTouched: true,
			wantValue: store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "ticks come out in catalogue order", ext: store.Custom, start: none,
			keys:      []string{"down", "down", "down", "space", "up", "up", "space"},
			wantValue: store.Permissions{Modules: []string{"account", "billing"}},
			wantCount: "2 of 20 modules", wantCursor: 1, wantTouched: true},
		{name: "a ticks All Modules", ext: store.Custom, start: none,
			keys: []string{"a"}, wantValue: full, wantCount: "All 20 modules", wantTouched: true},
		{name: "a unticks All Modules and every module", ext: store.Flowgear, start: full,
			keys: []string{"a"}, wantValue: store.Permissions{Modules: []string{}},
			wantCount: "0 of 20 modules", wantTouched: true},
		{name: "a twice gives back the modules ticked one by one", ext: store.Custom,
			start: none, keys: []string{"down", "space", "down", "down", "space", "a", "a"},
			wantCursor: 3, wantTouched: true,
			wantValue: store.Permissions{Modules: []string{"account", "billing"}},
			wantCount: "2 of 20 modules"},
		{name: "space on All twice gives back the modules too", ext: store.Custom,
			start: store.Permissions{Modules: []string{"usage"}},
			keys:  []string{"space", "space"}, wantTouched: true,
			wantValue: store.Permissions{Modules: []string{"usage"}},
			wantCount: "1 of 20 modules"},
		{name: "a twice with nothing ticked before clears", ext: store.Custom, start: none,
			keys: []string{"a", "a"}, wantValue: store.Permissions{Modules: []string{}},
			wantCount: "0 of 20 modules", wantTouched: true},
		{name: "a twice after narrowing All gives back the narrowed ticks", ext: store.Custom,
			start: none, keys: []string{"down", "space", "a", "down", "space", "a", "a"},
			wantCursor: 2, wantTouched: true,
			wantValue: store.Permissions{Modules: allBut("agreements")},
			wantCount: "19 of 20 modules"},
		{name: "space on All Modules toggles it", ext: store.Custom, start: none,
			keys: []string{"space"}, wantValue: full, wantCount: "All 20 modules",
			wantTouched: true},
		{name: "a works with the cursor anywhere", ext: store.Custom, start: none,
			keys: []string{"down", "down", "a"}, wantCursor: 2, wantValue: full,
			wantCount: "All 20 modules", wantTouched: true},
		{name: "unticking one module under All leaves the others", ext: store.Zapier,
			start: full, keys: []string{"down", "space"}, wantCursor: 1, wantTouched: true,
			wantValue: store.Permissions{Modules: allBut("account")},
			wantCount: "19 of 20 modules"},
		{name: "a after narrowing ticks All again", ext: store.Zapier, start: full,
			keys: []string{"down", "space", "a"}, wantCursor: 1, wantTouched: true,
			wantValue: full, wantCount: "All 20 modules"},
		{name: "enter with modules submits", ext: store.Custom, start: none,
			keys: []string{"down", "space", "enter"}, wantCursor: 1, wantTouched: true,
			wantSignal: SubmitMsg{StepPermissions},
			wantValue:  store.Permissions{Modules: []string{"account"}},
			wantCount:  "1 of 20 modules"},
		{name: "enter with All Modules submits", ext: store.Flowgear, start: full,
			keys: []string{"enter"}, wantSignal: SubmitMsg{StepPermissions},
			wantValue: full, wantCount: "All 20 modules"},
		{name: "enter with no module ticked is refused", ext: store.Custom, start: none,
			keys: []string{"enter"}, wantValue: store.Permissions{Modules: []string{}},
			wantCount:  "0 of 20 modules",
			wantReason: "tick at least one module, or All Modules"},
		{name: "unticking everything is refused", ext: store.Flowgear, start: full,
			keys: []string{"a", "enter"}, wantValue: store.Permissions{Modules: []string{}},
			wantCount: "0 of 20 modules", wantTouched: true,
			wantReason: "tick at least one module, or All Modules"},
		{name: "a tick clears the reason", ext: store.Custom, start: none,
			keys:      []string{"enter", "down", "space"},
			wantValue: store.Permissions{Modules: []string{"account"}}, wantCursor: 1,
			wantCount: "1 of 20 modules", wantTouched: true},
		{name: "esc goes back", ext: store.Custom, start: none, keys: []string{"esc"},
			wantSignal: BackMsg{StepPermissions},
			wantValue:  store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "shift+tab goes back", ext: store.Custom, start: none,
			keys: []string{"shift+tab"}, wantSignal: BackMsg{StepPermissions},
			wantValue: store.Permissions{Modules: []string{}}, wantCount: "0 of 20 modules"},
		{name: "editing starts from the token's modules", ext: store.Custom,
			start:     store.Permissions{Modules: []string{"usage", "leads"}},
			wantValue: store.Permissions{Modules: []string{"leads", "usage"}},
			wantCount: "2 of 20 modules"},
		{name: "Reports holds its module and ignores toggles", ext: store.Reports,
			start: full, keys: []string{"a", "down", "space", "enter"}, wantCursor: 1,
			wantSignal: SubmitMsg{StepPermissions},
			wantValue:  store.Permissions{Modules: []string{"reports"}},
			wantCount:  "1 of 20 modules"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPermissions(testStyles, tt.ext, tt.start).SetSize(80, 20)
			p, sig := updatePermissions(p, tt.keys...)

			if sig != tt.wantSignal {
				t.Errorf("signal = %#v, want %#v", sig, tt.wantSignal)
			}
			if p.cursor != tt.wantCursor {
				t.Errorf("cursor = %d, want %d", p.cursor, tt.wantCursor)
			}
			got := p.Value()
			if got.All != tt.wantValue.All || !slices.Equal(got.Modules, tt.wantValue.Modules) {
				t.Errorf("Value = %#v, want %#v", got, tt.wantValue)
			}
			if p.Count() != tt.wantCount {
				t.Errorf("Count = %q, want %q", p.Count(), tt.wantCount)
			}
			if p.reason != tt.wantReason {
				t.Errorf("reason = %q, want %q", p.reason, tt.wantReason)
			}
			if p.touched != tt.wantTouched {
				t.Errorf("touched = %v, want %v", p.touched, tt.wantTouched)
			}
			if tt.wantReason != "" && !strings.Contains(p.View(), tt.wantReason) {
				t.Errorf("the reason is not shown:\n%s", p.View())
			}
		})
	}
}

func TestPermissionsAllShowsEveryModuleTicked(t *testing.T) {
	view := NewPermissions(testStyles, store.Flowgear, store.Permissions{All: true}).
		SetSize(80, 30).View()
	for _, m := range store.Modules {
		if !strings.Contains(view, "[x] "+m.Name) {
			t.Errorf("%s is not shown ticked under All Modules:\n%s", m.Name, view)
		}
	}
	if !strings.Contains(view, "All 20 modules") {
		t.Errorf("count missing:\n%s", view)
	}
}

// A short window scrolls the list so the cursor's row is always drawn.
func TestPermissionsScrollsToCursor(t *testing.T) {
	p := NewPermissions(testStyles, store.Custom, store.Permissions{}).SetSize(60, 8)
	for range store.Modules {
		p, _ = updatePermissions(p, "down")
		view := p.View()
		checkFits(t, view, 60, 8)
		if !strings.Contains(view, "> [ ] "+store.Modules[p.cursor-1].Name) {
			t.Fatalf("cursor row %d not drawn:\n%s", p.cursor, view)
		}
	}
	if !strings.Contains(p.View(), "↑ 16 more") {
		t.Errorf("no mark for the rows above:\n%s", p.View())
	}
}

// Older copies of the step must not change when a newer one toggles: the
// wizard relies on values, not pointers.
func TestPermissionsCopiesDoNotShareTicks(t *testing.T) {
	before := NewPermissions(testStyles, store.Custom, store.Permissions{})
	after, _ := updatePermissions(before, "down", "space", "a")
	if before.Count() != "0 of 20 modules" || after.Count() != "All 20 modules" {
		t.Errorf("before %q, after %q", before.Count(), after.Count())
	}
}

func TestPermissionsSetError(t *testing.T) {
	p := NewPermissions(testStyles, store.Custom, store.Permissions{All: true}).SetSize(80, 20)
	p = p.SetError(&store.FieldError{Field: store.FieldExternalID, Msg: "is taken"})
	if !strings.Contains(p.View(), "External ID: is taken") {
		t.Errorf("store error missing:\n%s", p.View())
	}
}
