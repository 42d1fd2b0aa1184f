package clickhouse

import (
	"context"
	"fmt"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/internal/sqlstore"
)

var _ store.Analyst = (*Store)(nil)

// dialect is how ClickHouse writes the WHERE clauses of sqlstore.
var dialect = sqlstore.Dialect{
	Time: "toDateTime(?)",
	In: func(col string, vals []string) (string, []any) {
		return "has(?, " + col + ")", []any{vals}
	},
}

// Summaries implements store.Analyst from stance_events.
func (s *Store) Summaries(ctx context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	where := dialect.Where().Window("published_at", w).Dyads(f)
	rows, err := s.conn.Query(ctx, `SELECT source, target, count() AS n, uniqExact(outlet),
		avg(toFloat64(score)), stddevPop(toFloat64(score))
		FROM stance_events`+where.String()+`
		GROUP BY source, target ORDER BY n DESC, source, target`, where.Args()...)
	if err != nil {
		return nil, fmt.Errorf("querying dyad summaries: %w", err)
	}
	return sqlstore.Collect(rows, "dyad summaries", func(scan func(...any) error) (store.DyadSummary, error) {
		var d store.DyadSummary
		err := scan(&d.Source, &d.Target, &d.Articles, &d.Outlets, &d.MeanScore, &d.StdDev)
		return d, err
	})
}

// Series implements store.Analyst from stance_hourly, summing its rows
// (SummingMergeTree merges them lazily): buckets start at multiples of
// step since the Unix epoch (days at midnight UTC) and hold the hours that
// start in w, like DyadStats.
func (s *Store) Series(ctx context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	if err := sqlstore.CheckStep(step); err != nil {
		return nil, err
	}
	sec := int64(step / time.Second)
	where := dialect.Where().And("source = ?", source).And("target = ?", target).Window("hour", w)
	rows, err := s.conn.Query(ctx, `SELECT toInt64(intDiv(toUInt32(hour), ?) * ?) AS bucket,
		sum(articles), sum(score_sum)
		FROM stance_hourly`+where.String()+`
		GROUP BY bucket ORDER BY bucket`, append([]any{sec, sec}, where.Args()...)...)
	if err != nil {
		return nil, fmt.Errorf("querying series of %s->%s: %w", source, target, err)
	}
	return sqlstore.Series(rows, source, target)
}

// Evidence implements store.Analyst from stance_events, with the titles
// from articles (ANY LEFT JOIN: an article stored twice gives one title;
// current ClickHouse wants the joined subqueries aliased).
func (s *Store) Evidence(ctx context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	if err := sqlstore.CheckLimit(limit); err != nil {
		return nil, err
	}
	events := dialect.Where().Window("published_at", w).Dyads(store.DyadFilter{Source: source, Target: target})
	titles := dialect.Where().Window("published_at", w)
	const order = " ORDER BY abs(score) * confidence DESC, published_at DESC, article_id"
	q := `SELECT published_at, article_id, title, outlet, url, source, target, score, category,
		confidence, evidence, cues
		FROM (
			SELECT published_at, article_id, outlet, url, source, target, score, category,
				confidence, evidence, cues
			FROM stance_events` + events.String() + order + ` LIMIT ?
		) AS e ANY LEFT JOIN (
			SELECT id AS article_id, title FROM articles` + titles.String() + `
		) AS a USING article_id` + order
	args := append(append(events.Args(), limit), titles.Args()...)
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("querying evidence of %s->%s: %w", source, target, err)
	}
	return sqlstore.Collect(rows, fmt.Sprintf("evidence of %s->%s", source, target), func(scan func(...any) error) (store.EvidenceRow, error) {
		var (
			r                 store.EvidenceRow
			score, confidence float32
		)
		if err := scan(&r.PublishedAt, &r.ArticleID, &r.Title, &r.Outlet, &r.URL, &r.Source, &r.Target,
			&score, &r.Category, &confidence, &r.Sentence, &r.Cues); err != nil {
			return r, err
		}
		r.PublishedAt = r.PublishedAt.UTC()
		r.Score, r.Confidence = float64(score), float64(confidence)
		return r, nil
	})
}

// Latest implements store.Analyst.
func (s *Store) Latest(ctx context.Context) (time.Time, error) {
	var (
		latest time.Time
		n      uint64
	)
	if err := s.conn.QueryRow(ctx, "SELECT max(published_at), count() FROM articles").Scan(&latest, &n); err != nil {
		return time.Time{}, fmt.Errorf("querying the newest article: %w", err)
	}
	if n == 0 {
		return time.Time{}, nil
	}
	return latest.UTC(), nil
}
