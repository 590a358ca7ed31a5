package cli_test

import (
	"fmt"
	"time"
)

func timeRFC3339(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, fmt.Errorf("not a string: %v", v)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err == nil && t.Location() != time.UTC {
		return t, fmt.Errorf("%s is not UTC", s)
	}
	return t, err
}
