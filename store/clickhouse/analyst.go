package clickhouse

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
)

var _ store.Analyst = (*Store)(nil)

// Summaries implements store.Analyst from stance_events.
func (s *Store) Summaries(ctx context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	where, args := eventFilter(w, f)
	rows, err := s.conn.Query(ctx, `SELECT source, target, count() AS n, uniqExact(outlet),
		avg(toFloat64(score)), stddevPop(toFloat64(score))
		FROM stance_events`+where+`
		GROUP BY source, target ORDER BY n DESC, source, target`, args...)
	if err != nil {
		return nil, fmt.Errorf("querying dyad summaries: %w", err)
	}
	defer rows.Close()
	var out []store.DyadSummary
	for rows.Next() {
		var d store.DyadSummary
		if err := rows.Scan(&d.Source, &d.Target, &d.Articles, &d.Outlets, &d.MeanScore, &d.StdDev); err != nil {
			return nil, fmt.Errorf("reading dyad summaries: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading dyad summaries: %w", err)
	}
	return out, nil
}

// Series implements store.Analyst from stance_hourly, summing its rows
// (SummingMergeTree merges them lazily): buckets start at multiples of
// step since the Unix epoch (days at midnight UTC) and hold the hours that
// start in w, like DyadStats.
func (s *Store) Series(ctx context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	if step <= 0 || step%time.Hour != 0 {
		return nil, fmt.Errorf("reading series: step %s is not a whole number of hours", step)
	}
	sec := uint64(step / time.Second)
	where, args := windowFilter("hour", w)
	where = append([]string{"source = ?", "target = ?"}, where...)
	args = append([]any{sec, sec, source, target}, args...)
	rows, err := s.conn.Query(ctx, `SELECT toUInt64(intDiv(toUInt32(hour), ?) * ?) AS bucket,
		sum(articles), sum(score_sum)
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
			bucket uint64
			sum    float64
		)
		if err := rows.Scan(&bucket, &p.Articles, &sum); err != nil {
			return nil, fmt.Errorf("reading series of %s->%s: %w", source, target, err)
		}
		p.Time = time.Unix(int64(bucket), 0).UTC()
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
// from articles (ANY LEFT JOIN: an article stored twice gives one title;
// current ClickHouse wants the joined subqueries aliased).
func (s *Store) Evidence(ctx context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("reading evidence: limit %d is not positive", limit)
	}
	events, eventArgs := eventFilter(w, store.DyadFilter{Source: source, Target: target})
	titles, titleArgs := windowFilter("published_at", w)
	titleWhere := ""
	if len(titles) > 0 {
		titleWhere = " WHERE " + strings.Join(titles, " AND ")
	}
	const order = " ORDER BY abs(score) * confidence DESC, published_at DESC, article_id"
	q := `SELECT published_at, article_id, title, outlet, url, source, target, score, category,
		confidence, evidence, cues
		FROM (
			SELECT published_at, article_id, outlet, url, source, target, score, category,
				confidence, evidence, cues
			FROM stance_events` + events + order + ` LIMIT ?
		) AS e ANY LEFT JOIN (
			SELECT id AS article_id, title FROM articles` + titleWhere + `
		) AS a USING article_id` + order
	args := append(append(eventArgs, limit), titleArgs...)
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("querying evidence of %s->%s: %w", source, target, err)
	}
	defer rows.Close()
	var out []store.EvidenceRow
	for rows.Next() {
		var (
			r                 store.EvidenceRow
			score, confidence float32
		)
		if err := rows.Scan(&r.PublishedAt, &r.ArticleID, &r.Title, &r.Outlet, &r.URL, &r.Source, &r.Target,
			&score, &r.Category, &confidence, &r.Sentence, &r.Cues); err != nil {
			return nil, fmt.Errorf("reading evidence of %s->%s: %w", source, target, err)
		}
		r.PublishedAt = r.PublishedAt.UTC()
		r.Score, r.Confidence = float64(score), float64(confidence)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading evidence of %s->%s: %w", source, target, err)
	}
	return out, nil
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
		where = append(where, "(has(?, source) OR has(?, target))")
		args = append(args, f.Actors, f.Actors)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// windowFilter returns the conditions and arguments that keep the rows
// whose DateTime column col is in w. DateTime holds whole seconds, so the
// bounds are rounded up to whole seconds.
func windowFilter(col string, w store.Window) ([]string, []any) {
	var (
		where []string
		args  []any
	)
	if !w.From.IsZero() {
		where = append(where, col+" >= toDateTime(?)")
		args = append(args, ceilUnix(w.From))
	}
	if !w.To.IsZero() {
		where = append(where, col+" < toDateTime(?)")
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
