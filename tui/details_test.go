package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// opened is the root model showing the details of tok.
func (e *env) opened(tok store.Token, w, h int) root {
	m := e.started(w, h)
	return settle(m, openDetailsMsg{id: tok.ID})
}

// TestDetailsTabs checks every way of switching tabs.
func TestDetailsTabs(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	tests := []struct {
		keys []string
		want tab
	}{
		{nil, tabGeneral},
		{[]string{"tab"}, tabStatistics},
		{[]string{"tab", "tab", "tab"}, tabGeneral},
		{[]string{"shift+tab"}, tabPermissions},
		{[]string{"right", "right"}, tabPermissions},
		{[]string{"left"}, tabPermissions},
		{[]string{"3", "1"}, tabGeneral},
		{[]string{"2"}, tabStatistics},
	}
	for _, tc := range tests {
		m := keys(e.opened(tok, 80, 24), tc.keys...)
		if m.details.tab != tc.want {
			t.Errorf("%v: tab %s, want %s", tc.keys, m.details.tab, tc.want)
		}
		checkFits(t, m.View(), 80, 24)
	}
}

// TestDetailsKey checks revealing and copying the key.
func TestDetailsKey(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	m := e.opened(tok, 80, 24)
	if strings.Contains(m.View(), tok.Secret.Reveal()) {
		t.Fatal("the secret shows before v")
	}
	m = keys(m, "v")
	if !strings.Contains(m.View(), tok.Key()) {
		t.Fatalf("v did not reveal the key:\n%s", m.View())
	}
	m = keys(m, "v", "c")
	if got := e.term.String(); !strings.Contains(got, "\x1b]52;c;") {
		t.Errorf("no OSC 52 sequence written: %q", got)
	}
	if len(e.clipped) != 1 || e.clipped[0] != tok.Key() {
		t.Errorf("system clipboard got %q, want the key", e.clipped)
	}
	if !strings.Contains(m.View(), "API key copied") {
		t.Errorf("no word of it:\n%s", m.View())
	}
}

// TestDetailsCopyFails checks that when neither way works the screen says
// why and shows the key to select by hand.
func TestDetailsCopyFails(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	e.clipErr = errors.New("no system clipboard (install xclip, xsel or wl-clipboard)")
	e.term.err = errors.New("broken pipe")
	m := keys(e.opened(tok, 120, 40), "c")
	view := m.View()
	if !strings.Contains(view, "Could not copy the API key") ||
		!strings.Contains(view, "wl-clipboard).") {
		t.Errorf("no reason given:\n%s", view)
	}
	if !m.details.revealed || !strings.Contains(view, tok.Key()) {
		t.Errorf("key not revealed:\n%s", view)
	}

	// Only the terminal worked: still copied, and says how.
	e.term.err, e.clipErr = nil, errors.New("nope")
	m = keys(m, "c")
	if !strings.Contains(m.View(), "API key copied through the terminal") {
		t.Errorf("terminal copy not reported:\n%s", m.View())
	}
}

// TestCopierTmux checks that inside tmux with set-clipboard off the OSC 52
// sequence is not counted as a copy, since tmux drops it.
func TestCopierTmux(t *testing.T) {
	for _, tc := range []struct {
		option string
		ok     bool
	}{{"on", true}, {"external", false}, {"off", false}} {
		term := &terminal{}
		c := copier{
			terminal: term,
			getenv: func(k string) string {
				return map[string]string{"TMUX": "/tmp/tmux-1/default,1,0", "TERM": "tmux"}[k]
			},
			tmuxClipboard: func(context.Context) (string, error) { return tc.option, nil },
		}
		err := c.toTerminal("SU-000-000-001:secret")
		if (err == nil) != tc.ok {
			t.Errorf("set-clipboard %s: %v", tc.option, err)
		}
		if tc.ok && strings.Contains(term.String(), "tmux;") {
			t.Errorf("set-clipboard %s: wrapped for tmux passthrough: %q",
				tc.option, term.String())
		}
	}
}

// TestDetailsActions checks the menu: what it offers, that destructive
// actions ask first, and what each one does.
func TestDetailsActions(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew()
	expiring, never := toks[0], toks[1]
	ctx := context.Background()

	m := keys(e.opened(never, 80, 24), ".")
	if got := m.details.menu.acts; len(got) != 3 || got[0] != actEnable || got[1] != actRotate ||
		got[2] != actDelete {
		t.Errorf("a disabled token that never expires offers %v", got)
	}

	m = keys(e.opened(expiring, 80, 24), ".")
	if got := m.details.menu.acts; len(got) != 4 || got[0] != actDisable || got[2] != actRenew {
		t.Errorf("an expiring token offers %v", got)
	}

	// Disable asks, and n leaves the token alone.
	m = keys(m, "enter", "n")
	if got, _ := e.st.Get(ctx, expiring.ID); got.DisabledAt != nil {
		t.Error("disabled after n")
	}
	m = keys(m, ".", "enter", "y")
	if got, _ := e.st.Get(ctx, expiring.ID); got.DisabledAt == nil {
		t.Error("not disabled after y")
	}
	if !strings.Contains(m.View(), "Disabled") {
		t.Errorf("header does not say Disabled:\n%s", m.View())
	}

	// Rotate asks, then for the expiry, then shows the new key.
	m = keys(m, "2", ".", "down", "enter", "y")
	if m.details.mode != modeExpiry {
		t.Fatalf("no expiry step after y; mode %d", m.details.mode)
	}
	m = keys(m, "down", "down", "enter") // 1 week
	got, _ := e.st.Get(ctx, expiring.ID)
	if got.Secret == expiring.Secret || got.ExpiresAt == nil ||
		!got.ExpiresAt.Equal(e.clock.Now().Add(7*24*time.Hour).Truncate(time.Second)) {
		t.Fatalf("rotate: secret changed %t, expires %v",
			got.Secret != expiring.Secret, got.ExpiresAt)
	}
	if _, err := e.st.Verify(ctx, expiring.Key(), e.clock.Now()); err == nil {
		t.Error("the old key still works after rotate")
	}
	if m.details.tab != tabGeneral || !strings.Contains(m.View(), got.Key()) {
		t.Errorf("the new key is not shown:\n%s", m.View())
	}

	// esc on the expiry step cancels: nothing changes.
	m = keys(m, ".", "down", "enter", "y", "esc")
	if after, _ := e.st.Get(ctx, expiring.ID); after.Secret != got.Secret {
		t.Error("esc on the expiry still rotated")
	}

	// Delete goes back to the list, which no longer has the token.
	m = keys(m, ".", "up", "enter", "y")
	if m.front != screenList || strings.Contains(m.View(), expiring.ID) {
		t.Errorf("after delete: front %d\n%s", m.front, m.View())
	}
	if !strings.Contains(m.View(), "deleted") {
		t.Errorf("no word of the delete:\n%s", m.View())
	}
}

// TestDetailsEdit checks the edit: both steps, a refused field shown beside
// it, and esc leaving everything as it was.
func TestDetailsEdit(t *testing.T) {
	e := newEnv(t)
	toks := e.seedFew()
	tok := toks[0] // Custom: the edit has a Permissions step
	ctx := context.Background()

	m := keys(e.opened(tok, 80, 24), "e")
	if m.details.mode != modeEditGeneral || !m.details.typing() {
		t.Fatalf("e: mode %d", m.details.mode)
	}
	m = keys(m, "?") // text, not help
	if m.details.help.ShowAll {
		t.Error("? opened the help while typing")
	}
	m = keys(m, "backspace", "esc")
	if m.details.mode != modeView {
		t.Fatalf("esc did not cancel the edit")
	}
	if got, _ := e.st.Get(ctx, tok.ID); got.Name != tok.Name {
		t.Errorf("cancelled edit saved %q", got.Name)
	}

	// An external ID another token holds is refused beside the field, and
	// what was typed stays.
	other := toks[2]
	if _, err := e.st.Update(ctx, other.ID, store.Edit{Name: other.Name,
		ExternalID: "TAKEN", Description: other.Description}); err != nil {
		t.Fatal(err)
	}
	m = keys(m, "e", " v2", "tab", "ctrl+u", "TAKEN", "enter", "enter")
	if m.details.mode != modeEditGeneral || !strings.Contains(m.View(), "already used") {
		t.Fatalf("duplicate external ID not refused:\n%s", m.View())
	}
	m = keys(m, "shift+tab", "tab", "ctrl+u", "JIRA-9", "enter", "enter")
	if m.details.mode != modeEditPermissions {
		t.Fatalf("no Permissions step:\n%s", m.View())
	}
	m = keys(m, "a", "enter") // All Modules
	got, _ := e.st.Get(ctx, tok.ID)
	if got.Name != tok.Name+" v2" || got.ExternalID != "JIRA-9" || !got.Permissions.All {
		t.Errorf("saved %q %q %+v", got.Name, got.ExternalID, got.Permissions)
	}
	if m.details.mode != modeView || !strings.Contains(m.View(), "Permissions Full") {
		t.Errorf("after save:\n%s", m.View())
	}
	if !strings.Contains(m.View(), "Edited") {
		t.Errorf("history has no edit:\n%s", m.View())
	}
}

// TestDetailsGone checks that a token deleted elsewhere, or never there,
// sends the screen back to the list.
func TestDetailsGone(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	if _, err := e.st.Delete(context.Background(), tok.ID); err != nil {
		t.Fatal(err)
	}
	m := e.opened(tok, 80, 24)
	if m.front != screenList || !strings.Contains(m.View(), "was deleted") {
		t.Errorf("front %d:\n%s", m.front, m.View())
	}
	m = settle(m, openDetailsMsg{id: "SU-999-999-999"})
	if m.front != screenList || !strings.Contains(m.View(), "does not exist") {
		t.Errorf("front %d:\n%s", m.front, m.View())
	}

	// Deleted by someone else while open: the next refresh goes back.
	other := e.seed(draft("Short-lived", store.Zapier))
	m = e.opened(other, 80, 24)
	if _, err := e.st.Delete(context.Background(), other.ID); err != nil {
		t.Fatal(err)
	}
	m = settle(m, refreshMsg{visit: m.details.visit - 1}) // an earlier visit's timer
	if m.front != screenDetails {
		t.Fatal("a stale timer refreshed the screen")
	}
	m = settle(m, refreshMsg{visit: m.details.visit})
	if m.front != screenList || !strings.Contains(m.View(), "Short-lived was deleted") {
		t.Errorf("front %d:\n%s", m.front, m.View())
	}
}

// TestDetailsLocked checks that a save that fails, as on a locked or
// read-only database, keeps the edit open with everything typed, and says
// what happened.
func TestDetailsLocked(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[1] // Reports: the edit saves from its only step
	m := keys(e.opened(tok, 80, 24), "e", " v2", "enter", "enter", "enter")
	if m.details.mode != modeView || !strings.Contains(m.View(), tok.Name+" v2") {
		t.Fatalf("save did not finish:\n%s", m.View())
	}

	m = keys(m, "e", " v3")
	m.details.saving = true // as if enter had started a save
	next, _ := m.Update(savedMsg{id: tok.ID, stage: 0,
		err: errors.New("edit SU-100-200-002: database is locked")})
	m = next.(root)
	view := m.View()
	if m.details.mode != modeEditGeneral || !strings.Contains(view, "database is locked") ||
		m.details.general.Values().Name != tok.Name+" v2 v3" {
		t.Errorf("mode %d, name %q:\n%s", m.details.mode, m.details.general.Values().Name, view)
	}
	m = keys(m, "!")
	if got := m.details.general.Values().Name; got != tok.Name+" v2 v3!" {
		t.Errorf("typing after the error gives %q", got)
	}
}

// TestDetailsStatistics checks the Statistics tab with and without
// traffic, and that its timer stops when the tab closes.
func TestDetailsStatistics(t *testing.T) {
	e := newEnv(t)
	tok := e.seedFew()[0]
	m := keys(e.opened(tok, 80, 24), "2")
	if !strings.Contains(m.View(), "No requests in the last 30 days") {
		t.Errorf("no empty note:\n%s", m.View())
	}

	day := e.clock.Now().UTC().Format(store.DayFormat)
	if err := e.st.RecordUsage(context.Background(), []store.Usage{
		{TokenID: tok.ID, Day: day, Code: 200, Count: 12},
		{TokenID: tok.ID, Day: day, Code: 404, Count: 3},
	}, map[string]time.Time{tok.ID: e.clock.Now()}); err != nil {
		t.Fatal(err)
	}
	m = settle(m, statsTickMsg{id: tok.ID, seq: m.details.stats.seq})
	view := m.View()
	if strings.Contains(view, "No requests") || !strings.Contains(view, "2xx 12") ||
		!strings.Contains(view, "15 requests") {
		t.Errorf("traffic not shown:\n%s", view)
	}

	seq := m.details.stats.seq
	m = keys(m, "1")
	_, cmd := m.Update(statsTickMsg{id: tok.ID, seq: seq})
	if _, ok := find[statsMsg](run(cmd)); ok {
		t.Error("the Statistics timer still loads after leaving the tab")
	}
}
