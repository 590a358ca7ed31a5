package tui

import (
	"strings"
	"testing"

	"github.com/apitokens/apitokens/stats"
)

// TestStatisticsChartAtSmallest checks the Statistics tab at the smallest
// window, 60x16, and at 80x16: the chart is drawn, with the totals under
// it, rather than a request for a taller window.
func TestStatisticsChartAtSmallest(t *testing.T) {
	e := newEnv(t)
	tok := seedTraffic(e)
	for _, w := range []int{60, 80} {
		m := keys(e.opened(tok, w, 16), "2")
		view := m.View()
		checkFits(t, view, w, 16)
		if strings.Contains(view, "to see the chart") || !strings.Contains(view, "× 4xx") ||
			!strings.Contains(view, "2xx 1,") || !strings.Contains(view, "All time") {
			t.Errorf("%dx16: no chart, or no totals:\n%s", w, view)
		}
		if m.details.tab != tabStatistics || m.details.body.TotalLineCount() >
			m.details.body.Height {
			t.Errorf("%dx16: the tab scrolls:\n%s", w, view)
		}
	}
}

// TestStatisticsTooShort checks that a body too short for the chart,
// here because a long error takes three status lines, says so in place
// of the chart and keeps the totals.
func TestStatisticsTooShort(t *testing.T) {
	e := newEnv(t)
	tok := seedTraffic(e)
	m := keys(e.opened(tok, 60, 16), "2")
	m.details.status = m.details.status.fail("Could not read the token: the database " +
		"is busy (locked by another program). Retrying, and retrying again…")
	m.details = m.details.layout()
	view := m.View()
	checkFits(t, view, 60, 16)
	if !strings.Contains(view, "Make the window taller to see the chart") ||
		!strings.Contains(view, "All time") {
		t.Errorf("no request for a taller window, or no totals:\n%s", view)
	}
}

// TestMinChartHeight keeps minChartHeight, which the details screen plans
// its lines by, equal to the least height stats.Chart draws a chart in.
func TestMinChartHeight(t *testing.T) {
	r := stats.Report{Days: []stats.Day{{}, {}}}
	r.Days[1].Counts.Success = 5
	if got := stats.Chart(r, 60, minChartHeight, false); strings.Contains(got, "taller") {
		t.Errorf("no chart at %d lines:\n%s", minChartHeight, got)
	}
	if got := stats.Chart(r, 60, minChartHeight-1, false); !strings.Contains(got, "taller") {
		t.Errorf("a chart at %d lines; minChartHeight is too large:\n%s", minChartHeight-1, got)
	}
}
