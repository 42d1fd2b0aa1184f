package schemas

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Migration is one schema file.
type Migration struct {
	// Name is the file name, such as "002_articles.sql".
	Name string
	// SQL is the content of the file.
	SQL string
	// Checksum is the hex SHA-256 of SQL.
	Checksum string
}

// Load reads the *.sql files of dir in fsys, sorted by name.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, fmt.Errorf("listing %s/*.sql: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("listing %s/*.sql: no schema file", dir)
	}
	sort.Strings(names)
	migrations := make([]Migration, 0, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		sum := sha256.Sum256(b)
		migrations = append(migrations, Migration{
			Name:     path.Base(name),
			SQL:      string(b),
			Checksum: hex.EncodeToString(sum[:]),
		})
	}
	return migrations, nil
}

// Statements splits a ClickHouse schema file into statements: a statement
// ends with a semicolon at the end of a line (trailing blanks allowed) or
// with the end of the file. Semicolons inside a line do not split. Parts
// made only of blanks and "--" comment lines are dropped.
func Statements(sql string) []string {
	var (
		stmts []string
		cur   strings.Builder
	)
	flush := func() {
		if s := strings.TrimSpace(cur.String()); hasCode(s) {
			stmts = append(stmts, s)
		}
		cur.Reset()
	}
	for line := range strings.Lines(sql) {
		trimmed := strings.TrimRight(line, " \t\r\n")
		if strings.HasSuffix(trimmed, ";") && !strings.HasPrefix(strings.TrimSpace(trimmed), "--") {
			cur.WriteString(strings.TrimSuffix(trimmed, ";"))
			flush()
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return stmts
}

// hasCode reports whether s holds anything but blanks and comment lines.
func hasCode(s string) bool {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "--") {
			return true
		}
	}
	return false
}

// Target is a database that migrations are applied to.
type Target interface {
	// Applied returns the checksum of every recorded migration by name. It
	// returns an empty map when schema_migrations does not exist yet.
	Applied(ctx context.Context) (map[string]string, error)
	// Apply runs m and records it in schema_migrations.
	Apply(ctx context.Context, m Migration) error
}

// Apply applies to t, in order, the migrations that t has not recorded and
// returns their names. A recorded migration whose checksum differs from
// the file is an error naming the file; nothing after it is applied.
func Apply(ctx context.Context, t Target, migrations []Migration) ([]string, error) {
	applied, err := t.Applied(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading applied migrations: %w", err)
	}
	var done []string
	for _, m := range migrations {
		if sum, ok := applied[m.Name]; ok {
			if sum != m.Checksum {
				return done, fmt.Errorf("checking %s: it changed since it was applied (checksum %s, recorded %s); add a new migration instead of editing an applied one", m.Name, short(m.Checksum), short(sum))
			}
			continue
		}
		if err := t.Apply(ctx, m); err != nil {
			return done, fmt.Errorf("applying %s: %w", m.Name, err)
		}
		done = append(done, m.Name)
	}
	return done, nil
}

// Pending returns the names of the migrations that are not recorded in
// applied (as returned by Target.Applied).
func Pending(applied map[string]string, migrations []Migration) []string {
	var pending []string
	for _, m := range migrations {
		if _, ok := applied[m.Name]; !ok {
			pending = append(pending, m.Name)
		}
	}
	return pending
}

func short(sum string) string {
	return sum[:min(12, len(sum))]
}
