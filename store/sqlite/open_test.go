package sqlite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		name string
		file string
	}{
		{"plain", "stancemon.db"},
		{"space and query characters", "my store?x=1#y.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			s, err := Open(t.Context(), path)
			if err != nil {
				t.Fatalf("Open(%q): %v", path, err)
			}
			defer s.Close()
			var mode string
			if err := s.db.QueryRowContext(t.Context(), "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Fatalf("reading journal_mode: %v", err)
			}
			if mode != "wal" {
				t.Errorf("journal_mode = %q, want wal", mode)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("database file: %v", err)
			}
		})
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stancemon.db")
	for i := range 2 {
		s, err := Open(t.Context(), path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		s.Close()
	}
	// An applied file whose content changed.
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	_, err = s.db.ExecContext(t.Context(), "UPDATE schema_migrations SET checksum = 'edited' WHERE name = '002_articles.sql'")
	s.Close()
	if err != nil {
		t.Fatalf("editing a checksum: %v", err)
	}
	if s, err := Open(t.Context(), path); err == nil || !strings.Contains(err.Error(), "002_articles.sql") {
		if err == nil {
			s.Close()
		}
		t.Errorf("Open after a schema file changed: error %v, want one naming 002_articles.sql", err)
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open(t.Context(), ""); err == nil {
		t.Error("Open(\"\") succeeded, want an error")
	}
}
