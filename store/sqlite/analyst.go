package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/internal/sqlstore"
)

var _ store.Analyst = (*Store)(nil)

// dialect is how SQLite writes the WHERE clauses of sqlstore: times are
// stored in Unix seconds.
var dialect = sqlstore.Dialect{
	Time: "?",
	In: func(col string, vals []string) (string, []any) {
		args := make([]any, len(vals))
		for i, v := range vals {
			args[i] = v
		}
		return col + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ") + ")", args
	},
}

// Summaries implements store.Analyst from stance_events.
func (s *Store) Summaries(ctx context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	where := dialect.Where().Window("published_at", w).Dyads(f)
	rows, err := s.db.QueryContext(ctx, `SELECT source, target, count(*) AS n, count(DISTINCT outlet),
		sum(score), sum(score * score) FROM stance_events`+where.String()+`
		GROUP BY source, target ORDER BY n DESC, source, target`, where.Args()...)
	if err != nil {
		return nil, fmt.Errorf("querying dyad summaries: %w", err)
	}
	return sqlstore.Collect(rows, "dyad summaries", func(scan func(...any) error) (store.DyadSummary, error) {
		var (
			d          store.DyadSummary
			sum, sumSq float64
		)
		if err := scan(&d.Source, &d.Target, &d.Articles, &d.Outlets, &sum, &sumSq); err != nil {
			return d, err
		}
		n := float64(d.Articles)
		d.MeanScore = sum / n
		// Population variance as E[x²] - E[x]², clamped against rounding.
		d.StdDev = math.Sqrt(max(0, sumSq/n-d.MeanScore*d.MeanScore))
		return d, nil
	})
}

// Series implements store.Analyst from stance_hourly: buckets start at
// multiples of step since the Unix epoch (days at midnight UTC) and hold
// the hours that start in w, like DyadStats.
func (s *Store) Series(ctx context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	if err := sqlstore.CheckStep(step); err != nil {
		return nil, err
	}
	sec := int64(step / time.Second)
	where := dialect.Where().And("source = ?", source).And("target = ?", target).Window("hour", w)
	rows, err := s.db.QueryContext(ctx, `SELECT (hour / ?) * ? AS bucket, sum(articles), sum(score_sum)
		FROM stance_hourly`+where.String()+`
		GROUP BY bucket ORDER BY bucket`, append([]any{sec, sec}, where.Args()...)...)
	if err != nil {
		return nil, fmt.Errorf("querying series of %s->%s: %w", source, target, err)
	}
	return sqlstore.Series(rows, source, target)
}

// Evidence implements store.Analyst from stance_events, with the titles
// from articles.
func (s *Store) Evidence(ctx context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	if err := sqlstore.CheckLimit(limit); err != nil {
		return nil, err
	}
	where := dialect.Where().Window("published_at", w).Dyads(store.DyadFilter{Source: source, Target: target})
	rows, err := s.db.QueryContext(ctx, `SELECT e.published_at, e.article_id,
		coalesce((SELECT a.title FROM articles a WHERE a.published_at = e.published_at AND a.id = e.article_id LIMIT 1), ''),
		e.outlet, e.url, e.source, e.target, e.score, e.category, e.confidence, e.evidence, e.cues
		FROM stance_events e`+where.String()+`
		ORDER BY abs(e.score) * e.confidence DESC, e.published_at DESC, e.article_id LIMIT ?`,
		append(where.Args(), limit)...)
	if err != nil {
		return nil, fmt.Errorf("querying evidence of %s->%s: %w", source, target, err)
	}
	return sqlstore.Collect(rows, fmt.Sprintf("evidence of %s->%s", source, target), func(scan func(...any) error) (store.EvidenceRow, error) {
		var (
			r         store.EvidenceRow
			published int64
			cues      string
		)
		if err := scan(&published, &r.ArticleID, &r.Title, &r.Outlet, &r.URL, &r.Source, &r.Target,
			&r.Score, &r.Category, &r.Confidence, &r.Sentence, &cues); err != nil {
			return r, err
		}
		r.PublishedAt = time.Unix(published, 0).UTC()
		if err := json.Unmarshal([]byte(cues), &r.Cues); err != nil {
			return r, fmt.Errorf("decoding the cues of article %s: %w", r.ArticleID, err)
		}
		return r, nil
	})
}

// Latest implements store.Analyst.
func (s *Store) Latest(ctx context.Context) (time.Time, error) {
	var latest sql.NullInt64
	if err := s.db.QueryRowContext(ctx, "SELECT max(published_at) FROM articles").Scan(&latest); err != nil {
		return time.Time{}, fmt.Errorf("querying the newest article: %w", err)
	}
	if !latest.Valid {
		return time.Time{}, nil
	}
	return time.Unix(latest.Int64, 0).UTC(), nil
}
