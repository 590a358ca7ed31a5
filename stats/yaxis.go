package stats

import (
	"strconv"
	"strings"
)

// yAxis is the chart's vertical scale: rows lines above the one for 0, each
// step requests more than the one below it, so the top line stands for
// rows × step, the smallest such value that holds the busiest day.
type yAxis struct {
	rows int
	step int64
	// labels name the lines from the top down to 0, right-aligned to the
	// widest, all in the same form.
	labels []string
}

// niceMultipliers are the leading digits a step may have, times a power of
// ten: steps that count up in a way a reader follows at a glance.
var niceMultipliers = []int64{1, 2, 3, 4, 5, 6, 8}

// newYAxis chooses the rows and the step together for a peak of requests
// in at most avail rows. Of the nice steps that fill at least two thirds of
// the rows, so the chart uses most of its height, it takes the one with
// the lowest top, so the axis ends just above the data, and between equal
// tops the one with more rows, the finer scale. When no nice step fills two
// thirds (9,000 in 8 rows: steps of 1,000 need 9, of 2,000 fill 5), the one
// with the most rows wins, then the lowest top: a taller plot over a top a
// little higher reads better than a squat one.
//
// A peak of 0 is drawn as if 1: a scale from 0 to 0 says nothing.
func newYAxis(peak int64, avail int) yAxis {
	peak = min(max(peak, 1), maxCharted)
	avail = max(avail, 1)
	want := (2*avail + 2) / 3

	var best yAxis
	better := func(c yAxis) bool {
		if best.rows == 0 {
			return true
		}
		fills := c.rows >= want
		if fills != (best.rows >= want) {
			return fills
		}
		if !fills && c.rows != best.rows {
			return c.rows > best.rows
		}
		if ct, bt := c.top(), best.top(); ct != bt {
			return ct < bt
		}
		return c.rows > best.rows
	}
	// Steps grow from 1 until one alone holds the peak, in one row that
	// always fits: at most 7 a decade over the 16 decades up to
	// maxCharted.
	for p := int64(1); ; p *= 10 {
		for _, m := range niceMultipliers {
			step := m * p
			rows := (peak + step - 1) / step
			if rows > int64(avail) {
				continue
			}
			if c := (yAxis{rows: int(rows), step: step}); better(c) {
				best = c
			}
			if step >= peak {
				best.labels = yLabels(best.rows, best.step)
				return best
			}
		}
	}
}

func (y yAxis) top() int64 { return y.step * int64(y.rows) }

// width is the labels' width.
func (y yAxis) width() int { return len(y.labels[0]) }

// Labels of 10,000 and over are shortened with a unit when that keeps
// every one exact, at most one decimal; below, full digits read better.
const shortenFrom = 10_000

var labelUnits = []struct {
	size   int64
	suffix string
}{
	{1_000_000_000_000_000, "P"},
	{1_000_000_000_000, "T"},
	{1_000_000_000, "G"},
	{1_000_000, "M"},
	{1_000, "k"},
}

// yLabels names the multiples of step from rows × step down to 0, in one
// unit for the whole axis: the largest that the top reaches and in which
// every multiple of the step is exact with one decimal (2.5M, 300k), else
// full digits. One unit keeps the labels comparable at a glance, and the
// exactness keeps them distinct.
func yLabels(rows int, step int64) []string {
	top := step * int64(rows)
	unit, suffix := int64(1), ""
	if top >= shortenFrom {
		for _, u := range labelUnits {
			if u.size <= top && step*10%u.size == 0 {
				unit, suffix = u.size, u.suffix
				break
			}
		}
	}

	labels := make([]string, rows+1)
	width := 0
	for i := range labels {
		labels[i] = inUnit(top-int64(i)*step, unit, suffix)
		width = max(width, len(labels[i]))
	}
	for i, l := range labels {
		labels[i] = strings.Repeat(" ", width-len(l)) + l
	}
	return labels
}

// inUnit writes v in the unit, with a tenth where it has one; 0 needs no
// unit.
func inUnit(v, unit int64, suffix string) string {
	if unit == 1 || v == 0 {
		return strconv.FormatInt(v, 10)
	}
	s := strconv.FormatInt(v/unit, 10)
	if tenths := v % unit * 10 / unit; tenths != 0 {
		s += "." + strconv.FormatInt(tenths, 10)
	}
	return s + suffix
}
