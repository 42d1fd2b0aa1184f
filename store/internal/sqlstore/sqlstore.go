// Package sqlstore is the Go that the SQL backends of store (ClickHouse and
// SQLite) share around their SQL: the WHERE clauses of windows and dyad
// filters, written in each backend's Dialect, the reading of result rows,
// the checks of query arguments and the encoding of alert labels. Each
// backend keeps its own SQL.
package sqlstore

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/stancemon/stancemon/store"
)

// Rows are the rows of a query, as both drivers return them
// (database/sql's *sql.Rows and clickhouse-go's driver.Rows).
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// Collect returns what row makes of each of rows, then closes them. row
// reads its columns with scan, whose errors, like those of rows, are
// wrapped as "reading what: ..."; an error of row ends the reading.
func Collect[T any](rows Rows, what string, row func(scan func(dest ...any) error) (T, error)) ([]T, error) {
	defer rows.Close()
	scan := func(dest ...any) error {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("reading %s: %w", what, err)
		}
		return nil
	}
	var out []T
	for rows.Next() {
		v, err := row(scan)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	return out, nil
}

// DyadStats reads rows of source, target, articles and the sum of their
// scores.
func DyadStats(rows Rows) ([]store.DyadStat, error) {
	return Collect(rows, "dyad stats", func(scan func(...any) error) (store.DyadStat, error) {
		var (
			st  store.DyadStat
			sum float64
		)
		if err := scan(&st.Source, &st.Target, &st.Articles, &sum); err != nil {
			return st, err
		}
		st.MeanScore = mean(sum, st.Articles)
		return st, nil
	})
}

// Series reads the rows of the series of source->target: the start of the
// bucket in Unix seconds, the articles and the sum of their scores.
func Series(rows Rows, source, target string) ([]store.SeriesPoint, error) {
	return Collect(rows, fmt.Sprintf("series of %s->%s", source, target), func(scan func(...any) error) (store.SeriesPoint, error) {
		var (
			p      store.SeriesPoint
			bucket int64
			sum    float64
		)
		if err := scan(&bucket, &p.Articles, &sum); err != nil {
			return p, err
		}
		p.Time = time.Unix(bucket, 0).UTC()
		p.MeanScore = mean(sum, p.Articles)
		return p, nil
	})
}

// mean returns sum/n, 0 when n is 0.
func mean(sum float64, n uint64) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// CheckStep returns an error unless step is a whole, positive number of
// hours, as store.Analyst.Series wants.
func CheckStep(step time.Duration) error {
	if step <= 0 || step%time.Hour != 0 {
		return fmt.Errorf("reading series: step %s is not a whole number of hours", step)
	}
	return nil
}

// CheckLimit returns an error unless limit is positive, as
// store.Analyst.Evidence wants.
func CheckLimit(limit int) error {
	if limit <= 0 {
		return fmt.Errorf("reading evidence: limit %d is not positive", limit)
	}
	return nil
}

// EncodeAlertMaps returns the labels and the annotations of a as JSON
// objects; nil is {}.
func EncodeAlertMaps(a store.AlertRecord) (labels, annotations string, err error) {
	if labels, err = encodeMap(a.Labels); err != nil {
		return "", "", fmt.Errorf("encoding the labels of alert %s: %w", a.Fingerprint, err)
	}
	if annotations, err = encodeMap(a.Annotations); err != nil {
		return "", "", fmt.Errorf("encoding the annotations of alert %s: %w", a.Fingerprint, err)
	}
	return labels, annotations, nil
}

// DecodeAlertMaps sets the labels and the annotations of a from the JSON
// objects that EncodeAlertMaps made.
func DecodeAlertMaps(a *store.AlertRecord, labels, annotations string) error {
	if err := json.Unmarshal([]byte(labels), &a.Labels); err != nil {
		return fmt.Errorf("decoding the labels of alert %s: %w", a.Fingerprint, err)
	}
	if err := json.Unmarshal([]byte(annotations), &a.Annotations); err != nil {
		return fmt.Errorf("decoding the annotations of alert %s: %w", a.Fingerprint, err)
	}
	return nil
}

// encodeMap returns m as a JSON object; nil is {}.
func encodeMap(m map[string]string) (string, error) {
	if m == nil {
		return "{}", nil
	}
	b, err := json.Marshal(m)
	return string(b), err
}
