package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/atotto/clipboard"
	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// copier puts a key on the clipboard two ways, since neither works
// everywhere: an OSC 52 sequence written to the terminal, which reaches the
// clipboard of the machine the user sits at even over SSH, and the system
// clipboard through xclip, xsel or wl-copy, which works where the terminal
// ignores OSC 52.
type copier struct {
	// terminal is the program's output, where the OSC 52 sequence goes;
	// nil when there is none.
	terminal io.Writer
	// system writes the system clipboard.
	system func(string) error
	// getenv reads the environment, to tell a terminal that drops OSC 52.
	getenv func(string) string
	// tmuxClipboard reads tmux's set-clipboard option when inside tmux.
	tmuxClipboard func(ctx context.Context) (string, error)
}

// systemCopier is the copier for a real terminal.
func systemCopier(terminal io.Writer) copier {
	return copier{
		terminal:      terminal,
		system:        writeSystemClipboard,
		getenv:        os.Getenv,
		tmuxClipboard: tmuxSetClipboard,
	}
}

// copiedMsg says how copying went each way; nil means that way worked.
type copiedMsg struct {
	by       screen
	terminal error
	system   error
}

// copied reports whether the key reached a clipboard at all.
func (m copiedMsg) copied() bool { return m.terminal == nil || m.system == nil }

// text is the status line: "API key copied", how, or why not.
func (m copiedMsg) text() string {
	switch {
	case m.system == nil:
		return "API key copied"
	case m.terminal == nil:
		return "API key copied through the terminal (OSC 52)"
	}
	// Short enough to read whole on two lines at 80 columns: what to do
	// now, then why each way failed, with the fix where there is one.
	return fmt.Sprintf("Could not copy the API key; select it above by hand. Terminal: %v. "+
		"System: %v.", m.terminal, m.system)
}

// copy puts key on both clipboards in a command.
func (c copier) copy(by screen, key string) tea.Cmd {
	return func() tea.Msg {
		return copiedMsg{by: by, terminal: c.toTerminal(key), system: c.toSystem(key)}
	}
}

// toTerminal writes the OSC 52 sequence, after ruling out the terminals
// known to drop it, whose silence would otherwise read as success.
func (c copier) toTerminal(key string) error {
	if c.terminal == nil {
		return errors.New("no terminal")
	}
	switch term := c.getenv("TERM"); {
	case term == "dumb":
		return errors.New("TERM=dumb has no clipboard")
	case term == "linux":
		return errors.New("the Linux console has no clipboard")
	}
	if c.getenv("TMUX") != "" && c.tmuxClipboard != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// tmux passes OSC 52 on only with set-clipboard on; "external"
		// and "off" drop what programs send.
		if v, err := c.tmuxClipboard(ctx); err == nil && v != "on" {
			return errors.New("tmux drops it (tmux set -g set-clipboard on)")
		}
	}
	// One write, so the sequence cannot be split by the renderer's output.
	if _, err := io.WriteString(c.terminal, osc52.New(key).String()); err != nil {
		return fmt.Errorf("the terminal refused it (%w)", err)
	}
	return nil
}

func (c copier) toSystem(key string) error {
	if c.system == nil {
		return errors.New("no system clipboard")
	}
	return c.system(key)
}

// writeSystemClipboard uses xclip, xsel or wl-copy, with a shorter reason
// than the library's when none is installed.
func writeSystemClipboard(key string) error {
	if clipboard.Unsupported {
		return errors.New("install xclip, xsel or wl-clipboard")
	}
	if err := clipboard.WriteAll(key); err != nil {
		return fmt.Errorf("it failed (%v)", err)
	}
	return nil
}

// tmuxSetClipboard asks the tmux server the program runs in for its
// set-clipboard option.
func tmuxSetClipboard(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "tmux", "show-options", "-gv", "set-clipboard").Output()
	return strings.TrimSpace(string(out)), err
}
