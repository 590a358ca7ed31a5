package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apitokens/apitokens/store"
)

// TestListOrderAndPaging checks newest first, even among tokens created in
// the same second, that pages join up to the whole list, and the page size.
func TestListOrderAndPaging(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	var made []store.Token
	for i := range 105 {
		if i%5 == 0 {
			c.Advance(time.Minute) // five tokens share each second
		}
		made = append(made, mustCreate(t, s, draft(fmt.Sprint("token ", i))))
	}
	gone := mustCreate(t, s, draft("deleted"))
	if _, err := s.Delete(t.Context(), gone.ID); err != nil {
		t.Fatal(err)
	}
	want := ids(made)
	slices.Reverse(want)

	var paged []string
	for off := 0; ; off += 7 {
		page, err := s.List(t.Context(), store.ListOptions{Offset: off, Limit: 7})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) > 7 {
			t.Fatalf("page at %d has %d tokens", off, len(page))
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, ids(page)...)
	}
	if !slices.Equal(paged, want) {
		t.Errorf("pages joined:\n %v\nwant\n %v", paged, want)
	}

	tests := []struct {
		name string
		o    store.ListOptions
		want []string
	}{
		{"default page", store.ListOptions{}, want[:100]},
		{"negative limit", store.ListOptions{Limit: -3}, want[:100]},
		{"negative offset", store.ListOptions{Offset: -5, Limit: 3}, want[:3]},
		{"last page", store.ListOptions{Offset: 100, Limit: 10}, want[100:]},
		{"beyond the end", store.ListOptions{Offset: 105, Limit: 10}, nil},
	}
	for _, tc := range tests {
		got, err := s.List(t.Context(), tc.o)
		if err != nil || !slices.Equal(ids(got), tc.want) {
			t.Errorf("%s: %v, %v; want %v", tc.name, ids(got), err, tc.want)
		}
	}
	if n, err := s.Count(t.Context(), store.ListOptions{Offset: 50, Limit: 1}); n != 105 {
		t.Errorf("count %d, %v; want 105, whatever the page", n, err)
	}
}

// TestListMaxPage checks that no page is larger than MaxPage.
func TestListMaxPage(t *testing.T) {
	s, _ := bulkStore(t, store.MaxPage+5)

	got, err := s.List(t.Context(), store.ListOptions{Limit: store.MaxPage + 1})

	if err != nil || len(got) != store.MaxPage {
		t.Errorf("%d tokens, %v; want %d", len(got), err, store.MaxPage)
	}
}

// TestListFilter checks what the filter matches: part of the name, ID,
// external ID or extension, in any letter case, with % and _ taken as typed.
func TestListFilter(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	made := map[string]store.Token{}
	for _, m := range []struct {
		name, extID string
		ext         store.Extension
	}{
		{"Billing sync", "CRM-7", store.Custom},
		{"100% done", "", store.Zapier},
		{"100 done", "", store.Flowgear},
		{"a_b", "", store.Custom},
		{"axb", "", store.Custom},
		{`back\slash`, "", store.Custom},
		{"Report robot", "ops_1", store.Reports},
		{"Billing gone", "", store.Custom},
	} {
		c.Advance(time.Second)
		d := draft(m.name)
		d.ExternalID, d.Extension = m.extID, m.ext
		made[m.name] = mustCreate(t, s, d)
	}
	if _, err := s.Delete(t.Context(), made["Billing gone"].ID); err != nil {
		t.Fatal(err)
	}
	live := []string{"Report robot", `back\slash`, "axb", "a_b", "100 done", "100% done",
		"Billing sync"}

	tests := []struct {
		filter string
		want   []string // names, newest first
	}{
		{"", live},
		{"   ", live},
		{"billing", []string{"Billing sync"}},
		{"BILLING SYNC", []string{"Billing sync"}},
		{"  sync ", []string{"Billing sync"}},
		{"crm-7", []string{"Billing sync"}},
		{strings.ToLower(made["100 done"].ID), []string{"100 done"}},
		{made["axb"].ID[3:], []string{"axb"}},
		{"zap", []string{"100% done"}},
		{"FlowGear", []string{"100 done"}},
		{"REPORTS", []string{"Report robot"}},
		{"custom", []string{`back\slash`, "axb", "a_b", "Billing sync"}},
		{"100%", []string{"100% done"}},
		{"%", []string{"100% done"}},
		{"_", []string{"Report robot", "a_b"}},
		{"a_b", []string{"a_b"}},
		{"OPS_", []string{"Report robot"}},
		{`\`, []string{`back\slash`}},
		{`k\s`, []string{`back\slash`}},
		{"gone", nil},
		{"nothing like it", nil},
	}
	for _, tc := range tests {
		t.Run(tc.filter, func(t *testing.T) {
			got, err := s.List(t.Context(), store.ListOptions{Filter: tc.filter})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tok := range got {
				names = append(names, tok.Name)
			}
			if !slices.Equal(names, tc.want) {
				t.Errorf("names %q, want %q", names, tc.want)
			}
			n, err := s.Count(t.Context(), store.ListOptions{Filter: tc.filter})
			if err != nil || n != len(tc.want) {
				t.Errorf("count %d, %v; want %d", n, err, len(tc.want))
			}
		})
	}
}

// TestListStatus checks that each status filter keeps exactly the tokens
// whose Status says so, at the edges of each status, on a whole second and
// between seconds.
func TestListStatus(t *testing.T) {
	for _, frac := range []time.Duration{0, 500 * time.Millisecond, 999 * time.Millisecond} {
		t.Run(fmt.Sprint("+", frac), func(t *testing.T) {
			c := newClock()
			s := openStore(t, c)
			n0 := epoch.Add(10 * day)
			for i, m := range []struct {
				expires  *time.Time
				disabled bool
				deleted  bool
			}{
				{expires: nil},
				{expires: ptr(n0.Add(30 * day))},
				{expires: ptr(n0.Add(store.ExpiringWithin + time.Second))},
				{expires: ptr(n0.Add(store.ExpiringWithin))},
				{expires: ptr(n0.Add(time.Second))},
				{expires: ptr(n0)},
				{expires: ptr(n0.Add(-time.Second))},
				{expires: ptr(n0.Add(-day))},
				{expires: ptr(n0.Add(day)), disabled: true},
				{expires: ptr(n0.Add(-day)), disabled: true},
				{expires: nil, disabled: true},
				{expires: ptr(n0.Add(day)), deleted: true},
			} {
				c.Set(epoch.Add(time.Duration(i) * time.Second))
				d := draft(fmt.Sprint("token ", i))
				d.ExpiresAt = m.expires
				tok := mustCreate(t, s, d)
				if m.disabled {
					if _, err := s.Disable(t.Context(), tok.ID); err != nil {
						t.Fatal(err)
					}
				}
				if m.deleted {
					if _, err := s.Delete(t.Context(), tok.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
			now := n0.Add(frac)
			c.Set(now)
			all, err := s.List(t.Context(), store.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}

			for _, st := range append([]store.Status{""}, store.Statuses...) {
				var want []string
				for _, tok := range all {
					if st == "" || tok.Status(now) == st {
						want = append(want, tok.ID)
					}
				}
				if len(want) == 0 {
					t.Fatalf("no token is %s: the fixture misses a case", st)
				}
				got, err := s.List(t.Context(), store.ListOptions{Status: st})
				if err != nil || !slices.Equal(ids(got), want) {
					t.Errorf("status %q: %v, %v; want %v", st, ids(got), err, want)
				}
				n, err := s.Count(t.Context(), store.ListOptions{Status: st})
				if err != nil || n != len(want) {
					t.Errorf("status %q: count %d, %v; want %d", st, n, err, len(want))
				}
			}
		})
	}
}

// TestListStatusAndFilter checks that both filters apply together.
func TestListStatusAndFilter(t *testing.T) {
	c := newClock()
	s := openStore(t, c)
	keep := mustCreate(t, s, draft("alpha one"))
	off := mustCreate(t, s, draft("alpha two"))
	mustCreate(t, s, draft("beta"))
	if _, err := s.Disable(t.Context(), off.ID); err != nil {
		t.Fatal(err)
	}

	got, err := s.List(t.Context(),
		store.ListOptions{Filter: "ALPHA", Status: store.StatusActive})

	if err != nil || !slices.Equal(ids(got), []string{keep.ID}) {
		t.Errorf("%v, %v; want %s", ids(got), err, keep.ID)
	}
}
