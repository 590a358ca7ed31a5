package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFullHelpFits checks the full help of every step at the narrowest
// width: nothing cut, ? says fewer, and ctrl+c is listed.
func TestFullHelpFits(t *testing.T) {
	st := openStore(t)
	for name, ks := range map[string][]string{
		"Expiration":  fillGeneral,
		"Extension":   keys(fillGeneral, pickOneMonth),
		"Permissions": keys(fillGeneral, pickOneMonth, []string{"enter"}),
	} {
		m, _ := drive(newWizard(t, st).SetSize(60, 24), keys(ks, []string{"?"})...)
		v := m.View()
		footer := v[strings.LastIndex(v, "\n\n")+2:]
		if strings.Contains(footer, "…") || !strings.Contains(footer, "fewer") ||
			!strings.Contains(footer, "ctrl+c") || !strings.Contains(footer, "quit") {
			t.Errorf("%s: full help\n%s", name, footer)
		}
		checkFits(t, v, 60, 24)
		if strings.Contains(ansi.Strip(v), "? more") {
			t.Errorf("%s: full help says ? more:\n%s", name, v)
		}
	}
}
