package store

import (
	"context"
	"time"
)

// AlertState is the state of an alert instance.
type AlertState string

// Alert states, as in Prometheus: an alert is pending until its condition
// has held for the rule's `for` duration, then firing, then resolved.
const (
	AlertPending  AlertState = "pending"
	AlertFiring   AlertState = "firing"
	AlertResolved AlertState = "resolved"
)

// AlertRecord is the persisted state of one alert instance (a rule applied
// to one dyad).
type AlertRecord struct {
	// Fingerprint identifies the instance: a hash of the rule and its labels.
	Fingerprint string            `json:"fingerprint"`
	Rule        string            `json:"rule"`
	Source      string            `json:"source"`
	Target      string            `json:"target"`
	State       AlertState        `json:"state"`
	Value       float64           `json:"value"`
	ActiveAt    time.Time         `json:"active_at"`
	FiredAt     time.Time         `json:"fired_at"`
	ResolvedAt  time.Time         `json:"resolved_at"`
	UpdatedAt   time.Time         `json:"updated_at"`
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
}

// AlertLog persists alert states so that a restart neither fires an alert
// twice nor forgets a firing one; the dashboard reads it for markers.
type AlertLog interface {
	// SaveAlert records the current state of an instance (the newest
	// UpdatedAt of a fingerprint wins).
	SaveAlert(ctx context.Context, a AlertRecord) error
	// ActiveAlerts returns the newest state of every instance that is
	// pending or firing.
	ActiveAlerts(ctx context.Context) ([]AlertRecord, error)
	// Alerts returns the newest state of the instances matching f that were
	// active during w, newest first, at most limit.
	Alerts(ctx context.Context, w Window, f DyadFilter, limit int) ([]AlertRecord, error)
}
