package cli

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/store"
)

func init() { register((*app).verifyCommand) }

func (a *app) verifyCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "verify KEY",
		Short: "Check whether an API key would be accepted now",
		Long: `Check whether an API key would be accepted now. Exit status 0 means
accepted; 1 means refused, with the reason on stderr. Pass - to read the key
from stdin, which keeps it out of the process list.`,
		Example: "  apitokens verify SU-631-625-036:3f1c…\n" +
			"  printf %s \"$KEY\" | apitokens verify -",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("verify takes one API key, ID:secret, or - to read it from stdin")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			key := args[0]
			if key == "-" {
				line, err := bufio.NewReader(a.stdin).ReadString('\n')
				if err != nil && line == "" {
					return usagef("no key on stdin")
				}
				key = line
			}
			key = strings.TrimSpace(key)
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			t, err := st.Verify(cmd.Context(), key, st.Now())
			var refused *store.RefusedError
			if errors.As(err, &refused) {
				return fmt.Errorf("refused: %s%s", refused.Reason, advice[refused.Reason])
			}
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "accepted: %s (%s), %s\n",
				t.ID, t.Name, t.Permissions.Summary())
			return err
		},
	}
}

// advice says what the owner of a refused key can do about it.
var advice = map[store.Refusal]string{
	store.RefusedMalformed: "; a key is ID:secret, such as SU-631-625-036:<40 hex digits>",
	store.RefusedUnknown:   "; no token has this ID in this database (see --db)",
	store.RefusedExpired:   "; renew or rotate the token for a new key",
	store.RefusedReplaced:  "; the token was renewed: `apitokens show ID --reveal` prints the new key",
	store.RefusedDisabled:  "; `apitokens enable ID` switches it back on",
	store.RefusedDeleted:   "; deleted tokens stay deleted: create a new one",
	store.RefusedWrongSecret: "; the token was rotated or the key mistyped: " +
		"`apitokens show ID --reveal` prints the current key",
}
