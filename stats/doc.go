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
// height, legend and labels included, and fills the height given; its y
// labels are distinct whole numbers in equal steps from 0. It needs at
// least 6 lines and 21 columns (more for large counts); below that it
// returns a one-line request to widen the window. With color false it is
// plain text and draws each class with its own mark (─, •, ×). 5xx is not
// drawn; it is in the totals. The title, ChartTitle, is the tab's to draw:
// Chart has none.
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
