package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/apitokens/apitokens/store"
)

// TestUpdateWithPermissionsIsOneChange checks that an edit of the text
// fields and the permissions lands as one history entry, and that a refused
// permission leaves the text fields unchanged too.
func TestUpdateWithPermissionsIsOneChange(t *testing.T) {
	s := openStore(t, newClock())
	ctx := context.Background()
	tok := mustCreate(t, s, draft("crm"))
	before := len(mustEvents(t, s, tok.ID))

	got, err := s.Update(ctx, tok.ID, store.Edit{
		Name: "crm (prod)", Description: tok.Description,
		Permissions: &store.Permissions{Modules: []string{"billing", "agreements"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	stored := mustGet(t, s, tok.ID)
	sameToken(t, "returned against stored", got, stored)
	if stored.Name != "crm (prod)" || stored.Permissions.Summary() != "Agreements, Billing" {
		t.Errorf("stored %q with %q", stored.Name, stored.Permissions.Summary())
	}
	events := mustEvents(t, s, tok.ID)
	if len(events) != before+1 {
		t.Fatalf("%d events recorded, want 1", len(events)-before)
	}
	if e := events[len(events)-1]; e.Kind != store.EventEdited ||
		e.Detail != "name, permissions: Agreements, Billing" {
		t.Errorf("event %s %q", e.Kind, e.Detail)
	}

	_, err = s.Update(ctx, tok.ID, store.Edit{
		Name: "renamed again", Description: tok.Description,
		Permissions: &store.Permissions{Modules: []string{"nope"}},
	})
	if fieldOf(t, err) != store.FieldPermissions {
		t.Fatalf("unknown module: %v", err)
	}
	sameToken(t, "token after a refused edit", mustGet(t, s, tok.ID), stored)
}

// TestOpenWhileAnotherProcessWrites checks that opening a database that is
// already set up takes no write lock, so a reader starts while a writer
// holds a transaction. Were Open to need the lock, it would wait out the
// busy timeout and fail with "database is locked".
func TestOpenWhileAnotherProcessWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.db")
	first := openAt(t, path, newClock())
	mustCreate(t, first, draft("existing"))

	writer, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	conn, err := writer.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")

	second, err := store.Open(path)
	if err != nil {
		t.Fatalf("open while another connection writes: %v", err)
	}
	defer second.Close()
	if n, err := second.Count(context.Background(), store.ListOptions{}); err != nil || n != 1 {
		t.Errorf("count while another connection writes = %d, %v", n, err)
	}
}

// TestEditChanged checks that Changed answers as Update records: an edit
// Changed calls unchanged leaves no history entry, and one it calls
// changed leaves exactly one.
func TestEditChanged(t *testing.T) {
	s := openStore(t, newClock())
	ctx := context.Background()
	tok := mustCreate(t, s, draft("crm"))
	if _, err := s.SetPermissions(ctx, tok.ID,
		store.Permissions{Modules: []string{"billing", "agreements"}}); err != nil {
		t.Fatal(err)
	}
	tok = mustGet(t, s, tok.ID)
	same := func(edit func(*store.Edit)) store.Edit {
		e := store.Edit{Name: tok.Name, ExternalID: tok.ExternalID, Description: tok.Description}
		edit(&e)
		return e
	}
	perms := func(p store.Permissions) func(*store.Edit) {
		return func(e *store.Edit) { e.Permissions = &p }
	}
	tests := []struct {
		name string
		edit store.Edit
		want bool
	}{
		{"nothing", same(func(*store.Edit) {}), false},
		{"name padded with spaces", same(func(e *store.Edit) { e.Name = "  " + tok.Name + " " }), false},
		{"modules in another order",
			same(perms(store.Permissions{Modules: []string{"agreements", "billing", "billing"}})), false},
		{"name", same(func(e *store.Edit) { e.Name += " (prod)" }), true},
		{"external ID", same(func(e *store.Edit) { e.ExternalID = "ext-9" }), true},
		{"description", same(func(e *store.Edit) { e.Description += "!" }), true},
		{"a module more", same(perms(store.Permissions{Modules: []string{
			"agreements", "billing", "catalog"}})), true},
		{"all modules", same(perms(store.Permissions{All: true})), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.edit.Changed(tok); got != tc.want {
				t.Fatalf("Changed = %v, want %v", got, tc.want)
			}
			before := len(mustEvents(t, s, tok.ID))
			if _, err := s.Update(ctx, tok.ID, tc.edit); err != nil {
				t.Fatal(err)
			}
			recorded := len(mustEvents(t, s, tok.ID)) > before
			if recorded != tc.want {
				t.Errorf("Update recorded an edit: %v, Changed said %v", recorded, tc.want)
			}
			tok = mustGet(t, s, tok.ID)
		})
	}
}
