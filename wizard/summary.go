package wizard

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// summary shows the token just created and offers its details or the list.
type summary struct {
	styles ui.Styles
	keys   summaryKeys
	token  store.Token

	width, height int
}

func newSummary(styles ui.Styles, t store.Token) summary {
	m := summary{styles: styles, keys: newSummaryKeys(), token: t}
	return m.SetSize(ui.MinWidth, ui.MinHeight)
}

// SetSize gives the step its area.
func (m summary) SetSize(w, h int) summary {
	m.width, m.height = w, h
	return m
}

// KeyMap is the step's keys, for the footer.
func (m summary) KeyMap() help.KeyMap { return m.keys }

// Update ends the wizard: enter goes to the token's details, esc closes.
func (m summary) Update(msg tea.Msg) (summary, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(km, m.keys.Details):
		return m, emit(DoneMsg{Token: m.token, GoToDetails: true})
	case key.Matches(km, m.keys.Close):
		return m, emit(DoneMsg{Token: m.token, GoToDetails: false})
	}
	return m, nil
}

// summaryLabelWidth lines the values up after the longest label.
const summaryLabelWidth = len("External ID") + 2

// View lists what was created, long values wrapped under their label's
// column, then the two ways out. When the window is short the gaps go,
// then values keep to one line, so the ways out always stay on screen.
func (m summary) View() string {
	s := m.styles
	buttons := s.Selected.Render("[ Go to Details ]") + "  " + s.Muted.Render("enter") +
		"    " + s.Text.Render("[ Close ]") + "  " + s.Muted.Render("esc")

	for _, gap := range []string{"\n\n", "\n"} {
		view := m.details(3, gap) + gap + buttons
		if lipgloss.Height(view) <= m.height {
			return fit(view, m.width, m.height)
		}
	}
	view := fit(m.details(1, "\n"), m.width, m.height-1) + "\n" + buttons
	return fit(view, m.width, m.height)
}

// details is the heading and the token's fields, each value kept to at
// most maxLines lines; gap separates the heading from the fields.
func (m summary) details(maxLines int, gap string) string {
	t := m.token
	var b strings.Builder
	b.WriteString(m.styles.Success.Render("✓ Token created") + gap)
	m.field(&b, "Name", t.Name, maxLines)
	m.field(&b, "ID", t.ID, 1)
	if t.ExternalID != "" {
		m.field(&b, "External ID", t.ExternalID, maxLines)
	}
	m.field(&b, "Extension", string(t.Extension), 1)
	m.field(&b, "Expires", dates.Format(t.ExpiresAt), 1)
	m.field(&b, "Permissions", t.Permissions.Summary(), maxLines)
	return strings.TrimSuffix(b.String(), "\n")
}

// field writes one labelled value, wrapped to at most maxLines lines; a
// cut value ends with an ellipsis.
func (m summary) field(b *strings.Builder, label, value string, maxLines int) {
	s := m.styles
	valueWidth := max(m.width-summaryLabelWidth, 1)
	text := ui.Truncate(ui.OneLine(value), valueWidth)
	if maxLines > 1 {
		text = ui.ClampLines(ui.Wrap(ui.OneLine(value), valueWidth), maxLines)
	}
	for i, l := range strings.Split(text, "\n") {
		head := strings.Repeat(" ", summaryLabelWidth)
		if i == 0 {
			head = s.Label.Render(label) + strings.Repeat(" ", summaryLabelWidth-len(label))
		}
		b.WriteString(head + s.Value.Render(l) + "\n")
	}
}
