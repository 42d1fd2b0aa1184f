package schemas

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestStatements(t *testing.T) {
	tests := []struct {
		name string
		sql  string
		want []string
	}{
		{"one without semicolon", "CREATE TABLE a (x UInt8)\nENGINE = Memory\n", []string{"CREATE TABLE a (x UInt8)\nENGINE = Memory"}},
		{"one with semicolon", "SELECT 1;\n", []string{"SELECT 1"}},
		{"two", "SELECT 1;\n\nSELECT\n  2 ;  \n", []string{"SELECT 1", "SELECT\n  2"}},
		{"semicolon inside a line", "SELECT ';' AS x, 1\n", []string{"SELECT ';' AS x, 1"}},
		{"comments only dropped", "-- header\nSELECT 1;\n-- trailer;\n", []string{"-- header\nSELECT 1"}},
		{"empty", "\n  \n", nil},
		{"CRLF", "SELECT 1;\r\nSELECT 2;\r\n", []string{"SELECT 1", "SELECT 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Statements(tt.sql); !slices.Equal(got, tt.want) {
				t.Errorf("Statements(%q) = %q, want %q", tt.sql, got, tt.want)
			}
		})
	}
}

var validName = regexp.MustCompile(`^[0-9]{3}_[a-z0-9_]+\.sql$`)

func TestEmbeddedFiles(t *testing.T) {
	tests := []struct {
		dir  string
		fsys fs.FS
	}{
		{"clickhouse", ClickHouse},
		{"sqlite", SQLite},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			migrations, err := Load(tt.fsys, tt.dir)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := migrations[0].Name; got != "001_schema_migrations.sql" {
				t.Errorf("first file is %s, want 001_schema_migrations.sql (it creates the table Apply records in)", got)
			}
			seen := make(map[string]string)
			for _, m := range migrations {
				if !validName.MatchString(m.Name) {
					t.Errorf("%s is not named NNN_name.sql", m.Name)
				}
				if other, ok := seen[m.Name[:3]]; ok {
					t.Errorf("%s and %s have the same number", other, m.Name)
				}
				seen[m.Name[:3]] = m.Name
				if !strings.Contains(m.SQL, "IF NOT EXISTS") {
					t.Errorf("%s does not create with IF NOT EXISTS", m.Name)
				}
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(fstest.MapFS{}, "clickhouse"); err == nil || !strings.Contains(err.Error(), "no schema file") {
		t.Errorf("Load of an empty directory: error %v, want one saying there is no schema file", err)
	}
}

// fakeTarget records in memory what Apply applies.
type fakeTarget struct {
	applied map[string]string
	order   []string
	fail    string // name of the migration whose Apply fails
}

func (f *fakeTarget) Applied(context.Context) (map[string]string, error) {
	return maps.Clone(f.applied), nil
}

func (f *fakeTarget) Apply(_ context.Context, m Migration) error {
	if m.Name == f.fail {
		return errors.New("boom")
	}
	f.applied[m.Name] = m.Checksum
	f.order = append(f.order, m.Name)
	return nil
}

func TestApply(t *testing.T) {
	fsys := fstest.MapFS{
		"d/002_b.sql": {Data: []byte("B")},
		"d/001_a.sql": {Data: []byte("A")},
		"d/003_c.sql": {Data: []byte("C")},
	}
	migrations, err := Load(fsys, "d")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	sumOf := func(name string) string {
		for _, m := range migrations {
			if m.Name == name {
				return m.Checksum
			}
		}
		t.Fatalf("no migration %s", name)
		return ""
	}
	tests := []struct {
		name    string
		applied map[string]string
		fail    string
		want    []string
		wantErr string
	}{
		{"fresh", map[string]string{}, "", []string{"001_a.sql", "002_b.sql", "003_c.sql"}, ""},
		{"up to date", map[string]string{"001_a.sql": sumOf("001_a.sql"), "002_b.sql": sumOf("002_b.sql"), "003_c.sql": sumOf("003_c.sql")}, "", nil, ""},
		{"missing ones only", map[string]string{"002_b.sql": sumOf("002_b.sql")}, "", []string{"001_a.sql", "003_c.sql"}, ""},
		{"changed", map[string]string{"001_a.sql": sumOf("001_a.sql"), "002_b.sql": "0123456789abcdef"}, "", nil, "checking 002_b.sql: it changed"},
		{"failing", map[string]string{}, "002_b.sql", []string{"001_a.sql"}, "applying 002_b.sql: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := &fakeTarget{applied: tt.applied, fail: tt.fail}
			got, err := Apply(t.Context(), target, migrations)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Apply error = %v, want one containing %q", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(target.order, tt.want) {
				t.Errorf("Apply returned %q and applied %q, want %q", got, target.order, tt.want)
			}
		})
	}
}

func TestPending(t *testing.T) {
	migrations := []Migration{{Name: "001_a.sql"}, {Name: "002_b.sql"}}
	if got := Pending(map[string]string{"001_a.sql": "x"}, migrations); !slices.Equal(got, []string{"002_b.sql"}) {
		t.Errorf("Pending = %q, want [002_b.sql]", got)
	}
}
