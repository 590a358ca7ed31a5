// Command apitokens manages API tokens: a terminal UI when run alone, and
// subcommands for scripts and for the gateway that checks the tokens.
package main

import (
	"os"

	"github.com/apitokens/apitokens/cli"
)

func main() {
	os.Exit(cli.Execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
