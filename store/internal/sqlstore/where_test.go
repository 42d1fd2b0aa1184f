package sqlstore

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
)

// hasDialect writes times and lists as ClickHouse does.
var hasDialect = Dialect{
	Time: "toDateTime(?)",
	In:   func(col string, vals []string) (string, []any) { return "has(?, " + col + ")", []any{vals} },
}

func ExampleWhere() {
	from := time.Date(2026, 3, 1, 10, 0, 0, 500, time.UTC)
	where := hasDialect.Where().Window("published_at", store.Window{From: from}).Dyads(store.DyadFilter{Source: "CHN", Actors: []string{"USA"}})
	fmt.Println("SELECT * FROM stance_events" + where.String())
	fmt.Println(where.Args())
	// Output:
	// SELECT * FROM stance_events WHERE published_at >= toDateTime(?) AND source = ? AND (has(?, source) OR has(?, target))
	// [1772359201 CHN [USA] [USA]]
}

func TestWhere(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		where *Where
		want  string
		args  []any
	}{
		{"empty", hasDialect.Where().Window("hour", store.Window{}).Dyads(store.DyadFilter{}), "", nil},
		{"window rounds up", hasDialect.Where().Window("hour", store.Window{From: t0.Add(time.Millisecond), To: t0.Add(time.Hour)}),
			" WHERE hour >= toDateTime(?) AND hour < toDateTime(?)", []any{t0.Unix() + 1, t0.Unix() + 3600}},
		{"dyad", hasDialect.Where().Dyads(store.DyadFilter{Source: "USA", Target: "CHN"}),
			" WHERE source = ? AND target = ?", []any{"USA", "CHN"}},
		{"active", hasDialect.Where().Active("active_at", "resolved_at", store.Window{From: t0, To: t0.Add(time.Hour)}),
			" WHERE active_at < toDateTime(?) AND (resolved_at = toDateTime(?) OR resolved_at >= toDateTime(?))",
			[]any{t0.Unix() + 3600, int64(0), t0.Unix()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.where.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := tt.where.Args(); !reflect.DeepEqual(got, tt.args) {
				t.Errorf("Args() = %v, want %v", got, tt.args)
			}
		})
	}
}
