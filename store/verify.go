package store

import (
	"context"
	"errors"
	"time"
)

// Verify checks an API key as a client would send it, at the time now. It
// returns the token the key opens, or a *RefusedError that says why not.
func (s *Store) Verify(ctx context.Context, key string, now time.Time) (Token, error) {
	id, secret, err := ParseKey(key)
	if err != nil {
		return Token{}, err
	}
	t, err := s.Get(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Token{}, &RefusedError{Reason: RefusedUnknown}
	}
	if err != nil {
		return Token{}, err
	}
	if r := t.Check(secret, now); r != "" {
		return t, &RefusedError{Reason: r}
	}
	return t, nil
}
