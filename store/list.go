package store

import (
	"context"
	"fmt"
	"strings"
)

// ListOptions selects a page of tokens, newest first.
type ListOptions struct {
	// Filter matches part of the name, ID, external ID or extension,
	// ignoring letter case.
	Filter string
	// Status keeps only tokens with this status; empty keeps all.
	Status Status
	// Offset and Limit page through the result; Limit 0 means 100.
	Offset, Limit int
}

// MaxPage caps one page so no caller can load a huge table at once.
const MaxPage = 1000

// List returns one page of live (not deleted) tokens.
func (s *Store) List(ctx context.Context, o ListOptions) ([]Token, error) {
	where, args := s.listWhere(o)
	limit := o.Limit
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, MaxPage)
	rows, err := s.db.QueryContext(ctx, "SELECT "+tokenColumns+" FROM tokens WHERE "+where+
		" ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?",
		append(args, limit, max(o.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Count returns how many tokens List would page through.
func (s *Store) Count(ctx context.Context, o ListOptions) (int, error) {
	where, args := s.listWhere(o)
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM tokens WHERE "+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count tokens: %w", err)
	}
	return n, nil
}

func (s *Store) listWhere(o ListOptions) (string, []any) {
	conds := []string{"deleted_at IS NULL"}
	var args []any
	if f := strings.TrimSpace(o.Filter); f != "" {
		like := "%" + escapeLike(f) + "%"
		conds = append(conds, `(name LIKE ? ESCAPE '\' OR id LIKE ? ESCAPE '\'
			OR external_id LIKE ? ESCAPE '\' OR extension LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like, like)
	}
	now := s.now().Unix()
	soon := s.now().Add(ExpiringWithin).Unix()
	switch o.Status {
	case StatusDisabled:
		conds = append(conds, "disabled_at IS NOT NULL")
	case StatusExpired:
		conds = append(conds, "disabled_at IS NULL AND expires_at <= ?")
		args = append(args, now)
	case StatusExpiring:
		conds = append(conds, "disabled_at IS NULL AND expires_at > ? AND expires_at <= ?")
		args = append(args, now, soon)
	case StatusActive:
		conds = append(conds, "disabled_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")
		args = append(args, soon)
	}
	return strings.Join(conds, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
