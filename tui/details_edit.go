package tui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/wizard"
)

// startEdit opens the wizard's General step on the token's values; its
// Permissions step follows unless the extension fixes the permissions.
func (m details) startEdit() (details, tea.Cmd) {
	next := "save"
	if m.token.Extension.AsksForModules() {
		next = "next step"
	}
	values := wizard.GeneralValues{
		Name: m.token.Name, ExternalID: m.token.ExternalID, Description: m.token.Description,
	}
	// A notice about the key, such as a failed copy, is not about the
	// form; it would sit under it for the whole edit.
	m.mode, m.status = modeEditGeneral, m.status.dismiss()
	m.general = wizard.NewGeneral(m.st, m.styles, values, m.id).SetLabels(next, "cancel")
	m.perms = wizard.NewPermissions(m.styles, m.token.Extension, m.token.Permissions).
		SetLabels("save", "back")
	m.discard = wizard.NewDiscard(m.styles, "Discard your changes? y/n")
	m = m.layout()
	return m, m.general.Init()
}

// submitted moves the edit or the expiry on when its step is done.
func (m details) submitted(msg wizard.SubmitMsg) (details, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	switch {
	case m.mode == modeEditGeneral && msg.Step == wizard.StepGeneral:
		if !m.token.Extension.AsksForModules() {
			return m.save()
		}
		m.mode = modeEditPermissions
		return m.layout(), nil
	case m.mode == modeEditPermissions && msg.Step == wizard.StepPermissions:
		return m.save()
	case m.mode == modeExpiry && msg.Step == wizard.StepExpiration:
		return m.expiryChosen()
	}
	return m, nil
}

// back leaves a step: from the edit's first step or the expiry it cancels,
// keeping the token as it was. An edit that changed something asks first,
// as the wizard's step 1 does.
func (m details) back(msg wizard.BackMsg) (details, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	var cmd tea.Cmd
	switch {
	case m.mode == modeEditGeneral && msg.Step == wizard.StepGeneral:
		if m.edit().Changed(m.token) {
			m.discard = m.discard.Ask()
			return m.layout(), nil
		}
		return m.cancelEdit()
	case m.mode == modeEditPermissions && msg.Step == wizard.StepPermissions:
		m.mode = modeEditGeneral
	case m.mode == modeExpiry && msg.Step == wizard.StepExpiration:
		m.mode = modeView
		m.status, cmd = m.status.ok(m.pending.label() + " cancelled; the key is unchanged")
	default:
		return m, nil
	}
	return m.layout(), cmd
}

// answerDiscard takes y or n for "Discard your changes?": y leaves the
// edit; n goes back to the form with everything typed.
func (m details) answerDiscard(msg tea.KeyMsg) (details, tea.Cmd) {
	var discard bool
	if m.discard, discard = m.discard.Answer(msg); discard {
		return m.cancelEdit()
	}
	return m, nil
}

// cancelEdit leaves the edit without saving.
func (m details) cancelEdit() (details, tea.Cmd) {
	var cmd tea.Cmd
	m.mode = modeView
	m.status, cmd = m.status.ok("Edit cancelled; nothing was changed")
	return m.layout(), cmd
}

// edit is the store's edit for what the steps hold: permissions only for
// a token whose extension has them to choose.
func (m details) edit() store.Edit {
	v := m.general.Values()
	e := store.Edit{Name: v.Name, ExternalID: v.ExternalID, Description: v.Description}
	if m.token.Extension.AsksForModules() {
		p := m.perms.Value()
		e.Permissions = &p
	}
	return e
}

// updateStep hands a message to the step on screen.
func (m details) updateStep(msg tea.Msg) (details, tea.Cmd) {
	var cmd tea.Cmd
	switch m.mode {
	case modeEditGeneral:
		m.general, cmd = m.general.Update(msg)
	case modeEditPermissions:
		m.perms, cmd = m.perms.Update(msg)
	case modeExpiry:
		m.expiry, cmd = m.expiry.Update(msg)
	}
	return m, cmd
}

// savedMsg answers save. stage is the step whose values failed, so the
// error shows beside them.
type savedMsg struct {
	id    string
	token store.Token
	stage wizard.Step
	err   error
}

// save writes the edit, name, external ID, description and permissions, in
// one transaction. Both steps keep what was typed until the save succeeds.
// An edit that changes nothing is not sent: the store would record nothing,
// and "saved" would claim a change that did not happen.
func (m details) save() (details, tea.Cmd) {
	edit := m.edit()
	if !edit.Changed(m.token) {
		var cmd tea.Cmd
		m.mode = modeView
		m.status, cmd = m.status.ok("Nothing changed, so nothing was saved")
		return m.layout(), cmd
	}

	m.saving = true
	m.status = m.status.busy("Saving…")
	ctx, st, id := m.ctx, m.st, m.id
	return m, func() tea.Msg {
		t, err := st.Update(ctx, id, edit)
		if err != nil {
			stage := wizard.StepGeneral
			if fieldOf(err) == store.FieldPermissions {
				stage = wizard.StepPermissions
			}
			return savedMsg{id: id, stage: stage, err: err}
		}
		return savedMsg{id: id, token: t}
	}
}

// saved ends the edit, or shows why it failed on the step it is about.
func (m details) saved(msg savedMsg) (details, tea.Cmd) {
	m.saving = false
	if msg.err != nil {
		m.log.Warn("save token", "id", m.id, "err", msg.err)
		m.status = m.status.fail(failed("save", m.id, msg.err,
			"Nothing typed is lost; press enter to try again."))
		switch fieldOf(msg.err) {
		case store.FieldName, store.FieldExternalID, store.FieldDescription:
			m.mode = modeEditGeneral
			m.general = m.general.SetError(msg.err)
		default:
			// Not about a field, such as a locked database: shown on the
			// step on screen, whichever failed.
			if m.mode == modeEditPermissions {
				m.perms = m.perms.SetError(stepError(m.id, msg.err))
			} else {
				m.general = m.general.SetError(stepError(m.id, msg.err))
			}
		}
		return m.layout(), nil
	}

	m.mode, m.token = modeView, msg.token
	var cmd tea.Cmd
	m.status, cmd = m.status.ok("Token " + m.token.Name + " saved")
	m.status = m.status.about(m.token.Name)
	return m.layout(), tea.Batch(cmd, loadToken(m.deps, m.id))
}

// fieldOf names the field a *store.FieldError is about, or "".
func fieldOf(err error) string {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}
