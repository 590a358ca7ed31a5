package gateway

import (
	"net/http"
	"strings"
	"testing"
)

// TestRequestChecksAllocateNothing: the path and header checks run on
// every request, so they must cost no garbage.
func TestRequestChecksAllocateNothing(t *testing.T) {
	paths := []string{
		"/agreements/42", "/agreements/caf\u00e9/%41/a;b", "/agreements/" +
			strings.Repeat("segment/", 50), "/agreements/..", "/agreements/%c0%ae",
	}
	r, _ := http.NewRequest("GET", "http://x/agreements/42", nil)
	r.Header.Set("Authorization", "ApiKey SU-000-000-001:"+strings.Repeat("a", 40))
	r.Header.Set("Accept", "application/json")
	got := testing.AllocsPerRun(100, func() {
		for _, p := range paths {
			badPath(p)
		}
		headerSize(r)
	})
	if got != 0 {
		t.Errorf("%v allocations per request", got)
	}
}
