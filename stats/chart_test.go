package stats_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/apitokens/apitokens/stats"
)

// chartCases are the data the chart must draw sensibly.
var chartCases = []struct {
	name   string
	report stats.Report
}{
	{"Empty", stats.Report{}},
	{"AllZero", days(func(int) (int64, int64, int64) { return 0, 0, 0 })},
	{"OneDay", stats.Report{Days: days(func(int) (int64, int64, int64) {
		return 42, 3, 7
	}).Days[:1]}},
	{"OneHugeDay", days(func(i int) (int64, int64, int64) {
		if i == 20 {
			return 10_000_000, 0, 12
		}
		return 3, 0, 1
	})},
	{"Extremes", days(func(i int) (int64, int64, int64) {
		return math.MaxInt64 - int64(i), -int64(i), int64(i) << 40
	})},
	{"Weekly", days(func(i int) (int64, int64, int64) {
		return int64(40 + 25*(i%7)), int64(6 * (i % 3)), int64(4 * (i % 5))
	})},
}

// TestChartGolden draws each case at the tab's usual size and a narrow one,
// in plain text, and compares with testdata. Run with -update after a
// deliberate change.
func TestChartGolden(t *testing.T) {
	for _, c := range chartCases {
		for _, size := range []struct{ w, h int }{{76, 16}, {44, 9}} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size.w, size.h), func(t *testing.T) {
				out := stats.Chart(c.report, size.w, size.h, false)
				golden.RequireEqual(t, []byte(out+"\n"))
			})
		}
	}
}

// TestChartFits draws every case at many sizes, in colour and not, and
// checks the bounds and the y labels each time.
func TestChartFits(t *testing.T) {
	for _, c := range chartCases {
		for w := 0; w <= 130; w += 7 {
			for h := 0; h <= 40; h += 3 {
				for _, color := range []bool{false, true} {
					out := stats.Chart(c.report, w, h, color)
					where := fmt.Sprintf("%s at %dx%d color=%v", c.name, w, h, color)
					checkBounds(t, where, out, w, h)
					if !color && strings.Contains(out, "\x1b") {
						t.Errorf("%s: colour codes in plain text", where)
					}
					if strings.Contains(out, "┤") {
						checkYLabels(t, where, out)
					}
				}
			}
		}
	}
}

func checkBounds(t *testing.T, where, out string, w, h int) {
	t.Helper()
	if out == "" {
		if w > 0 && h > 0 {
			t.Errorf("%s: nothing drawn", where)
		}
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines", where, len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("%s: line %q is %d wide", where, ansi.Strip(l), ansi.StringWidth(l))
		}
	}
}

// checkYLabels wants whole numbers from a top down to 0 in equal steps, no
// gaps, no repeats, in one gutter: each right-aligned to the widest, then
// one space and the axis, in the same column on every line.
func checkYLabels(t *testing.T, where, out string) {
	t.Helper()
	labels, axisAt := yLabels(out)
	if len(labels) < 2 || labels[len(labels)-1].value != 0 {
		t.Errorf("%s: y labels %v do not end at 0", where, labels)
		return
	}
	for _, l := range labels {
		if l.err != nil {
			t.Errorf("%s: y label %q: %v", where, l.text, l.err)
			return
		}
		if l.axisAt != axisAt || !strings.HasPrefix(l.text, " ") ||
			!strings.HasSuffix(l.text, " ") || strings.HasSuffix(l.text, "  ") {
			t.Errorf("%s: y label %q, axis at %d, not in the gutter of the others:\n%s",
				where, l.text, l.axisAt, ansi.Strip(out))
			return
		}
	}
	step := labels[0].value - labels[1].value
	for i := 1; i < len(labels); i++ {
		if step <= 0 || labels[i-1].value-labels[i].value != step {
			t.Errorf("%s: y labels %v are not evenly spaced", where, labels)
			return
		}
	}
}

type yLabel struct {
	text   string // all before the axis
	axisAt int    // the axis's column
	value  int64
	err    error
}

// yLabels reads the y labels of a chart, top first, and the column of the
// first one's axis.
func yLabels(out string) ([]yLabel, int) {
	var labels []yLabel
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		i := strings.IndexAny(l, "┤┼")
		if i < 0 {
			continue
		}
		y := yLabel{text: l[:i], axisAt: ansi.StringWidth(l[:i])}
		y.value, y.err = parseLabel(strings.TrimSpace(y.text))
		labels = append(labels, y)
	}
	if len(labels) == 0 {
		return nil, -1
	}
	return labels, labels[0].axisAt
}

func (y yLabel) String() string { return strings.TrimSpace(y.text) }

// parseLabel reads a whole number, perhaps in thousands (k) and up to
// quadrillions (P), with at most one decimal.
func parseLabel(s string) (int64, error) {
	unit := int64(1)
	if i := strings.IndexAny(s, "kMGTP"); i > 0 && i == len(s)-1 {
		unit = map[byte]int64{'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15}[s[i]]
		s = s[:i]
	}
	whole, tenths, dotted := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || n < 0 || strings.HasPrefix(whole, "+") {
		return 0, fmt.Errorf("not a whole number")
	}
	if !dotted {
		return n * unit, nil
	}
	d, err := strconv.ParseInt(tenths, 10, 64)
	if err != nil || len(tenths) != 1 || unit < 10 || d == 0 {
		return 0, fmt.Errorf("not one decimal of a unit")
	}
	return n*unit + d*unit/10, nil
}

// TestChartYScale draws a busiest day of many sizes at many heights: the
// top label is the smallest multiple of a nice step that holds it, with
// at least two thirds of the rows available when a nice step allows that,
// else with as many rows as a nice step allows.
func TestChartYScale(t *testing.T) {
	peaks := []int64{1, 2, 5, 7, 9, 10, 11, 16, 23, 46, 99, 101, 480, 999, 1001, 4321,
		9_999, 10_000, 12_345, 99_999, 250_000, 1_234_567, 2_000_000_000, 2_700_000_001,
		1_000_000_000_000_000}
	for _, peak := range peaks {
		r := days(func(i int) (int64, int64, int64) {
			if i == 10 {
				return peak, 0, 0
			}
			return 0, 0, 0
		})
		for h := 6; h <= 45; h++ {
			where := fmt.Sprintf("peak %d at 100x%d", peak, h)
			labels, _ := yLabels(stats.Chart(r, 100, h, false))
			if len(labels) < 2 {
				t.Fatalf("%s: no y axis", where)
			}
			rows, top := int64(len(labels)-1), labels[0].value
			step := top / rows
			avail := int64(h - 4)
			if top < peak || top-step >= peak || rows > avail || !nice(step) {
				t.Errorf("%s: %d rows of %d up to %d", where, rows, step, top)
				continue
			}
			want := (2*avail + 2) / 3
			bestTop, bestFills := top, rows >= want
			for _, s := range niceSteps {
				n := (peak + s - 1) / s
				if n > avail {
					continue
				}
				fills := n >= want
				better := fills && !bestFills
				if fills == bestFills {
					better = n*s < bestTop
					if !fills {
						better = n > rows || n == rows && n*s < bestTop
					}
				}
				if better {
					t.Errorf("%s: %d rows of %d up to %d, not %d rows of %d",
						where, rows, step, top, n, s)
					break
				}
			}
		}
	}
}

// nice is 1, 2, 3, 4, 5, 6 or 8 times a power of ten.
func nice(n int64) bool {
	for n >= 10 && n%10 == 0 {
		n /= 10
	}
	return n >= 1 && n <= 6 || n == 8
}

// niceSteps are the nice numbers up to 8e16, beyond any peak charted.
var niceSteps = func() []int64 {
	var out []int64
	for p := int64(1); p <= 10_000_000_000_000_000; p *= 10 {
		for _, m := range []int64{1, 2, 3, 4, 5, 6, 8} {
			out = append(out, m*p)
		}
	}
	return out
}()

// TestChartYLabelsReported pins the scales a tester found too tall, and
// how large numbers read.
func TestChartYLabelsReported(t *testing.T) {
	cases := []struct {
		peak   int64
		w, h   int
		labels string // top first
	}{
		{46, 60, 20, "48 45 42 39 36 33 30 27 24 21 18 15 12 9 6 3 0"},
		{16, 60, 20, "16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0"},
		{16, 60, 29, "16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0"},
		{2_000_000_000, 60, 20,
			"2G 1.8G 1.6G 1.4G 1.2G 1G 0.8G 0.6G 0.4G 0.2G 0"},
		{2_700_000_000, 60, 20, "2.8G 2.6G 2.4G 2.2G 2G 1.8G 1.6G 1.4G 1.2G 1G 0.8G 0.6G " +
			"0.4G 0.2G 0"},
		{45_000, 60, 13, "45k 40k 35k 30k 25k 20k 15k 10k 5k 0"},
		{9_000, 60, 13, "9000 8000 7000 6000 5000 4000 3000 2000 1000 0"},
		{9_000, 60, 12, "10k 8k 6k 4k 2k 0"},
		{1_000_000_000_000_000, 60, 9, "1P 0.8P 0.6P 0.4P 0.2P 0"},
	}
	for _, c := range cases {
		r := days(func(i int) (int64, int64, int64) { return c.peak * int64(i%2), 0, 0 })
		labels, _ := yLabels(stats.Chart(r, c.w, c.h, false))
		var got []string
		for _, l := range labels {
			got = append(got, l.String())
		}
		if strings.Join(got, " ") != c.labels {
			t.Errorf("peak %d at %dx%d: labels\n%s\nwant\n%s",
				c.peak, c.w, c.h, strings.Join(got, " "), c.labels)
		}
	}
}

// TestChartDayLabels draws charts at every width and wants their day labels
// every k days counting back from today, none left out, each centred on its
// tick.
func TestChartDayLabels(t *testing.T) {
	for _, c := range chartCases {
		if len(c.report.Days) < 2 {
			continue
		}
		index := map[string]int{}
		for i, d := range c.report.Days {
			index[d.Date.Format("02/01")] = i
		}
		newest := len(c.report.Days) - 1
		for w := 30; w <= 140; w++ {
			for _, h := range []int{9, 16, 24, 40} {
				where := fmt.Sprintf("%s at %dx%d", c.name, w, h)
				lines := strings.Split(stats.Chart(c.report, w, h, false), "\n")
				if len(lines) < 3 || !strings.Contains(lines[len(lines)-3], "└") {
					continue // too small to draw
				}
				axis := []rune(lines[len(lines)-3])
				text := lines[len(lines)-2]
				var days []int
				for start := 0; start < len(text); {
					j := strings.IndexFunc(text[start:], func(r rune) bool { return r != ' ' })
					if j < 0 {
						break
					}
					start += j
					label, _, _ := strings.Cut(text[start:], " ")
					i, ok := index[label]
					if !ok || start+2 >= len(axis) || axis[start+2] != '┬' {
						t.Fatalf("%s: label %q at %d is not a day on its tick:\n%s\n%s",
							where, label, start, string(axis), text)
					}
					days = append(days, i)
					start += len(label)
				}
				if ticks := strings.Count(string(axis), "┬"); ticks != len(days) {
					t.Errorf("%s: %d ticks, %d labels", where, ticks, len(days))
				}
				if len(days) == 0 || days[len(days)-1] != newest {
					t.Errorf("%s: today is not labelled: %v", where, days)
					continue
				}
				for j := 2; j < len(days); j++ {
					if days[j]-days[j-1] != days[1]-days[0] {
						t.Errorf("%s: labelled days %v are not evenly spaced:\n%s",
							where, days, text)
						break
					}
				}
				if len(days) > 1 && days[0] > days[1]-days[0] {
					t.Errorf("%s: room for another label before %v:\n%s", where, days, text)
				}
			}
		}
	}
}

// TestChartLaterClassOnTop gives the three classes the same counts: where
// lines coincide the class drawn last, 4xx, covers the others whole, its
// mark or colour in every cell, and the legend lists the classes in that
// order.
func TestChartLaterClassOnTop(t *testing.T) {
	r := days(func(i int) (int64, int64, int64) {
		n := int64(i % 4)
		return n, n, n
	})
	plain := stats.Chart(r, 76, 16, false)
	plot, _, _ := strings.Cut(plain, "└")
	if strings.ContainsAny(plot, "•─╭╮╯╰│") || !strings.Contains(plot, "×") {
		t.Errorf("4xx is not on top in plain text:\n%s", plain)
	}
	if !strings.HasSuffix(plain, "─ 2xx   • 3xx   × 4xx") {
		t.Errorf("legend:\n%s", plain)
	}
	colour := stats.Chart(r, 76, 16, true)
	plot, _, _ = strings.Cut(colour, "└")
	if strings.Contains(plot, "\x1b[32m") || strings.Contains(plot, "\x1b[38;5;33m") ||
		!strings.Contains(plot, "\x1b[38;5;214m") {
		t.Errorf("4xx is not on top in colour:\n%q", plot)
	}
}

func TestChartColour(t *testing.T) {
	r := chartCases[len(chartCases)-1].report
	out := stats.Chart(r, 76, 16, true)
	for _, code := range []string{"\x1b[32m", "\x1b[38;5;33m", "\x1b[38;5;214m"} {
		if !strings.Contains(out, code) {
			t.Errorf("colour chart lacks %q", code)
		}
	}
	plain := ansi.Strip(out)
	for _, want := range []string{"■ 2xx", "■ 3xx", "■ 4xx", "15/03"} {
		if !strings.Contains(plain, want) {
			t.Errorf("colour chart lacks %q:\n%s", want, plain)
		}
	}
}

// TestChartTooSmall asks for the dimension that is short.
func TestChartTooSmall(t *testing.T) {
	r := chartCases[len(chartCases)-1].report
	for _, c := range []struct {
		w, h int
		want string
	}{
		{76, 4, "Make the window taller to see the chart"},
		{76, 5, "Make the window taller to see the chart"},
		{12, 16, "Widen the window to see the chart"},
		{12, 4, "Enlarge the window to see the chart"},
	} {
		if got := stats.Chart(r, c.w, c.h, false); got != ansi.Truncate(c.want, c.w, "…") {
			t.Errorf("%dx%d: %q, want %q", c.w, c.h, got, c.want)
		}
	}
	if got := stats.Chart(r, 76, 6, false); strings.Contains(got, "window") {
		t.Errorf("76x6 is enough: %q", got)
	}
}
