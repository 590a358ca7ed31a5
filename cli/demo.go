package cli

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/store"
)

func init() { register((*app).demoCommand) }

// demoMark starts the external ID of every demo token: it is how demo
// recognises a database it filled before.
const demoMark = "demo-"

// demoToken is one sample token and the life demo gives it. Offsets are
// days from now: negative in the past.
type demoToken struct {
	name, about string
	ext         store.Extension
	modules     []string // nil: the extension's default
	created     int
	expires     *int // nil: never expires
	renewAt     int  // 0: never renewed; else renewed then to expire in 3 days
	rotateAt    int  // 0: never rotated
	disableAt   int  // 0: never disabled
	perDay      int  // requests on a busy day
	weekdays    bool // a working-week pattern, quiet at weekends
}

func days(n int) *int { return &n }

var demoTokens = []demoToken{
	{name: "Demo · CRM sync", about: "keeps the CRM's customers and contracts in step",
		ext: store.Custom, modules: []string{"agreements", "contracts", "customers"},
		created: -45, expires: days(80), rotateAt: -20, perDay: 420, weekdays: true},
	{name: "Demo · Nightly reports", about: "exports the day's figures to the data warehouse",
		ext: store.Reports, created: -44, perDay: 130},
	{name: "Demo · Zapier leads", about: "turns new leads into tasks",
		ext: store.Zapier, created: -40, expires: days(-25), renewAt: -27, perDay: 260},
	{name: "Demo · Flowgear billing", about: "pushes invoices to the ledger",
		ext: store.Flowgear, modules: []string{"billing", "pricing"},
		created: -43, expires: days(-6), perDay: 180, weekdays: true},
	{name: "Demo · Old integration", about: "a retired partner feed",
		ext: store.Custom, modules: []string{"integrations", "partners"},
		created: -42, disableAt: -10, perDay: 70},
}

func (a *app) demoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Fill a new database with demo tokens and 30 days of traffic",
		Long: `Fill a database of its own with a few sample tokens, one in each status,
and 30 days of generated request counts, so that every screen has
something to show. Everything it makes is demo data and named "Demo".

It needs --db and refuses a database that holds tokens of your own. Run on
a database it filled before, it changes nothing and says so.`,
		Example: "  apitokens demo --db ./demo.db\n  apitokens --db ./demo.db",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.dbFlag == "" {
				return usagef("demo needs --db FILE: it fills a database of its own, " +
					"never your tokens")
			}
			now := time.Now().UTC().Truncate(time.Second)
			clock := now
			st, err := store.Open(a.dbFlag, store.WithClock(func() time.Time { return clock }))
			if err != nil {
				return err
			}
			defer st.Close()

			ctx := cmd.Context()
			if done, err := a.alreadyFilled(ctx, st); done || err != nil {
				return err
			}
			tokens, err := createDemoTokens(ctx, st, now, &clock)
			if err != nil {
				return fmt.Errorf("make the demo tokens: %w", err)
			}
			clock = now
			totals, err := recordDemoTraffic(ctx, st, tokens, now)
			if err != nil {
				return fmt.Errorf("record the demo traffic: %w", err)
			}
			return a.printDemo(st, tokens, totals, now)
		},
	}
}

// alreadyFilled reports a database demo filled before, and refuses one that
// holds any other token.
func (a *app) alreadyFilled(ctx context.Context, st *store.Store) (bool, error) {
	var demo, other int
	err := st.Each(ctx, func(t store.Token) error {
		if strings.HasPrefix(t.ExternalID, demoMark) {
			demo++
		} else {
			other++
		}
		return nil
	})
	switch {
	case err != nil:
		return false, err
	case other > 0:
		return false, errors.New(st.Path() + " already holds tokens; demo fills a database " +
			"of its own: pass a new file with --db")
	case demo > 0:
		_, err := fmt.Fprintf(a.stdout, "%s already holds the demo data; open it with:\n"+
			"  apitokens --db %s\n", st.Path(), st.Path())
		return true, err
	}
	return false, nil
}

// createDemoTokens makes each token at its time in the past, moving the
// store's clock, so the history reads as a real one.
func createDemoTokens(ctx context.Context, st *store.Store, now time.Time,
	clock *time.Time) ([]store.Token, error) {
	at := func(d int) time.Time { return now.AddDate(0, 0, d) }
	var out []store.Token
	for i, d := range demoTokens {
		*clock = at(d.created)
		draft := store.Draft{
			Name: d.name, ExternalID: fmt.Sprint(demoMark, i+1), Extension: d.ext,
			Description: "Demo data made by apitokens demo: " + d.about + ".",
			Permissions: d.ext.DefaultPermissions(),
		}
		if d.modules != nil {
			draft.Permissions = store.Permissions{Modules: d.modules}
		}
		if d.expires != nil {
			draft.ExpiresAt = ptr(at(*d.expires))
		}
		t, err := st.Create(ctx, draft)
		if err != nil {
			return nil, err
		}
		if d.renewAt != 0 {
			*clock = at(d.renewAt)
			if t, err = st.Renew(ctx, t.ID, ptr(now.Add(3*24*time.Hour))); err != nil {
				return nil, err
			}
		}
		if d.rotateAt != 0 {
			*clock = at(d.rotateAt)
			if t, err = st.Rotate(ctx, t.ID, t.ExpiresAt); err != nil {
				return nil, err
			}
		}
		if d.disableAt != 0 {
			*clock = at(d.disableAt)
			if t, err = st.Disable(ctx, t.ID); err != nil {
				return nil, err
			}
		}
		out = append(out, t)
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }

// recordDemoTraffic writes 30 UTC days of counts, today's in proportion to
// the hours gone. A fixed seed makes every demo database alike. A token's
// refused days (expired, disabled) get mostly 401s, as a client that never
// noticed would cause.
func recordDemoTraffic(ctx context.Context, st *store.Store, tokens []store.Token,
	now time.Time) (map[string]int64, error) {
	rng := rand.New(rand.NewPCG(2030, 315))
	today := now.Truncate(24 * time.Hour)
	var counts []store.Usage
	totals := map[string]int64{}
	lastUsed := map[string]time.Time{}
	for i, d := range demoTokens {
		t := tokens[i]
		for back := 29; back >= 0; back-- {
			day := today.AddDate(0, 0, -back)
			volume := float64(d.perDay) * (0.75 + 0.5*rng.Float64())
			if d.weekdays && (day.Weekday() == time.Saturday || day.Weekday() == time.Sunday) {
				volume *= 0.15
			}
			if back == 0 {
				volume *= now.Sub(today).Hours() / 24
			}
			refused := d.disableAt != 0 && back <= -d.disableAt ||
				t.ExpiresAt != nil && !day.Add(12*time.Hour).Before(*t.ExpiresAt)
			for code, share := range demoCodes(refused, rng) {
				n := int64(volume * share)
				if n == 0 {
					continue
				}
				counts = append(counts, store.Usage{TokenID: t.ID,
					Day: day.Format(store.DayFormat), Code: code, Count: n})
				totals[t.ID] += n
			}
		}
		lastUsed[t.ID] = now.Add(-time.Duration(rng.IntN(50)+1) * time.Minute)
	}
	return totals, st.RecordUsage(ctx, counts, lastUsed)
}

// demoCodes spreads a day's requests over status codes.
func demoCodes(refused bool, rng *rand.Rand) map[int]float64 {
	if refused {
		return map[int]float64{401: 0.9 + 0.1*rng.Float64(), 404: 0.02}
	}
	jitter := func(x float64) float64 { return x * (0.5 + rng.Float64()) }
	return map[int]float64{
		200: 0.86, 201: jitter(0.05), 204: jitter(0.02), 301: jitter(0.015),
		304: jitter(0.02), 401: jitter(0.01), 403: jitter(0.01), 404: jitter(0.02),
		502: jitter(0.003),
	}
}

func (a *app) printDemo(st *store.Store, tokens []store.Token, totals map[string]int64,
	now time.Time) error {
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Made demo data in %s: %d sample tokens, 30 days of requests.\n\n",
		st.Path(), len(tokens))
	for _, t := range tokens {
		fmt.Fprintf(w, "  %s\t%s\t%s\t%d requests\n", t.Name, t.ID, t.Status(now), totals[t.ID])
	}
	fmt.Fprintf(w, "\nOpen it with:\n  apitokens --db %s\n", st.Path())
	fmt.Fprintf(w, "\nTry the gateway with the %s key:\n  apitokens serve --db %s\n"+
		"  curl -H 'Authorization: ApiKey %s' http://127.0.0.1:8484/agreements/\n",
		tokens[0].Name, st.Path(), tokens[0].Key())
	return w.Flush()
}
