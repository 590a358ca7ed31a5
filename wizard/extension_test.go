package wizard

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
)

func TestExtensionUpdate(t *testing.T) {
	tests := []struct {
		name       string
		keys       []string
		wantSignal tea.Msg
		want       store.Extension
	}{
		{name: "starts on Flowgear", want: store.Flowgear},
		{name: "down moves to Reports", keys: []string{"down"}, want: store.Reports},
		{name: "j and k move", keys: []string{"j", "j", "k"}, want: store.Reports},
		{name: "down stops at Custom", keys: []string{"down", "down", "down", "down", "j"},
			want: store.Custom},
		{name: "up stops at Flowgear", keys: []string{"up", "k"}, want: store.Flowgear},
		{name: "enter submits the highlighted one", keys: []string{"down", "down", "enter"},
			want: store.Zapier, wantSignal: SubmitMsg{StepExtension}},
		{name: "esc goes back", keys: []string{"down", "esc"}, want: store.Reports,
			wantSignal: BackMsg{StepExtension}},
		{name: "shift+tab goes back", keys: []string{"shift+tab"}, want: store.Flowgear,
			wantSignal: BackMsg{StepExtension}},
		{name: "tab does nothing", keys: []string{"tab"}, want: store.Flowgear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newExtensionStep(testStyles).SetSize(80, 20)
			var sig tea.Msg
			for _, k := range tt.keys {
				var cmd tea.Cmd
				x, cmd = x.Update(press(k))
				sig = signal(drain(cmd))
			}
			if sig != tt.wantSignal {
				t.Errorf("signal = %#v, want %#v", sig, tt.wantSignal)
			}
			if x.Value() != tt.want {
				t.Errorf("Value = %s, want %s", x.Value(), tt.want)
			}
		})
	}
}

func TestExtensionShowsDescriptions(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 20}, {60, 12}, {60, 8}} {
		view := newExtensionStep(testStyles).SetSize(size.w, size.h).View()
		checkFits(t, view, size.w, size.h)
		for _, e := range store.Extensions {
			first := e.Description()[:20]
			if !strings.Contains(oneLineView(view), first) {
				t.Errorf("%dx%d: %s's description is missing:\n%s", size.w, size.h, e, view)
			}
		}
	}
}
