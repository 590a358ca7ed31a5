package tui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/stats"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// statsEvery is how often the Statistics tab reads the counts again while
// it is open, so requests the gateway answers show up by themselves.
const statsEvery = 5 * time.Second

// statsPanel is the Statistics tab's data and its refresh timer.
type statsPanel struct {
	id     string
	seq    int // bumped by start and stop, so the timer of an earlier visit dies out
	active bool
	loaded bool
	report stats.Report
	err    error
}

// statsMsg answers loadStats.
type statsMsg struct {
	id     string
	seq    int
	report stats.Report
	err    error
}

// statsTickMsg is the refresh timer going off.
type statsTickMsg struct {
	id  string
	seq int
}

func loadStats(d deps, id string, seq int) tea.Cmd {
	ctx, st := d.ctx, d.st
	return func() tea.Msg {
		r, err := stats.Load(ctx, st, id, st.Now())
		return statsMsg{id: id, seq: seq, report: r, err: err}
	}
}

// start loads the report now and keeps it fresh until stop.
func (p statsPanel) start(d deps, id string) (statsPanel, tea.Cmd) {
	p.id, p.active = id, true
	p.seq++
	return p, loadStats(d, id, p.seq)
}

// stop ends the refreshing; the last report stays for the next visit.
func (p statsPanel) stop() statsPanel {
	p.active = false
	p.seq++
	return p
}

// update takes a report in and sets the timer for the next one only then,
// so a slow database never has reads piling up.
func (p statsPanel) update(d deps, msg tea.Msg) (statsPanel, tea.Cmd) {
	switch msg := msg.(type) {
	case statsMsg:
		if !p.active || msg.seq != p.seq || msg.id != p.id {
			return p, nil
		}
		if msg.err != nil {
			d.log.Warn("load statistics", "id", p.id, "err", msg.err)
			p.err = msg.err
		} else {
			p.report, p.err, p.loaded = msg.report, nil, true
		}
		id, seq := p.id, p.seq
		return p, d.tick(statsEvery, func(time.Time) tea.Msg {
			return statsTickMsg{id: id, seq: seq}
		})
	case statsTickMsg:
		if !p.active || msg.seq != p.seq || msg.id != p.id {
			return p, nil
		}
		return p, loadStats(d, p.id, p.seq)
	}
	return p, nil
}

// Lines of the Statistics tab besides the chart: the title above, the
// two lines of totals below.
const statsChrome = 3

// minChartHeight is the least stats.Chart draws a chart in: its x axis,
// day labels and legend, the zero line and two rows of plot. Below it the
// chart is a line asking for a taller window.
const minChartHeight = 6

// statsMinHeight is the body the Statistics tab needs to show its chart.
const statsMinHeight = statsChrome + minChartHeight

// view draws the tab in w x h: the title, the chart, and under it the
// totals and the last use.
func (p statsPanel) view(s ui.Styles, t store.Token, w, h int, color bool) string {
	r := p.report
	if !p.loaded {
		r = stats.Report{LastUsed: t.LastUsedAt}
	}
	chartH := max(h-statsChrome, 3)
	var chart string
	switch {
	case !p.loaded && p.err == nil:
		chart = frame(s, "Loading…", w, chartH)
	case r.Window.Total() == 0:
		// A flat line at zero says less than these words.
		chart = frame(s, "No requests in the last 30 days", w, chartH)
	default:
		chart = stats.Chart(r, w, chartH, color)
	}

	window := s.Label.Render(pad("Last 30 days", 14)) + classCounts(s, r.Window)
	overall := s.Label.Render(pad("All time", 14)) +
		s.Value.Render(plural(int(r.Total.Total()), "request", "requests")) +
		s.Muted.Render(" · last used ") + s.Value.Render(dates.Format(r.LastUsed))
	if p.err != nil {
		overall = s.Error.Render("Could not read the counts: " + p.err.Error() + "; retrying")
	}
	return strings.Join([]string{
		s.Label.Render(ui.Truncate(stats.ChartTitle, w)), chart,
		ui.Truncate(window, w), ui.Truncate(overall, w),
	}, "\n")
}

// classCounts is the counts by status class; 5xx and others only when any.
func classCounts(s ui.Styles, c stats.Counts) string {
	parts := []string{
		s.Muted.Render("2xx ") + s.Value.Render(thousands(int(c.Success))),
		s.Muted.Render("3xx ") + s.Value.Render(thousands(int(c.Redirect))),
		s.Muted.Render("4xx ") + s.Value.Render(thousands(int(c.ClientError))),
	}
	if c.ServerError > 0 {
		parts = append(parts, s.Muted.Render("5xx ")+s.Value.Render(thousands(int(c.ServerError))))
	}
	if c.Other > 0 {
		parts = append(parts, s.Muted.Render("other ")+s.Value.Render(thousands(int(c.Other))))
	}
	return strings.Join(parts, s.Muted.Render(" · "))
}

// frame is an empty chart: a box with a note in its middle.
func frame(s ui.Styles, note string, w, h int) string {
	innerW := max(w-s.Box.GetHorizontalFrameSize(), 1)
	innerH := max(h-s.Box.GetVerticalFrameSize(), 1)
	body := lipgloss.Place(innerW, innerH, lipgloss.Center, lipgloss.Center,
		s.Muted.Render(ui.Truncate(note, innerW)))
	return s.Box.Render(body)
}
