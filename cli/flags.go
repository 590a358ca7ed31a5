package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
)

const expiresHelp = `expiry: never, 1d, 1w, 1m, 3m, 1y, YYYY-MM-DD[THH:MM]
or "DD/MM/YYYY HH:MM" (local time)`

// parseExpires reads --expires; a value of the wrong form is a usage
// error, a well-formed date in the past is refused by the store's rule.
func parseExpires(s string, now time.Time) (*time.Time, error) {
	at, err := dates.Parse(s, now)
	if err == nil {
		return at, nil
	}
	if dates.Malformed(err) {
		return nil, usageError{explain(err)}
	}
	return nil, explain(err)
}

// parseModules reads --modules as comma-separated slugs or names.
func parseModules(s string) ([]string, error) {
	var out []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		m, ok := findModule(part)
		if !ok {
			return nil, usagef("--modules: unknown module %q; `apitokens create --help` lists them",
				part)
		}
		out = append(out, m.Slug)
	}
	if len(out) == 0 {
		return nil, usagef("--modules: name at least one module, or use --all-modules")
	}
	return out, nil
}

func findModule(s string) (store.Module, bool) {
	for _, m := range store.Modules {
		if strings.EqualFold(m.Slug, s) || strings.EqualFold(m.Name, s) {
			return m, true
		}
	}
	return store.Module{}, false
}

func moduleList() string {
	s := make([]string, len(store.Modules))
	for i, m := range store.Modules {
		s[i] = m.Slug
	}
	return strings.Join(s, ", ")
}

// permissionsFlags reads --modules and --all-modules; set is false when
// neither was given.
func permissionsFlags(cmd *cobra.Command) (p store.Permissions, set bool, err error) {
	all, _ := cmd.Flags().GetBool("all-modules")
	mods, _ := cmd.Flags().GetString("modules")
	if all && cmd.Flags().Changed("modules") {
		return p, false, usagef("use either --modules or --all-modules, not both")
	}
	if all {
		return store.Permissions{All: true}, true, nil
	}
	if !cmd.Flags().Changed("modules") {
		return store.Permissions{}, false, nil
	}
	slugs, err := parseModules(mods)
	return store.Permissions{Modules: slugs}, true, err
}

func addPermissionFlags(cmd *cobra.Command) {
	cmd.Flags().String("modules", "", "comma-separated modules: "+moduleList())
	cmd.Flags().Bool("all-modules", false, "grant every module, including modules added later")
}

// completeIDs offers the IDs of live tokens for shell completion.
func (a *app) completeIDs(cmd *cobra.Command, args []string,
	prefix string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDsOf(nil)(cmd, args, prefix)
}

// completeIDsOf offers only the tokens keep accepts at the time now, so
// `enable` offers disabled tokens and `renew` those that expire; nil keeps
// every live token.
func (a *app) completeIDsOf(keep func(t store.Token, now time.Time) bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		st, err := a.openStore()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		defer st.Close()
		tokens, err := st.List(cmd.Context(), store.ListOptions{Filter: prefix, Limit: 200})
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		now := st.Now()
		var ids []string
		for _, t := range tokens {
			if strings.HasPrefix(t.ID, prefix) && (keep == nil || keep(t, now)) {
				ids = append(ids, t.ID+"\t"+t.Name)
			}
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}

// expiresCompletion offers the presets; a date is typed by hand.
var expiresCompletion = fixedCompletion("never", "1d", "1w", "1m", "3m", "1y")

// fixedCompletion offers a flag's few possible values.
func fixedCompletion(values ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
}

// oneID accepts exactly one argument and says what it should be.
func oneID(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef("%s takes one token ID, such as SU-631-625-036; "+
			"`apitokens list` shows them", cmd.Name())
	}
	return nil
}

// required refuses a missing flag with what to give.
func required(cmd *cobra.Command, flag, what string) error {
	if !cmd.Flags().Changed(flag) {
		return usagef("--%s is required: %s", flag, what)
	}
	return nil
}
