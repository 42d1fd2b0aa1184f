package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
)

// inspected is a Store with the hooks of storetest.Inspector.
type inspected struct {
	*Store
	path string
}

func openTest(t testing.TB) inspected {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stancemon.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return inspected{Store: s, path: path}
}

func TestBackend(t *testing.T) {
	storetest.RunBackend(t, func(t *testing.T) store.Backend { return openTest(t) })
}

func (s inspected) WriteArticlesOnly(ctx context.Context, b store.Batch) error {
	return s.write(ctx, b, []table{articlesTable})
}

func (s inspected) Reopen(ctx context.Context) (store.Store, error) {
	return Open(ctx, s.path)
}

func (s inspected) Rows(ctx context.Context) (storetest.Rows, error) {
	var r storetest.Rows
	err := query(ctx, s.db, `SELECT id, published_at, outlet, url, title, lang, tone, countries, actors,
		kafka_topic, kafka_partition, kafka_offset FROM articles`, func(scan func(...any) error) error {
		var (
			a                 storetest.ArticleRow
			at                int64
			countries, actors string
		)
		if err := scan(&a.ID, &at, &a.Outlet, &a.URL, &a.Title, &a.Lang, &a.Tone, &countries, &actors,
			&a.Pos.Topic, &a.Pos.Partition, &a.Pos.Offset); err != nil {
			return err
		}
		a.PublishedAt = time.Unix(at, 0)
		if err := decode(countries, &a.Countries); err != nil {
			return err
		}
		if err := decode(actors, &a.Actors); err != nil {
			return err
		}
		r.Articles = append(r.Articles, a)
		return nil
	})
	if err != nil {
		return r, err
	}
	err = query(ctx, s.db, `SELECT article_id, published_at, outlet, url, source, target, score, category,
		confidence, sentence_index, evidence, cues, kafka_topic, kafka_partition, kafka_offset FROM stance_events`,
		func(scan func(...any) error) error {
			var (
				e        storetest.EventRow
				at       int64
				category string
				cues     string
			)
			if err := scan(&e.ArticleID, &at, &e.Outlet, &e.URL, &e.Event.Source, &e.Event.Target, &e.Event.Score,
				&category, &e.Event.Confidence, &e.Event.Sentence, &e.Event.Evidence, &cues,
				&e.Pos.Topic, &e.Pos.Partition, &e.Pos.Offset); err != nil {
				return err
			}
			e.PublishedAt = time.Unix(at, 0)
			e.Event.Category = stance.Category(category)
			if err := decode(cues, &e.Event.Cues); err != nil {
				return err
			}
			r.Events = append(r.Events, e)
			return nil
		})
	return r, err
}

func decode(s string, v *[]string) error {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("decoding %q: %w", s, err)
	}
	return nil
}

// query calls row for each row of q.
func query(ctx context.Context, db *sql.DB, q string, row func(scan func(...any) error) error) error {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("querying: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return fmt.Errorf("reading row: %w", err)
		}
	}
	return rows.Err()
}

func BenchmarkWriteBatch(b *testing.B) {
	storetest.BenchmarkWriteBatch(b, openTest(b))
}
