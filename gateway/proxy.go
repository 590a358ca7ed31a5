package gateway

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
)

// Headers the upstream receives in place of the key: it learns which token
// called which module, never the secret.
const (
	HeaderTokenID = "X-Apitokens-Token-Id"
	HeaderModule  = "X-Apitokens-Module"
)

type callerKey struct{}

type caller struct{ tokenID, module string }

func withCaller(ctx context.Context, tokenID, module string) context.Context {
	return context.WithValue(ctx, callerKey{}, caller{tokenID, module})
}

// newProxy forwards to upstream, joining its path with the request's. The
// Authorization header is dropped, and caller headers a client sent itself
// are replaced, so the upstream can trust them.
func (g *Gateway) newProxy(upstream *url.URL) *httputil.ReverseProxy {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	// Keep connections to the one upstream open for many concurrent
	// clients, instead of the default two.
	transport.MaxIdleConnsPerHost = 256
	return &httputil.ReverseProxy{
		Transport: transport,
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(upstream)
			pr.SetXForwarded()
			pr.Out.Header.Del("Authorization")
			c, _ := pr.In.Context().Value(callerKey{}).(caller)
			pr.Out.Header.Set(HeaderTokenID, c.tokenID)
			pr.Out.Header.Set(HeaderModule, c.module)
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			if r.Context().Err() == nil {
				g.log.Warn("upstream failed", "path", r.URL.Path, "err", err)
			}
			writeProblem(w, problemBadGateway)
		},
		ErrorLog: slog.NewLogLogger(g.log.Handler(), slog.LevelWarn),
	}
}
