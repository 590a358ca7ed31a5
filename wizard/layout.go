package wizard

import (
	"errors"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// fit keeps a block inside w x h: every line is cut to w cells with an
// ellipsis, and lines past h are dropped with the last kept one marked. It
// is the last thing every view does, so nothing typed can break the layout.
func fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	// Clamp first: ClampLines marks a cut by adding to the last line, which
	// the truncation then keeps inside w.
	lines := strings.Split(ui.ClampLines(s, h), "\n")
	for i, l := range lines {
		lines[i] = ui.Truncate(l, w)
	}
	return strings.Join(lines, "\n")
}

// padTo adds empty lines under s until it is h lines tall, so what follows
// it (the footer) stays in place as the step above changes.
func padTo(s string, h int) string {
	if n := h - lipgloss.Height(s); n > 0 {
		return s + strings.Repeat("\n", n)
	}
	return s
}

// fieldLabel is a field's label with its hint and, beside them, the reason
// the value was refused. The reason is cut rather than wrapped so that the
// field below never moves.
func fieldLabel(s ui.Styles, label, hint, reason string, w int) string {
	line := s.Label.Render(label)
	if hint != "" {
		line += " " + s.Muted.Render(hint)
	}
	if reason != "" {
		line += "  " + s.Error.Render("✗ "+reason)
	}
	return ui.Truncate(line, w)
}

// errorLine is a step's message for an error that belongs to no field,
// wrapped so the whole message can be read at any width.
func errorLine(s ui.Styles, msg string, w int) string {
	if msg == "" {
		return ""
	}
	return s.Error.Render(ui.Wrap("✗ "+msg, w))
}

// reason is what to show beside a field: a FieldError's message alone, as
// the field's label already names it, or the whole error otherwise.
func reason(err error) string {
	if err == nil {
		return ""
	}
	var fe *store.FieldError
	if errors.As(err, &fe) {
		return fe.Msg
	}
	return err.Error()
}

// fieldOf names the field a FieldError is about, or "" for other errors.
func fieldOf(err error) string {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

// A text field's prompt is heavy while the field has the focus and light
// otherwise. The colour says the same, but the glyph is what shows the
// focus without colour (NO_COLOR, or a monochrome terminal).
const (
	focusedPrompt = "┃ "
	blurredPrompt = "│ "
)

// cursorMark is drawn before the row under the cursor; in the ASCII
// profile, where styles vanish, it is what shows the cursor.
func cursorMark(selected bool) string {
	if selected {
		return "> "
	}
	return "  "
}
