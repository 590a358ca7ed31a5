package stats

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"
)

// ChartTitle is the heading the Statistics tab draws above Chart; Chart
// leaves it out so the tab can style and place it.
const ChartTitle = "Token Request Status Code · UTC · Last 30 days"

// Lines Chart draws besides the plot: the x axis, its day labels and the
// legend.
const chartChrome = 3

// The smallest plot worth drawing; below it Chart asks for a larger window.
const (
	minPlotRows = 2
	minPlotCols = 10
)

// yGutter is the columns the y axis adds to its labels: a space before
// them, and a space and the axis line after.
const yGutter = 3

// series is one line of the chart. Plain text cannot tell lines apart by
// colour, so each has its own mark there.
type series struct {
	legend string
	color  asciigraph.AnsiColor
	mark   string // "" keeps asciigraph's box-drawing lines
	value  func(Counts) int64
}

// charted are the classes drawn, in drawing order: the later is drawn over
// the earlier where lines cross. 5xx is kept for the totals only.
var charted = []series{
	{"2xx", asciigraph.Green, "", func(c Counts) int64 { return c.Success }},
	{"3xx", asciigraph.DodgerBlue, "•", func(c Counts) int64 { return c.Redirect }},
	{"4xx", asciigraph.Orange, "×", func(c Counts) int64 { return c.ClientError }},
}

// Chart draws the report's days as one line per status class with a legend
// and day labels, in at most width columns and height lines. Its y labels
// are whole numbers, evenly spaced from 0, never repeated, and end just
// above the busiest day, so the plot may be shorter than height allows.
// Without color it is plain text, each class drawn with its own mark.
func Chart(r Report, width, height int, color bool) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	values := chartValues(r.Days)
	avail := height - chartChrome - 1 // the plot has a line for 0 too
	y := newYAxis(peak(values), max(avail, minPlotRows))
	leftPad := yGutter + y.width()
	cols := width - leftPad - labelOverhang
	short, narrow := avail < minPlotRows, cols < minPlotCols || width < legendWidth()
	if short || narrow {
		return ansi.Truncate(tooSmall(short, narrow), width, "…")
	}
	for i, v := range values {
		values[i] = stretch(v, cols)
	}

	// asciigraph draws the plot and its axis line only; the labels are
	// added here, all in one form, which its own gutter does not keep
	// (it drops the space before the axis for narrow labels).
	opts := []asciigraph.Option{
		asciigraph.Height(y.rows), asciigraph.Offset(1),
		asciigraph.LowerBound(0), asciigraph.UpperBound(float64(y.top())),
		asciigraph.YAxisValueFormatter(func(float64) string { return "" }),
	}
	if color {
		opts = append(opts, asciigraph.SeriesColors(seriesColors()...))
	} else {
		opts = append(opts, asciigraph.SeriesChars(seriesChars()...))
	}
	lines := strings.Split(asciigraph.PlotMany(values, opts...), "\n")
	blank := strings.Repeat(" ", y.width())
	for i := range lines {
		label := blank // only if asciigraph's rounding ever drew an extra line
		if i < len(y.labels) {
			label = y.labels[i]
		}
		lines[i] = " " + label + " " + lines[i]
	}

	axis, labels := xAxis(r.Days, leftPad, cols)
	lines = append(lines, axis, labels, legend(leftPad, cols, width, color))
	for i, l := range lines {
		if !color {
			l = ansi.Strip(l)
		}
		lines[i] = ansi.Truncate(l, width, "")
	}
	return strings.Join(lines[:min(len(lines), height)], "\n")
}

// tooSmall asks for the dimension the chart lacks, so the user knows which
// way to drag the window.
func tooSmall(short, narrow bool) string {
	switch {
	case short && narrow:
		return "Enlarge the window to see the chart"
	case short:
		return "Make the window taller to see the chart"
	}
	return "Widen the window to see the chart"
}

// maxCharted is the largest count drawn as it is; larger ones are drawn at
// it, so that the scale's arithmetic stays within int64 and exact in
// float64. No token answers a quadrillion requests a day.
const maxCharted = 1_000_000_000_000_000

// chartValues turns the days into one series per charted class. asciigraph
// panics on an empty series and draws only an axis for a single point, so
// no days become two zeros and one day a flat line. Counts are clamped to
// 0..maxCharted.
func chartValues(days []Day) [][]float64 {
	out := make([][]float64, len(charted))
	for i, s := range charted {
		v := make([]float64, 0, max(len(days), 2))
		for _, d := range days {
			v = append(v, float64(min(max(s.value(d.Counts), 0), maxCharted)))
		}
		switch len(v) {
		case 0:
			v = append(v, 0, 0)
		case 1:
			v = append(v, v[0])
		}
		out[i] = v
	}
	return out
}

// stretch spreads a day series over cols columns. asciigraph's own Width
// interpolates at even steps and so can miss a day's peak; here every day
// keeps its exact value at its own column (the largest, where several days
// share one) and only the columns between days are interpolated.
func stretch(v []float64, cols int) []float64 {
	out := make([]float64, cols)
	set := make([]bool, cols)
	for i, x := range v {
		c := dayColumn(i, len(v), cols)
		if !set[c] || x > out[c] {
			out[c], set[c] = x, true
		}
	}
	prev := 0 // dayColumn puts the first day at 0 and the last at cols-1
	for c := 1; c < cols; c++ {
		if !set[c] {
			continue
		}
		for g := prev + 1; g < c; g++ {
			out[g] = out[prev] + (out[c]-out[prev])*float64(g-prev)/float64(c-prev)
		}
		prev = c
	}
	return out
}

func peak(values [][]float64) int64 {
	var p float64
	for _, v := range values {
		for _, x := range v {
			p = max(p, x)
		}
	}
	return int64(p)
}

func seriesColors() []asciigraph.AnsiColor {
	out := make([]asciigraph.AnsiColor, len(charted))
	for i, s := range charted {
		out[i] = s.color
	}
	return out
}

func seriesChars() []asciigraph.CharSet {
	out := make([]asciigraph.CharSet, len(charted))
	for i, s := range charted {
		out[i] = asciigraph.DefaultCharSet
		if s.mark != "" {
			out[i] = asciigraph.CreateCharSet(s.mark)
		}
	}
	return out
}
