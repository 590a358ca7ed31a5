package gateway

import (
	"bufio"
	"net"
	"net/http"
)

// recorder notes the status of the answer on its way out.
type recorder struct {
	http.ResponseWriter
	code int
}

// WriteHeader keeps the first final status. Informational ones (100, 103)
// are not the answer, except 101, which ends HTTP on the connection.
func (r *recorder) WriteHeader(code int) {
	if r.code == 0 && (code >= 200 || code == http.StatusSwitchingProtocols) {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Hijack is how the reverse proxy takes over a connection whose upstream
// switched protocols; it writes that 101 itself, past WriteHeader.
func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := http.NewResponseController(r.ResponseWriter).Hijack()
	if err == nil && r.code == 0 {
		r.code = http.StatusSwitchingProtocols
	}
	return conn, brw, err
}

// Unwrap lets http.ResponseController reach Flush and the rest, which the
// reverse proxy uses for streamed answers.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// status is what the client was told; net/http sends 200 for a handler
// that wrote nothing.
func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}
