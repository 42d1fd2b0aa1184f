package tests

import (
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
	"github.com/stancemon/stancemon/tests/testenv"
)

// TestDyadsCommandClickHouse runs `stancemon dyads` on ClickHouse filled
// with the storetest fixture and checks that it prints what the query
// interface returns (cmd/stancemon's TestDyadsCommand does the same on the
// embedded store).
func TestDyadsCommandClickHouse(t *testing.T) {
	end := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	dsn := testenv.ClickHouseWith(t, storetest.Fixture(end)).DSN
	want, err := openStore(t, dsn).DyadStats(context.Background(), store.Window{From: end.Add(-7 * 24 * time.Hour), To: end})
	if err != nil || len(want) == 0 {
		t.Fatalf("DyadStats: %d rows, %v", len(want), err)
	}
	run := func(args ...string) []byte {
		t.Helper()
		out, err := exec.Command(stancemonBinary(t), append(args, "--clickhouse", dsn)...).Output()
		if err != nil {
			t.Fatalf("stancemon %v: %v", args, err)
		}
		return out
	}
	var got []store.DyadStat
	must(t, json.Unmarshal(run("dyads", "--format", "json", "--from", "2023-02-22T00:00:00Z", "--to", "2023-03-01T00:00:00Z"), &got))
	if len(got) != len(want) {
		t.Fatalf("dyads printed %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	table := string(run("dyads", "--limit", "1"))
	if lines := strings.Split(strings.TrimSpace(table), "\n"); len(lines) != 2 || !strings.Contains(lines[0], "MEAN SCORE") {
		t.Errorf("table with --limit 1:\n%s", table)
	}
}
