package clickhouse

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/internal/sqlstore"
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
	labels, annotations, err := sqlstore.EncodeAlertMaps(a)
	if err != nil {
		return err
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
	where := dialect.Where().Dyads(f).Active("active_at", "resolved_at", w)
	query := `SELECT ` + columns(alertRow{}) + ` FROM alerts FINAL` + where.String() + `
ORDER BY active_at DESC, fingerprint LIMIT ` + fmt.Sprint(max(limit, 0))
	return s.selectAlerts(ctx, query, where.Args()...)
}

func (s *Store) selectAlerts(ctx context.Context, query string, args ...any) ([]store.AlertRecord, error) {
	rows, err := s.conn.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("querying alerts: %w", err)
	}
	return sqlstore.Collect(rows, "alerts", func(scan func(...any) error) (store.AlertRecord, error) {
		var r alertRow
		if err := scan(&r.Fingerprint, &r.Rule, &r.Source, &r.Target, &r.State, &r.Value,
			&r.ActiveAt, &r.FiredAt, &r.ResolvedAt, &r.UpdatedAt, &r.Labels, &r.Annotations); err != nil {
			return store.AlertRecord{}, err
		}
		a := store.AlertRecord{
			Fingerprint: r.Fingerprint, Rule: r.Rule, Source: r.Source, Target: r.Target,
			State: store.AlertState(r.State), Value: r.Value,
			ActiveAt: fromColumn(r.ActiveAt), FiredAt: fromColumn(r.FiredAt),
			ResolvedAt: fromColumn(r.ResolvedAt), UpdatedAt: fromColumn(r.UpdatedAt),
		}
		err := sqlstore.DecodeAlertMaps(&a, r.Labels, r.Annotations)
		return a, err
	})
}
