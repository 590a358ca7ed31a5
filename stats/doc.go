// Package stats turns the request counts the gateway records into what the
// Statistics tab shows: a 30-day report for one token and its chart.
//
// Reading, from a tea.Cmd since it queries the database:
//
//	r, err := stats.Load(ctx, st, tokenID, time.Now())
//	chart := stats.Chart(r, width, height, color)
//
// Load reads the last Days UTC days ending on now's UTC day, oldest first
// and with every day present, the counts by class in that window and since
// tracking started (and by status code), and the token's last use. Series
// is the window alone; its cost follows the rows in the window, not how
// much was ever counted. Counts a running gateway holds in memory show up
// within a second, when it writes them.
//
// Chart draws the 2xx, 3xx and 4xx series with asciigraph, one colour each
// (green, blue, orange), with day labels (DD/MM, UTC) under the x axis and
// a legend line. The result is never wider than width nor taller than
// height, legend and labels included.
//
// The y axis runs from 0 in whole steps of 1, 2, 3, 4, 5, 6 or 8 times a
// power of ten, chosen with the number of rows so that the top label is
// the smallest multiple of the step that holds the busiest day; the plot
// uses at least two thirds of the rows the height allows when such a step
// exists, and may otherwise be shorter than height (a peak of 3 gets 3
// rows, not a scale to 12). Labels are right-aligned in one gutter; from
// 10,000 up they are written in one unit for the whole axis (k, M, G, T,
// P) when every label stays exact with at most one decimal (2.5M, 300k),
// else in full digits.
//
// Days are labelled every k days counting back from today, k the smallest
// of 1, 2, 3, 4, 5, 7, 10 and 14 whose labels all fit centred on their
// days, else today alone; none is ever left out of the sequence.
//
// Where lines meet, the class drawn later (4xx over 3xx over 2xx) fills
// the cell whole, glyph and colour; the legend names the classes in that
// order. Two classes at the same height are drawn as one line in the
// later one's colour, and where one leaves the other its own glyph starts
// beside it: a blue ╭ beside an orange ╭ is two lines, not a broken one.
// With color false it is plain text and draws each class with its own mark
// (─, •, ×), which the legend shows, so no two classes look alike. 5xx is
// not drawn; it is in the totals. The title, ChartTitle, is the tab's to
// draw: Chart has none.
//
// It needs at least 6 lines and 21 columns (more for wide labels); below
// that it returns a one-line request to make the window taller, wider, or
// both ("Enlarge the window").
//
// Counting, in the gateway:
//
//	c := stats.NewCounter(st, logger)
//	go c.Run(ctx)            // writes every FlushEvery (half a second)
//	c.Add(tokenID, code, at) // from any goroutine; a map increment
//	c.Flush(ctx)             // on shutdown, after the last Add
//
// A Counter buffers counts per token, UTC day and status code, and the
// latest use per token, and writes them in one transaction per flush; a
// failed write keeps them for the next.
package stats
