package tui

import (
	"slices"
	"time"

	"github.com/apitokens/apitokens/dates"
	"github.com/apitokens/apitokens/store"
	"github.com/apitokens/apitokens/ui"
)

// column is one column of the token table.
type column struct {
	id    columnID
	title string
	width int
	// dateOnly shows a date column as DD/MM/YYYY, without the time.
	dateOnly bool
}

type columnID int

const (
	colName columnID = iota
	colID
	colExtension
	colCreated
	colExpires
	colStatus
)

// Widths of the table: the row mark, the gap between columns, and the
// narrowest a name may get before the other columns give way.
const (
	markWidth    = 2
	columnGap    = 2
	minNameWidth = 12
)

// dayLayout is dates.Layout without the time, for a date column that
// lacks the room for it.
const dayLayout = "02/01/2006"

var allColumns = []column{
	{colName, "Name", 0, false},
	{colID, "ID", len("SU-000-000-000"), false},
	{colExtension, "Extension", len("Extension"), false},
	{colCreated, "Created", len(dates.Layout), false},
	{colExpires, "Expires", len(dates.Layout), false},
	{colStatus, "Status", len("Expiring"), false},
}

// tableLayout is a way to fit the table: columns left out, and date
// columns shown without their time.
type tableLayout struct {
	drop     []columnID
	dateOnly []columnID
}

// tableLayouts are tried in order until one leaves the name its room.
// Every column matters (PRODUCT.md lists all six), so times go before
// columns do: Created's first, since when a key stops working matters more
// than when it was made. Only then does Created go, and Extension last.
var tableLayouts = []tableLayout{
	{},
	{dateOnly: []columnID{colCreated}},
	{dateOnly: []columnID{colCreated, colExpires}},
	{drop: []columnID{colCreated}},
	{drop: []columnID{colCreated}, dateOnly: []columnID{colExpires}},
	{drop: []columnID{colCreated, colExtension}},
	{drop: []columnID{colCreated, colExtension}, dateOnly: []columnID{colExpires}},
}

// columnsFor fits the table to width: the name takes what the other
// columns leave, in the first layout that leaves it minNameWidth cells.
func columnsFor(width int) []column {
	var cols []column
	for _, lay := range tableLayouts {
		cols = lay.columns(width)
		if cols[0].width >= minNameWidth {
			break
		}
	}
	return cols
}

// columns lays the table out at width; the name may get less than its
// minimum, down to one cell.
func (lay tableLayout) columns(width int) []column {
	var cols []column
	fixed := markWidth
	for _, c := range allColumns {
		if slices.Contains(lay.drop, c.id) {
			continue
		}
		if slices.Contains(lay.dateOnly, c.id) {
			c.dateOnly, c.width = true, len(dayLayout)
		}
		cols = append(cols, c)
		fixed += c.width
	}
	fixed += columnGap * (len(cols) - 1)
	cols[0].width = max(width-fixed, 1)
	return cols
}

// cell is a token's value in a column, as plain text.
func cell(t store.Token, c column, status store.Status) string {
	switch c.id {
	case colName:
		return ui.OneLine(t.Name)
	case colID:
		return t.ID
	case colExtension:
		return string(t.Extension)
	case colCreated:
		return formatDate(&t.CreatedAt, c.dateOnly)
	case colExpires:
		return formatDate(t.ExpiresAt, c.dateOnly)
	case colStatus:
		return string(status)
	}
	return ""
}

// formatDate is dates.Format, or the date alone.
func formatDate(t *time.Time, dateOnly bool) string {
	if !dateOnly || t == nil {
		return dates.Format(t)
	}
	return t.Local().Format(dayLayout)
}
