package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/sqlite"
	"github.com/stancemon/stancemon/store/storetest"
)

var fixtureEnd = time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)

// TestDyadsCommand runs `stancemon dyads` on the embedded store filled with
// the storetest fixture and checks that it prints what the query interface
// returns. tests/TestDyadsCommandClickHouse does the same on ClickHouse.
func TestDyadsCommand(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.WriteBatch(ctx, storetest.Fixture(fixtureEnd)); err != nil {
		t.Fatal(err)
	}
	want, err := st.DyadStats(ctx, store.Window{From: fixtureEnd.Add(-7 * 24 * time.Hour), To: fixtureEnd})
	if err != nil || len(want) == 0 {
		t.Fatalf("DyadStats: %d rows, %v", len(want), err)
	}
	var got []store.DyadStat
	if err := json.Unmarshal(mustRun(t, "dyads", "--format", "json", "--from", "2023-02-22T00:00:00Z", "--to", "2023-03-01T00:00:00Z", "--store", path), &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("dyads printed %v, want %v", got, want)
	}
	table := string(mustRun(t, "dyads", "--limit", "1", "--store", path))
	if lines := strings.Split(strings.TrimSpace(table), "\n"); len(lines) != 2 || !strings.Contains(lines[0], "MEAN SCORE") {
		t.Errorf("table with --limit 1:\n%s", table)
	}
}

// mustRun runs stancemon with args and returns its standard output.
func mustRun(t *testing.T, args ...string) []byte {
	t.Helper()
	out, errOut, err := runCmd(t.Context(), args...)
	if err != nil {
		t.Fatalf("stancemon %v: %v\n%s", args, err, errOut)
	}
	return []byte(out)
}

func TestParseWindow(t *testing.T) {
	tests := []struct {
		from, to string
		wantErr  string
	}{
		{"", "", ""},
		{"2023-02-22T00:00:00Z", "", ""},
		{"2023-02-22T00:00:00+02:00", "2023-02-23T00:00:00Z", ""},
		{"yesterday", "", `--from: "yesterday" is not an RFC 3339 time`},
		{"", "2023-02-22", `--to: "2023-02-22" is not an RFC 3339 time`},
		{"2023-02-23T00:00:00Z", "2023-02-22T00:00:00Z", "is not before --to"},
	}
	for _, tt := range tests {
		w, err := parseWindow(tt.from, tt.to)
		if tt.wantErr == "" {
			if err != nil || (tt.from != "" && w.From.Location() != time.UTC) {
				t.Errorf("parseWindow(%q, %q) = %v, %v", tt.from, tt.to, w, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("parseWindow(%q, %q) error %v, want %q", tt.from, tt.to, err, tt.wantErr)
		}
	}
}
