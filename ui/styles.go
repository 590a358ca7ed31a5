// Package ui holds what every screen shares: the styles, built once, and
// the small layout helpers that keep a view inside its window.
package ui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
)

// Palette: adaptive colours, so both light and dark terminals read well.
var (
	colorAccent  = lipgloss.AdaptiveColor{Light: "#5A3FD6", Dark: "#A594FF"}
	colorText    = lipgloss.AdaptiveColor{Light: "#1F1F1F", Dark: "#E6E6E6"}
	colorMuted   = lipgloss.AdaptiveColor{Light: "#737373", Dark: "#8C8C8C"}
	colorBorder  = lipgloss.AdaptiveColor{Light: "#C8C8C8", Dark: "#4A4A4A"}
	colorSelect  = lipgloss.AdaptiveColor{Light: "#EAE6FF", Dark: "#2F2A4F"}
	colorGood    = lipgloss.AdaptiveColor{Light: "#17803D", Dark: "#4ADE80"}
	colorWarn    = lipgloss.AdaptiveColor{Light: "#A15C00", Dark: "#FBBF24"}
	colorBad     = lipgloss.AdaptiveColor{Light: "#B91C1C", Dark: "#F87171"}
	colorNeutral = lipgloss.AdaptiveColor{Light: "#525252", Dark: "#A3A3A3"}
)

// Styles is every style the program draws with. Build it once with
// DefaultStyles and pass it down; views never create styles themselves.
type Styles struct {
	App      lipgloss.Style // padding around every screen
	Title    lipgloss.Style // a screen's heading
	Subtitle lipgloss.Style // secondary heading text
	Text     lipgloss.Style
	Muted    lipgloss.Style // hints, placeholders, secondary values
	Label    lipgloss.Style // a field's label
	Value    lipgloss.Style // a field's value
	Error    lipgloss.Style // a reason beside a field, or a failed action
	Success  lipgloss.Style // a finished action
	Key      lipgloss.Style // the API key
	Box      lipgloss.Style // a bordered panel
	Dialog   lipgloss.Style // a confirmation or menu over a screen

	// Table and menus.
	Header   lipgloss.Style
	Cell     lipgloss.Style
	Selected lipgloss.Style // the row or item under the cursor

	// Tabs on the details screen.
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style

	// Wizard stepper.
	StepDone    lipgloss.Style
	StepCurrent lipgloss.Style
	StepTodo    lipgloss.Style

	// Focus marks the field that takes input.
	Focused lipgloss.Style
	Blurred lipgloss.Style

	statuses map[store.Status]lipgloss.Style
}

// DefaultStyles builds the styles from the palette.
func DefaultStyles() Styles {
	base := lipgloss.NewStyle()
	s := Styles{
		App:      base.Padding(0, 1),
		Title:    base.Bold(true).Foreground(colorAccent),
		Subtitle: base.Foreground(colorMuted),
		Text:     base.Foreground(colorText),
		Muted:    base.Foreground(colorMuted),
		Label:    base.Bold(true).Foreground(colorText),
		Value:    base.Foreground(colorText),
		Error:    base.Foreground(colorBad),
		Success:  base.Foreground(colorGood),
		Key:      base.Foreground(colorAccent),
		Box:      base.Border(lipgloss.RoundedBorder()).BorderForeground(colorBorder).Padding(0, 1),
		Dialog: base.Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent).
			Padding(0, 1),

		Header:   base.Bold(true).Foreground(colorMuted),
		Cell:     base.Foreground(colorText),
		Selected: base.Bold(true).Foreground(colorAccent).Background(colorSelect),

		TabActive: base.Bold(true).Foreground(colorAccent).
			Border(lipgloss.NormalBorder(), false, false, true, false).
			BorderForeground(colorAccent),
		TabInactive: base.Foreground(colorMuted).
			Border(lipgloss.NormalBorder(), false, false, true, false).
			BorderForeground(colorBorder),

		StepDone:    base.Foreground(colorGood),
		StepCurrent: base.Bold(true).Foreground(colorAccent),
		StepTodo:    base.Foreground(colorMuted),

		Focused: base.Foreground(colorAccent),
		Blurred: base.Foreground(colorMuted),
	}
	s.statuses = map[store.Status]lipgloss.Style{
		store.StatusActive:   base.Foreground(colorGood),
		store.StatusExpiring: base.Foreground(colorWarn),
		store.StatusExpired:  base.Foreground(colorBad),
		store.StatusDisabled: base.Foreground(colorNeutral),
		store.StatusDeleted:  base.Foreground(colorNeutral).Strikethrough(true),
	}
	return s
}

// Status is the style for a token status; each status has its own colour.
func (s Styles) Status(st store.Status) lipgloss.Style {
	if style, ok := s.statuses[st]; ok {
		return style
	}
	return s.Text
}
