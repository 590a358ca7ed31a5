package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

const day = 24 * time.Hour

// TestRotate checks that rotating kills every earlier secret at once, the
// one a renewal kept included, and sets the chosen expiry.
func TestRotate(t *testing.T) {
	tests := []struct {
		name    string
		expires *time.Time // the rotated token's expiry
		status  store.Status
	}{
		{"to a date", ptr(epoch.Add(90 * day)), store.StatusActive},
		{"to a date within the week", ptr(epoch.Add(2 * day)), store.StatusExpiring},
		{"to never", nil, store.StatusActive},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, c)
			tok := mustCreate(t, s, expiring("rotated", epoch.Add(30*day)))
			first := tok.Key()
			renewed, err := s.Renew(t.Context(), tok.ID, ptr(epoch.Add(60*day)))
			if err != nil {
				t.Fatal(err)
			}
			second := renewed.Key()
			c.Advance(time.Hour)

			rotated, err := s.Rotate(t.Context(), tok.ID, tc.expires)
			if err != nil {
				t.Fatal(err)
			}

			now := c.Now()
			sameToken(t, "rotated token against stored", rotated, mustGet(t, s, tok.ID))
			if rotated.ID != tok.ID || rotated.Key() == first || rotated.Key() == second {
				t.Errorf("rotation kept the ID %s or a secret", rotated.ID)
			}
			if rotated.PreviousSecret != "" || rotated.PreviousExpiresAt != nil {
				t.Error("rotation kept the previous secret")
			}
			if got := rotated.Status(now); got != tc.status {
				t.Errorf("status %s, want %s", got, tc.status)
			}
			for _, k := range []struct {
				name string
				key  string
				want store.Refusal
			}{
				{"first", first, store.RefusedWrongSecret},
				{"kept by the renewal", second, store.RefusedWrongSecret},
				{"rotated", rotated.Key(), ""},
			} {
				if got := verifyAt(t, s, k.key, now); got != k.want {
					t.Errorf("%s secret: refusal %q, want %q", k.name, got, k.want)
				}
			}

			evs := mustEvents(t, s, tok.ID)
			last := evs[len(evs)-1]
			wantDetail := "expires never"
			if tc.expires != nil {
				wantDetail = "expires " + tc.expires.Format(time.RFC3339)
			}
			if last.Kind != store.EventRotated || !last.At.Equal(now) ||
				last.Detail != wantDetail {
				t.Errorf("last event %+v, want rotated at %v with %q", last, now, wantDetail)
			}
		})
	}
}

// TestRotateRevivesExpired checks that an expired token can be rotated to
// a new expiry and works again.
func TestRotateRevivesExpired(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	tok := mustCreate(t, s, expiring("expired", epoch.Add(day)))
	c.Advance(2 * day)
	if got := verifyAt(t, s, tok.Key(), c.Now()); got != store.RefusedExpired {
		t.Fatalf("before rotation: refusal %q", got)
	}

	rotated, err := s.Rotate(t.Context(), tok.ID, ptr(c.Now().Add(30*day)))
	if err != nil {
		t.Fatal(err)
	}

	if got := verifyAt(t, s, rotated.Key(), c.Now()); got != "" {
		t.Errorf("after rotation: refusal %q", got)
	}
}

// TestRenew checks that the renewed secret works until its own old expiry
// and not a second later, or until the new expiry if that comes first.
func TestRenew(t *testing.T) {
	type check struct {
		old  bool          // the secret before renewal, else the new one
		at   time.Duration // after epoch
		want store.Refusal
	}
	tests := []struct {
		name    string
		expires time.Duration // the old expiry, after epoch
		renewAt time.Duration
		next    *time.Duration // the new expiry; nil for never
		checks  []check
	}{
		{
			name: "old secret until the old expiry", expires: 10 * day, renewAt: day,
			next: ptr(40 * day),
			checks: []check{
				{true, day, ""},
				{true, 10*day - time.Second, ""},
				{true, 10 * day, store.RefusedReplaced},
				{true, 10*day + time.Second, store.RefusedReplaced},
				{false, day, ""},
				{false, 10 * day, ""},
				{false, 40*day - time.Second, ""},
				{false, 40 * day, store.RefusedExpired},
			},
		},
		{
			// The new expiry has a fraction of a second: both secrets end
			// at the whole second, as stored.
			name: "new expiry sooner than the old", expires: 30 * day, renewAt: day,
			next: ptr(5*day + 500*time.Millisecond),
			checks: []check{
				{true, 5*day - time.Second, ""},
				{true, 5 * day, store.RefusedExpired},
				{true, 29 * day, store.RefusedExpired},
				{false, 5*day - time.Second, ""},
				{false, 5 * day, store.RefusedExpired},
			},
		},
		{
			name: "renewed to never", expires: 10 * day, renewAt: day,
			checks: []check{
				{true, 10*day - time.Second, ""},
				{true, 10 * day, store.RefusedReplaced},
				{false, 1000 * day, ""},
			},
		},
		{
			name: "renewed after it expired", expires: 2 * day, renewAt: 3 * day,
			next: ptr(30 * day),
			checks: []check{
				{true, 3 * day, store.RefusedReplaced},
				{false, 3 * day, ""},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, c)
			tok := mustCreate(t, s, expiring("renewed", epoch.Add(tc.expires)))
			c.Set(epoch.Add(tc.renewAt))
			var next *time.Time
			if tc.next != nil {
				// In another zone, to show that the zone does not matter.
				next = ptr(epoch.Add(*tc.next).In(time.FixedZone("UTC+9", 9*3600)))
			}

			renewed, err := s.Renew(t.Context(), tok.ID, next)
			if err != nil {
				t.Fatal(err)
			}

			sameToken(t, "renewed token against stored", renewed, mustGet(t, s, tok.ID))
			if renewed.PreviousSecret != tok.Secret || renewed.Secret == tok.Secret {
				t.Error("renewal did not keep the old secret beside a new one")
			}
			for _, ck := range tc.checks {
				key, which := renewed.Key(), "new"
				if ck.old {
					key, which = tok.Key(), "old"
				}
				if got := verifyAt(t, s, key, epoch.Add(ck.at)); got != ck.want {
					t.Errorf("%s secret at +%v: refusal %q, want %q", which, ck.at, got, ck.want)
				}
			}
			evs := mustEvents(t, s, tok.ID)
			if last := evs[len(evs)-1]; last.Kind != store.EventRenewed ||
				!last.At.Equal(c.Now()) || !strings.HasPrefix(last.Detail, "expires ") {
				t.Errorf("last event %+v, want renewed at %v", last, c.Now())
			}
		})
	}
}

// TestRenewAgain checks that a second renewal replaces the kept secret.
func TestRenewAgain(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	first := mustCreate(t, s, expiring("renewed twice", epoch.Add(10*day)))
	c.Set(epoch.Add(day))
	second, err := s.Renew(t.Context(), first.ID, ptr(epoch.Add(20*day)))
	if err != nil {
		t.Fatal(err)
	}
	c.Set(epoch.Add(2 * day))

	third, err := s.Renew(t.Context(), first.ID, ptr(epoch.Add(30*day)))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		key  string
		at   time.Duration
		want store.Refusal
	}{
		{"first, replaced", first.Key(), 2 * day, store.RefusedWrongSecret},
		{"second, kept", second.Key(), 20*day - time.Second, ""},
		{"second, at its expiry", second.Key(), 20 * day, store.RefusedReplaced},
		{"third", third.Key(), 30*day - time.Second, ""},
	}
	for _, tc := range tests {
		if got := verifyAt(t, s, tc.key, epoch.Add(tc.at)); got != tc.want {
			t.Errorf("%s: refusal %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRenewNeverExpiring checks that a token without expiry cannot be
// renewed, and that trying changes nothing.
func TestRenewNeverExpiring(t *testing.T) {
	s := openStore(t, newClock())
	tok := mustCreate(t, s, draft("forever"))
	seq := mustLastChange(t, s)

	_, err := s.Renew(t.Context(), tok.ID, ptr(epoch.Add(30*day)))

	var se *store.StateError
	if !errors.As(err, &se) || se.ID != tok.ID || !strings.Contains(err.Error(), "rotate") {
		t.Fatalf("renew: %v, want a state error that suggests rotating", err)
	}
	sameToken(t, "after a refused renewal", mustGet(t, s, tok.ID), tok)
	if got := mustLastChange(t, s); got != seq {
		t.Errorf("a refused renewal recorded change %d", got)
	}
	if got := verifyAt(t, s, tok.Key(), epoch); got != "" {
		t.Errorf("key refused after a refused renewal: %q", got)
	}
}

// TestNewSecretNeedsFutureExpiry checks that Rotate and Renew refuse an
// expiry that is not in the future and change nothing.
func TestNewSecretNeedsFutureExpiry(t *testing.T) {
	actions := map[string]func(*store.Store, context.Context, string, *time.Time) (
		store.Token, error){
		"rotate": (*store.Store).Rotate,
		"renew":  (*store.Store).Renew,
	}
	for name, act := range actions {
		for _, at := range []time.Time{
			epoch.Add(-time.Second), epoch, epoch.Add(time.Second / 2),
		} {
			c := newClock()
			s := openStore(t, c)
			tok := mustCreate(t, s, expiring("future", epoch.Add(day)))

			_, err := act(s, t.Context(), tok.ID, &at)

			if f := fieldOf(t, err); f != store.FieldExpiry {
				t.Errorf("%s to %v: refused field %q (%v)", name, at, f, err)
			}
			sameToken(t, name+" refused", mustGet(t, s, tok.ID), tok)
		}
	}
}

// TestDisableEnable checks that a disabled key is refused whatever its
// expiry, and that enabling restores it unchanged.
func TestDisableEnable(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	tok := mustCreate(t, s, expiring("switched", epoch.Add(30*day)))
	c.Advance(time.Minute)

	off, err := s.Disable(t.Context(), tok.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameToken(t, "disabled token against stored", off, mustGet(t, s, tok.ID))
	if off.DisabledAt == nil || !off.DisabledAt.Equal(c.Now()) || !off.UpdatedAt.Equal(c.Now()) {
		t.Errorf("disabled at %v, updated %v; want %v", off.DisabledAt, off.UpdatedAt, c.Now())
	}
	for _, at := range []time.Time{c.Now(), epoch.Add(40 * day)} {
		if got := verifyAt(t, s, tok.Key(), at); got != store.RefusedDisabled {
			t.Errorf("disabled key at %v: refusal %q", at, got)
		}
		if got := off.Status(at); got != store.StatusDisabled {
			t.Errorf("status at %v: %s", at, got)
		}
	}
	_, err = s.Disable(t.Context(), tok.ID)
	if se := (*store.StateError)(nil); !errors.As(err, &se) {
		t.Errorf("disable twice: %v, want a state error", err)
	}

	c.Advance(time.Minute)
	on, err := s.Enable(t.Context(), tok.ID)
	if err != nil {
		t.Fatal(err)
	}
	if on.Key() != tok.Key() || on.DisabledAt != nil {
		t.Error("enabling changed the key or left the token disabled")
	}
	if got := verifyAt(t, s, tok.Key(), c.Now()); got != "" {
		t.Errorf("enabled key: refusal %q", got)
	}
	_, err = s.Enable(t.Context(), tok.ID)
	if se := (*store.StateError)(nil); !errors.As(err, &se) {
		t.Errorf("enable twice: %v, want a state error", err)
	}
	want := []store.EventKind{store.EventCreated, store.EventDisabled, store.EventEnabled}
	if got := kinds(mustEvents(t, s, tok.ID)); !slices.Equal(got, want) {
		t.Errorf("history %v, want %v", got, want)
	}
}

// TestDelete checks that a deleted token's key is refused and the token
// leaves the list, while its row, history and counts stay.
func TestDelete(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	tok := mustCreate(t, s, draft("doomed"))
	kept := mustCreate(t, s, draft("kept"))
	err := s.RecordUsage(t.Context(),
		[]store.Usage{{TokenID: tok.ID, Day: "2030-03-15", Code: 200, Count: 3}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Hour)

	gone, err := s.Delete(t.Context(), tok.ID)
	if err != nil {
		t.Fatal(err)
	}

	sameToken(t, "deleted token against stored", gone, mustGet(t, s, tok.ID))
	if gone.DeletedAt == nil || !gone.DeletedAt.Equal(c.Now()) {
		t.Errorf("deleted at %v, want %v", gone.DeletedAt, c.Now())
	}
	if got := verifyAt(t, s, tok.Key(), c.Now()); got != store.RefusedDeleted {
		t.Errorf("deleted key: refusal %q", got)
	}
	list, err := s.List(t.Context(), store.ListOptions{})
	if err != nil || !slices.Equal(ids(list), []string{kept.ID}) {
		t.Errorf("list after delete: %v, %v; want only %s", ids(list), err, kept.ID)
	}
	if n, _ := s.Count(t.Context(), store.ListOptions{}); n != 1 {
		t.Errorf("count after delete: %d", n)
	}
	u, err := s.UsageTotals(t.Context(), tok.ID)
	if err != nil || len(u) != 1 || u[0].Count != 3 {
		t.Errorf("counts after delete: %+v, %v", u, err)
	}
	want := []store.EventKind{store.EventCreated, store.EventDeleted}
	if got := kinds(mustEvents(t, s, tok.ID)); !slices.Equal(got, want) {
		t.Errorf("history %v, want %v", got, want)
	}
}

// actions are every change a user can make to a token, with valid input.
var actions = []struct {
	name string
	do   func(context.Context, *store.Store, string) (store.Token, error)
}{
	{"edit", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.Update(ctx, id, store.Edit{Name: "new", Description: "new"})
	}},
	{"set permissions", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.SetPermissions(ctx, id, store.Permissions{All: true})
	}},
	{"disable", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.Disable(ctx, id)
	}},
	{"enable", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.Enable(ctx, id)
	}},
	{"rotate", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.Rotate(ctx, id, ptr(epoch.Add(400*day)))
	}},
	{"renew", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.Renew(ctx, id, ptr(epoch.Add(400*day)))
	}},
	{"delete", func(ctx context.Context, s *store.Store, id string) (store.Token, error) {
		return s.Delete(ctx, id)
	}},
}

// TestActionsOnDeletedToken checks that every action on a deleted token is
// refused with a clear error and changes nothing.
func TestActionsOnDeletedToken(t *testing.T) {
	for _, a := range actions {
		t.Run(a.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, c)
			tok := mustCreate(t, s, expiring("deleted", epoch.Add(30*day)))
			if _, err := s.Disable(t.Context(), tok.ID); err != nil {
				t.Fatal(err)
			}
			gone, err := s.Delete(t.Context(), tok.ID)
			if err != nil {
				t.Fatal(err)
			}
			seq := mustLastChange(t, s)
			c.Advance(time.Hour)

			_, err = a.do(t.Context(), s, tok.ID)

			var se *store.StateError
			if !errors.As(err, &se) || se.ID != tok.ID {
				t.Fatalf("%v, want a state error about %s", err, tok.ID)
			}
			if msg := err.Error(); !strings.Contains(msg, tok.ID) ||
				!strings.Contains(msg, "deleted") {
				t.Errorf("error %q does not say that %s is deleted", msg, tok.ID)
			}
			sameToken(t, "after the refused action", mustGet(t, s, tok.ID), gone)
			if got := mustLastChange(t, s); got != seq {
				t.Errorf("the refused action recorded change %d", got)
			}
		})
	}
}

// TestActionsOnUnknownToken checks that every action on an ID never
// created says so.
func TestActionsOnUnknownToken(t *testing.T) {
	s := openStore(t, newClock())
	mustCreate(t, s, draft("someone else"))
	for _, a := range actions {
		_, err := a.do(t.Context(), s, "SU-000-000-000")
		if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "SU-000-000-000") {
			t.Errorf("%s: %v, want ErrNotFound naming the ID", a.name, err)
		}
	}
	if _, err := s.Get(t.Context(), "SU-000-000-000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get: %v", err)
	}
	if _, err := s.Events(t.Context(), "SU-000-000-000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("events: %v", err)
	}
}

// TestUpdate checks that an edit records exactly the fields it changed, and
// that an edit which changes nothing records nothing.
func TestUpdate(t *testing.T) {
	base := store.Edit{Name: "name", ExternalID: "ext", Description: "desc"}
	tests := []struct {
		name   string
		edit   store.Edit
		detail string // the recorded detail; "" when nothing is recorded
		field  string // the refused field
	}{
		{name: "nothing", edit: base},
		{
			name:  "nothing, with spaces around",
			edit:  store.Edit{Name: " name ", ExternalID: "ext\t", Description: "\ndesc"},
			field: "",
		},
		{
			name:   "name",
			edit:   store.Edit{Name: "renamed", ExternalID: "ext", Description: "desc"},
			detail: "name",
		},
		{
			name:   "external ID cleared",
			edit:   store.Edit{Name: "name", Description: "desc"},
			detail: "external ID",
		},
		{
			name:   "description with a line break",
			edit:   store.Edit{Name: "name", ExternalID: "ext", Description: "two\nlines"},
			detail: "description",
		},
		{
			name:   "everything",
			edit:   store.Edit{Name: "n2", ExternalID: "e2", Description: "d2"},
			detail: "name, external ID, description",
		},
		{
			name:  "name too long",
			edit:  store.Edit{Name: strings.Repeat("ñ", 129), Description: "desc"},
			field: store.FieldName,
		},
		{
			name:  "no description",
			edit:  store.Edit{Name: "name", Description: " "},
			field: store.FieldDescription,
		},
		{
			name: "external ID too long",
			edit: store.Edit{
				Name: "name", ExternalID: strings.Repeat("x", 129), Description: "d",
			},
			field: store.FieldExternalID,
		},
		{
			name:  "external ID of another token",
			edit:  store.Edit{Name: "name", ExternalID: "taken", Description: "desc"},
			field: store.FieldExternalID,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, c)
			other := draft("other")
			other.ExternalID = "taken"
			mustCreate(t, s, other)
			d := draft(base.Name)
			d.ExternalID, d.Description = base.ExternalID, base.Description
			tok := mustCreate(t, s, d)
			seq := mustLastChange(t, s)
			c.Advance(time.Minute)

			got, err := s.Update(t.Context(), tok.ID, tc.edit)

			if f := fieldOf(t, err); f != tc.field {
				t.Fatalf("refused field %q (%v), want %q", f, err, tc.field)
			}
			stored := mustGet(t, s, tok.ID)
			if tc.field != "" || tc.detail == "" {
				sameToken(t, "token after an edit that changed nothing", stored, tok)
				if after := mustLastChange(t, s); after != seq {
					t.Errorf("recorded change %d for nothing", after)
				}
				return
			}
			sameToken(t, "edited token against stored", got, stored)
			want := store.Edit{
				Name:        strings.TrimSpace(tc.edit.Name),
				ExternalID:  strings.TrimSpace(tc.edit.ExternalID),
				Description: strings.TrimSpace(tc.edit.Description),
			}
			if (store.Edit{Name: stored.Name, ExternalID: stored.ExternalID,
				Description: stored.Description}) != want {
				t.Errorf("stored %q/%q/%q, want %+v",
					stored.Name, stored.ExternalID, stored.Description, want)
			}
			if !stored.UpdatedAt.Equal(c.Now()) || !stored.CreatedAt.Equal(epoch) {
				t.Errorf("created %v, updated %v", stored.CreatedAt, stored.UpdatedAt)
			}
			evs := mustEvents(t, s, tok.ID)
			last := evs[len(evs)-1]
			if len(evs) != 2 || last.Kind != store.EventEdited || last.Detail != tc.detail ||
				!last.At.Equal(c.Now()) {
				t.Errorf("history %+v, want created then edited %q", evs, tc.detail)
			}
		})
	}
}

// TestSetPermissions checks normalising, the refusals, the Reports rule and
// that setting the same set records nothing.
func TestSetPermissions(t *testing.T) {
	mods := func(m ...string) store.Permissions { return store.Permissions{Modules: m} }
	tests := []struct {
		name   string
		ext    store.Extension
		start  store.Permissions
		set    store.Permissions
		want   store.Permissions
		detail string // "" when nothing is recorded
		field  string
	}{
		{
			name: "sorted and without duplicates", ext: store.Custom,
			start: mods("billing"), set: mods("usage", "billing", "usage"),
			want: mods("billing", "usage"), detail: "permissions: Billing, Usage",
		},
		{
			name: "all modules", ext: store.Custom,
			start: mods("billing"), set: store.Permissions{All: true, Modules: []string{"leads"}},
			want: store.Permissions{All: true}, detail: "permissions: Full",
		},
		{
			name: "from all modules to one", ext: store.Zapier,
			start: store.Permissions{All: true}, set: mods("leads"),
			want: mods("leads"), detail: "permissions: Leads",
		},
		{
			name: "the same set in another order", ext: store.Custom,
			start: mods("billing", "usage"), set: mods("usage", "billing", "billing"),
			want: mods("billing", "usage"),
		},
		{
			name: "all modules again", ext: store.Flowgear,
			start: store.Permissions{All: true}, set: store.Permissions{All: true},
			want: store.Permissions{All: true},
		},
		{
			name: "unknown slug", ext: store.Custom,
			start: mods("billing"), set: mods("billing", "payroll"),
			want: mods("billing"), field: store.FieldPermissions,
		},
		{
			name: "nothing", ext: store.Custom,
			start: mods("billing"), set: store.Permissions{},
			want: mods("billing"), field: store.FieldPermissions,
		},
		{
			name: "Reports keeps Reports", ext: store.Reports,
			set: mods("reports"), want: mods("reports"),
		},
		{
			name: "Reports refuses another module", ext: store.Reports,
			set: mods("billing"), want: mods("reports"), field: store.FieldPermissions,
		},
		{
			name: "Reports refuses an extra module", ext: store.Reports,
			set: mods("reports", "usage"), want: mods("reports"), field: store.FieldPermissions,
		},
		{
			name: "Reports refuses all modules", ext: store.Reports,
			set: store.Permissions{All: true}, want: mods("reports"),
			field: store.FieldPermissions,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, c)
			d := draft("permitted")
			d.Extension, d.Permissions = tc.ext, tc.start
			tok := mustCreate(t, s, d)
			seq := mustLastChange(t, s)
			c.Advance(time.Minute)

			got, err := s.SetPermissions(t.Context(), tok.ID, tc.set)

			if f := fieldOf(t, err); f != tc.field {
				t.Fatalf("refused field %q (%v), want %q", f, err, tc.field)
			}
			stored := mustGet(t, s, tok.ID)
			p := stored.Permissions
			if p.All != tc.want.All || !slices.Equal(p.Modules, tc.want.Modules) {
				t.Errorf("stored %+v, want %+v", p, tc.want)
			}
			if tc.detail == "" {
				sameToken(t, "token after setting nothing new", stored, tok)
				if after := mustLastChange(t, s); after != seq {
					t.Errorf("recorded change %d for nothing", after)
				}
				return
			}
			sameToken(t, "returned token against stored", got, stored)
			evs := mustEvents(t, s, tok.ID)
			if last := evs[len(evs)-1]; last.Kind != store.EventEdited ||
				last.Detail != tc.detail || !last.At.Equal(c.Now()) {
				t.Errorf("last event %+v, want edited %q at %v", last, tc.detail, c.Now())
			}
		})
	}
}

// TestHistory checks that every change is recorded, in order, at the
// store's time, and that LastChange follows the newest.
func TestHistory(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	if seq := mustLastChange(t, s); seq != 0 {
		t.Fatalf("last change of an empty database: %d", seq)
	}
	tok := mustCreate(t, s, expiring("historic", epoch.Add(10*day)))
	exp := epoch.Add(20 * day)
	steps := []struct {
		kind   store.EventKind
		detail string
		do     func() error
	}{
		{store.EventEdited, "name", func() error {
			_, err := s.Update(t.Context(), tok.ID,
				store.Edit{Name: "renamed", Description: "made by a test"})
			return err
		}},
		{store.EventEdited, "permissions: Account, Billing", func() error {
			_, err := s.SetPermissions(t.Context(), tok.ID,
				store.Permissions{Modules: []string{"account", "billing"}})
			return err
		}},
		{store.EventDisabled, "", func() error {
			_, err := s.Disable(t.Context(), tok.ID)
			return err
		}},
		{store.EventEnabled, "", func() error {
			_, err := s.Enable(t.Context(), tok.ID)
			return err
		}},
		{store.EventRenewed, "expires " + exp.Format(time.RFC3339), func() error {
			_, err := s.Renew(t.Context(), tok.ID, &exp)
			return err
		}},
		{store.EventRotated, "expires never", func() error {
			_, err := s.Rotate(t.Context(), tok.ID, nil)
			return err
		}},
		{store.EventDeleted, "", func() error {
			_, err := s.Delete(t.Context(), tok.ID)
			return err
		}},
	}
	want := []store.Event{{TokenID: tok.ID, Kind: store.EventCreated, At: epoch}}
	seq := mustLastChange(t, s)
	for i, st := range steps {
		c.Set(epoch.Add(time.Duration(i+1) * time.Hour))
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.kind, err)
		}
		want = append(want, store.Event{
			TokenID: tok.ID, Kind: st.kind, At: c.Now(), Detail: st.detail,
		})
		after := mustLastChange(t, s)
		if after <= seq {
			t.Errorf("after %s: last change %d, was %d", st.kind, after, seq)
		}
		seq = after
	}

	got := mustEvents(t, s, tok.ID)
	if len(got) != len(want) {
		t.Fatalf("history has %d events, want %d: %+v", len(got), len(want), got)
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.TokenID != w.TokenID || g.Kind != w.Kind || !g.At.Equal(w.At) ||
			g.Detail != w.Detail {
			t.Errorf("event %d: %+v, want %+v", i, g, w)
		}
		if i > 0 && g.Seq <= got[i-1].Seq {
			t.Errorf("event %d: seq %d not after %d", i, g.Seq, got[i-1].Seq)
		}
	}
	if got[len(got)-1].Seq != seq {
		t.Errorf("last change %d, newest event %d", seq, got[len(got)-1].Seq)
	}
}

// TestExternalIDUnique checks that a live token's external ID cannot be
// taken by another, and is free again once its holder is deleted.
func TestExternalIDUnique(t *testing.T) {
	s := openStore(t, newClock())
	d := draft("holder")
	d.ExternalID = "crm-42"
	holder := mustCreate(t, s, d)

	for _, typed := range []string{"crm-42", "  crm-42 "} {
		dup := draft("duplicate")
		dup.ExternalID = typed
		_, err := s.Create(t.Context(), dup)
		if f := fieldOf(t, err); f != store.FieldExternalID ||
			!strings.Contains(err.Error(), holder.ID) {
			t.Errorf("create with %q: %v, want a refusal naming %s", typed, err, holder.ID)
		}
	}
	if n, _ := s.Count(t.Context(), store.ListOptions{}); n != 1 {
		t.Errorf("%d tokens after refused duplicates", n)
	}
	if err := s.CheckExternalID(t.Context(), " crm-42", ""); fieldOf(t, err) == "" {
		t.Error("CheckExternalID let a duplicate through")
	}
	if err := s.CheckExternalID(t.Context(), "crm-42", holder.ID); err != nil {
		t.Errorf("CheckExternalID refused the holder its own ID: %v", err)
	}
	if err := s.CheckExternalID(t.Context(), strings.Repeat("x", 129), ""); fieldOf(t, err) == "" {
		t.Error("CheckExternalID let a long ID through")
	}
	other := mustCreate(t, s, draft("other"))
	_, err := s.Update(t.Context(), other.ID,
		store.Edit{Name: "other", ExternalID: "crm-42", Description: "x"})
	if f := fieldOf(t, err); f != store.FieldExternalID {
		t.Errorf("edit to a held external ID: %v", err)
	}

	if _, err := s.Delete(t.Context(), holder.ID); err != nil {
		t.Fatal(err)
	}

	if err := s.CheckExternalID(t.Context(), "crm-42", ""); err != nil {
		t.Errorf("CheckExternalID after the holder was deleted: %v", err)
	}
	heir := mustCreate(t, s, d)
	if heir.ExternalID != "crm-42" {
		t.Errorf("external ID kept as %q", heir.ExternalID)
	}
	_, err = s.Update(t.Context(), other.ID,
		store.Edit{Name: "other", ExternalID: "crm-42", Description: "x"})
	if f := fieldOf(t, err); f != store.FieldExternalID ||
		!strings.Contains(err.Error(), heir.ID) {
		t.Errorf("edit to the heir's external ID: %v", err)
	}
}
