package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/apitokens/apitokens/ui"
)

// footerOf is the last line of a view: the short help.
func footerOf(view string) string {
	return ansi.Strip(view[strings.LastIndex(view, "\n")+1:])
}

// TestGeneralFooterFits checks step 1's footer on each field. ? is text
// there, so the footer is the only help: at 80 columns it names every key,
// esc, shift+tab and ctrl+c included, uncut; at 60 it may leave keys out,
// but only whole ones, marked by a final "…".
func TestGeneralFooterFits(t *testing.T) {
	st := openStore(t)
	fields := map[string][]string{
		"name":        nil,
		"external ID": {"tab"},
		"description": {"tab", "tab"},
	}
	for field, ks := range fields {
		m, _ := drive(newWizard(t, st), ks...)

		full := footerOf(m.SetSize(80, 24).View())
		for _, want := range []string{"enter", "esc cancel", "tab/shift+tab", "ctrl+c quit"} {
			if !strings.Contains(full, want) {
				t.Errorf("%s at 80: no %q in %q", field, want, full)
			}
		}
		if strings.Contains(full, "…") {
			t.Errorf("%s at 80: cut: %q", field, full)
		}
		if field == "description" && !strings.Contains(full, "ctrl+j") {
			t.Errorf("description at 80: no ctrl+j in %q", full)
		}

		narrow := footerOf(m.SetSize(60, 16).View())
		checkWholeItems(t, field+" at 60", narrow, m.general.KeyMap().ShortHelp(), 60)
	}
}

// TestEditFooterFits checks the General step with the labels the details
// screen's edit gives it: its description's footer fits 80 whole too.
func TestEditFooterFits(t *testing.T) {
	g := NewGeneral(nil, testStyles, GeneralValues{Name: "x"}, "SU-1").
		SetLabels("next step", "cancel")
	g, _ = g.focusLast()
	h := New(nil, testStyles, clock).help
	if v := ui.HelpView(h, g.KeyMap(), 80); strings.Contains(v, "…") ||
		!strings.Contains(v, "ctrl+c quit") || ansi.StringWidth(v) > 80 {
		t.Errorf("edit footer at 80: %q", v)
	}
}

// TestHelpViewDropsWholeItems checks the short help at every width from 20
// to 80 on the steps with the longest footers: never wider than the
// window, and never a word cut.
func TestHelpViewDropsWholeItems(t *testing.T) {
	st := openStore(t)
	m, _ := drive(newWizard(t, st), "tab", "tab")
	perms, _ := drive(newWizard(t, st), keys(fillGeneral, pickOneMonth, []string{"enter"})...)
	if perms.step != StepPermissions {
		t.Fatalf("step %s", perms.step)
	}
	for w := 20; w <= 80; w++ {
		v := ansi.Strip(ui.HelpView(m.help, m.general.KeyMap(), w))
		checkWholeItems(t, "General", v, m.general.KeyMap().ShortHelp(), w)

		v = ansi.Strip(ui.HelpView(perms.help, perms.permissions.KeyMap(), w))
		checkWholeItems(t, "Permissions", v, perms.permissions.KeyMap().ShortHelp(), w)
	}
}

// checkWholeItems fails unless footer fits width and is made of whole
// items of the bindings, with at most a final "…".
func checkWholeItems(t *testing.T, name, footer string, bindings []key.Binding, width int) {
	t.Helper()
	if w := ansi.StringWidth(footer); w > width {
		t.Errorf("%s: %d cells, window %d: %q", name, w, width, footer)
	}
	items := map[string]bool{}
	for _, b := range bindings {
		items[b.Help().Key+" "+b.Help().Desc] = true
	}
	for _, part := range strings.Split(strings.TrimSuffix(footer, " …"), " • ") {
		if part != "" && part != "…" && !items[part] {
			t.Errorf("%s at %d: %q is not a whole item of %q", name, width, part, footer)
		}
	}
}
