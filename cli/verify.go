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
		Args: cobra.ExactArgs(1),
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
				return fmt.Errorf("refused: %s", refused.Reason)
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
