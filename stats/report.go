package stats

import (
	"context"
	"fmt"
	"time"

	"github.com/apitokens/apitokens/store"
)

// Days is how many UTC days a report covers, today included.
const Days = 30

const day = 24 * time.Hour

// Counts holds answers by status class. Codes outside 200 to 599, such as
// 101 for an upgraded connection, fall under Other so totals add up.
type Counts struct {
	Success     int64 // 2xx
	Redirect    int64 // 3xx
	ClientError int64 // 4xx
	ServerError int64 // 5xx
	Other       int64
}

// Add counts n answers with the status code.
func (c *Counts) Add(code int, n int64) {
	switch code / 100 {
	case 2:
		c.Success += n
	case 3:
		c.Redirect += n
	case 4:
		c.ClientError += n
	case 5:
		c.ServerError += n
	default:
		c.Other += n
	}
}

// Total is every answer counted, whatever its class.
func (c Counts) Total() int64 {
	return c.Success + c.Redirect + c.ClientError + c.ServerError + c.Other
}

// Day is one UTC day of a report.
type Day struct {
	// Date is the day's midnight, UTC.
	Date time.Time
	Counts
}

// CodeCount is how often one status code was answered.
type CodeCount struct {
	Code  int
	Count int64
}

// Report is what the Statistics tab shows for one token.
type Report struct {
	TokenID string
	// Days are the last Days UTC days, oldest first, today last; days
	// without traffic are present with zero counts.
	Days []Day
	// Window sums Days.
	Window Counts
	// Total is every answer since tracking started, Codes the same by code
	// in ascending order.
	Total Counts
	Codes []CodeCount
	// LastUsed is nil for a token never used.
	LastUsed *time.Time
}

// Load reads the report of a token at the time now. Counts a running
// gateway still holds in memory appear after its next flush, within a
// second. A token ID never created gives an error wrapping store.ErrNotFound.
func Load(ctx context.Context, st *store.Store, tokenID string, now time.Time) (Report, error) {
	t, err := st.Get(ctx, tokenID)
	if err != nil {
		return Report{}, err // Get's error names the ID already
	}
	r := Report{TokenID: tokenID, LastUsed: t.LastUsedAt}

	// The window is read before the totals: a flush landing in between
	// then shows in the totals only, so the totals never fall below it.
	if r.Days, err = Series(ctx, st, tokenID, now); err != nil {
		return Report{}, err
	}
	for _, d := range r.Days {
		r.Window.add(d.Counts)
	}

	totals, err := st.UsageTotals(ctx, tokenID)
	if err != nil {
		return Report{}, fmt.Errorf("statistics of %s: %w", tokenID, err)
	}
	for _, u := range totals {
		r.Total.Add(u.Code, u.Count)
		r.Codes = append(r.Codes, CodeCount{Code: u.Code, Count: u.Count})
	}
	return r, nil
}

// Series returns a token's last Days UTC days, oldest first, ending on the
// UTC day of now. It reads only the rows in that window, so its cost does
// not grow with the traffic counted before it or for other tokens.
func Series(ctx context.Context, st *store.Store, tokenID string, now time.Time) ([]Day, error) {
	last := utcDay(now)
	first := last.Add(-(Days - 1) * day)
	rows, err := st.UsageBetween(ctx, tokenID,
		first.Format(store.DayFormat), last.Format(store.DayFormat))
	if err != nil {
		return nil, fmt.Errorf("statistics of %s: %w", tokenID, err)
	}

	days := make([]Day, Days)
	for i := range days {
		days[i].Date = first.Add(time.Duration(i) * day)
	}
	for _, u := range rows {
		d, err := time.Parse(store.DayFormat, u.Day)
		if err != nil {
			return nil, fmt.Errorf("statistics of %s: day %q: %w", tokenID, u.Day, err)
		}
		if i := int(d.Sub(first) / day); i >= 0 && i < Days {
			days[i].Add(u.Code, u.Count)
		}
	}
	return days, nil
}

func (c *Counts) add(o Counts) {
	c.Success += o.Success
	c.Redirect += o.Redirect
	c.ClientError += o.ClientError
	c.ServerError += o.ServerError
	c.Other += o.Other
}

// utcDay is the midnight, UTC, that starts the UTC day holding t.
func utcDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
