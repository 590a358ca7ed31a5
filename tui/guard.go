package tui

import (
	"fmt"
	"log/slog"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
)

// panicMsg reports a panic recovered inside a command or an update. The
// program keeps running and the terminal stays usable; the root shows the
// error and the log gets the stack.
type panicMsg struct{ err error }

// guard wraps a command so that a panic in it becomes a panicMsg instead of
// ending the program. Bubble Tea v1 recovers panics in commands too, but it
// then prints the stack over the screen and kills the program; here the
// user keeps working. The commands a batch holds are wrapped as the batch
// is opened, since Bubble Tea runs each in its own goroutine.
func guard(log *slog.Logger, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = recovered(log, "command", r)
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = guard(log, c)
			}
			return guarded
		}
		return msg
	}
}

// recovered logs a recovered panic with its stack and turns it into the
// message the root shows.
func recovered(log *slog.Logger, where string, r any) panicMsg {
	log.Error("recovered panic", "in", where, "panic", fmt.Sprint(r),
		"stack", string(debug.Stack()))
	return panicMsg{err: fmt.Errorf("internal error in %s: %v (details in the log)", where, r)}
}
