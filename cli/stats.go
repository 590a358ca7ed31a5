package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
)

func init() { register((*app).statsCommand) }

// dayJSON is one UTC day of `stats --json`, with stable field names.
type dayJSON struct {
	Day  string `json:"day"`
	S2xx int64  `json:"2xx"`
	S3xx int64  `json:"3xx"`
	S4xx int64  `json:"4xx"`
	S5xx int64  `json:"5xx"`
}

type statsJSON struct {
	ID         string           `json:"id"`
	Days       []dayJSON        `json:"days"`
	Window     map[string]int64 `json:"last_30_days"`
	Total      int64            `json:"total_since_tracking"`
	LastUsedAt *string          `json:"last_used_at"`
}

func (a *app) statsCommand() *cobra.Command {
	cmd := a.idCommand("stats",
		"Print a token's answers per status class over the last 30 UTC days",
		"  apitokens stats SU-631-625-036\n"+
			"  apitokens stats SU-631-625-036 --json | jq '.days[-1]'",
		func(cmd *cobra.Command, st *store.Store, id string) error {
			r, err := stats.Load(cmd.Context(), st, id, st.Now())
			if err != nil {
				return err
			}
			if asJSON, _ := cmd.Flags().GetBool("json"); asJSON {
				out := statsJSON{ID: r.TokenID, Days: []dayJSON{}, Total: r.Total.Total(),
					LastUsedAt: rfc3339(r.LastUsed)}
				for _, d := range r.Days {
					out.Days = append(out.Days, dayJSON{d.Date.Format(store.DayFormat),
						d.Success, d.Redirect, d.ClientError, d.ServerError})
				}
				out.Window = map[string]int64{
					"2xx": r.Window.Success, "3xx": r.Window.Redirect,
					"4xx": r.Window.ClientError, "5xx": r.Window.ServerError,
				}
				return writeJSON(a.stdout, out)
			}
			tw := &table{alignRight: map[int]bool{1: true, 2: true}}
			tw.add("CLASS", "LAST 30 DAYS", "SINCE TRACKING")
			for _, row := range []struct {
				class       string
				window, all int64
			}{
				{"2xx", r.Window.Success, r.Total.Success},
				{"3xx", r.Window.Redirect, r.Total.Redirect},
				{"4xx", r.Window.ClientError, r.Total.ClientError},
				{"5xx", r.Window.ServerError, r.Total.ServerError},
			} {
				tw.add(row.class, fmt.Sprint(row.window), fmt.Sprint(row.all))
			}
			if err := tw.write(a.stdout); err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "Last used: %s\n", lastUsedAt(r.LastUsed))
			return err
		})
	return jsonFlag(cmd)
}
