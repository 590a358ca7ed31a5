package gateway

import (
	"errors"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// net/http answers a client too slow to send its header with 400 Bad
// Request when the header stops mid-line, and hangs up without a word when
// it stops between lines. slowClientListener makes both say what happened:
// 408 Request Timeout, then the connection closes. Such an answer comes before the
// gateway sees the request, so it is not counted.
type slowClientListener struct{ net.Listener }

func (l slowClientListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &slowClientConn{Conn: c}, nil
}

// requestTimeout is the whole answer, written straight to the connection.
var requestTimeout = func() []byte {
	p := newProblem(http.StatusRequestTimeout, "request_timeout",
		"the request header came too slowly")
	return []byte("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n" +
		"Connection: close\r\nContent-Length: " + strconv.Itoa(len(p.body)) + "\r\n\r\n" +
		string(p.body))
}()

// slowClientConn watches for the header deadline to pass while a request
// is half received. net/http sets a read deadline only for the header and
// for idle waits (the gateway sets no ReadTimeout), and moves it far into
// the past to interrupt its own background reads; those are told apart by
// whether any byte came since the last answer and by the deadline's date.
type slowClientConn struct {
	net.Conn
	receiving atomic.Bool  // bytes came since the last write
	deadline  atomic.Int64 // the read deadline, Unix nanoseconds; 0 for none
	answered  atomic.Bool
}

// interrupts is before any deadline net/http sets for a real wait.
var interrupts = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()

func (c *slowClientConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.receiving.Store(true)
	}
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) && c.receiving.Load() &&
		c.deadline.Load() > interrupts && c.answered.CompareAndSwap(false, true) {
		// The client may not be reading either; do not wait on it long.
		c.Conn.SetWriteDeadline(time.Now().Add(time.Second))
		c.Conn.Write(requestTimeout)
	}
	return n, err
}

// Write passes answers on, except after a 408: net/http then sends its
// own 400 for a header cut mid-line, which the client must not see after
// the answer that closed the connection.
func (c *slowClientConn) Write(p []byte) (int, error) {
	if c.answered.Load() {
		return len(p), nil
	}
	c.receiving.Store(false)
	return c.Conn.Write(p)
}

func (c *slowClientConn) SetReadDeadline(t time.Time) error {
	c.noteDeadline(t)
	return c.Conn.SetReadDeadline(t)
}

func (c *slowClientConn) SetDeadline(t time.Time) error {
	c.noteDeadline(t)
	return c.Conn.SetDeadline(t)
}

func (c *slowClientConn) noteDeadline(t time.Time) {
	if t.IsZero() {
		c.deadline.Store(0)
		return
	}
	c.deadline.Store(t.UnixNano())
}
