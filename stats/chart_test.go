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

// checkYLabels wants whole numbers from a top down to 0 in equal steps:
// no gaps, no repeats.
func checkYLabels(t *testing.T, where, out string) {
	t.Helper()
	var labels []int64
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		label, _, ok := strings.Cut(l, "┤")
		if !ok {
			label, _, ok = strings.Cut(l, "┼")
		}
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(label), 10, 64)
		if err != nil {
			t.Errorf("%s: y label %q is not a whole number", where, label)
			return
		}
		labels = append(labels, n)
	}
	if len(labels) < 2 || labels[len(labels)-1] != 0 {
		t.Errorf("%s: y labels %v do not end at 0", where, labels)
		return
	}
	step := labels[0] - labels[1]
	for i := 1; i < len(labels); i++ {
		if step <= 0 || labels[i-1]-labels[i] != step {
			t.Errorf("%s: y labels %v are not evenly spaced", where, labels)
			return
		}
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

func TestChartTooSmall(t *testing.T) {
	r := chartCases[len(chartCases)-1].report
	if got := stats.Chart(r, 76, 4, false); !strings.Contains(got, "Widen") {
		t.Errorf("4 lines high: %q", got)
	}
	if got := stats.Chart(r, 12, 16, false); !strings.HasPrefix(got, "Widen") {
		t.Errorf("12 columns wide: %q", got)
	}
}
