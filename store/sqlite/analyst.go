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
)

var _ store.Analyst = (*Store)(nil)

// Summaries implements store.Analyst from stance_events.
func (s *Store) Summaries(ctx context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	where, args := eventFilter(w, f)
	rows, err := s.db.QueryContext(ctx, `SELECT source, target, count(*) AS n, count(DISTINCT outlet),
		sum(score), sum(score * score) FROM stance_events`+where+`
		GROUP BY source, target ORDER BY n DESC, source, target`, args...)
	if err != nil {
		return nil, fmt.Errorf("querying dyad summaries: %w", err)
	}
	defer rows.Close()
	var out []store.DyadSummary
	for rows.Next() {
		var (
			d          store.DyadSummary
			sum, sumSq float64
		)
		if err := rows.Scan(&d.Source, &d.Target, &d.Articles, &d.Outlets, &sum, &sumSq); err != nil {
			return nil, fmt.Errorf("reading dyad summaries: %w", err)
		}
		n := float64(d.Articles)
		d.MeanScore = sum / n
		// Population variance as E[x²] - E[x]², clamped against rounding.
		d.StdDev = math.Sqrt(max(0, sumSq/n-d.MeanScore*d.MeanScore))
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading dyad summaries: %w", err)
	}
	return out, nil
}

// Series implements store.Analyst from stance_hourly: buckets start at
// multiples of step since the Unix epoch (days at midnight UTC) and hold
// the hours that start in w, like DyadStats.
func (s *Store) Series(ctx context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	if step <= 0 || step%time.Hour != 0 {
		return nil, fmt.Errorf("reading series: step %s is not a whole number of hours", step)
	}
	sec := int64(step / time.Second)
	where, args := windowFilter("hour", w)
	where = append([]string{"source = ?", "target = ?"}, where...)
	args = append([]any{sec, sec, source, target}, args...)
	rows, err := s.db.QueryContext(ctx, `SELECT (hour / ?) * ? AS bucket, sum(articles), sum(score_sum)
		FROM stance_hourly WHERE `+strings.Join(where, " AND ")+`
		GROUP BY bucket ORDER BY bucket`, args...)
	if err != nil {
		return nil, fmt.Errorf("querying series of %s->%s: %w", source, target, err)
	}
	defer rows.Close()
	var out []store.SeriesPoint
	for rows.Next() {
		var (
			p      store.SeriesPoint
			bucket int64
			sum    float64
		)
		if err := rows.Scan(&bucket, &p.Articles, &sum); err != nil {
			return nil, fmt.Errorf("reading series of %s->%s: %w", source, target, err)
		}
		p.Time = time.Unix(bucket, 0).UTC()
		if p.Articles > 0 {
			p.MeanScore = sum / float64(p.Articles)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading series of %s->%s: %w", source, target, err)
	}
	return out, nil
}

// Evidence implements store.Analyst from stance_events, with the titles
// from articles.
func (s *Store) Evidence(ctx context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("reading evidence: limit %d is not positive", limit)
	}
	where, args := eventFilter(w, store.DyadFilter{Source: source, Target: target})
	rows, err := s.db.QueryContext(ctx, `SELECT e.published_at, e.article_id,
		coalesce((SELECT a.title FROM articles a WHERE a.published_at = e.published_at AND a.id = e.article_id LIMIT 1), ''),
		e.outlet, e.url, e.source, e.target, e.score, e.category, e.confidence, e.evidence, e.cues
		FROM stance_events e`+where+`
		ORDER BY abs(e.score) * e.confidence DESC, e.published_at DESC, e.article_id LIMIT ?`,
		append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("querying evidence of %s->%s: %w", source, target, err)
	}
	defer rows.Close()
	var out []store.EvidenceRow
	for rows.Next() {
		var (
			r         store.EvidenceRow
			published int64
			cues      string
		)
		if err := rows.Scan(&published, &r.ArticleID, &r.Title, &r.Outlet, &r.URL, &r.Source, &r.Target,
			&r.Score, &r.Category, &r.Confidence, &r.Sentence, &cues); err != nil {
			return nil, fmt.Errorf("reading evidence of %s->%s: %w", source, target, err)
		}
		r.PublishedAt = time.Unix(published, 0).UTC()
		if err := json.Unmarshal([]byte(cues), &r.Cues); err != nil {
			return nil, fmt.Errorf("decoding the cues of article %s: %w", r.ArticleID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading evidence of %s->%s: %w", source, target, err)
	}
	return out, nil
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

// eventFilter returns the WHERE clause (empty, or starting with a blank)
// and its arguments that select the stance events of f during w.
func eventFilter(w store.Window, f store.DyadFilter) (string, []any) {
	where, args := windowFilter("published_at", w)
	if f.Source != "" {
		where = append(where, "source = ?")
		args = append(args, f.Source)
	}
	if f.Target != "" {
		where = append(where, "target = ?")
		args = append(args, f.Target)
	}
	if len(f.Actors) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(f.Actors)), ", ")
		where = append(where, "(source IN ("+marks+") OR target IN ("+marks+"))")
		for range 2 {
			for _, a := range f.Actors {
				args = append(args, a)
			}
		}
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// windowFilter returns the conditions and arguments that keep the rows
// whose column col (Unix seconds) is in w. Stored times are whole seconds,
// so the bounds are rounded up to whole seconds.
func windowFilter(col string, w store.Window) ([]string, []any) {
	var (
		where []string
		args  []any
	)
	if !w.From.IsZero() {
		where = append(where, col+" >= ?")
		args = append(args, ceilUnix(w.From))
	}
	if !w.To.IsZero() {
		where = append(where, col+" < ?")
		args = append(args, ceilUnix(w.To))
	}
	return where, args
}

// ceilUnix returns t in Unix seconds, rounded up.
func ceilUnix(t time.Time) int64 {
	s := t.Unix()
	if t.Nanosecond() > 0 {
		s++
	}
	return s
}
