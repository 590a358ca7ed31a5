package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/apitokens/apitokens/store"
)

func init() { register((*app).createCommand) }

func (a *app) createCommand() *cobra.Command {
	var d struct {
		name, externalID, description, extension, expires string
		json                                              bool
	}
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a token and print its API key",
		Long: `Create a token and print its API key, the only output, so a script can
capture it. The rules are the wizard's: a name of 1 to 128 characters, a
description of up to 255, an optional external ID unique among live tokens.

Flowgear and Zapier tokens get All Modules unless --modules says otherwise;
Custom tokens need --modules or --all-modules; Reports tokens get the
Reports module alone.`,
		Example: `  apitokens create --name "CRM sync" --description "Nightly sync" \
      --extension custom --modules agreements,listings --expires 3m
  KEY=$(apitokens create --name Reports --description "BI" --extension reports --expires 1y)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			err := required(cmd, "name", "what the token is for, 1 to 128 characters")
			if err != nil {
				return err
			}
			if err := required(cmd, "description", "who uses the token and why"); err != nil {
				return err
			}
			ext, ok := store.ParseExtension(d.extension)
			if !ok {
				return usagef(
					"--extension %q is not an extension; use flowgear, reports, zapier or custom",
					d.extension)
			}
			perms, set, err := permissionsFlags(cmd)
			if err != nil {
				return err
			}
			if !set {
				perms = ext.DefaultPermissions()
			}
			if ext == store.Reports && set && store.ValidatePermissions(ext, perms) != nil {
				flag := "--modules"
				if perms.All {
					flag = "--all-modules"
				}
				return usagef("a Reports token is granted the Reports module alone; drop %s", flag)
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			expires, err := parseExpires(d.expires, st.Now())
			if err != nil {
				return err
			}
			t, err := st.Create(cmd.Context(), store.Draft{
				Name: d.name, ExternalID: d.externalID, Description: d.description,
				Extension: ext, ExpiresAt: expires, Permissions: perms,
			})
			if err != nil {
				return explain(err)
			}
			if d.json {
				return writeJSON(a.stdout, toJSON(t, st.Now(), true))
			}
			_, err = fmt.Fprintln(a.stdout, t.Key())
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&d.name, "name", "", "token name (required)")
	f.StringVar(&d.description, "description", "", "what the token is for (required)")
	f.StringVar(&d.externalID, "external-id", "", "your own reference, unique among live tokens")
	f.StringVar(&d.extension, "extension", "custom", "flowgear, reports, zapier or custom")
	f.StringVar(&d.expires, "expires", "never", expiresHelp)
	f.BoolVar(&d.json, "json", false, "print the whole token, key included, as JSON")
	addPermissionFlags(cmd)
	_ = cmd.RegisterFlagCompletionFunc("extension",
		fixedCompletion("flowgear", "reports", "zapier", "custom"))
	_ = cmd.RegisterFlagCompletionFunc("expires", expiresCompletion)
	return cmd
}
