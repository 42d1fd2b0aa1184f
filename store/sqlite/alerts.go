package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/internal/sqlstore"
)

var _ store.AlertLog = (*Store)(nil)

// alertColumns are the columns of the alerts table in the order that
// scanAlert reads them.
const alertColumns = "fingerprint, rule, source, target, state, value, active_at, fired_at, resolved_at, updated_at, labels, annotations"

// SaveAlert implements store.AlertLog: a state replaces the stored state of
// the same instance and activation unless that one is newer. Times are
// stored to the second.
func (s *Store) SaveAlert(ctx context.Context, a store.AlertRecord) error {
	labels, annotations, err := sqlstore.EncodeAlertMaps(a)
	if err != nil {
		return err
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
	where := dialect.Where().Dyads(f).Active("active_at", "resolved_at", w)
	rows, err := s.db.QueryContext(ctx, `SELECT `+alertColumns+` FROM alerts`+where.String()+`
ORDER BY active_at DESC, fingerprint LIMIT ?`, append(where.Args(), limit)...)
	if err != nil {
		return nil, fmt.Errorf("querying alerts: %w", err)
	}
	return scanAlerts(rows)
}

func scanAlerts(rows *sql.Rows) ([]store.AlertRecord, error) {
	return sqlstore.Collect(rows, "alerts", func(scan func(...any) error) (store.AlertRecord, error) {
		var (
			a                                store.AlertRecord
			state, labels, annotations       string
			active, fired, resolved, updated int64
		)
		if err := scan(&a.Fingerprint, &a.Rule, &a.Source, &a.Target, &state, &a.Value,
			&active, &fired, &resolved, &updated, &labels, &annotations); err != nil {
			return a, err
		}
		a.State = store.AlertState(state)
		a.ActiveAt, a.FiredAt, a.ResolvedAt, a.UpdatedAt = timeOrZero(active), timeOrZero(fired), timeOrZero(resolved), timeOrZero(updated)
		err := sqlstore.DecodeAlertMaps(&a, labels, annotations)
		return a, err
	})
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
