package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// Lines the details screen keeps around the body: the tabs (labels and
// underline) or the step's title and a gap. The header, the gap under it,
// the status line and the help vary.
const detailsChrome = 2

// layout sizes the body for the window and fills it: the tab's content in
// the viewport, or the step being edited. Every change of state ends here,
// so the viewport always holds what the state says.
func (m details) layout() details {
	m.help.Width = m.width
	m.keys.relabel(m.tab, m.loaded, m.revealed, true)
	h := m.bodyHeight()

	switch m.mode {
	case modeEditGeneral:
		m.general = m.general.SetSize(m.width, h)
	case modeEditPermissions:
		m.perms = m.perms.SetSize(m.width, h)
	case modeExpiry:
		m.expiry = m.expiry.SetSize(m.width, h)
	}

	m.body.Width, m.body.Height = m.width, h
	content := ""
	content, m.headingRow = m.tabContent(m.width, h)
	m.body.SetContent(content)
	scrolls := m.body.TotalLineCount() > h
	if scrolls {
		// The bottom line says what is hidden above and below.
		m.body.Height = max(h-1, 1)
	}
	// The viewport keeps its offset when the window grows or the content
	// shrinks; past the end it would show a tab from partway down, with
	// blank lines under it and the keys to scroll back disabled.
	m.body.SetYOffset(m.body.YOffset)
	m.keys.relabel(m.tab, m.loaded, m.revealed, scrolls)
	return m
}

// bodyView is the tab's content in the viewport and, when it is taller
// than the screen, a line that says how much is above and below.
func (m details) bodyView() string {
	v := m.body.View()
	total := m.body.TotalLineCount()
	if total <= m.body.Height {
		return v
	}
	above := m.body.YOffset
	below := max(total-above-m.body.Height, 0)
	// A heading on the last line shown, its entries all below, reads as an
	// empty history: it waits below with them until one can show too.
	if last := above + m.body.Height - 1; below > 0 && m.headingRow == last {
		v = v[:strings.LastIndex(v, "\n")+1]
		below++
	}
	return v + "\n" + m.styles.Muted.Render(ui.MoreMarks(above, below))
}

// bodyHeight is what the header, the tabs and the footer leave.
func (m details) bodyHeight() int {
	used := lipgloss.Height(m.header()) + m.headerGap() + detailsChrome +
		m.status.height(m.width) + lipgloss.Height(m.footer())
	return max(m.height-used, 1)
}

// headerGap is the blank line under the header, or none on a window too
// short for the Statistics chart with it (60x16, where the header wraps):
// a gap is worth less than the chart. It is the same on every tab, so the
// tabs do not move when switched, and it counts the status line as one
// line, so a message coming and going does not move them either.
func (m details) headerGap() int {
	used := lipgloss.Height(m.header()) + 1 + detailsChrome + 1 + lipgloss.Height(m.footer())
	if m.height-used < statsMinHeight {
		return 0
	}
	return 1
}

// view draws the screen, and over it the menu or the question when open.
func (m details) view() string {
	s := m.styles
	var b strings.Builder
	b.WriteString(m.header() + "\n" + strings.Repeat("\n", m.headerGap()))

	switch {
	case m.mode == modeEditGeneral && m.discard.Open():
		b.WriteString(m.stepTitle("Edit token", "General") + "\n\n" +
			m.discard.View(m.width, m.bodyHeight()))
	case m.mode == modeEditGeneral:
		b.WriteString(m.stepTitle("Edit token", "General") + "\n\n" + m.general.View())
	case m.mode == modeEditPermissions:
		b.WriteString(m.stepTitle("Edit token", "Permissions") + "\n\n" + m.perms.View())
	case m.mode == modeExpiry:
		b.WriteString(m.stepTitle(m.pending.label()+" token", "choose when the new key expires") +
			"\n\n" + m.expiry.View())
	default:
		b.WriteString(m.tabs() + "\n" + m.bodyView())
	}
	footer := m.footer()
	top := fit(b.String(), m.width,
		m.height-m.status.height(m.width)-lipgloss.Height(footer))
	out := top + "\n" + m.status.view(s, m.width) + "\n" + footer
	out = fit(out, m.width, m.height)

	switch {
	case m.confirming:
		dialog := m.confirm.view(s, min(64, m.width-4))
		dw, dh := lipgloss.Size(dialog)
		out = dialogAt(out, dialog, (m.width-dw)/2, (m.height-dh)/2, m.width, m.height)
	case m.menuOpen:
		dialog := m.menu.view(s)
		dw, _ := lipgloss.Size(dialog)
		top := lipgloss.Height(m.header()) + m.headerGap() + detailsChrome // under the tabs
		out = dialogAt(out, dialog, m.width-dw-2, top, m.width, m.height)
	}
	return out
}

// footer is the help for the keys that work now.
func (m details) footer() string { return ui.HelpView(m.help, m.keyMap(), m.width) }

// header is the token's name over its ID, status, extension, permissions
// and expiry, wrapped between items when the window is narrow.
func (m details) header() string {
	s := m.styles
	if !m.loaded {
		return s.Title.Render(ui.Truncate("Token "+m.id, m.width)) + "\n" +
			s.Muted.Render("Loading…")
	}
	t := m.token
	status := t.Status(m.now())
	items := []string{
		s.Text.Render(t.ID),
		s.Status(status).Render(string(status)),
		s.Text.Render(string(t.Extension)),
		s.Muted.Render("Permissions ") + s.Text.Render(permissionsText(t.Permissions)),
		s.Text.Render(expiryText(t, status)),
	}
	return s.Title.Render(ui.Truncate(ui.OneLine(t.Name), m.width)) + "\n" +
		flow(items, s.Muted.Render(" · "), m.width)
}

// permissionsText is "Full" for All Modules, else the count.
func permissionsText(p store.Permissions) string {
	if p.All {
		return "Full"
	}
	return plural(len(p.Modules), "module", "modules")
}

// expiryText says when the key stops or stopped working.
func expiryText(t store.Token, status store.Status) string {
	switch {
	case t.ExpiresAt == nil:
		return "Never expires"
	case status == store.StatusExpired:
		return "Expired " + dates.Format(t.ExpiresAt)
	}
	return "Expires " + dates.Format(t.ExpiresAt)
}

// tabs draws the tab labels over an underline, heavy under the open tab,
// so the open one shows without colour too.
func (m details) tabs() string {
	s := m.styles
	var labels, lines strings.Builder
	for t := range tabCount {
		label := " " + t.String() + " "
		w := lipgloss.Width(label)
		if t == m.tab {
			labels.WriteString(s.Title.Render(label))
			lines.WriteString(s.Focused.Render(strings.Repeat("━", w)))
		} else {
			labels.WriteString(s.Muted.Render(label))
			lines.WriteString(s.Blurred.Render(strings.Repeat("─", w)))
		}
		labels.WriteString(" ")
		lines.WriteString(s.Blurred.Render("─"))
	}
	if rest := m.width - lipgloss.Width(lines.String()); rest > 0 {
		lines.WriteString(s.Blurred.Render(strings.Repeat("─", rest)))
	}
	return ui.Truncate(labels.String(), m.width) + "\n" + ui.Truncate(lines.String(), m.width)
}

// stepTitle heads an edit or an expiry step in place of the tabs.
func (m details) stepTitle(what, step string) string {
	s := m.styles
	return ui.Truncate(s.Label.Render(what)+s.Muted.Render(" · "+step), m.width)
}

// tabContent is the open tab's content for the viewport.
func (m details) tabContent(w, h int) (content string, headingRow int) {
	if !m.loaded {
		return "", -1
	}
	switch m.tab {
	case tabStatistics:
		return m.stats.view(m.styles, m.token, w, h, m.color), -1
	case tabPermissions:
		return permissionsView(m.styles, m.token.Permissions, w, h), -1
	}
	return m.generalView(w)
}
