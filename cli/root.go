// Package cli is the command line: the root command opens the TUI, and each
// subcommand does one thing and exits.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X .../cli.Version=...".
var Version = "dev"

// Exit codes, the same for every command.
const (
	ExitOK     = 0
	ExitFailed = 1 // a refused or failed action
	ExitUsage  = 2 // wrong usage
)

// usageError marks a mistake in how a command was called.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// Execute runs the command line and returns the process exit code.
func Execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)

	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	fmt.Fprintln(stderr, "apitokens: "+oneLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return ExitUsage
	}
	return ExitFailed
}

// isCobraUsage recognises cobra's own argument and flag errors, which it
// returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag",
		"flag needs an argument", "invalid argument", "accepts ", "requires at least",
		"if any flags in the group", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "apitokens",
		Short: "Create, inspect and use API tokens from the terminal",
		Long: `apitokens manages API tokens in a local SQLite database.

Run it alone for the interactive terminal UI; use a subcommand to do one
thing from a script. The database is --db, else $APITOKENS_DB, else
$XDG_DATA_HOME/apitokens/apitokens.db, else ~/.local/share/apitokens/apitokens.db.`,
		Example: "  apitokens\n  apitokens --db ./tokens.db --log ./apitokens.log",
		Version: Version,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd.Context())
		},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("db") && strings.TrimSpace(a.dbFlag) == "" {
				return usagef("--db needs a file path")
			}
			return nil
		},
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate("apitokens {{.Version}}\n")
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "database file (default: see above)")
	root.PersistentFlags().StringVar(&a.logFlag, "log", "",
		"write a debug log to this file (or set $APITOKENS_LOG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	root.AddCommand(a.versionCommand())
	for _, add := range extraCommands {
		root.AddCommand(add(a))
	}
	return root
}

// extraCommands lets each command's file register itself, so adding a
// command touches only its own file.
var extraCommands []func(*app) *cobra.Command

func register(fn func(*app) *cobra.Command) { extraCommands = append(extraCommands, fn) }

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version",
		Example: "  apitokens version",
		Args:    cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "apitokens "+Version)
		},
	}
}
