package gateway

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/apitokens/apitokens/store"
)

// problem is an error answer: its status and a JSON body of the form
// {"status":401,"error":"wrong_secret","message":"..."}, where error is a
// stable code for programs and message is for people. Bodies are encoded
// once, at start.
type problem struct {
	status int
	body   []byte
}

func newProblem(status int, code, message string) *problem {
	body, err := json.Marshal(struct {
		Status  int    `json:"status"`
		Error   string `json:"error"`
		Message string `json:"message"`
	}{status, code, message})
	if err != nil {
		panic(err) // strings always encode
	}
	return &problem{status: status, body: append(body, '\n')}
}

var (
	problemBadPath = newProblem(http.StatusBadRequest, "bad_path",
		`the path must start with "/" and may not hold "." or ".." segments, `+
			`backslashes, control characters or invalid UTF-8, however encoded`)
	problemHeaderTooLarge = newProblem(http.StatusRequestHeaderFieldsTooLarge,
		"header_too_large", "the request header is over "+
			strconv.Itoa(MaxHeaderBytes>>10)+" KiB; send fewer or smaller fields")
	problemMissingKey = newProblem(http.StatusUnauthorized, "missing_key",
		`send the key as "Authorization: ApiKey ID:secret"`)
	problemMalformedKey = newProblem(http.StatusUnauthorized, "malformed_key",
		`the key must be "ApiKey SU-000-000-000:secret", the secret 40 lowercase hex digits`)
	problemUnknownKey = newProblem(http.StatusUnauthorized, "unknown_key",
		"no token has this ID")
	problemUnknownModule = newProblem(http.StatusNotFound, "unknown_module",
		"the first segment of the path names no module")
	problemBadGateway = newProblem(http.StatusBadGateway, "bad_gateway",
		"the upstream server did not answer")
)

// refused gives the answer for each reason a token refuses a key.
var refused = map[store.Refusal]*problem{
	store.RefusedMalformed: problemMalformedKey,
	store.RefusedUnknown:   problemUnknownKey,
	store.RefusedWrongSecret: newProblem(http.StatusUnauthorized, "wrong_secret",
		"the secret does not match the token"),
	store.RefusedExpired: newProblem(http.StatusUnauthorized, "expired_key",
		"the token has expired; renew or rotate it"),
	store.RefusedReplaced: newProblem(http.StatusUnauthorized, "replaced_key",
		"a renewal replaced this key and its grace period is over; use the token's new key"),
	store.RefusedDisabled: newProblem(http.StatusUnauthorized, "disabled_key",
		"the token is disabled; enable it to use it again"),
	store.RefusedDeleted: newProblem(http.StatusUnauthorized, "deleted_key",
		"the token was deleted"),
}

// forbidden gives the 403 for each module, naming it.
var forbidden = func() map[string]*problem {
	m := make(map[string]*problem, len(store.Modules))
	for _, mod := range store.Modules {
		m[mod.Slug] = newProblem(http.StatusForbidden, "forbidden_module",
			"the token is not allowed the "+mod.Name+" module")
	}
	return m
}()

func writeProblem(w http.ResponseWriter, p *problem) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(p.body)))
	w.WriteHeader(p.status)
	w.Write(p.body)
}
