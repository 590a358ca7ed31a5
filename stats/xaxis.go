package stats

import "strings"

// dayLabel is how a day is named under the x axis: DD/MM, the start of the
// product's date format. All days are UTC.
const dayLabel = "02/01"

// labelOverhang is how far a day label centred on the last column reaches
// past it; the plot is kept that much narrower than the chart, so that the
// newest label sits centred on its day like the others, never pushed left
// into its neighbour.
const labelOverhang = len(dayLabel) - len(dayLabel)/2 - 1

// dayLabelSteps are the spacings between labelled days that are tried,
// densest first: natural counts of days, weeks and fortnights.
var dayLabelSteps = []int{1, 2, 3, 4, 5, 7, 10, 14}

// xAxis draws the axis line, with a tick under each labelled day, and the
// line of day labels. Every k-th day is labelled counting back from the
// newest, so today is always named, with the smallest k from dayLabelSteps
// whose labels all fit with a space between them; when none does, today
// alone. Labels are never dropped from the sequence one by one.
func xAxis(days []Day, leftPad, cols int) (axis, labels string) {
	line := []rune(strings.Repeat(" ", leftPad-1) + "└" + strings.Repeat("─", cols))
	text := []rune(strings.Repeat(" ", leftPad+cols+labelOverhang))
	for _, i := range labelledDays(len(days), leftPad, cols) {
		col := leftPad + dayColumn(i, len(days), cols)
		copy(text[labelStart(col):], []rune(days[i].Date.UTC().Format(dayLabel)))
		line[col] = '┬'
	}
	return string(line), strings.TrimRight(string(text), " ")
}

// labelStart is where the label of the day at col begins: centred on it,
// but never left of the chart.
func labelStart(col int) int {
	return max(col-len(dayLabel)/2, 0)
}

// labelledDays returns the indexes of the days to label, newest first.
func labelledDays(n, leftPad, cols int) []int {
	if n == 0 {
		return nil
	}
	for _, k := range dayLabelSteps {
		if k >= n {
			break
		}
		if every := everyKth(n, k); labelsFit(every, n, leftPad, cols) {
			return every
		}
	}
	return []int{n - 1}
}

func everyKth(n, k int) []int {
	out := make([]int, 0, n/k+1)
	for i := n - 1; i >= 0; i -= k {
		out = append(out, i)
	}
	return out
}

// labelsFit reports whether the labels of days, newest first, leave a
// space between each and the next.
func labelsFit(days []int, n, leftPad, cols int) bool {
	for j := 1; j < len(days); j++ {
		right := labelStart(leftPad + dayColumn(days[j-1], n, cols))
		left := labelStart(leftPad + dayColumn(days[j], n, cols))
		if left+len(dayLabel) >= right {
			return false
		}
	}
	return true
}

// dayColumn is where day i of n is drawn once stretch spreads the days
// over cols columns: the first at 0, the last at cols-1.
func dayColumn(i, n, cols int) int {
	if n < 2 {
		return 0
	}
	return (i*(cols-1) + (n-1)/2) / (n - 1)
}
