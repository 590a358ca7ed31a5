package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// list is the start screen: the tokens, newest first, read from the store
// one page at a time around the cursor, with a filter and a row's actions.
type list struct {
	deps
	keys   listKeys
	help   help.Model
	status statusLine

	filter    textinput.Model
	filtering bool   // the filter field has the focus
	query     string // the filter the rows on screen answer to
	filterSeq int

	page       page
	total      int
	loaded     bool // an answer came, so an empty list is really empty
	loadFailed bool // the last load failed; the next poll tries again
	loadSeq    int
	pending    int // offset of the page being loaded, or -1
	lastChange int64
	focus      string // a token to put the cursor on once it is loaded

	cursor int // the row under the cursor, counted from the newest
	top    int // the first row on screen

	menuOpen   bool
	menu       menu
	confirming bool
	confirm    confirm
	acting     bool // an action runs; its answer reloads the list

	width, height int
}

func newList(d deps) list {
	f := textinput.New()
	f.Prompt = "/ "
	f.Placeholder = "name, ID, external ID or extension"
	f.CharLimit = 128
	f.PromptStyle = d.styles.Focused
	f.TextStyle = d.styles.Text
	f.PlaceholderStyle = d.styles.Muted
	f.Cursor.Style = d.styles.Focused

	l := list{
		deps:   d,
		keys:   newListKeys(),
		help:   ui.NewHelp(d.styles),
		status: statusLine{owner: screenList, tick: d.tick},
		filter: f,
		// The first page is on its way as soon as Init runs.
		loadSeq: 1,
		pending: 0,
	}
	return l.relabel()
}

// Init loads the first page and starts polling for changes.
func (l list) Init() tea.Cmd {
	return tea.Batch(loadPage(l.deps, l.loadSeq, l.query, l.pending), pollTick(l.deps))
}

// setSize gives the list the window; the rows on screen change with it.
func (l list) setSize(w, h int) (list, tea.Cmd) {
	l.width, l.height = w, h
	l.help.Width = w
	l.filter.Width = max(w-len(l.filter.Prompt)-1, 1)
	l = l.scrolled()
	return l.ensure()
}

// typing reports whether keys go into the filter, so ? and q are text.
func (l list) typing() bool { return l.filtering }

func (l list) toggleHelp() (list, tea.Cmd) {
	l.help.ShowAll = !l.help.ShowAll
	l = l.relabel()
	return l.setSize(l.width, l.height)
}

// current is the token under the cursor, if it is loaded.
func (l list) current() (store.Token, bool) {
	if l.total == 0 {
		return store.Token{}, false
	}
	return l.page.at(l.cursor)
}

func (l list) update(msg tea.Msg) (list, tea.Cmd) {
	l, cmd := l.handle(msg)
	// A message can change the status line's height, and with it how many
	// rows fit: the cursor's row must stay on screen.
	return l.scrolled(), cmd
}

func (l list) handle(msg tea.Msg) (list, tea.Cmd) {
	switch msg := msg.(type) {
	case pageMsg:
		return l.paged(msg)
	case pollMsg:
		return l, tea.Batch(checkChange(l.deps), pollTick(l.deps))
	case changeMsg:
		if msg.err != nil {
			l.log.Warn("poll for changes", "err", msg.err)
			return l, nil
		}
		if msg.change != l.lastChange || l.loadFailed {
			return l.reload()
		}
		return l, nil
	case tokensChangedMsg:
		if msg.focus != "" {
			// A new token is the newest, so it is on the first page.
			l.focus, l.cursor, l.top = msg.focus, 0, 0
		}
		return l.reload()
	case filterDueMsg:
		if msg.seq != l.filterSeq || l.filter.Value() == l.query {
			return l, nil
		}
		return l.applyFilter()
	case actionDoneMsg:
		if msg.by != screenList {
			return l, nil
		}
		return l.acted(msg)
	case statusExpiredMsg:
		l.status = l.status.expired(msg)
		return l, nil
	case tea.KeyMsg:
		l, cmd := l.handleKey(msg)
		return l.relabel(), cmd
	}
	if l.filtering {
		var cmd tea.Cmd
		l.filter, cmd = l.filter.Update(msg)
		return l, cmd
	}
	return l, nil
}

func (l list) handleKey(msg tea.KeyMsg) (list, tea.Cmd) {
	switch {
	case l.confirming:
		return l.answer(msg)
	case l.menuOpen:
		return l.choose(msg)
	case l.filtering:
		return l.typeFilter(msg)
	}

	k := l.keys
	switch {
	case key.Matches(msg, k.Up):
		return l.move(-1)
	case key.Matches(msg, k.Down):
		return l.move(1)
	case key.Matches(msg, k.PageUp):
		return l.move(-l.visibleRows())
	case key.Matches(msg, k.PageDown):
		return l.move(l.visibleRows())
	case key.Matches(msg, k.Top):
		return l.move(-l.total)
	case key.Matches(msg, k.Bottom):
		return l.move(l.total)
	case key.Matches(msg, k.Open):
		if t, ok := l.current(); ok {
			return l, emit(openDetailsMsg{id: t.ID})
		}
	case key.Matches(msg, k.New):
		return l, emit(openWizardMsg{})
	case key.Matches(msg, k.Filter):
		l.filtering = true
		l.filter.CursorEnd()
		return l.resized(l.filter.Focus())
	case key.Matches(msg, k.Actions):
		if t, ok := l.current(); ok && !l.acting {
			l.menuOpen, l.menu = true, newMenu(actionsFor(t, false))
		}
	case key.Matches(msg, k.Clear):
		l.filter.SetValue("")
		l, cmd := l.applyFilter()
		return l.resized(cmd)
	case key.Matches(msg, k.Quit):
		return l, tea.Quit
	}
	return l, nil
}

// typeFilter edits the filter. The query runs a moment after the last
// keystroke; enter keeps the filter and goes back to the rows, esc drops it.
func (l list) typeFilter(msg tea.KeyMsg) (list, tea.Cmd) {
	switch {
	case key.Matches(msg, l.keys.FilterDone):
		l.filtering = false
		l.filter.Blur()
		l, cmd := l.applyFilter()
		l, resize := l.resized(nil)
		return l, tea.Batch(cmd, resize)
	case key.Matches(msg, l.keys.FilterClear):
		l.filtering = false
		l.filter.Blur()
		l.filter.SetValue("")
		l, cmd := l.applyFilter()
		l, resize := l.resized(nil)
		return l, tea.Batch(cmd, resize)
	case key.Matches(msg, l.keys.FilterUp):
		return l.move(-1)
	case key.Matches(msg, l.keys.FilterDown):
		return l.move(1)
	}
	before := l.filter.Value()
	var cmd tea.Cmd
	l.filter, cmd = l.filter.Update(msg)
	if l.filter.Value() == before {
		return l, cmd
	}
	l.filterSeq++
	return l, tea.Batch(cmd, filterTick(l.deps, l.filterSeq))
}

// applyFilter reloads from the first row when the filter changed.
func (l list) applyFilter() (list, tea.Cmd) {
	if l.filter.Value() == l.query {
		return l, nil
	}
	l.query = l.filter.Value()
	l.cursor, l.top = 0, 0
	l.page = page{}
	return l.reload()
}

// resized lays the screen out again after the filter line came or went.
func (l list) resized(cmd tea.Cmd) (list, tea.Cmd) {
	l, more := l.setSize(l.width, l.height)
	return l, tea.Batch(cmd, more)
}

// relabel keeps the footer true to the list's state.
func (l list) relabel() list {
	l.keys.relabel(l.filtering, l.total > 0, l.query != "")
	return l
}

// keyMap is the footer's keys: the open dialog's, or the list's.
func (l list) keyMap() help.KeyMap {
	switch {
	case l.confirming:
		return l.confirm.keys
	case l.menuOpen:
		return l.menu.keys
	}
	return l.keys
}

// emit wraps a message in a command, for a screen to tell the root.
func emit(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
