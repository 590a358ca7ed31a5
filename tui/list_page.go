package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// pageSize is how many rows one query loads: a few screens' worth around
// the cursor, so moving rarely waits and a table of any size stays quick.
const pageSize = 200

// pollEvery is how often the list asks the store whether anything changed,
// so tokens made by the command line or another TUI show up by themselves.
const pollEvery = 3 * time.Second

// page is a run of rows loaded from the store, starting at offset in the
// list's order (newest first).
type page struct {
	offset int
	rows   []store.Token
}

// covers reports whether rows from (included) to to (excluded) are loaded.
func (p page) covers(from, to int) bool {
	return from >= p.offset && to <= p.offset+len(p.rows)
}

// at returns row i, if it is loaded.
func (p page) at(i int) (store.Token, bool) {
	if i < p.offset || i >= p.offset+len(p.rows) {
		return store.Token{}, false
	}
	return p.rows[i-p.offset], true
}

// index finds a token in the page by ID, or -1.
func (p page) index(id string) int {
	for i, t := range p.rows {
		if t.ID == id {
			return p.offset + i
		}
	}
	return -1
}

// pageMsg answers loadPage: a page, the total it is part of, and the
// store's last change at the time, so polling knows what it has seen.
type pageMsg struct {
	seq    int
	page   page
	total  int
	change int64
	err    error
}

// loadPage reads one page of tokens matching filter, and their count.
func loadPage(d deps, seq int, filter string, offset int) tea.Cmd {
	ctx, st := d.ctx, d.st
	return func() tea.Msg {
		msg := pageMsg{seq: seq, page: page{offset: offset}}
		if msg.change, msg.err = st.LastChange(ctx); msg.err != nil {
			return msg
		}
		if msg.total, msg.err = st.Count(ctx, store.ListOptions{Filter: filter}); msg.err != nil {
			return msg
		}
		msg.page.rows, msg.err = st.List(ctx, store.ListOptions{
			Filter: filter, Offset: offset, Limit: pageSize,
		})
		return msg
	}
}

// pollMsg is the list's timer going off.
type pollMsg struct{}

func pollTick(d deps) tea.Cmd {
	return d.tick(pollEvery, func(time.Time) tea.Msg { return pollMsg{} })
}

// changeMsg answers checkChange with the store's last change.
type changeMsg struct {
	change int64
	err    error
}

func checkChange(d deps) tea.Cmd {
	ctx, st := d.ctx, d.st
	return func() tea.Msg {
		change, err := st.LastChange(ctx)
		return changeMsg{change: change, err: err}
	}
}

// filterDueMsg fires a moment after the last keystroke in the filter, so
// typing a word runs one query rather than one per letter.
type filterDueMsg struct{ seq int }

// filterDelay is that moment.
const filterDelay = 150 * time.Millisecond

func filterTick(d deps, seq int) tea.Cmd {
	return d.tick(filterDelay, func(time.Time) tea.Msg { return filterDueMsg{seq: seq} })
}

// move shifts the cursor by delta rows, clamped to the list, and loads the
// rows that come on screen.
func (l list) move(delta int) (list, tea.Cmd) {
	if l.total == 0 {
		return l, nil
	}
	l.cursor = max(0, min(l.cursor+delta, l.total-1))
	l = l.scrolled()
	return l.ensure()
}

// scrolled moves the window of rows on screen so the cursor is in it.
func (l list) scrolled() list {
	rows := l.visibleRows()
	l.cursor = max(0, min(l.cursor, l.total-1))
	switch {
	case l.cursor < l.top:
		l.top = l.cursor
	case l.cursor >= l.top+rows:
		l.top = l.cursor - rows + 1
	}
	l.top = max(0, min(l.top, l.total-rows))
	return l
}

// ensure loads the page around the rows on screen unless it is loaded or
// on its way.
func (l list) ensure() (list, tea.Cmd) {
	from, to := l.top, min(l.top+l.visibleRows(), l.total)
	if !l.loaded || l.page.covers(from, to) {
		return l, nil
	}
	if l.pending >= 0 && from >= l.pending && to <= l.pending+pageSize {
		return l, nil
	}
	return l.reload()
}

// reload asks for the page around the rows on screen and for the count,
// superseding any load still on its way.
func (l list) reload() (list, tea.Cmd) {
	l.loadSeq++
	l.pending = max(0, l.top-(pageSize-l.visibleRows())/2)
	return l, loadPage(l.deps, l.loadSeq, l.query, l.pending)
}

// paged takes a page in, unless a later load superseded it.
func (l list) paged(msg pageMsg) (list, tea.Cmd) {
	if msg.seq != l.loadSeq {
		return l, nil
	}
	l.pending = -1
	if msg.err != nil {
		l.log.Warn("load tokens", "err", msg.err)
		l.loadFailed = true
		l.status = l.status.fail("Could not read the tokens: " + ui.Reason(msg.err) +
			". Retrying…")
		return l, nil
	}
	if l.loadFailed && l.status.failing() {
		l.status = l.status.clear()
	}
	l.loadFailed = false
	l.page, l.total, l.lastChange, l.loaded = msg.page, msg.total, msg.change, true
	if l.focus != "" {
		if i := l.page.index(l.focus); i >= 0 {
			l.cursor = i
		}
		l.focus = ""
	}
	l = l.scrolled().relabel()
	return l.ensure()
}
