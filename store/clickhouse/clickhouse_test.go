package clickhouse

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/stancemon/stancemon/schemas"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
	"github.com/stancemon/stancemon/tests/chtest"
)

// inspected is a Store with the hooks of storetest.Inspector.
type inspected struct {
	*Store
	dsn  string
	conn driver.Conn
}

// openTest migrates a fresh database of the test server and opens it.
func openTest(t testing.TB) inspected {
	t.Helper()
	db := chtest.New(t)
	if _, err := Migrate(t.Context(), db.DSN); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	s, err := Open(t.Context(), db.DSN)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return inspected{Store: s, dsn: db.DSN, conn: db.Conn}
}

// TestBackend runs the contracts of storetest against the test server
// (STANCEMON_TEST_CLICKHOUSE; `scripts/clickhouse.sh start` runs one), on
// a fresh database per test. It fails when the server is unreachable.
func TestBackend(t *testing.T) {
	storetest.RunBackend(t, func(t *testing.T) store.Backend { return openTest(t) })
}

func (s inspected) WriteArticlesOnly(ctx context.Context, b store.Batch) error {
	return s.write(ctx, b, []table{articlesTable})
}

func (s inspected) Reopen(ctx context.Context) (store.Store, error) {
	return Open(ctx, s.dsn)
}

func (s inspected) Rows(ctx context.Context) (storetest.Rows, error) {
	var (
		r        storetest.Rows
		articles []articleRow
		events   []eventRow
	)
	if err := s.conn.Select(ctx, &articles, "SELECT "+columns(articleRow{})+" FROM articles"); err != nil {
		return r, err
	}
	if err := s.conn.Select(ctx, &events, "SELECT "+columns(eventRow{})+" FROM stance_events"); err != nil {
		return r, err
	}
	for _, a := range articles {
		r.Articles = append(r.Articles, storetest.ArticleRow{
			ID: a.ID, PublishedAt: a.PublishedAt, Outlet: a.Outlet, URL: a.URL, Title: a.Title, Lang: a.Lang,
			Tone: float64(a.Tone), Countries: a.Countries, Actors: a.Actors,
			Pos: store.Position{Topic: a.KafkaTopic, Partition: int(a.KafkaPartition), Offset: a.KafkaOffset},
		})
	}
	for _, e := range events {
		r.Events = append(r.Events, storetest.EventRow{
			ArticleID: e.ArticleID, PublishedAt: e.PublishedAt, Outlet: e.Outlet, URL: e.URL,
			Event: store.Event{
				Source: e.Source, Target: e.Target, Score: float64(e.Score), Category: stance.Category(e.Category),
				Confidence: float64(e.Confidence), Sentence: int(e.SentenceIndex), Evidence: e.Evidence, Cues: e.Cues,
			},
			Pos: store.Position{Topic: e.KafkaTopic, Partition: int(e.KafkaPartition), Offset: e.KafkaOffset},
		})
	}
	return r, nil
}

func TestIngestedAt(t *testing.T) {
	db := chtest.New(t)
	ctx := t.Context()
	if _, err := Migrate(ctx, db.DSN); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	now := time.Date(2026, 4, 1, 12, 30, 15, 500, time.UTC)
	s, err := Open(ctx, db.DSN, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	it := store.Item{Pos: store.Position{Topic: "t", Offset: 3}, Article: store.Article{ID: "a", PublishedAt: now}}
	if err := s.WriteBatch(ctx, store.Batch{Items: []store.Item{it}}); err != nil {
		t.Fatalf("WriteBatch: %v", err)
	}
	var got time.Time
	if err := db.Conn.QueryRow(ctx, "SELECT ingested_at FROM articles").Scan(&got); err != nil {
		t.Fatalf("reading ingested_at: %v", err)
	}
	if want := now.Truncate(time.Second); !got.Equal(want) {
		t.Errorf("ingested_at = %v, want %v", got, want)
	}
}

func allMigrations(t *testing.T) []schemas.Migration {
	t.Helper()
	migrations, err := schemas.Load(schemas.ClickHouse, "clickhouse")
	if err != nil {
		t.Fatalf("loading migrations: %v", err)
	}
	return migrations
}

func names(migrations []schemas.Migration) []string {
	var n []string
	for _, m := range migrations {
		n = append(n, m.Name)
	}
	return n
}

func TestMigrateTwiceIsNoop(t *testing.T) {
	db := chtest.New(t)
	ctx := t.Context()
	want := names(allMigrations(t))
	for i, want := range [][]string{want, nil} {
		got, err := Migrate(ctx, db.DSN)
		if err != nil {
			t.Fatalf("Migrate #%d: %v", i+1, err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Migrate #%d applied %q, want %q", i+1, got, want)
		}
	}
	var recorded uint64
	if err := db.Conn.QueryRow(ctx, "SELECT count() FROM schema_migrations").Scan(&recorded); err != nil {
		t.Fatalf("counting schema_migrations: %v", err)
	}
	if int(recorded) != len(want) {
		t.Errorf("schema_migrations holds %d rows, want %d", recorded, len(want))
	}
}

func TestMigrateReportsChangedChecksum(t *testing.T) {
	db := chtest.New(t)
	ctx := t.Context()
	migrations := allMigrations(t)
	// The database holds the first file and a record of the second one
	// with another content.
	tgt := target{conn: db.Conn}
	if err := tgt.Apply(ctx, migrations[0]); err != nil {
		t.Fatalf("applying %s: %v", migrations[0].Name, err)
	}
	edited := migrations[1]
	edited.Checksum = strings.Repeat("0", 64)
	row := migrationRow{Name: edited.Name, Checksum: edited.Checksum, AppliedAt: time.Now()}
	if err := insert(ctx, db.Conn, "schema_migrations", []any{&row}); err != nil {
		t.Fatalf("recording %s: %v", edited.Name, err)
	}
	applied, err := Migrate(ctx, db.DSN)
	if err == nil || !strings.Contains(err.Error(), edited.Name) || !strings.Contains(err.Error(), "changed") {
		t.Fatalf("Migrate error = %v, want one naming %s as changed", err, edited.Name)
	}
	if len(applied) != 0 {
		t.Errorf("Migrate applied %q before the changed file, want nothing", applied)
	}
}

func TestMigrateCreatesDatabase(t *testing.T) {
	db := chtest.New(t)
	ctx := t.Context()
	u, err := url.Parse(db.DSN)
	if err != nil {
		t.Fatalf("parsing %s: %v", db.DSN, err)
	}
	created := db.Name + "_created"
	u.Path = "/" + created
	t.Cleanup(func() {
		if err := db.Conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+created); err != nil {
			t.Errorf("dropping %s: %v", created, err)
		}
	})
	if _, err := Migrate(ctx, u.String()); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	var tables []string
	rows, err := db.Conn.Query(ctx, "SELECT name FROM system.tables WHERE database = ? ORDER BY name", created)
	if err != nil {
		t.Fatalf("listing tables: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatalf("listing tables: %v", err)
		}
		tables = append(tables, name)
	}
	for _, want := range []string{"articles", "schema_migrations", "stance_events", "stance_hourly", "stance_hourly_mv"} {
		if !slices.Contains(tables, want) {
			t.Errorf("database %s has tables %q, want %s among them", created, tables, want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	db := chtest.New(t)
	tests := []struct {
		name string
		dsn  string
		want string
	}{
		{"not migrated", db.DSN, "run `stancemon migrate`"},
		{"http", "http://127.0.0.1:8123/" + db.Name, "only the native protocol"},
		{"bad dsn", "clickhouse://%zz", "parsing clickhouse DSN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(t.Context(), tt.dsn)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded, want an error containing %q", tt.dsn, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) error = %v, want it to contain %q", tt.dsn, err, tt.want)
			}
		})
	}
}

func BenchmarkWriteBatch(b *testing.B) {
	storetest.BenchmarkWriteBatch(b, openTest(b))
}

// TestPermanentErrors: a schema that does not match the rows gives a
// store.PermanentError (the pipeline stops instead of retrying forever);
// a server that cannot be reached does not.
func TestPermanentErrors(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	it := store.Item{Pos: store.Position{Topic: "t", Offset: 1}, Article: store.Article{ID: "a", PublishedAt: time.Now()}}
	if err := s.conn.Exec(ctx, "ALTER TABLE articles DROP COLUMN tone"); err != nil {
		t.Fatal(err)
	}
	err := s.WriteBatch(ctx, store.Batch{Items: []store.Item{it}})
	if err == nil || !store.IsPermanent(err) {
		t.Errorf("WriteBatch into a table without a column = %v, want a permanent error", err)
	}
	s.Close()
	err = s.WriteBatch(ctx, store.Batch{Items: []store.Item{it}})
	if err == nil || store.IsPermanent(err) {
		t.Errorf("WriteBatch on a closed connection = %v, want a transient error", err)
	}
}
