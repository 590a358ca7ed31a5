package store

import (
	"database/sql"
	"strings"
	"time"
)

const tokenColumns = `id, name, external_id, description, extension, all_modules, modules,
	secret, expires_at, previous_secret, previous_expires_at,
	created_at, updated_at, last_used_at, disabled_at, deleted_at`

type scanner interface{ Scan(dest ...any) error }

func scanToken(row scanner) (Token, error) {
	var (
		t                                 Token
		ext, modules, secret, prev        string
		all                               bool
		created, updated                  int64
		expires, prevExp, used, off, gone sql.NullInt64
	)
	err := row.Scan(&t.ID, &t.Name, &t.ExternalID, &t.Description, &ext, &all, &modules,
		&secret, &expires, &prev, &prevExp, &created, &updated, &used, &off, &gone)
	if err != nil {
		return Token{}, err
	}
	t.Extension = Extension(ext)
	t.Permissions = Permissions{All: all}
	if !all && modules != "" {
		t.Permissions.Modules = strings.Split(modules, ",")
	}
	t.Secret, t.PreviousSecret = Secret(secret), Secret(prev)
	t.CreatedAt, t.UpdatedAt = fromUnix(created), fromUnix(updated)
	t.ExpiresAt, t.PreviousExpiresAt = nullTime(expires), nullTime(prevExp)
	t.LastUsedAt, t.DisabledAt, t.DeletedAt = nullTime(used), nullTime(off), nullTime(gone)
	return t, nil
}

// Times are stored as Unix seconds: UTC by nature, and ordered by integer
// comparison in SQL.
func fromUnix(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

func nullTime(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromUnix(v.Int64)
	return &t
}

func unixOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Unix()
}

func modulesColumn(p Permissions) string {
	if p.All {
		return ""
	}
	return strings.Join(p.Modules, ",")
}
