package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// DayFormat is how a UTC day is stored and passed around.
const DayFormat = "2006-01-02"

// Usage is a number of answers with one status code, given to one token on
// one UTC day.
type Usage struct {
	TokenID string
	Day     string // DayFormat, UTC
	Code    int
	Count   int64
}

// RecordUsage adds a batch of counts in one transaction, and moves each
// token's last-used time forward to lastUsed[id] where that is later.
func (s *Store) RecordUsage(ctx context.Context, counts []Usage,
	lastUsed map[string]time.Time) error {
	if len(counts) == 0 && len(lastUsed) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		add, err := tx.PrepareContext(ctx, `INSERT INTO request_counts (token_id, day, code, count)
			VALUES (?, ?, ?, ?) ON CONFLICT (token_id, day, code)
			DO UPDATE SET count = count + excluded.count`)
		if err != nil {
			return err
		}
		defer add.Close()
		for _, u := range counts {
			if _, err := add.ExecContext(ctx, u.TokenID, u.Day, u.Code, u.Count); err != nil {
				return fmt.Errorf("record usage of %s: %w", u.TokenID, err)
			}
		}
		for id, at := range lastUsed {
			_, err := tx.ExecContext(ctx, `UPDATE tokens SET last_used_at = ?
				WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
				at.Unix(), id, at.Unix())
			if err != nil {
				return fmt.Errorf("record last use of %s: %w", id, err)
			}
		}
		return nil
	})
}

// UsageBetween returns a token's counts for the UTC days from first to last,
// both included, ordered by day and code. The primary key makes this cost
// the number of rows in range, however much else was counted.
func (s *Store) UsageBetween(ctx context.Context, id, first, last string) ([]Usage, error) {
	return s.usage(ctx, `SELECT token_id, day, code, count FROM request_counts
		WHERE token_id = ? AND day BETWEEN ? AND ? ORDER BY day, code`, id, first, last)
}

// UsageTotals returns a token's counts since tracking started, one row per
// status code, with Day left empty.
func (s *Store) UsageTotals(ctx context.Context, id string) ([]Usage, error) {
	return s.usage(ctx, `SELECT token_id, '', code, sum(count) FROM request_counts
		WHERE token_id = ? GROUP BY code ORDER BY code`, id)
}

func (s *Store) usage(ctx context.Context, query string, args ...any) ([]Usage, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read usage: %w", err)
	}
	defer rows.Close()
	var out []Usage
	for rows.Next() {
		var u Usage
		if err := rows.Scan(&u.TokenID, &u.Day, &u.Code, &u.Count); err != nil {
			return nil, fmt.Errorf("read usage: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
