package tui

import (
	"context"
	"log/slog"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// deps is what every screen needs from outside: the store, the styles built
// once, the logger and the ways to copy a key. Screens hold a copy; nothing
// in it changes after Run starts.
type deps struct {
	ctx    context.Context
	st     *store.Store
	styles ui.Styles
	log    *slog.Logger
	copier copier
	// tick starts a timer: tea.Tick, which tests replace so that they
	// never wait on the clock.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// color is false when the terminal shows no colour (NO_COLOR, or a
	// dumb terminal); the chart is then drawn without colour codes.
	color bool
}

// now is the store's clock, so a status shown agrees with the store's.
func (d deps) now() time.Time { return d.st.Now() }
