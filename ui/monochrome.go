package ui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
)

// MonochromeStyles are the styles for a terminal told not to use colour
// (NO_COLOR). They keep bold, faint, reverse and strikethrough, which
// NO_COLOR allows, so the row under the cursor, the field with the focus
// and the text cursor still show. r must render ANSI attributes: the
// default renderer drops every attribute along with the colours under
// NO_COLOR, which is what left the cursor invisible.
func MonochromeStyles(r *lipgloss.Renderer) Styles {
	base := r.NewStyle()
	bold, faint := base.Bold(true), base.Faint(true)
	tab := lipgloss.NormalBorder()
	s := Styles{
		App:      base.Padding(0, 1),
		Title:    bold,
		Subtitle: faint,
		Text:     base,
		Muted:    faint,
		Label:    bold,
		Value:    base,
		Error:    bold,
		Success:  base,
		Key:      bold,
		Box:      base.Border(lipgloss.RoundedBorder()).Padding(0, 1),
		Dialog:   base.Border(lipgloss.RoundedBorder()).Padding(0, 1),

		Header:   bold,
		Cell:     base,
		Selected: base.Reverse(true),

		TabActive:   bold.Border(tab, false, false, true, false),
		TabInactive: faint.Border(tab, false, false, true, false),

		StepDone:    base,
		StepCurrent: bold,
		StepTodo:    faint,

		Focused: bold,
		Blurred: faint,
	}
	s.statuses = map[store.Status]lipgloss.Style{
		store.StatusActive:   base,
		store.StatusExpiring: bold,
		store.StatusExpired:  bold,
		store.StatusDisabled: faint,
		store.StatusDeleted:  faint.Strikethrough(true),
	}
	return s
}
