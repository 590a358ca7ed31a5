package store

import (
	"slices"
	"strings"
)

// Module is a part of the platform a token can be allowed to call. The slug is
// the first segment of an API path.
type Module struct {
	Slug string
	Name string
}

// Modules lists every platform module in display order. A token with All
// Modules is also allowed any module appended here later.
var Modules = []Module{
	{"account", "Account"},
	{"agreements", "Agreements"},
	{"billing", "Billing"},
	{"catalog", "Catalog"},
	{"contracts", "Contracts"},
	{"customers", "Customers"},
	{"devops", "DevOps"},
	{"helpdesk", "Helpdesk"},
	{"integrations", "Integrations"},
	{"leads", "Leads"},
	{"listings", "Listings"},
	{"localization", "Localization"},
	{"marketplaces", "Marketplaces"},
	{"offers", "Offers"},
	{"partners", "Partners"},
	{"pricing", "Pricing"},
	{"products", "Products"},
	{"reports", "Reports"},
	{"subscriptions", "Subscriptions"},
	{"usage", "Usage"},
}

// ModuleBySlug finds a module by its slug.
func ModuleBySlug(slug string) (Module, bool) {
	i := slices.IndexFunc(Modules, func(m Module) bool { return m.Slug == slug })
	if i < 0 {
		return Module{}, false
	}
	return Modules[i], true
}

// Extension is the kind of integration a token was made for. It is fixed
// when the token is created.
type Extension string

// The extensions a token can be created for.
const (
	Flowgear Extension = "Flowgear"
	Reports  Extension = "Reports"
	Zapier   Extension = "Zapier"
	Custom   Extension = "Custom"
)

// Extensions lists the extensions in the order the wizard offers them.
var Extensions = []Extension{Flowgear, Reports, Zapier, Custom}

// Description is the one-line explanation shown beside the extension.
func (e Extension) Description() string {
	switch e {
	case Flowgear:
		return "Connect Flowgear workflows to the marketplace"
	case Reports:
		return "Read-only access for reporting tools; Reports module only"
	case Zapier:
		return "Automate marketplace tasks with Zapier zaps"
	case Custom:
		return "Your own scripts and integrations, with the modules you choose"
	}
	return ""
}

// Valid reports whether e is one of Extensions.
func (e Extension) Valid() bool { return slices.Contains(Extensions, e) }

// ParseExtension accepts an extension name in any letter case.
func ParseExtension(s string) (Extension, bool) {
	for _, e := range Extensions {
		if strings.EqualFold(string(e), strings.TrimSpace(s)) {
			return e, true
		}
	}
	return "", false
}

// DefaultPermissions is what the wizard ticks when an extension is chosen:
// Flowgear and Zapier start with All Modules, Custom with nothing, and
// Reports is fixed to the Reports module.
func (e Extension) DefaultPermissions() Permissions {
	switch e {
	case Flowgear, Zapier:
		return Permissions{All: true}
	case Reports:
		return Permissions{Modules: []string{"reports"}}
	}
	return Permissions{}
}

// AsksForModules reports whether the wizard's Permissions step applies.
func (e Extension) AsksForModules() bool { return e != Reports }
