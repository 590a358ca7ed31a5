package cli

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
)

func init() {
	register((*app).listCommand)
	register((*app).showCommand)
	register((*app).historyCommand)
}

func (a *app) listCommand() *cobra.Command {
	var filter, status string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List live tokens, newest first",
		Example: `  apitokens list
  apitokens list --status expiring --filter crm
  apitokens list --json | jq -r '.[].id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts := store.ListOptions{Filter: filter, Limit: store.MaxPage}
			if status != "" {
				st, err := parseStatus(strings.ToLower(status))
				if err != nil {
					return err
				}
				opts.Status = st
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			now := st.Now()

			// Page through the store so a huge table is never held at once.
			var rows []tokenJSON
			tw := &table{}
			tw.add("NAME", "ID", "EXTENSION", "CREATED", "EXPIRES", "STATUS")
			for {
				page, err := st.List(cmd.Context(), opts)
				if err != nil {
					return err
				}
				for _, t := range page {
					if asJSON {
						rows = append(rows, toJSON(t, now, false))
						continue
					}
					tw.add(cell(t.Name), t.ID, string(t.Extension),
						dates.Format(&t.CreatedAt), dates.Format(t.ExpiresAt),
						string(t.Status(now)))
				}
				if len(page) < opts.Limit {
					break
				}
				opts.Offset += len(page)
			}
			if asJSON {
				if rows == nil {
					rows = []tokenJSON{}
				}
				return writeJSON(a.stdout, rows)
			}
			return tw.write(a.stdout)
		},
	}
	cmd.Flags().StringVar(&filter, "filter", "", "part of a name, ID, external ID or extension")
	cmd.Flags().StringVar(&status, "status", "",
		"only tokens that are active, expiring, expired or disabled")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	_ = cmd.RegisterFlagCompletionFunc("status",
		fixedCompletion("active", "expiring", "expired", "disabled"))
	return cmd
}

// cell keeps a table row on one line whatever the name holds.
func cell(s string) string {
	return ansi.Truncate(strings.Join(strings.Fields(s), " "), 40, "…")
}

func (a *app) showCommand() *cobra.Command {
	cmd := a.idCommand("show", "Show one token, deleted ones included",
		"  apitokens show SU-631-625-036\n  apitokens show SU-631-625-036 --reveal --json",
		func(cmd *cobra.Command, st *store.Store, id string) error {
			t, err := st.Get(cmd.Context(), id)
			if err != nil {
				return err
			}
			now := st.Now()
			reveal, _ := cmd.Flags().GetBool("reveal")
			if asJSON, _ := cmd.Flags().GetBool("json"); asJSON {
				return writeJSON(a.stdout, toJSON(t, now, reveal))
			}
			key := t.MaskedKey()
			if reveal {
				key = t.Key()
			}
			tw := &table{}
			for _, row := range [][2]string{
				{"Name", t.Name}, {"ID", t.ID}, {"Status", string(t.Status(now))},
				{"API key", key},
				{"Extension", string(t.Extension) + " — " + t.Extension.Description()},
				{"Permissions", t.Permissions.Summary()},
				{"External ID", orDash(t.ExternalID)},
				{"Expires", dates.Format(t.ExpiresAt)},
				{"Created", dates.Format(&t.CreatedAt)},
				{"Updated", dates.Format(&t.UpdatedAt)},
				{"Last used", lastUsed(t)},
			} {
				tw.add(row[0], row[1])
			}
			if until := t.PreviousKeyUntil(now); until != nil {
				tw.add("Previous key", "works until "+dates.Format(until))
			}
			for i, line := range strings.Split(t.Description, "\n") {
				label := ""
				if i == 0 {
					label = "Description"
				}
				tw.add(label, line)
			}
			return tw.write(a.stdout)
		})
	cmd.Flags().BoolP("reveal", "r", false, "print the whole API key")
	return jsonFlag(cmd)
}

func lastUsed(t store.Token) string { return lastUsedAt(t.LastUsedAt) }

func lastUsedAt(at *time.Time) string {
	if at == nil {
		return "never"
	}
	return dates.Format(at)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (a *app) historyCommand() *cobra.Command {
	return jsonFlag(a.idCommand("history", "Show a token's changes, oldest first",
		"  apitokens history SU-631-625-036\n  apitokens history SU-631-625-036 --json",
		func(cmd *cobra.Command, st *store.Store, id string) error {
			events, err := st.Events(cmd.Context(), id)
			if err != nil {
				return err
			}
			if asJSON, _ := cmd.Flags().GetBool("json"); asJSON {
				out := make([]eventJSON, 0, len(events))
				for _, e := range events {
					out = append(out, eventJSON{string(e.Kind), *rfc3339(&e.At), e.Detail})
				}
				return writeJSON(a.stdout, out)
			}
			tw := &table{}
			tw.add("WHEN", "CHANGE", "DETAIL")
			for _, e := range events {
				tw.add(dates.Format(&e.At), string(e.Kind), dates.EventDetail(e))
			}
			return tw.write(a.stdout)
		}))
}
