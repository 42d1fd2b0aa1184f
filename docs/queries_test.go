// Package docs holds the documentation; its tests check that the SQL of
// the cookbook (queries.md) runs against ClickHouse and returns rows.
package docs

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
	"github.com/stancemon/stancemon/tests/testenv"
)

// block is a fenced SQL block of a markdown file.
type block struct {
	heading string // the nearest heading above it
	line    int    // of the opening fence
	sql     string
}

// sqlBlocks returns the ```sql blocks of a markdown file.
func sqlBlocks(t *testing.T, path string) []block {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		blocks  []block
		heading string
		cur     *block
		body    strings.Builder
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur != nil && strings.TrimSpace(line) == "```":
			cur.sql = body.String()
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			body.WriteString(line + "\n")
		case strings.HasPrefix(line, "```sql"):
			cur = &block{heading: heading, line: n}
			body.Reset()
		case strings.HasPrefix(line, "#"):
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Fatalf("%s:%d: the sql block is not closed", path, cur.line)
	}
	return blocks
}

func TestQueries(t *testing.T) {
	blocks := sqlBlocks(t, "queries.md")
	if len(blocks) < 12 {
		t.Fatalf("queries.md has %d sql blocks, want the 12 or more of the cookbook", len(blocks))
	}
	ctx := context.Background()
	// The cookbook's windows are relative to now().
	now := time.Now().UTC()
	db := testenv.ClickHouseWith(t, storetest.Fixture(now), store.AlertRecord{
		Fingerprint: "docs-test", Rule: "HostileTurn", Source: "CHN", Target: "USA", State: store.AlertFiring,
		Value: -0.7, ActiveAt: now.Add(-2 * time.Hour), FiredAt: now.Add(-time.Hour), UpdatedAt: now.Add(-time.Hour),
	})
	for _, b := range blocks {
		t.Run(b.heading, func(t *testing.T) {
			n, err := testenv.CountRows(ctx, db.Conn, b.sql)
			if err != nil {
				t.Fatalf("queries.md:%d: %v\n%s", b.line, err, b.sql)
			}
			if n == 0 {
				t.Errorf("queries.md:%d: no rows from:\n%s", b.line, b.sql)
			}
			t.Logf("queries.md:%d: %d rows", b.line, n)
		})
	}
}
