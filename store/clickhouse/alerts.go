package clickhouse

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
)

var _ store.AlertLog = (*Store)(nil)

// alertRow is a row of alerts.
type alertRow struct {
	Fingerprint string    `ch:"fingerprint"`
	Rule        string    `ch:"rule"`
	Source      string    `ch:"source"`
	Target      string    `ch:"target"`
	State       string    `ch:"state"`
	Value       float64   `ch:"value"`
	ActiveAt    time.Time `ch:"active_at"`
	FiredAt     time.Time `ch:"fired_at"`
	ResolvedAt  time.Time `ch:"resolved_at"`
	UpdatedAt   time.Time `ch:"updated_at"`
	Labels      string    `ch:"labels"`
	Annotations string    `ch:"annotations"`
}

// epoch stands for the zero time in DateTime columns.
var epoch = time.Unix(0, 0).UTC()

func toColumn(t time.Time) time.Time {
	if t.IsZero() {
		return epoch
	}
	return t.UTC().Truncate(time.Second)
}

func fromColumn(t time.Time) time.Time {
	if t.Unix() <= 0 {
		return time.Time{}
	}
	return t.UTC()
}

// SaveAlert implements store.AlertLog. The row replaces the stored state of
// the same instance and activation when ClickHouse merges parts or a query
// reads with FINAL or argMax; the newest updated_at wins. Times are stored
// to the second.
func (s *Store) SaveAlert(ctx context.Context, a store.AlertRecord) error {
	labels, err := encodeMap(a.Labels)
	if err != nil {
		return fmt.Errorf("encoding the labels of alert %s: %w", a.Fingerprint, err)
	}
	annotations, err := encodeMap(a.Annotations)
	if err != nil {
		return fmt.Errorf("encoding the annotations of alert %s: %w", a.Fingerprint, err)
	}
	row := &alertRow{
		Fingerprint: a.Fingerprint, Rule: a.Rule, Source: a.Source, Target: a.Target,
		State: string(a.State), Value: a.Value,
		ActiveAt: toColumn(a.ActiveAt), FiredAt: toColumn(a.FiredAt),
		ResolvedAt: toColumn(a.ResolvedAt), UpdatedAt: toColumn(a.UpdatedAt),
		Labels: labels, Annotations: annotations,
	}
	if err := insert(ctx, s.conn, "alerts", []any{row}); err != nil {
		return fmt.Errorf("saving alert %s: %w", a.Fingerprint, err)
	}
	return nil
}

// ActiveAlerts implements store.AlertLog: the newest state of each
// instance (argMax over updated_at, whatever the activation), when it is
// pending or firing.
func (s *Store) ActiveAlerts(ctx context.Context) ([]store.AlertRecord, error) {
	var cols []string
	for _, c := range strings.Split(columns(alertRow{}), ", ") {
		if c == "fingerprint" {
			cols = append(cols, c)
			continue
		}
		// Aliases differ from the column names: ClickHouse would otherwise
		// resolve updated_at inside argMax to the alias.
		cols = append(cols, fmt.Sprintf("argMax(%s, updated_at) AS last_%s", c, c))
	}
	query := `SELECT ` + strings.Join(cols, ", ") + ` FROM alerts
WHERE fingerprint IN (SELECT fingerprint FROM alerts WHERE state IN ('pending', 'firing'))
GROUP BY fingerprint
HAVING last_state IN ('pending', 'firing')
ORDER BY fingerprint`
	return s.selectAlerts(ctx, query)
}

// Alerts implements store.AlertLog: one record per instance and
// activation, active during w (activated before w.To and not resolved
// before w.From), newest activation first.
func (s *Store) Alerts(ctx context.Context, w store.Window, f store.DyadFilter, limit int) ([]store.AlertRecord, error) {
	where, args := eventFilter(store.Window{}, f)
	var conds []string
	if !w.To.IsZero() {
		conds = append(conds, "active_at < toDateTime(?)")
		args = append(args, ceilUnix(w.To))
	}
	if !w.From.IsZero() {
		conds = append(conds, "(resolved_at = toDateTime(0) OR resolved_at >= toDateTime(?))")
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
	query := `SELECT ` + columns(alertRow{}) + ` FROM alerts FINAL` + where + `
ORDER BY active_at DESC, fingerprint LIMIT ` + fmt.Sprint(max(limit, 0))
	return s.selectAlerts(ctx, query, args...)
}

func (s *Store) selectAlerts(ctx context.Context, query string, args ...any) ([]store.AlertRecord, error) {
	rows, err := s.conn.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("querying alerts: %w", err)
	}
	defer rows.Close()
	var out []store.AlertRecord
	for rows.Next() {
		var r alertRow
		if err := rows.Scan(&r.Fingerprint, &r.Rule, &r.Source, &r.Target, &r.State, &r.Value,
			&r.ActiveAt, &r.FiredAt, &r.ResolvedAt, &r.UpdatedAt, &r.Labels, &r.Annotations); err != nil {
			return nil, fmt.Errorf("reading alerts: %w", err)
		}
		a := store.AlertRecord{
			Fingerprint: r.Fingerprint, Rule: r.Rule, Source: r.Source, Target: r.Target,
			State: store.AlertState(r.State), Value: r.Value,
			ActiveAt: fromColumn(r.ActiveAt), FiredAt: fromColumn(r.FiredAt),
			ResolvedAt: fromColumn(r.ResolvedAt), UpdatedAt: fromColumn(r.UpdatedAt),
		}
		if err := json.Unmarshal([]byte(r.Labels), &a.Labels); err != nil {
			return nil, fmt.Errorf("decoding the labels of alert %s: %w", a.Fingerprint, err)
		}
		if err := json.Unmarshal([]byte(r.Annotations), &a.Annotations); err != nil {
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
