package gateway_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/gateway"
	"github.com/apitokens/apitokens/store"
)

// TestAnswers sends one request for each answer the product defines and
// checks its status, its error code and the headers that go with it.
func TestAnswers(t *testing.T) {
	st := openStore(t)
	full := createToken(t, st, "full", store.Permissions{All: true})
	narrow := createToken(t, st, "narrow", agreementsOnly)
	disabled := createToken(t, st, "disabled", agreementsOnly)
	deleted := createToken(t, st, "deleted", agreementsOnly)
	if _, err := st.Disable(t.Context(), disabled.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Delete(t.Context(), deleted.ID); err != nil {
		t.Fatal(err)
	}
	// The gateway's clock is a year ahead, past the expiry of this one.
	expiresAt := time.Now().Add(24 * time.Hour)
	expired, err := st.Create(t.Context(), store.Draft{Name: "expired", Description: "d",
		Extension: store.Custom, Permissions: agreementsOnly, ExpiresAt: &expiresAt})
	if err != nil {
		t.Fatal(err)
	}
	// Renewed to two years: a year on, its old key's grace is over while
	// the token itself still works.
	renewed, err := st.Create(t.Context(), store.Draft{Name: "renewed", Description: "d",
		Extension: store.Custom, Permissions: agreementsOnly, ExpiresAt: &expiresAt})
	if err != nil {
		t.Fatal(err)
	}
	inTwoYears := time.Now().AddDate(2, 0, 0)
	renewedNow, err := st.Renew(t.Context(), renewed.ID, &inTwoYears)
	if err != nil {
		t.Fatal(err)
	}
	nextYear := func() time.Time { return time.Now().AddDate(1, 0, 0) }
	gw := serve(t, st, gateway.Options{Now: nextYear})

	key := func(tok store.Token) string { return "ApiKey " + tok.Key() }
	wrong := "ApiKey " + full.ID + ":" + strings.Repeat("0", 40)
	cases := []struct {
		name, path, auth string
		status           int
		code             string
	}{
		{"allowed", "/agreements/", key(narrow), 200, ""},
		{"allowed deeper", "/agreements/42?x=1", key(narrow), 200, ""},
		{"all modules", "/usage/", key(full), 200, ""},
		{"scheme in any case", "/usage/", "apikey " + full.Key(), 200, ""},
		{"no slash after the module", "/agreements", key(narrow), 301, ""},
		{"unknown module", "/nothing/", key(narrow), 404, "unknown_module"},
		{"no module", "/", key(narrow), 404, "unknown_module"},
		{"module by name, not slug", "/Agreements/", key(narrow), 404, "unknown_module"},
		{"module not granted", "/billing/", key(narrow), 403, "forbidden_module"},
		{"dot-dot", "/agreements/../billing/", key(narrow), 400, "bad_path"},
		{"encoded dot-dot", "/agreements/%2e%2e/billing/", key(narrow), 400, "bad_path"},
		{"no key", "/agreements/", "", 401, "missing_key"},
		{"other scheme", "/agreements/", "Bearer " + narrow.Key(), 401, "malformed_key"},
		{"no colon", "/agreements/", "ApiKey " + narrow.ID, 401, "malformed_key"},
		{"secret not hex", "/agreements/", "ApiKey " + narrow.ID + ":" +
			strings.Repeat("z", 40), 401, "malformed_key"},
		{"secret in capitals", "/agreements/", "ApiKey " + narrow.ID + ":" +
			strings.ToUpper(narrow.Secret.Reveal()), 401, "malformed_key"},
		{"unknown ID", "/agreements/", "ApiKey SU-000-000-000:" + strings.Repeat("a", 40),
			401, "unknown_key"},
		{"wrong secret", "/agreements/", wrong, 401, "wrong_secret"},
		{"expired", "/agreements/", key(expired), 401, "expired_key"},
		{"replaced by a renewal", "/agreements/", key(renewed), 401, "replaced_key"},
		{"renewed key", "/agreements/", key(renewedNow), 200, ""},
		{"disabled", "/agreements/", key(disabled), 401, "disabled_key"},
		{"deleted", "/agreements/", key(deleted), 401, "deleted_key"},
		{"refused before routing", "/nothing/", wrong, 401, "wrong_secret"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := call(t, "GET", gw.url+c.path, c.auth)
			if a.status != c.status {
				t.Fatalf("status %d, want %d; body %s", a.status, c.status, a.body)
			}
			switch {
			case c.status == 200:
				if a.body != "[]\n" || a.header.Get("Content-Type") != "application/json" {
					t.Errorf("body %q, type %q", a.body, a.header.Get("Content-Type"))
				}
			case c.status == 301:
				if loc := a.header.Get("Location"); loc != "/agreements/" {
					t.Errorf("Location %q", loc)
				}
			default:
				checkProblem(t, a, c.status, c.code)
			}
			if got := a.header.Get("WWW-Authenticate"); (c.status == 401) != (got != "") ||
				got != "" && !strings.HasPrefix(got, "ApiKey") {
				t.Errorf("WWW-Authenticate %q", got)
			}
		})
	}
}

func checkProblem(t *testing.T, a answer, status int, code string) {
	t.Helper()
	var p struct {
		Status  int    `json:"status"`
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(a.body), &p); err != nil {
		t.Fatalf("body %q: %v", a.body, err)
	}
	if p.Status != status || p.Error != code || p.Message == "" {
		t.Errorf("body %+v, want status %d error %q", p, status, code)
	}
	if a.header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type %q", a.header.Get("Content-Type"))
	}
}

func TestRedirectKeepsTheQuery(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{})
	a := call(t, "GET", gw.url+"/agreements?page=2&q=a%20b", "ApiKey "+tok.Key())
	if a.status != 301 || a.header.Get("Location") != "/agreements/?page=2&q=a%20b" {
		t.Errorf("%d Location %q", a.status, a.header.Get("Location"))
	}
}

func TestTwoKeysAreMalformed(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{})
	req, _ := http.NewRequestWithContext(t.Context(), "GET", gw.url+"/agreements/", nil)
	req.Header.Add("Authorization", "ApiKey "+tok.Key())
	req.Header.Add("Authorization", "ApiKey "+tok.Key())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 401 {
		t.Errorf("status %d, want 401", res.StatusCode)
	}
}

// TestCountsEveryAnswerToAKnownToken makes requests of every kind and
// checks, after a clean stop, that each answer naming an existing token
// was counted under its code, and nothing else was.
func TestCountsEveryAnswerToAKnownToken(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "counted", agreementsOnly)
	bystander := createToken(t, st, "bystander", agreementsOnly)
	gw := serve(t, st, gateway.Options{})

	key := "ApiKey " + tok.Key()
	requests := []struct{ path, auth string }{
		{"/agreements/", key}, {"/agreements/1", key}, {"/agreements", key},
		{"/billing/", key}, {"/nothing/", key}, {"/agreements/../x/", key},
		{"/agreements/", "ApiKey " + tok.ID},
		{"/agreements/", "ApiKey " + tok.ID + ":" + strings.Repeat("0", 40)},
		// Not counted: no key, another scheme, an ID nobody has.
		{"/agreements/", ""}, {"/agreements/", "Bearer " + tok.Key()},
		{"/agreements/", "ApiKey SU-999-999-999:" + strings.Repeat("0", 40)},
	}
	for _, r := range requests {
		call(t, "GET", gw.url+r.path, r.auth)
	}
	if err := gw.stop(); err != nil {
		t.Fatal(err)
	}

	want := map[int]int64{200: 2, 301: 1, 403: 1, 404: 1, 400: 1, 401: 2}
	if got := usage(t, st, tok.ID); !maps.Equal(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	if got := usage(t, st, bystander.ID); len(got) != 0 {
		t.Errorf("bystander counted %v", got)
	}
	after, _ := st.Get(t.Context(), tok.ID)
	if after.LastUsedAt == nil {
		t.Error("last used not set")
	}
}

// TestSeesChangesFromAnotherHandle changes tokens through a second handle
// on the file, as the TUI would, and waits for the gateway to follow.
func TestSeesChangesFromAnotherHandle(t *testing.T) {
	st := openStore(t)
	tok := createToken(t, st, "t", agreementsOnly)
	gw := serve(t, st, gateway.Options{})
	other, err := store.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	statusOf := func(key string) func() int {
		return func() int { return call(t, "GET", gw.url+"/agreements/", "ApiKey "+key).status }
	}
	expect := func(what string, status func() int, want int) {
		t.Helper()
		eventually(t, fmt.Sprintf("%s gives %d", what, want),
			func() bool { return status() == want })
	}
	expect("the key", statusOf(tok.Key()), 200)

	ctx := t.Context()
	steps := []struct {
		name string
		do   func() (store.Token, error)
		old  int
	}{
		{"disable", func() (store.Token, error) { return other.Disable(ctx, tok.ID) }, 401},
		{"enable", func() (store.Token, error) { return other.Enable(ctx, tok.ID) }, 200},
		{"rotate", func() (store.Token, error) { return other.Rotate(ctx, tok.ID, nil) }, 401},
	}
	for _, s := range steps {
		changed, err := s.do()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		expect("after "+s.name+", the old key", statusOf(tok.Key()), s.old)
		tok = changed
	}
	expect("the rotated key", statusOf(tok.Key()), 200)

	fresh, err := other.Create(t.Context(), store.Draft{Name: "new", Description: "d",
		Extension: store.Custom, Permissions: agreementsOnly})
	if err != nil {
		t.Fatal(err)
	}
	expect("a token created elsewhere", statusOf(fresh.Key()), 200)
	if _, err := other.Delete(t.Context(), tok.ID); err != nil {
		t.Fatal(err)
	}
	expect("a deleted token", statusOf(tok.Key()), 401)
}
