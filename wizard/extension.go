package wizard

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// extensionStep chooses what the token is for. Only the wizard uses it:
// the extension is fixed once the token exists.
type extensionStep struct {
	styles  ui.Styles
	keys    listKeys
	cursor  int // index into store.Extensions
	stepErr string

	width, height int
}

func newExtensionStep(styles ui.Styles) extensionStep {
	x := extensionStep{styles: styles, keys: newListKeys()}
	x.keys.NextField.SetEnabled(false) // one list, no other field
	x.keys.Next.SetHelp("enter", "next step")
	return x.SetSize(ui.MinWidth, ui.MinHeight)
}

// SetSize gives the step its area.
func (x extensionStep) SetSize(w, h int) extensionStep {
	x.width, x.height = w, h
	return x
}

// Typing is false: the step is a list.
func (x extensionStep) Typing() bool { return false }

// Value is the highlighted extension.
func (x extensionStep) Value() store.Extension { return store.Extensions[x.cursor] }

// setSubmitLabel says what enter does: the next step, or creating the
// token at once for Reports, which has no Permissions step.
func (x extensionStep) setSubmitLabel(label string) extensionStep {
	x.keys.Next.SetHelp("enter", label)
	return x
}

// SetError shows an error from the store under the list; only a Reports
// token is saved from this step.
func (x extensionStep) SetError(err error) extensionStep {
	if err != nil {
		x.stepErr = err.Error()
	}
	return x
}

// KeyMap is the step's keys, for the footer.
func (x extensionStep) KeyMap() help.KeyMap { return x.keys }

// Update moves through the list; enter sends SubmitMsg, esc and shift+tab
// send BackMsg.
func (x extensionStep) Update(msg tea.Msg) (extensionStep, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return x, nil
	}
	switch {
	case key.Matches(km, x.keys.Back), key.Matches(km, x.keys.Prev):
		return x, emit(BackMsg{Step: StepExtension})
	case key.Matches(km, x.keys.Up):
		x.cursor = max(x.cursor-1, 0)
		x.stepErr = ""
	case key.Matches(km, x.keys.Down):
		x.cursor = min(x.cursor+1, len(store.Extensions)-1)
		x.stepErr = ""
	case key.Matches(km, x.keys.Next):
		return x, emit(SubmitMsg{Step: StepExtension})
	}
	return x, nil
}

// View lists the four extensions, each with its description under it.
// Descriptions wrap when the window is narrow, and are cut to one line
// each when even that does not fit the height.
func (x extensionStep) View() string {
	view := x.render(true)
	if lipgloss.Height(view) > x.height {
		view = x.render(false)
	}
	return fit(view, x.width, x.height)
}

func (x extensionStep) render(wrap bool) string {
	s, w := x.styles, x.width
	const pad = 4 // the description sits under the name, past the cursor mark

	var b strings.Builder
	for i, e := range store.Extensions {
		name := s.Text.Render(string(e))
		if i == x.cursor {
			name = s.Selected.Render(string(e))
		}
		b.WriteString(cursorMark(i == x.cursor) + name + "\n")

		desc := ui.Truncate(e.Description(), w-pad)
		if wrap {
			desc = ui.Wrap(e.Description(), w-pad)
		}
		b.WriteString(indent(s.Muted.Render(desc), pad) + "\n")
	}
	if x.stepErr != "" {
		b.WriteString("\n" + errorLine(s, x.stepErr, w))
	}
	return strings.TrimSuffix(b.String(), "\n")
}
