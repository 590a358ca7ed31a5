// Package wizard is the five-step Create Token wizard, General → Expiration
// → Extension → Permissions → Summary, and the step models the details
// screen reuses to edit a token (General, Permissions) and to rotate or
// renew one (Expiration).
//
// # The whole wizard
//
//	w := wizard.New(st, styles, time.Now)   // Model, on step 1
//	cmd := w.Init()                         // starts the cursor blinking
//	w, cmd = w.Update(msg)                  // typed: no tea.Model assertions
//	w = w.SetSize(width, height)            // the area the parent lends it
//	s := w.View()                           // never wider or taller than that
//	w.Typing()                              // true: don't treat ? or q as globals
//	w.Step()                                // the step on screen
//
// Model does not read tea.WindowSizeMsg: the parent calls SetSize with the
// area it gives the wizard, which may be smaller than the window. Below
// ui.MinWidth x ui.MinHeight the view asks for a larger window and keys
// are ignored, since they would act on fields the user cannot see.
//
// While the wizard is shown, the parent forwards every message to it: keys,
// and the results of the wizard's own commands, whose types are
// unexported. ctrl+c stays the parent's; the wizard never quits the
// program. The wizard draws its own header (the five steps) and footer
// (bubbles help for the step's keys, cut only between whole keys; the
// full help drawn by ui.HelpView) and toggles the full help on ? when
// Typing is false, so the parent should pass ? through rather than draw
// help of its own. The header ticks each step the user has completed, for
// as long as its values stay valid. Typing is true while a text field has
// the focus and while "Discard this token? y/n" waits for its answer.
//
// The wizard tells the parent it is finished with two messages:
//
//   - CancelledMsg: esc (or shift+tab on the name) on step 1 with nothing
//     typed, or y to "Discard this token? y/n", which is asked when any
//     field of step 1 holds text or the user has been past step 1. n or
//     esc closes the question. Nothing was saved.
//   - DoneMsg{Token, GoToDetails}: the token was created and the user left
//     the Summary with enter (GoToDetails true) or esc (false: back to the
//     list).
//
// Nothing in Update blocks: store.CheckExternalID (when leaving step 1
// with an external ID) and store.Create (enter on Permissions, or on
// Extension for Reports) run in tea.Cmds. Keys are ignored while either
// runs, so one enter creates one token.
//
// # Step models
//
// Each step is a value type with Init, Update(tea.Msg) (Step, tea.Cmd),
// View, SetSize(w, h), Typing, SetError, SetLabels, KeyMap (a
// help.KeyMap for the parent's footer) and a getter for its values. A step
// never changes screens itself: its commands yield
//
//   - SubmitMsg{Step}: the step's values are valid; move on (or save).
//   - BackMsg{Step}: esc anywhere in the step, or shift+tab on its first
//     field; go back (or cancel).
//
// Step names the sender, so a parent ignores one that arrives after it has
// moved elsewhere. As with the wizard, the parent forwards every message
// to the step it shows (General's uniqueness check answers with an
// unexported message, and the cursors blink by messages).
//
//   - NewGeneral(st, styles, GeneralValues{...}, selfID): name, external ID
//     (marked optional) and description. selfID is the token being edited,
//     or "" for a new one, so the uniqueness check does not trip over the
//     token itself. Values() GeneralValues, as typed (the store trims). On
//     enter from the description it validates the three fields and, when
//     they pass, checks the external ID in the store; SubmitMsg follows
//     only when both pass.
//   - NewExpiration(styles, now): Never expires, the presets with the date
//     each gives from now, and Custom date (DD/MM/YYYY HH:MM, local time,
//     in the future). The cursor starts on Never expires. Expiry()
//     (*time.Time, error) gives the choice as of the clock's current time;
//     nil means never.
//   - NewPermissions(styles, extension, permissions): All Modules and every
//     module as checkboxes. Value() store.Permissions; Count() is "N of 20
//     modules" or "All 20 modules". A Reports extension shows its fixed
//     grant and ignores toggles.
//
// SetLabels(submit, back) names what enter and esc do in the footer (the
// wizard uses "next step"/"create" and "cancel"/"back"; an edit might use
// "save" and "cancel"). A text step cannot open the full help, as ? is
// text there, so its footer lists every key, ctrl+c included, in 80
// columns.
//
// NewDiscard(styles, question) is the y/n question step 1 asks before
// cancelling loses what was typed. A parent that edits with the steps asks
// it the same way: Ask when leaving would lose something, Answer with the
// keys while Open (true means leave), View in place of the form, and
// KeyMap for the footer. SetError(err) shows an error from the store on a
// step: a *store.FieldError for one of the step's fields beside that
// field, anything else in the step's error line.
//
// # Keys
//
// As PRODUCT.md lays down: enter moves to the next field and, from a
// step's last field, submits; tab moves between fields, wrapping from the
// last to the first; shift+tab goes to the previous field, or back from the
// first; esc goes back one step; ctrl+j breaks a line in the description.
// Lists: ↑/↓, and k/j when no text field has the focus, then enter; on
// Custom date, enter or tab opens the date field. Permissions: ↑/↓ (k/j)
// move, space toggles the row, a toggles All Modules, enter submits.
// Summary: enter Go to Details, esc Close.
//
// # Choices this package makes
//
//   - Ticking All Modules shows every module ticked; unticking it gives
//     back the modules the user had ticked before ticking All, or clears
//     them all when All was not ticked by the user (the extension's
//     default, or a token edited with Full); toggling one module while All
//     is ticked unticks All and that module and leaves the others ticked.
//   - Changing the extension resets the permissions to the new extension's
//     default only while the user has toggled nothing on step 4; once they
//     have, their ticks are kept whatever extension they move to.
//   - A Reports token skips step 4 both ways; its header shows
//     "Permissions (Reports only)" as not applicable, and enter on the
//     Extension step creates it, so a save error shows on that step.
//   - Presets are counted from the moment the token is saved, not from when
//     the step was left, so "1 day" means a day from creation.
//   - A save error about a field also marks that field on its own step, so
//     a user who goes back to fix it finds the reason there.
package wizard
