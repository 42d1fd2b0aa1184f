package alerts

import (
	"context"
	"fmt"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

// Notifier delivers alerts that fired or resolved. The Manager calls it
// from each notifier's bounded queue; package alerts/notify has the
// Alertmanager, webhook, Kafka and log notifiers.
type Notifier interface {
	Notify(ctx context.Context, alerts []Alert) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, alerts []Alert) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, alerts []Alert) error { return f(ctx, alerts) }

// namer is implemented by notifiers that name themselves in metrics
// (the notifier label); the others are notifier0, notifier1, ...
type namer interface{ Name() string }

func notifierName(n Notifier, i int) string {
	if nm, ok := n.(namer); ok {
		return nm.Name()
	}
	return fmt.Sprintf("notifier%d", i)
}

// metrics are the manager's Prometheus metrics.
type metrics struct {
	dropped, sent, failed *prometheus.CounterVec
	evalFailures          prometheus.Counter
	evalSeconds           prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stancemon_alerts_dropped_total",
			Help: "Alerts dropped because a notifier's queue was full (the oldest are dropped).",
		}, []string{"notifier"}),
		sent: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stancemon_alerts_notifications_sent_total",
			Help: "Alerts delivered to a notifier.",
		}, []string{"notifier"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stancemon_alerts_notifications_failed_total",
			Help: "Alerts that a notifier failed to deliver after its retries.",
		}, []string{"notifier"}),
		evalFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_alerts_rule_evaluation_failures_total",
			Help: "Rule evaluations that failed.",
		}),
		evalSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "stancemon_alerts_rule_evaluation_duration_seconds",
			Help:    "Duration of one rule evaluation.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 8),
		}),
	}
	if reg != nil {
		for _, c := range []prometheus.Collector{m.dropped, m.sent, m.failed, m.evalFailures, m.evalSeconds} {
			if err := reg.Register(c); err != nil {
				return nil, fmt.Errorf("registering alert metrics: %w", err)
			}
		}
	}
	return m, nil
}

// maxBatch is the most alerts sent in one notification.
const maxBatch = 64

// queue is a notifier's bounded queue: when full, the oldest alert is
// dropped and counted.
type queue struct {
	name string
	n    Notifier
	cap  int
	met  *metrics
	log  *zap.Logger

	mu    sync.Mutex
	items []Alert
	wake  chan struct{}
}

func newQueue(name string, n Notifier, capacity int, met *metrics, log *zap.Logger) *queue {
	met.dropped.WithLabelValues(name)
	met.sent.WithLabelValues(name)
	met.failed.WithLabelValues(name)
	return &queue{name: name, n: n, cap: capacity, met: met, log: log, wake: make(chan struct{}, 1)}
}

func (q *queue) push(a Alert) {
	q.mu.Lock()
	if len(q.items) >= q.cap {
		q.items = q.items[1:]
		q.met.dropped.WithLabelValues(q.name).Inc()
	}
	q.items = append(q.items, a)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// run sends what is queued whenever alerts arrive, until ctx is done.
func (q *queue) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-q.wake:
			q.drain(ctx)
		}
	}
}

// drain sends the queued alerts in batches until the queue is empty or ctx
// is done.
func (q *queue) drain(ctx context.Context) {
	for ctx.Err() == nil {
		q.mu.Lock()
		n := min(len(q.items), maxBatch)
		batch := append([]Alert(nil), q.items[:n]...)
		q.items = q.items[n:]
		q.mu.Unlock()
		if n == 0 {
			return
		}
		if err := q.n.Notify(ctx, batch); err != nil {
			q.met.failed.WithLabelValues(q.name).Add(float64(n))
			q.log.Warn("sending alerts", zap.String("notifier", q.name), zap.Int("alerts", n), zap.Error(err))
			continue
		}
		q.met.sent.WithLabelValues(q.name).Add(float64(n))
	}
}
