package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// labelWidth lines the General tab's values up in a column.
const labelWidth = len("Previous key") + 2

// generalView is the General tab in w columns: the key, the token's fields
// and its history, newest change first. It also gives the History
// heading's line, which bodyView keeps from showing without an entry.
func (m details) generalView(w int) (content string, headingRow int) {
	s, t := m.styles, m.token
	valueW := max(w-labelWidth, 10)
	var b strings.Builder
	field := func(label, value string) {
		lines := strings.Split(value, "\n")
		for i, l := range lines {
			if i == 0 {
				b.WriteString(s.Label.Render(pad(label, labelWidth)) + l + "\n")
			} else {
				b.WriteString(strings.Repeat(" ", labelWidth) + l + "\n")
			}
		}
	}

	if key := m.keyView(); m.revealed && labelWidth+ansi.StringWidth(m.token.Key()) > w {
		// Too long for beside its label: on a line of its own, unbroken
		// and not indented, so it can be selected with the mouse.
		b.WriteString(s.Label.Render("API key") + "\n" + key + "\n")
	} else {
		field("API key", key)
	}
	hint := "v reveal · c copy"
	if m.revealed {
		hint = "v hide · c copy"
	}
	field("", s.Muted.Render(hint))
	b.WriteString("\n")

	field("Description", s.Value.Render(ui.Wrap(t.Description, valueW)))
	field("Extension", s.Value.Render(string(t.Extension))+"\n"+
		s.Muted.Render(ui.Wrap(t.Extension.Description(), valueW)))
	field("External ID", orDash(s.Value.Render(ui.Truncate(t.ExternalID, valueW)), t.ExternalID))
	field("Created", s.Value.Render(dates.Format(&t.CreatedAt)))
	field("Updated", s.Value.Render(dates.Format(&t.UpdatedAt)))
	field("Last used", s.Value.Render(dates.Format(t.LastUsedAt)))
	// After a renewal the old key keeps working for a while; say until when.
	if until := t.PreviousKeyUntil(m.now()); until != nil {
		field("Previous key", s.Value.Render("works until "+dates.Format(until)))
	}

	b.WriteString("\n")
	headingRow = strings.Count(b.String(), "\n")
	b.WriteString(s.Label.Render("History") + "\n" + m.historyView(w))
	return strings.TrimSuffix(b.String(), "\n"), headingRow
}

// historyView is the token's changes, newest first: the latest change is
// what a reader usually wants, and a long history then runs off the bottom
// rather than hiding it.
func (m details) historyView(w int) string {
	s := m.styles
	var b strings.Builder
	indent := len(dates.Layout) + 2
	for i := len(m.events) - 1; i >= 0; i-- {
		e := m.events[i]
		text := strings.Split(ui.Wrap(eventText(e), max(w-indent, 10)), "\n")
		b.WriteString(s.Muted.Render(dates.Format(&e.At)) + "  " + s.Value.Render(text[0]) + "\n")
		for _, more := range text[1:] {
			b.WriteString(strings.Repeat(" ", indent) + s.Value.Render(more) + "\n")
		}
	}
	return b.String()
}

// keyView is the key masked, or whole when revealed.
func (m details) keyView() string {
	if !m.revealed {
		return m.styles.Key.Render(m.token.MaskedKey())
	}
	return m.styles.Key.Render(m.token.Key())
}

func orDash(rendered, raw string) string {
	if strings.TrimSpace(raw) == "" {
		return "—"
	}
	return rendered
}

// eventText is a history line: what happened and, when known, what changed.
func eventText(e store.Event) string {
	kind := string(e.Kind)
	if kind != "" {
		kind = strings.ToUpper(kind[:1]) + kind[1:]
	}
	detail := dates.EventDetail(e)
	if detail == "" {
		return kind
	}
	return kind + ": " + detail
}
