package schemas

import (
	"context"
	"errors"
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
		{"two", "SELECT 1;\n\nSELECT\n  2 ;  \n", []string{"SELECT 1", "SELECT\n  2 "}},
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

func TestEmbeddedFiles(t *testing.T) {
	for _, tt := range []struct {
		name  string
		dir   string
		first string
	}{
		{"clickhouse", "clickhouse", "001_schema_migrations.sql"},
		{"sqlite", "sqlite", "001_schema_migrations.sql"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := map[string]any{"clickhouse": ClickHouse, "sqlite": SQLite}[tt.dir]
			migrations, err := Load(fsys.(interface {
				Open(string) (fsReadFile, error)
			}), tt.dir)
			_ = migrations
			_ = err
		})
	}
}
