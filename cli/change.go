package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
)

func init() {
	register((*app).editCommand)
	register((*app).permissionsCommand)
	register((*app).disableCommand)
	register((*app).enableCommand)
	register((*app).rotateCommand)
	register((*app).renewCommand)
	register((*app).deleteCommand)
}

// idCommand builds a command that takes one token ID and runs fn on an
// open store; every command that changes a token shares it.
func (a *app) idCommand(use, short, example string,
	fn func(cmd *cobra.Command, st *store.Store, id string) error) *cobra.Command {
	return &cobra.Command{
		Use:               use + " ID",
		Short:             short,
		Example:           example,
		Args:              oneID,
		ValidArgsFunction: a.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			return explainErr(fn(cmd, st, args[0]))
		},
	}
}

func explainErr(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(usageError); ok {
		return err
	}
	return explain(err)
}

// done prints the token as JSON, or a one-line confirmation.
func (a *app) done(cmd *cobra.Command, st *store.Store, t store.Token, withKey bool,
	msg string) error {
	if asJSON, _ := cmd.Flags().GetBool("json"); asJSON {
		return writeJSON(a.stdout, toJSON(t, st.Now(), withKey))
	}
	_, err := fmt.Fprintln(a.stdout, msg)
	return err
}

func jsonFlag(cmd *cobra.Command) *cobra.Command {
	cmd.Flags().Bool("json", false, "print JSON")
	return cmd
}

func (a *app) editCommand() *cobra.Command {
	cmd := a.idCommand("edit", "Change a token's name, external ID or description",
		`  apitokens edit SU-631-625-036 --name "CRM sync (prod)"
  apitokens edit SU-631-625-036 --external-id ""`,
		func(cmd *cobra.Command, st *store.Store, id string) error {
			t, err := st.Get(cmd.Context(), id)
			if err != nil {
				return err
			}
			e := store.Edit{Name: t.Name, ExternalID: t.ExternalID, Description: t.Description}
			f := cmd.Flags()
			if !f.Changed("name") && !f.Changed("external-id") && !f.Changed("description") {
				return usagef("nothing to change; give --name, --external-id or --description")
			}
			if f.Changed("name") {
				e.Name, _ = f.GetString("name")
			}
			if f.Changed("external-id") {
				e.ExternalID, _ = f.GetString("external-id")
			}
			if f.Changed("description") {
				e.Description, _ = f.GetString("description")
			}
			msg := "edited " + t.ID
			if !e.Changed(t) {
				msg = "nothing changed: " + t.ID + " already has these values"
			}
			if t, err = st.Update(cmd.Context(), id, e); err != nil {
				return err
			}
			return a.done(cmd, st, t, false, msg)
		})
	cmd.Flags().String("name", "", "new name")
	cmd.Flags().String("external-id", "", `new external ID ("" removes it)`)
	cmd.Flags().String("description", "", "new description")
	return jsonFlag(cmd)
}

func (a *app) permissionsCommand() *cobra.Command {
	cmd := a.idCommand("permissions", "Set the modules a token may call",
		"  apitokens permissions SU-631-625-036 --modules agreements,listings\n"+
			"  apitokens permissions SU-631-625-036 --all-modules",
		func(cmd *cobra.Command, st *store.Store, id string) error {
			p, set, err := permissionsFlags(cmd)
			if err != nil {
				return err
			}
			if !set {
				return usagef("give --modules or --all-modules")
			}
			t, err := st.SetPermissions(cmd.Context(), id, p)
			if err != nil {
				return err
			}
			return a.done(cmd, st, t, false, t.ID+" may call: "+t.Permissions.Summary())
		})
	addPermissionFlags(cmd)
	return jsonFlag(cmd)
}

func (a *app) disableCommand() *cobra.Command {
	return jsonFlag(a.completingOnly(func(t store.Token, now time.Time) bool {
		return t.Status(now) != store.StatusDisabled
	},
		a.idCommand("disable", "Switch a token off; its key is refused until enabled",
			"  apitokens disable SU-631-625-036",
			func(cmd *cobra.Command, st *store.Store, id string) error {
				t, err := st.Disable(cmd.Context(), id)
				if err != nil {
					return err
				}
				return a.done(cmd, st, t, false, "disabled "+t.ID)
			})))
}

func (a *app) enableCommand() *cobra.Command {
	return jsonFlag(a.completingOnly(func(t store.Token, now time.Time) bool {
		return t.Status(now) == store.StatusDisabled
	},
		a.idCommand("enable", "Switch a disabled token back on, key unchanged",
			"  apitokens enable SU-631-625-036",
			func(cmd *cobra.Command, st *store.Store, id string) error {
				t, err := st.Enable(cmd.Context(), id)
				if err != nil {
					return err
				}
				return a.done(cmd, st, t, false, "enabled "+t.ID)
			})))
}

// completingOnly narrows the IDs cmd completes to the tokens keep accepts.
func (a *app) completingOnly(keep func(store.Token, time.Time) bool,
	cmd *cobra.Command) *cobra.Command {
	cmd.ValidArgsFunction = a.completeIDsOf(keep)
	return cmd
}

func (a *app) rotateCommand() *cobra.Command {
	return a.newKeyCommand("rotate",
		"Give a token a new key now; the old key stops working at once", (*store.Store).Rotate)
}

func (a *app) renewCommand() *cobra.Command {
	// Only a token with an expiry can be renewed; the others are rotated.
	return a.completingOnly(func(t store.Token, _ time.Time) bool { return t.Expires() },
		a.newKeyCommand("renew",
			"Give an expiring token a new key; the old key works until its old expiry "+
				"or the new one, whichever is sooner",
			(*store.Store).Renew))
}

func (a *app) newKeyCommand(use, short string,
	change func(*store.Store, context.Context, string, *time.Time) (store.Token, error),
) *cobra.Command {
	cmd := a.idCommand(use, short, fmt.Sprintf("  apitokens %s SU-631-625-036 --expires 3m", use),
		func(cmd *cobra.Command, st *store.Store, id string) error {
			if err := required(cmd, "expires", expiresHelp); err != nil {
				return err
			}
			raw, _ := cmd.Flags().GetString("expires")
			expires, err := parseExpires(raw, st.Now())
			if err != nil {
				return err
			}
			t, err := change(st, cmd.Context(), id, expires)
			if err != nil {
				return err
			}
			// stdout stays the key alone, for scripts; the grace period of
			// a renewal's old key is news for the person at the terminal.
			asJSON, _ := cmd.Flags().GetBool("json")
			if until := t.PreviousKeyUntil(st.Now()); until != nil && !asJSON {
				fmt.Fprintf(a.stderr, "The old key keeps working until %s.\n", dates.Format(until))
			}
			return a.done(cmd, st, t, true, t.Key())
		})
	cmd.Flags().String("expires", "", expiresHelp+" (required)")
	_ = cmd.RegisterFlagCompletionFunc("expires", expiresCompletion)
	cmd.Long = short + ".\nIt prints the new API key, the only output, so a script can capture it."
	return jsonFlag(cmd)
}

func (a *app) deleteCommand() *cobra.Command {
	cmd := a.idCommand("delete", "Delete a token: its key stops working; its history is kept",
		"  apitokens delete SU-631-625-036\n"+
			"  apitokens delete SU-631-625-036 --yes   # from a script",
		func(cmd *cobra.Command, st *store.Store, id string) error {
			t, err := st.Get(cmd.Context(), id)
			if err != nil {
				return err
			}
			if yes, _ := cmd.Flags().GetBool("yes"); !yes {
				question := fmt.Sprintf("Delete token %s (%s)? [y/N] ", t.ID, t.Name)
				if err := a.confirm(question); err != nil {
					return err
				}
			}
			if t, err = st.Delete(cmd.Context(), id); err != nil {
				return err
			}
			return a.done(cmd, st, t, false, "deleted "+t.ID)
		})
	cmd.Flags().BoolP("yes", "y", false, "do not ask; needed when stdin is not a terminal")
	return jsonFlag(cmd)
}

// confirm asks on a terminal; without one, it refuses rather than guess.
func (a *app) confirm(question string) error {
	f, ok := a.stdin.(*os.File)
	if !ok || !isatty.IsTerminal(f.Fd()) {
		return usagef("stdin is not a terminal; pass --yes to confirm")
	}
	fmt.Fprint(a.stderr, question)
	answer, err := bufio.NewReader(f).ReadString('\n')
	if err != nil {
		fmt.Fprintln(a.stderr) // end the prompt's line after ctrl+d
	}
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
		return fmt.Errorf("not deleted")
	}
	return nil
}
