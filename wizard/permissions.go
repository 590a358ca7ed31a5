package wizard

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// allRow is the list row of All Modules; module i is row i+1.
const allRow = 0

// Permissions is the step that ticks the modules a token may call. It
// serves the wizard's step 4 and the details screen's permission edit.
type Permissions struct {
	styles ui.Styles
	keys   permissionKeys

	ext    store.Extension
	all    bool
	ticked []bool // by index into store.Modules; all true while all is set
	// touched is set by the first toggle, so a change of extension in the
	// wizard no longer replaces what the user chose.
	touched bool
	// beforeAll is what the user had ticked when they ticked All Modules,
	// so unticking it gives their choice back; nil when All came with the
	// token or the extension.
	beforeAll []bool

	cursor int // a row: allRow or a module's index + 1
	offset int // the first row shown when the list is taller than the step

	reason string // why the choice was refused, or an error from the store

	width, height int
}

// NewPermissions builds the step for a token of extension ext holding p. A
// Reports token shows its fixed grant and ignores toggles.
func NewPermissions(styles ui.Styles, ext store.Extension, p store.Permissions) Permissions {
	perm := Permissions{styles: styles, keys: newPermissionKeys()}
	perm = perm.withExtension(ext, p)
	return perm.SetSize(ui.MinWidth, ui.MinHeight)
}

// Init has nothing to start: the step has no text field. It is here so
// every step can be driven alike.
func (p Permissions) Init() tea.Cmd { return nil }

// withExtension changes the extension and sets the ticks to p.
func (p Permissions) withExtension(ext store.Extension, grant store.Permissions) Permissions {
	p.ext = ext
	if ext == store.Reports {
		grant = store.Reports.DefaultPermissions()
	}
	p.all, p.beforeAll = grant.All, nil
	p.ticked = make([]bool, len(store.Modules))
	for i, m := range store.Modules {
		p.ticked[i] = grant.All || grant.Allows(m.Slug)
	}
	p.reason = ""
	fixed := ext == store.Reports
	p.keys.Toggle.SetEnabled(!fixed)
	p.keys.All.SetEnabled(!fixed)
	return p
}

// SetLabels names, in the footer, what enter does (such as "create" or
// "save") and what esc does.
func (p Permissions) SetLabels(submit, back string) Permissions {
	p.keys.Submit.SetHelp("enter", submit)
	p.keys.Back.SetHelp("esc", back)
	p.keys.Prev.SetHelp("shift+tab", back)
	return p
}

// SetSize gives the step its area; the list scrolls when it is taller.
func (p Permissions) SetSize(w, h int) Permissions {
	p.width, p.height = w, h
	return p.scrolled()
}

// Typing is false: the step is a list of checkboxes.
func (p Permissions) Typing() bool { return false }

// Value is the ticked set: All Modules, or the ticked modules in catalogue
// order.
func (p Permissions) Value() store.Permissions {
	if p.all {
		return store.Permissions{All: true}
	}
	slugs := []string{}
	for i, m := range store.Modules {
		if p.ticked[i] {
			slugs = append(slugs, m.Slug)
		}
	}
	return store.Permissions{Modules: slugs}
}

// SetError shows an error from the store above the list.
func (p Permissions) SetError(err error) Permissions {
	switch {
	case err == nil:
	case fieldOf(err) == store.FieldPermissions:
		p.reason = reason(err)
	default:
		p.reason = err.Error()
	}
	return p
}

// KeyMap is the step's keys, for a footer drawn by bubbles help.
func (p Permissions) KeyMap() help.KeyMap { return p.keys }

// Update moves and toggles. Enter sends SubmitMsg when at least one module
// is ticked; esc and shift+tab send BackMsg.
func (p Permissions) Update(msg tea.Msg) (Permissions, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(km, p.keys.Back), key.Matches(km, p.keys.Prev):
		return p, emit(BackMsg{Step: StepPermissions})
	case key.Matches(km, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(km, p.keys.Down):
		p.cursor = min(p.cursor+1, len(store.Modules))
	case key.Matches(km, p.keys.Toggle):
		if p.cursor == allRow {
			p = p.toggleAll()
		} else {
			p = p.toggleModule(p.cursor - 1)
		}
	case key.Matches(km, p.keys.All):
		p = p.toggleAll()
	case key.Matches(km, p.keys.Submit):
		if err := store.ValidatePermissions(p.ext, p.Value()); err != nil {
			p.reason = reason(err)
			return p, nil
		}
		p.reason = ""
		return p, emit(SubmitMsg{Step: StepPermissions})
	}
	return p.scrolled(), nil
}

// toggleAll ticks every module with All Modules, since the boxes show what
// All grants. Unticking it gives back the ticks the user had before, so
// trying All out costs nothing; with none to give back it clears them all.
func (p Permissions) toggleAll() Permissions {
	p.all = !p.all
	// Fresh slices: older copies of the step share the last ones.
	ticked := make([]bool, len(store.Modules))
	switch {
	case p.all:
		p.beforeAll = p.ticked
		for i := range ticked {
			ticked[i] = true
		}
	case p.beforeAll != nil:
		copy(ticked, p.beforeAll)
		p.beforeAll = nil
	}
	p.ticked, p.touched, p.reason = ticked, true, ""
	return p
}

// toggleModule flips one module. Under All Modules it unticks All and that
// module, leaving the others ticked, so one click narrows the grant.
func (p Permissions) toggleModule(i int) Permissions {
	ticked := append([]bool(nil), p.ticked...)
	if p.all {
		p.all, p.beforeAll = false, nil
		ticked[i] = false
	} else {
		ticked[i] = !ticked[i]
	}
	p.ticked, p.touched, p.reason = ticked, true, ""
	return p
}

// focusFirst and focusLast leave the cursor where it was: going back and
// forth keeps the user's place.
func (p Permissions) focusFirst() (Permissions, tea.Cmd) { return p, nil }
func (p Permissions) focusLast() (Permissions, tea.Cmd)  { return p, nil }

// Count says how many modules are ticked: "All 20 modules" or "3 of 20
// modules".
func (p Permissions) Count() string {
	n := len(store.Modules)
	if p.all {
		return fmt.Sprintf("All %d modules", n)
	}
	ticked := 0
	for _, t := range p.ticked {
		if t {
			ticked++
		}
	}
	return fmt.Sprintf("%d of %d modules", ticked, n)
}

// countLines is what sits above the list: the count (with the reason the
// choice was refused) and a gap.
const countLines = 2

// visibleRows is how many list rows fit; a line is kept for "more" marks
// when the list does not fit whole.
func (p Permissions) visibleRows() int {
	rows := len(store.Modules) + 1
	room := p.height - countLines
	if rows <= room {
		return rows
	}
	return max(room-1, 1)
}

// scrolled moves the window over the list so the cursor stays in it.
func (p Permissions) scrolled() Permissions {
	n := p.visibleRows()
	rows := len(store.Modules) + 1
	p.offset = min(max(p.offset, p.cursor-n+1), p.cursor)
	p.offset = max(min(p.offset, rows-n), 0)
	return p
}

// View shows the count, then the checkboxes, scrolled to the cursor.
func (p Permissions) View() string {
	s, w := p.styles, p.width

	var b strings.Builder
	count := s.Label.Render(p.Count())
	if p.ext == store.Reports {
		count = s.Muted.Render("A Reports token is granted the Reports module alone.")
	}
	if p.reason != "" {
		count += "  " + s.Error.Render("✗ "+p.reason)
	}
	b.WriteString(ui.Truncate(count, w) + "\n\n")

	rows := len(store.Modules) + 1
	n := p.visibleRows()
	for r := p.offset; r < min(p.offset+n, rows); r++ {
		b.WriteString(p.row(r) + "\n")
	}
	if n < rows {
		b.WriteString(s.Muted.Render(ui.MoreMarks(p.offset, rows-p.offset-n)))
	}
	return fit(strings.TrimSuffix(b.String(), "\n"), w, p.height)
}

func (p Permissions) row(r int) string {
	label, ticked, hint := "All Modules", p.all, "  also modules added later"
	if r != allRow {
		label, ticked, hint = store.Modules[r-1].Name, p.ticked[r-1], ""
	}
	box := "[ ] "
	if ticked {
		box = "[x] "
	}
	text := p.styles.Text.Render(box + label)
	if r == p.cursor {
		text = p.styles.Selected.Render(box + label)
	}
	return cursorMark(r == p.cursor) + text + p.styles.Muted.Render(hint)
}
