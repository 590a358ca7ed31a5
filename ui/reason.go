package ui

import "github.com/apitokens/apitokens/store"

// Reason is err as a status line tells it. SQLite's "database is locked"
// reads like a fault in the program, when it means another program holds
// the database (the command line, a second TUI, a backup) and the next
// try will likely work; it is said that way.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	if store.IsBusy(err) {
		return "the database is busy (locked by another program)"
	}
	return err.Error()
}
