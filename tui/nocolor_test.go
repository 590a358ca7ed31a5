package tui

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// environ is a made-up environment for termenv.
type environ map[string]string

func (e environ) Environ() []string {
	var out []string
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	return out
}

func (e environ) Getenv(k string) string { return e[k] }

// reverse matches an SGR sequence that turns on reverse video, alone or
// with other attributes.
var reverse = regexp.MustCompile(`\x1b\[([0-9;]*;)?7(;[0-9;]*)?m`)

// colour matches an SGR sequence that sets a colour.
var colour = regexp.MustCompile(`\x1b\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]`)

// TestNoColorKeepsFocusVisible checks that under NO_COLOR the program
// draws no colour but keeps what shows where the user is: the row under
// the cursor and the text cursor, in reverse video. A terminal that can
// draw nothing (TERM=dumb) gets plain text.
func TestNoColorKeepsFocusVisible(t *testing.T) {
	term := func(env environ) *termenv.Output {
		return termenv.NewOutput(io.Discard, termenv.WithTTY(true), termenv.WithEnvironment(env))
	}
	mono := stylesFor(term(environ{"NO_COLOR": "1", "TERM": "xterm-256color"}))
	if got := mono.Selected.Render("row"); !reverse.MatchString(got) || colour.MatchString(got) {
		t.Errorf("selected row under NO_COLOR: %q", got)
	}
	dumb := stylesFor(term(environ{"NO_COLOR": "1", "TERM": "dumb"}))
	if got := dumb.Selected.Render("row"); got != "row" {
		t.Errorf("selected row on a dumb terminal: %q", got)
	}

	e := newEnv(t)
	e.d.styles = mono
	tok := e.seedFew()[0]
	screens := map[string]root{
		"list":   e.started(80, 24),
		"filter": keys(e.started(80, 24), "/"),
		"wizard": keys(e.started(80, 24), "n"),
		"edit":   keys(e.opened(tok, 80, 24), "e"),
	}
	for name, m := range screens {
		v := m.View()
		if !reverse.MatchString(v) {
			t.Errorf("%s: nothing in reverse video, so no cursor shows: %q", name, v)
		}
		if c := colour.FindString(v); c != "" {
			t.Errorf("%s: colour %q under NO_COLOR", name, c)
		}
		if name == "edit" && !strings.Contains(v, "┃") {
			t.Errorf("edit: no focused field")
		}
	}
}
