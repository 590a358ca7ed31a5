package gateway

import (
	"net/http"
	"strings"
	"time"

	"github.com/apitokens/apitokens/store"
)

// ServeHTTP answers one request: 431 for a header over MaxHeaderBytes, 400
// for a path that could leave its module (see badPath), 401 for a key that
// opens nothing, 404 for an unknown module, 301 to the module's path with
// its slash, 403 for a module the token lacks, else the upstream's answer
// or an empty JSON list. Every answer to a request that names an existing
// token is counted, refusals included.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.inflight.Add(1)
	defer g.inflight.Done()
	now := g.now()

	key, present := apiKey(r.Header)
	if !g.open {
		if id, ok := store.KeyID(key); ok && present {
			if t, known := g.token(id); known {
				rec := &recorder{ResponseWriter: w}
				// Deferred so that an answer cut short by a panic, such as
				// the proxy aborting a broken stream, is counted too.
				defer func() { g.counter.Add(t.ID, rec.status(), now) }()
				w = rec
			}
		}
	}

	if headerSize(r) > MaxHeaderBytes {
		writeProblem(w, problemHeaderTooLarge)
		return
	}
	if badPath(r.URL.Path) {
		writeProblem(w, problemBadPath)
		return
	}
	var tok store.Token
	if !g.open {
		var p *problem
		if tok, p = g.authenticate(key, present, now); p != nil {
			w.Header().Set("WWW-Authenticate", `ApiKey realm="apitokens"`)
			writeProblem(w, p)
			return
		}
	}

	slug, rest := firstSegment(r.URL.Path)
	if _, ok := modules[slug]; !ok {
		writeProblem(w, problemUnknownModule)
		return
	}
	if rest == "" {
		target := "/" + slug + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		w.Header().Set("Location", target)
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	if !g.open && !tok.Permissions.Allows(slug) {
		writeProblem(w, forbidden[slug])
		return
	}
	g.allow(w, r, tok.ID, slug)
}

// authenticate judges the key against the cached tokens.
func (g *Gateway) authenticate(key string, present bool, now time.Time) (store.Token, *problem) {
	if !present {
		return store.Token{}, problemMissingKey
	}
	id, secret, err := store.ParseKey(key)
	if err != nil {
		return store.Token{}, problemMalformedKey
	}
	t, ok := g.token(id)
	if !ok {
		return store.Token{}, problemUnknownKey
	}
	if reason := t.Check(secret, now); reason != "" {
		return t, refused[reason]
	}
	return t, nil
}

// allow answers a request the token may make.
func (g *Gateway) allow(w http.ResponseWriter, r *http.Request, tokenID, slug string) {
	if g.proxy == nil {
		h := w.Header()
		h.Set("Content-Type", "application/json")
		h.Set("Content-Length", "3")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("[]\n"))
		return
	}
	g.proxy.ServeHTTP(w, r.WithContext(withCaller(r.Context(), tokenID, slug)))
}

// apiKey reads "Authorization: ApiKey <key>". present is false when no
// key was sent at all; a key in another form comes back as it was sent, so
// the ID in it can still be found, and then fails to parse.
func apiKey(h http.Header) (key string, present bool) {
	values := h.Values("Authorization")
	switch {
	case len(values) == 0 || len(values) == 1 && strings.TrimSpace(values[0]) == "":
		return "", false
	case len(values) > 1:
		return "", true // two keys: which one was meant is anyone's guess
	}
	scheme, rest, _ := strings.Cut(strings.TrimSpace(values[0]), " ")
	if !strings.EqualFold(scheme, "ApiKey") {
		return "", true
	}
	return strings.TrimSpace(rest), true
}

// headerSize is the size of the request's header as received, near
// enough: its request line and fields, less the whitespace and line folds
// net/http drops. It allocates nothing: it runs on every request.
func headerSize(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + len("  \r\n\r\n")
	if r.Host != "" {
		n += len("Host: \r\n") + len(r.Host)
	}
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + len(": \r\n") + len(v)
		}
	}
	return n
}

// firstSegment splits "/agreements/123" into "agreements" and "/123";
// rest is empty when the module's name is not followed by a slash.
func firstSegment(path string) (slug, rest string) {
	path = strings.TrimPrefix(path, "/")
	i := strings.IndexByte(path, '/')
	if i < 0 {
		return path, ""
	}
	return path[:i], path[i:]
}

// modules indexes the catalogue by slug for the request path.
var modules = func() map[string]store.Module {
	m := make(map[string]store.Module, len(store.Modules))
	for _, mod := range store.Modules {
		m[mod.Slug] = mod
	}
	return m
}()
