package wizard

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/ui"
)

// stepState is how the header shows a step.
type stepState int

const (
	stepTodo stepState = iota
	stepCurrent
	stepDone
	stepSkipped // Permissions for a Reports token
)

// Marks carry the state in text too, because the ASCII profile drops the
// colours that otherwise tell the states apart.
var stepMarks = map[stepState]string{
	stepTodo: "○", stepCurrent: "●", stepDone: "✓", stepSkipped: "–",
}

// stepper draws the five steps on one line; done says which steps to
// tick. It tries, in order: every label with arrows, every label closer
// together, then only the current step's label with numbers for the rest;
// what still does not fit is cut.
func stepper(s ui.Styles, current Step, reports bool, done func(Step) bool, w int) string {
	states := make([]stepState, len(steps))
	for i, st := range steps {
		switch {
		case st == current:
			states[i] = stepCurrent
		case st == StepPermissions && reports:
			states[i] = stepSkipped
		case done(st):
			states[i] = stepDone
		}
	}

	for _, v := range []struct {
		sep     string
		compact bool
	}{{" › ", false}, {"  ", false}, {" › ", true}} {
		line := renderSteps(s, states, v.sep, v.compact)
		if lipgloss.Width(line) <= w {
			return line
		}
	}
	return ui.Truncate(renderSteps(s, states, " ", true), w)
}

func renderSteps(s ui.Styles, states []stepState, sep string, compact bool) string {
	parts := make([]string, len(steps))
	for i, st := range steps {
		label := st.String()
		if states[i] == stepSkipped {
			label += " (Reports only)"
		}
		if compact && states[i] != stepCurrent {
			label = fmt.Sprint(i + 1)
		}
		text := stepMarks[states[i]] + " " + label

		switch states[i] {
		case stepCurrent:
			parts[i] = s.StepCurrent.Render(text)
		case stepDone:
			parts[i] = s.StepDone.Render(text)
		default:
			parts[i] = s.StepTodo.Render(text)
		}
	}
	return strings.Join(parts, s.Muted.Render(sep))
}
