package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// bin is the apitokens binary, built once for every test in the package.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "apitokens-cli")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "apitokens")
	build := exec.Command("go", "build", "-o", bin, "github.com/apitokens/apitokens")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("build apitokens: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// run calls the binary on db with stdin from a pipe, never a terminal.
func run(t *testing.T, db string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "APITOKENS_LOG=", "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

func newDB(t *testing.T) string { return filepath.Join(t.TempDir(), "tokens.db") }

var keyPattern = regexp.MustCompile(`^SU-\d{3}-\d{3}-\d{3}:[0-9a-f]{40}$`)

// create makes a token and returns its key, failing the test otherwise.
func create(t *testing.T, db string, args ...string) string {
	t.Helper()
	base := []string{"create", "--name", "CRM sync", "--description", "Nightly sync"}
	r := run(t, db, "", append(base, args...)...)
	key := strings.TrimSpace(r.stdout)
	if r.code != 0 || !keyPattern.MatchString(key) {
		t.Fatalf("create %v: code %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
	}
	return key
}

func idOf(key string) string { return strings.SplitN(key, ":", 2)[0] }

func TestCreatePrintsOnlyTheKey(t *testing.T) {
	db := newDB(t)
	key := create(t, db, "--extension", "custom", "--modules", "agreements,Listings",
		"--expires", "3m")
	r := run(t, db, "", "show", idOf(key), "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	perms := got["permissions"].(map[string]any)
	if got["name"] != "CRM sync" || got["extension"] != "Custom" || got["status"] != "active" ||
		perms["all"] != false || len(perms["modules"].([]any)) != 2 {
		t.Errorf("show --json = %v", got)
	}
	if _, hasKey := got["key"]; hasKey {
		t.Error("show --json printed the key without --reveal")
	}
}

func TestCreateJSONRoundTrips(t *testing.T) {
	db := newDB(t)
	r := run(t, db, "", "create", "--name", "Z", "--description", "line one\nline two",
		"--extension", "zapier", "--external-id", "ext-1", "--expires", "2099-01-02T03:04",
		"--json")
	if r.code != 0 {
		t.Fatalf("create --json: %d %s", r.code, r.stderr)
	}
	var created map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &created); err != nil {
		t.Fatal(err)
	}
	if !keyPattern.MatchString(created["key"].(string)) {
		t.Errorf("key = %v", created["key"])
	}
	if _, err := timeRFC3339(created["expires_at"]); err != nil {
		t.Errorf("expires_at %v: %v", created["expires_at"], err)
	}

	shown := run(t, db, "", "show", created["id"].(string), "--json", "--reveal")
	var again map[string]any
	if err := json.Unmarshal([]byte(shown.stdout), &again); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(created)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Errorf("create --json and show --json --reveal differ:\n%s\n%s", a, b)
	}

	list := run(t, db, "", "list", "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(list.stdout), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list --json = %s (%v)", list.stdout, err)
	}
	if rows[0]["id"] != created["id"] || rows[0]["description"] != "line one\nline two" {
		t.Errorf("list --json row = %v", rows[0])
	}
}

func TestBadInputExitCodes(t *testing.T) {
	db := newDB(t)
	key := create(t, db, "--all-modules")
	long := strings.Repeat("n", 129)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown ID", []string{"show", "SU-000-000-000"}, 1, "no such token"},
		{"unknown ID on change", []string{"disable", "SU-000-000-000"}, 1, "no such token"},
		{"malformed expires", []string{"create", "--name", "a", "--description", "d",
			"--all-modules", "--expires", "tomorrow"}, 2, "--expires"},
		{"not a real date", []string{"create", "--name", "a", "--description", "d",
			"--all-modules", "--expires", "31/02/2099 10:00"}, 1, "not a real date"},
		{"date in the past", []string{"create", "--name", "a", "--description", "d",
			"--all-modules", "--expires", "2020-01-01"}, 1, "not in the future"},
		{"unknown module", []string{"create", "--name", "a", "--description", "d",
			"--modules", "agreements,nope"}, 2, `unknown module "nope"`},
		{"name of 129", []string{"create", "--name", long, "--description", "d",
			"--all-modules"}, 1, "--name: must be at most 128 characters"},
		{"custom without modules", []string{"create", "--name", "a", "--description", "d"},
			1, "--modules"},
		{"unknown extension", []string{"create", "--name", "a", "--description", "d",
			"--extension", "slack"}, 2, "--extension"},
		{"missing name", []string{"create", "--description", "d"}, 2, "name"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"list", "--bogus"}, 2, "unknown flag"},
		{"empty database path", []string{"list", "--db", ""}, 2, "--db needs a file path"},
		{"missing ID", []string{"show"}, 2, "takes one token ID"},
		{"two IDs", []string{"disable", "SU-000-000-000", "SU-000-000-001"}, 2,
			"takes one token ID"},
		{"both module flags", []string{"create", "--name", "a", "--description", "d",
			"--all-modules", "--modules", "billing"}, 2, "either --modules or --all-modules"},
		{"rotate without an expiry", []string{"rotate", idOf(key)}, 2, "--expires is required"},
		{"verify without a key", []string{"verify"}, 2, "one API key"},
		{"serve on an empty address", []string{"serve", "--addr", ""}, 2, "--addr"},
		{"serve on a port out of range", []string{"serve", "--addr", "127.0.0.1:70000"}, 2,
			"65535"},
		{"name with an escape", []string{"create", "--name", "\x1b[31mred", "--description",
			"d", "--all-modules"}, 1, "--name: must not contain control characters"},
		{"bad status", []string{"list", "--status", "sleepy"}, 2, "--status"},
		{"renew never-expiring", []string{"renew", idOf(key), "--expires", "1m"}, 1,
			"never expires"},
		{"rotate without expires", []string{"rotate", idOf(key)}, 2, "expires"},
		{"edit nothing", []string{"edit", idOf(key)}, 2, "nothing to change"},
		{"delete without a terminal", []string{"delete", idOf(key)}, 2, "--yes"},
		{"enable an active token", []string{"enable", idOf(key)}, 1, "not disabled"},
		{"reports with all modules", []string{"create", "--name", "r", "--description", "d",
			"--extension", "reports", "--all-modules"}, 2, "drop --all-modules"},
		{"reports with other modules", []string{"create", "--name", "r", "--description", "d",
			"--extension", "reports", "--modules", "reports,billing"}, 2, "drop --modules"},
		{"name of a zero-width space", []string{"create", "--name", "\u200b", "--description",
			"d"}, 1, "--name: must contain a visible character"},
		{"stats of an unknown ID", []string{"stats", "SU-000-000-000"}, 1,
			"no such token: SU-000-000-000; `apitokens list`"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, db, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tc.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing on failure", r.stdout)
			}
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if len(lines) != 1 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr = %q, want one line containing %q", r.stderr, tc.want)
			}
		})
	}
	if r := run(t, db, "", "verify", key); r.code != 0 {
		t.Errorf("the token was changed by a refused command: verify = %d %s", r.code, r.stderr)
	}
}

func TestLifecycleThroughCommands(t *testing.T) {
	db := newDB(t)
	key := create(t, db, "--extension", "flowgear", "--expires", "1w")
	id := idOf(key)

	if r := run(t, db, "", "verify", key); r.code != 0 || !strings.Contains(r.stdout, "accepted") {
		t.Fatalf("verify fresh key: %+v", r)
	}
	if r := run(t, db, "", "disable", id); r.code != 0 {
		t.Fatalf("disable: %+v", r)
	}
	if r := run(t, db, "", "verify", key); r.code != 1 || !strings.Contains(r.stderr, "disabled") {
		t.Errorf("verify disabled key: %+v", r)
	}
	if r := run(t, db, "", "list", "--status", "disabled"); !strings.Contains(r.stdout, id) {
		t.Errorf("list --status disabled misses %s:\n%s", id, r.stdout)
	}
	if r := run(t, db, "", "list", "--status", "active"); strings.Contains(r.stdout, id) {
		t.Errorf("list --status active shows disabled %s", id)
	}
	run(t, db, "", "enable", id)

	r := run(t, db, "", "renew", id, "--expires", "1m")
	renewed := strings.TrimSpace(r.stdout)
	if !keyPattern.MatchString(renewed) || renewed == key {
		t.Fatalf("renew printed %q", renewed)
	}
	if !strings.HasPrefix(r.stderr, "The old key keeps working until ") {
		t.Errorf("renew did not say how long the old key works: stderr %q", r.stderr)
	}
	if r := run(t, db, "", "verify", key); r.code != 0 {
		t.Errorf("old key refused right after renew: %+v", r)
	}
	if r := run(t, db, "", "show", id); !strings.Contains(r.stdout, "Previous key  works until ") {
		t.Errorf("show after renew does not tell the old key's end:\n%s", r.stdout)
	}
	if until := showJSON(t, db, id)["previous_key_until"]; until == nil {
		t.Error("show --json after renew: previous_key_until is null")
	} else if _, err := timeRFC3339(until); err != nil {
		t.Errorf("previous_key_until %v: %v", until, err)
	}
	r = run(t, db, "", "rotate", id, "--expires", "never")
	rotated := strings.TrimSpace(r.stdout)
	if r.stderr != "" {
		t.Errorf("rotate wrote %q to stderr; no old key works after it", r.stderr)
	}
	if until := showJSON(t, db, id)["previous_key_until"]; until != nil {
		t.Errorf("show --json after rotate: previous_key_until = %v, want null", until)
	}
	for _, old := range []string{key, renewed} {
		r := run(t, db, "", "verify", old)
		if r.code != 1 || !strings.Contains(r.stderr, "wrong secret") {
			t.Errorf("verify %s after rotate: %+v", old, r)
		}
	}
	if r := run(t, db, rotated+"\n", "verify", "-"); r.code != 0 {
		t.Errorf("verify - from stdin: %+v", r)
	}

	r = run(t, db, "", "edit", id, "--name", "Renamed", "--external-id", "crm-7")
	if r.code != 0 || r.stdout != "edited "+id+"\n" {
		t.Fatalf("edit: %+v", r)
	}
	r = run(t, db, "", "edit", id, "--name", "Renamed ")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "nothing changed: ") {
		t.Errorf("edit to the same values: %+v", r)
	}
	r = run(t, db, "", "permissions", id, "--modules", "billing")
	if r.code != 0 || !strings.Contains(r.stdout, "Billing") {
		t.Fatalf("permissions: %+v", r)
	}
	if r := run(t, db, "", "delete", id, "--yes"); r.code != 0 {
		t.Fatalf("delete --yes: %+v", r)
	}
	r = run(t, db, "", "verify", rotated)
	if r.code != 1 || !strings.Contains(r.stderr, "deleted") {
		t.Errorf("verify deleted: %+v", r)
	}
	if r := run(t, db, "", "list"); strings.Contains(r.stdout, id) {
		t.Errorf("list still shows deleted %s", id)
	}
	if r := run(t, db, "", "show", id); !strings.Contains(r.stdout, "Status       Deleted\n") {
		t.Errorf("show of a deleted token:\n%s", r.stdout)
	}

	var events []map[string]any
	h := run(t, db, "", "history", id, "--json")
	if err := json.Unmarshal([]byte(h.stdout), &events); err != nil {
		t.Fatalf("history --json: %v %s", err, h.stdout)
	}
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, e["kind"].(string))
	}
	want := "created disabled enabled renewed rotated edited edited deleted"
	if strings.Join(kinds, " ") != want {
		t.Errorf("history = %v, want %s", kinds, want)
	}
}

func TestListFilterAndTable(t *testing.T) {
	db := newDB(t)
	create(t, db, "--all-modules")
	run(t, db, "", "create", "--name", "Billing export", "--description", "d",
		"--extension", "reports")
	r := run(t, db, "", "list", "--filter", "REPORTS")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "NAME") ||
		!strings.Contains(lines[1], "Billing export") {
		t.Errorf("list --filter REPORTS =\n%s", r.stdout)
	}
	all := strings.Split(strings.TrimSpace(run(t, db, "", "list").stdout), "\n")
	if len(all) != 3 || !strings.Contains(all[1], "Billing export") {
		t.Errorf("list (newest first) =\n%s", strings.Join(all, "\n"))
	}
	col := strings.Index(all[0], "ID")
	for _, l := range all[1:] {
		if !strings.HasPrefix(l[col:], "SU-") {
			t.Errorf("column ID not aligned in %q", l)
		}
	}
}

func TestEveryCommandHasHelpWithExample(t *testing.T) {
	db := newDB(t)
	for _, c := range []string{"list", "show", "create", "edit", "permissions", "disable",
		"enable", "rotate", "renew", "delete", "history", "verify", "version"} {
		r := run(t, db, "", c, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") {
			t.Errorf("%s --help: code %d, no example:\n%s", c, r.code, r.stdout)
		}
	}
	r := run(t, db, "", "completion", "bash")
	if r.code != 0 || !strings.Contains(r.stdout, "apitokens") {
		t.Errorf("completion bash: %+v", r.code)
	}
}

func showJSON(t *testing.T, db, id string) map[string]any {
	t.Helper()
	r := run(t, db, "", "show", id, "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	return got
}

// TestCompletionOffersWhatFits checks the candidates the shells are given:
// enable offers disabled tokens only, disable the others, and flags with
// few values offer them.
func TestCompletionOffersWhatFits(t *testing.T) {
	db := newDB(t)
	on := idOf(create(t, db, "--all-modules", "--expires", "1w"))
	off := idOf(create(t, db, "--all-modules"))
	if r := run(t, db, "", "disable", off); r.code != 0 {
		t.Fatalf("disable: %+v", r)
	}
	candidates := func(args ...string) []string {
		t.Helper()
		r := run(t, db, "", append([]string{"__complete"}, args...)...)
		if r.code != 0 {
			t.Fatalf("__complete %v: %+v", args, r)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			if !strings.HasPrefix(line, ":") { // the directive line
				got = append(got, strings.SplitN(line, "\t", 2)[0])
			}
		}
		return got
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"enable", ""}, off},
		{[]string{"disable", ""}, on},
		{[]string{"show", ""}, off + " " + on},
		{[]string{"renew", ""}, on}, // the other never expires
		{[]string{"list", "--status", ""}, "active expiring expired disabled"},
		{[]string{"create", "--extension", ""}, "flowgear reports zapier custom"},
		{[]string{"renew", on, "--expires", ""}, "never 1d 1w 1m 3m 1y"},
	} {
		if got := strings.Join(candidates(tc.args...), " "); got != tc.want {
			t.Errorf("complete %q: %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestReportsAcceptsItsOwnModule checks that naming the one module a
// Reports token gets is no error, only naming another.
func TestReportsAcceptsItsOwnModule(t *testing.T) {
	db := newDB(t)
	id := idOf(create(t, db, "--extension", "reports", "--modules", "reports"))
	perms := showJSON(t, db, id)["permissions"].(map[string]any)
	if mods := perms["modules"].([]any); perms["all"] != false || len(mods) != 1 ||
		mods[0] != "reports" {
		t.Errorf("permissions = %v, want reports alone", perms)
	}
}
