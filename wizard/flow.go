package wizard

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// forward leaves the step on screen for the next one, or saves.
func (m Model) forward() (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.step {
	case StepGeneral:
		m.completed[StepGeneral] = true
		m.visited = true
		m.step = StepExpiration
		m.expiration, cmd = m.expiration.focusFirst()
	case StepExpiration:
		m.completed[StepExpiration] = true
		m.step = StepExtension
	case StepExtension:
		ext := m.extension.Value()
		if !ext.AsksForModules() {
			return m.create()
		}
		m.completed[StepExtension] = true
		m.permissions = m.permissionsFor(ext)
		m.step = StepPermissions
		m.permissions, cmd = m.permissions.focusFirst()
	case StepPermissions:
		return m.create()
	}
	return m, cmd
}

// stepDone reports whether the header ticks step: the user has left it
// forwards and what it holds is still valid, so that going back to step 1
// does not make steps 2 and 3 look undone, nor tick a custom date that has
// since passed.
func (m Model) stepDone(step Step) bool {
	if !m.completed[step] {
		return false
	}
	switch step {
	case StepGeneral:
		return m.general.valid()
	case StepExpiration:
		_, err := m.expiration.Expiry()
		return err == nil
	}
	return true
}

// permissionsFor carries the Permissions step over to a newly chosen
// extension: the extension's default while the user has toggled nothing,
// their own ticks once they have.
func (m Model) permissionsFor(ext store.Extension) Permissions {
	if ext == m.permissions.ext {
		return m.permissions
	}
	grant := ext.DefaultPermissions()
	if m.permissions.touched {
		grant = m.permissions.Value()
	}
	return m.permissions.withExtension(ext, grant)
}

// backward goes back one step; from step 1 it cancels, asking first when
// leaving would lose something the user typed or chose.
func (m Model) backward() (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.step {
	case StepGeneral:
		if m.visited || m.general.Values() != (GeneralValues{}) {
			m.discard = m.discard.Ask()
			return m, nil
		}
		return m, emit(CancelledMsg{})
	case StepExpiration:
		m.step = StepGeneral
		m.general, cmd = m.general.focusLast()
	case StepExtension:
		m.step = StepExpiration
		m.expiration, cmd = m.expiration.focusLast()
	case StepPermissions:
		m.step = StepExtension
	}
	return m, cmd
}

// create hands the draft to the store in a command.
func (m Model) create() (Model, tea.Cmd) {
	expiresAt, err := m.expiration.Expiry()
	if err != nil {
		// The custom date was in the future when chosen but is not now.
		return m.saveFailed(err), nil
	}

	v := m.general.Values()
	ext := m.extension.Value()
	grant := m.permissions.Value()
	if !ext.AsksForModules() {
		grant = ext.DefaultPermissions()
	}
	draft := store.Draft{
		Name: v.Name, ExternalID: v.ExternalID, Description: v.Description,
		Extension: ext, ExpiresAt: expiresAt, Permissions: grant,
	}

	m.saving = true
	st := m.st
	return m, func() tea.Msg {
		t, err := st.Create(context.Background(), draft)
		return createdMsg{token: t, err: err}
	}
}

func (m Model) created(msg createdMsg) (Model, tea.Cmd) {
	if !m.saving {
		return m, nil
	}
	m.saving = false
	if msg.err != nil {
		return m.saveFailed(msg.err), nil
	}
	// Every step before the Summary is done once the token exists, even
	// the Permissions a Reports token skips (the header shows those as
	// not applicable).
	for st := range StepSummary {
		m.completed[st] = true
	}
	m.step = StepSummary
	m.summary = newSummary(m.styles, msg.token).SetSize(m.width, m.bodyHeight())
	return m, nil
}

// saveFailed shows the store's message on the step on screen, and beside
// the field it is about on that field's own step, so going back finds it.
// Nothing typed or chosen is lost.
func (m Model) saveFailed(err error) Model {
	switch fieldOf(err) {
	case store.FieldName, store.FieldExternalID, store.FieldDescription:
		m.general = m.general.SetError(err)
	case store.FieldExpiry:
		m.expiration = m.expiration.SetError(err)
	case "":
		// Nothing the user chose: say so, and that enter tries again.
		err = errors.New("could not create the token: " + ui.Reason(err) +
			"; press enter to try again")
	}
	if m.step == StepPermissions {
		m.permissions = m.permissions.SetError(err)
	} else {
		m.extension = m.extension.SetError(err)
	}
	return m
}
