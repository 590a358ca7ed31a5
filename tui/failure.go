package tui

import (
	"errors"
	"strings"

	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// failed is the status line for a change to token id that failed, such as
// "Could not enable SU-785-445-365: the database is busy (locked by
// another program). Try again." retry is the last sentence, said only when
// trying again can help.
func failed(verb, id string, err error, retry string) string {
	line := "Could not " + verb + " " + id + ": " + strings.TrimSuffix(reason(id, err), ".") + "."
	if retryable(err) {
		line += " " + retry
	}
	return line
}

// reason is err as the user reads it about token id. The store's errors
// start with their own "enable SU-785-445-365: ", which is left out, since
// the message around it names the token already and a status line should
// say each thing once.
func reason(id string, err error) string {
	text := ui.Reason(err)
	if i := strings.Index(text, id+": "); i >= 0 {
		text = text[i+len(id)+2:]
	}
	return text
}

// stepError is err for the step on screen: fields keep the store's
// *store.FieldError, to be shown beside them; anything else is told as
// reason tells it.
func stepError(id string, err error) error {
	var field *store.FieldError
	if errors.As(err, &field) {
		return err
	}
	return errors.New(reason(id, err))
}

// retryable reports whether trying again can help: not when the store
// refused the change for what the token is or what was asked.
func retryable(err error) bool {
	var (
		state *store.StateError
		field *store.FieldError
	)
	return !errors.As(err, &state) && !errors.As(err, &field) && !errors.Is(err, store.ErrNotFound)
}
