package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
)

var _ store.AlertLog = (*Store)(nil)

// alertColumns are the columns of the alerts table in the order that
// scanAlert reads them.
const alertColumns = "fingerprint, rule, source, target, state, value, active_at, fired_at, resolved_at, updated_at, labels, annotations"

// SaveAlert implements store.AlertLog: a state replaces the stored state of
// the same instance and activation unless that one is newer. Times are
// stored to the second.
func (s *Store) SaveAlert(ctx context.Context, a store.AlertRecord) error {
	labels, err := encodeMap(a.Labels)
	if err != nil {
		return fmt.Errorf("encoding the labels of alert %s: %w", a.Fingerprint, err)
	}
	annotations, err := encodeMap(a.Annotations)
	if err != nil {
		return fmt.Errorf("encoding the annotations of alert %s: %w", a.Fingerprint, err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO alerts (`+alertColumns+`)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (fingerprint, active_at) DO UPDATE SET
    rule = excluded.rule, source = excluded.source, target = excluded.target,
    state = excluded.state, value = excluded.value, fired_at = excluded.fired_at,
    resolved_at = excluded.resolved_at, updated_at = excluded.updated_at,
    labels = excluded.labels, annotations = excluded.annotations
WHERE excluded.updated_at >= alerts.updated_at`,
		a.Fingerprint, a.Rule, a.Source, a.Target, string(a.State), a.Value,
		unixOrZero(a.ActiveAt), unixOrZero(a.FiredAt), unixOrZero(a.ResolvedAt), unixOrZero(a.UpdatedAt),
		labels, annotations)
	if err != nil {
		return fmt.Errorf("saving alert %s: %w", a.Fingerprint, err)
	}
	return nil
}

// ActiveAlerts implements store.AlertLog.
func (s *Store) ActiveAlerts(ctx context.Context) ([]store.AlertRecord, error) {
	// With max(), SQLite takes the other columns from the row holding the
	// maximum: the newest state of each instance.
	rows, err := s.db.QueryContext(ctx, `SELECT `+alertColumns+` FROM (
    SELECT `+alertColumns+`, max(updated_at) FROM alerts
    WHERE fingerprint IN (SELECT fingerprint FROM alerts WHERE state IN ('pending', 'firing'))
    GROUP BY fingerprint)
WHERE state IN ('pending', 'firing')
ORDER BY fingerprint`)
	if err != nil {
		return nil, fmt.Errorf("querying active alerts: %w", err)
	}
	return scanAlerts(rows)
}

// Alerts implements store.AlertLog: one record per instance and
// activation, active during w (activated before w.To and not resolved
// before w.From), newest activation first.
func (s *Store) Alerts(ctx context.Context, w store.Window, f store.DyadFilter, limit int) ([]store.AlertRecord, error) {
	where, args := eventFilter(store.Window{}, f)
	var conds []string
	if !w.To.IsZero() {
		conds = append(conds, "active_at < ?")
		args = append(args, ceilUnix(w.To))
	}
	if !w.From.IsZero() {
		conds = append(conds, "(resolved_at = 0 OR resolved_at >= ?)")
		args = append(args, ceilUnix(w.From))
	}
	if len(conds) > 0 {
		if where == "" {
			where = " WHERE "
		} else {
			where += " AND "
		}
		where += strings.Join(conds, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+alertColumns+` FROM alerts`+where+`
ORDER BY active_at DESC, fingerprint LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("querying alerts: %w", err)
	}
	return scanAlerts(rows)
}

func scanAlerts(rows *sql.Rows) ([]store.AlertRecord, error) {
	defer rows.Close()
	var out []store.AlertRecord
	for rows.Next() {
		var (
			a                                store.AlertRecord
			state, labels, annotations       string
			active, fired, resolved, updated int64
		)
		if err := rows.Scan(&a.Fingerprint, &a.Rule, &a.Source, &a.Target, &state, &a.Value,
			&active, &fired, &resolved, &updated, &labels, &annotations); err != nil {
			return nil, fmt.Errorf("reading alerts: %w", err)
		}
		a.State = store.AlertState(state)
		a.ActiveAt, a.FiredAt, a.ResolvedAt, a.UpdatedAt = timeOrZero(active), timeOrZero(fired), timeOrZero(resolved), timeOrZero(updated)
		if err := json.Unmarshal([]byte(labels), &a.Labels); err != nil {
			return nil, fmt.Errorf("decoding the labels of alert %s: %w", a.Fingerprint, err)
		}
		if err := json.Unmarshal([]byte(annotations), &a.Annotations); err != nil {
			return nil, fmt.Errorf("decoding the annotations of alert %s: %w", a.Fingerprint, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading alerts: %w", err)
	}
	return out, nil
}

// encodeMap returns m as a JSON object; nil is {}.
func encodeMap(m map[string]string) (string, error) {
	if m == nil {
		return "{}", nil
	}
	b, err := json.Marshal(m)
	return string(b), err
}

// unixOrZero returns t in Unix seconds, 0 for the zero time.
func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// timeOrZero is the inverse of unixOrZero.
func timeOrZero(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}
