package cli

import (
	"context"

	"github.com/apitokens/apitokens/tui"
)

// runTUI opens the store and hands the terminal to the TUI until it quits.
func (a *app) runTUI(ctx context.Context) error {
	log, closeLog, err := a.logger()
	if err != nil {
		return err
	}
	defer closeLog()
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	log.Info("tui start", "db", st.Path())
	return tui.Run(ctx, st, log)
}
