package cli

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/gateway"
)

func init() { register((*app).serveCommand) }

func (a *app) serveCommand() *cobra.Command {
	var addr, upstream string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the HTTP gateway that checks API keys and counts every answer",
		Long: `Run an HTTP gateway that checks "Authorization: ApiKey ID:secret" on every
request. The first path segment names the module (GET /agreements/ needs
Agreements). A refused key gets 401, a module the token lacks 403, an
unknown module 404, a module path without its slash 301 to it, a path with
".." 400. Allowed requests go to --upstream, whose answers come back as
they are (502 when it cannot be reached), or without one get an empty JSON
list.

Every answer to a request that names an existing token is counted by
status code and UTC day for the Statistics tab, and sets the token's last
use. Changes made elsewhere (the TUI, another command) apply within a
second. Counts are written at least once a second and when the gateway
stops on SIGINT or SIGTERM.`,
		Example: `  apitokens serve
  apitokens serve --addr 127.0.0.1:9000 --upstream http://127.0.0.1:8080
  curl -H "Authorization: ApiKey $KEY" http://127.0.0.1:8484/agreements/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts := gateway.Options{}
			if err := checkAddr(addr); err != nil {
				return err
			}
			if upstream != "" {
				u, err := url.Parse(upstream)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return usagef("--upstream %q: give an absolute http:// or https:// URL",
						upstream)
				}
				opts.Upstream = u
			}
			log, closeLog, err := a.logger()
			if err != nil {
				return err
			}
			defer closeLog()
			opts.Log = log

			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			g, err := gateway.New(st, opts)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w; choose another --addr", addr, err)
			}

			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			to := "answering allowed requests with []"
			if opts.Upstream != nil {
				to = "forwarding to " + opts.Upstream.String()
			}
			fmt.Fprintf(a.stderr, "apitokens: listening on http://%s, %s (database %s)\n",
				ln.Addr(), to, st.Path())
			return g.Serve(ctx, ln)
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8484", "address to listen on, host:port")
	f.StringVar(&upstream, "upstream", "", "forward allowed requests to this URL")
	return cmd
}

// checkAddr refuses an address with no host or a bad port before listening:
// an empty host would listen on every interface, which nobody asks for by
// leaving a value out.
func checkAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return usagef("--addr %q: give host:port, such as 127.0.0.1:8484 "+
			"(0.0.0.0:8484 to listen on every interface)", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return usagef("--addr %q: the port must be a number from 0 to 65535", addr)
	}
	return nil
}
