package notify

import (
	"context"

	"go.uber.org/zap"

	"github.com/stancemon/stancemon/alerts"
)

// Log writes alerts to a zap logger.
type Log struct {
	log *zap.Logger
}

// NewLog returns a notifier logging at info level.
func NewLog(log *zap.Logger) *Log { return &Log{log: log} }

// Name returns "log".
func (*Log) Name() string { return "log" }

// Notify logs one line per alert.
func (l *Log) Notify(_ context.Context, as []alerts.Alert) error {
	for _, a := range as {
		l.log.Info("alert "+string(a.State),
			zap.String("alertname", a.Rule), zap.String("source", a.Source), zap.String("target", a.Target),
			zap.Float64("value", a.Value), zap.Time("active_at", a.ActiveAt), zap.Time("fired_at", a.FiredAt),
			zap.Time("resolved_at", a.ResolvedAt), zap.Any("annotations", a.Annotations),
			zap.String("evidence", a.Evidence), zap.String("fingerprint", a.Fingerprint))
	}
	return nil
}
