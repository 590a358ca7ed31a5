package wizard

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// keyMap is the footer's keys: the open question's, or the step's.
func (m Model) keyMap() help.KeyMap {
	if m.discard.Open() {
		return m.discard.KeyMap()
	}
	switch m.step {
	case StepGeneral:
		return m.general.KeyMap()
	case StepExpiration:
		return m.expiration.KeyMap()
	case StepExtension:
		return m.extension.KeyMap()
	case StepPermissions:
		return m.permissions.KeyMap()
	}
	return m.summary.KeyMap()
}

// View draws the header, the step on screen and the footer, never larger
// than the size given.
func (m Model) View() string {
	if ui.TooSmall(m.width, m.height) {
		return ui.TooSmallView(m.styles, m.width, m.height)
	}
	s := m.styles

	title := s.Title.Render("Create Token") + "  " + s.Muted.Render(m.progress())
	steps := stepper(s, m.step, m.extension.Value() == store.Reports, m.stepDone, m.width)

	var b strings.Builder
	b.WriteString(title + "\n" + steps + "\n\n")
	b.WriteString(padTo(m.body(), m.bodyHeight()))
	b.WriteString("\n\n" + m.footer())
	return fit(b.String(), m.width, m.height)
}

// progress is the title's note: where the user is, or that saving runs.
func (m Model) progress() string {
	switch {
	case m.saving:
		return "Creating the token…"
	case m.step == StepSummary:
		return "Done"
	}
	return fmt.Sprintf("Step %d of %d", int(m.step)+1, len(steps))
}

func (m Model) body() string {
	if m.discard.Open() {
		return m.discard.View(m.width, m.bodyHeight())
	}
	switch m.step {
	case StepGeneral:
		return m.general.View()
	case StepExpiration:
		return m.expiration.View()
	case StepExtension:
		return m.extension.View()
	case StepPermissions:
		return m.permissions.View()
	}
	return m.summary.View()
}
