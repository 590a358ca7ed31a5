// Package tui is the interactive terminal UI: the token list, the wizard
// and the details screen, routed by one root model.
package tui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// Run shows the TUI on the terminal until the user quits. Nothing is
// printed while it runs; log gets what is worth keeping.
func Run(ctx context.Context, st *store.Store, log *slog.Logger) (err error) {
	// The adaptive colours need the terminal's background. Asking means
	// reading the terminal's answer from stdin, so it must happen before
	// Bubble Tea owns stdin; afterwards the answer would arrive as keys.
	lipgloss.HasDarkBackground()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d := deps{
		ctx:    ctx,
		st:     st,
		styles: stylesFor(termenv.NewOutput(os.Stdout)),
		log:    log,
		copier: systemCopier(os.Stdout),
		tick:   tea.Tick,
		color:  lipgloss.ColorProfile() != termenv.Ascii,
	}

	p := tea.NewProgram(newRoot(d), tea.WithAltScreen(), tea.WithContext(ctx))
	// Bubble Tea restores the terminal after a panic in the event loop or
	// in a command. This is the last net, for a panic on Run's own way in
	// or out, and it makes sure the terminal is given back.
	defer func() {
		if r := recover(); r != nil {
			p.Kill()
			_ = p.ReleaseTerminal()
			log.Error("tui panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("the terminal UI stopped on an internal error: %v", r)
		}
	}()

	_, err = p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		log.Error("tui stopped on a panic", "err", err)
		return errors.New(
			"the terminal UI stopped on an internal error; the terminal was restored")
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		// Stopped from outside, such as by a signal: not a failure.
		return nil
	case err != nil:
		return fmt.Errorf("terminal UI: %w", err)
	}
	log.Info("tui quit")
	return nil
}

// stylesFor picks the styles for the terminal out. Under NO_COLOR the
// default renderer drops bold and reverse along with the colours, which
// leaves no way to see the focused field, the selected row or the text
// cursor; a terminal that can show attributes gets them without colour.
// A terminal that shows none (TERM=dumb) keeps the plain styles.
func stylesFor(out *termenv.Output) ui.Styles {
	if !out.EnvNoColor() || out.ColorProfile() == termenv.Ascii {
		return ui.DefaultStyles()
	}
	// Set after the fact: a renderer works its profile out from the
	// environment, NO_COLOR included, whatever its output was told.
	r := lipgloss.NewRenderer(out)
	r.SetColorProfile(termenv.ANSI)
	return ui.MonochromeStyles(r)
}
