package alerts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/store"
)

// Notifier delivers alerts that fired or resolved.
type Notifier interface {
	Notify(ctx context.Context, alerts []Alert) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, alerts []Alert) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, alerts []Alert) error { return f(ctx, alerts) }

// namer is implemented by notifiers that name themselves in metrics.
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

// Retry is the retry policy of the HTTP notifiers: 5xx, 429 and network
// errors are retried with exponential backoff; other 4xx are not.
type Retry struct {
	// Attempts is the number of tries in all. Default: 5
	Attempts int
	// Backoff is the wait after the first failure, doubled after each
	// further one. Default: 500ms
	Backoff time.Duration
	// MaxBackoff caps the wait. Default: 30s
	MaxBackoff time.Duration
}

func (r Retry) withDefaults() Retry {
	if r.Attempts <= 0 {
		r.Attempts = 5
	}
	if r.Backoff <= 0 {
		r.Backoff = 500 * time.Millisecond
	}
	if r.MaxBackoff <= 0 {
		r.MaxBackoff = 30 * time.Second
	}
	return r
}

// errPermanent marks a failure that retrying cannot fix.
var errPermanent = errors.New("permanent failure")

// postJSON posts body to url, retrying as r says.
func postJSON(ctx context.Context, client *http.Client, url string, header http.Header, body any, r Retry) error {
	b, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encoding alerts: %w", err)
	}
	wait := r.Backoff
	for attempt := 1; ; attempt++ {
		err = postOnce(ctx, client, url, header, b)
		if err == nil || errors.Is(err, errPermanent) || attempt >= r.Attempts {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (then %w)", err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, r.MaxBackoff)
	}
}

func postOnce(ctx context.Context, client *http.Client, url string, header http.Header, b []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("building request: %w: %w", errPermanent, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("posting alerts to %s: %w", url, err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	switch {
	case resp.StatusCode/100 == 2:
		return nil
	case resp.StatusCode/100 == 5 || resp.StatusCode == http.StatusTooManyRequests:
		return fmt.Errorf("posting alerts to %s: %s: %s", url, resp.Status, strings.TrimSpace(string(msg)))
	default:
		return fmt.Errorf("posting alerts to %s: %w: %s: %s", url, errPermanent, resp.Status, strings.TrimSpace(string(msg)))
	}
}

// Alertmanager sends alerts to a Prometheus Alertmanager's API
// (POST /api/v2/alerts).
type Alertmanager struct {
	url    string
	client *http.Client
	retry  Retry
}

// NewAlertmanager returns a notifier for the Alertmanager at baseURL (such
// as http://127.0.0.1:9093). client nil means a client with a 10s timeout.
func NewAlertmanager(baseURL string, client *http.Client, r Retry) (*Alertmanager, error) {
	if !strings.HasPrefix(baseURL, "http://") && !strings.HasPrefix(baseURL, "https://") {
		return nil, fmt.Errorf("creating Alertmanager notifier: URL %q must start with http:// or https://", baseURL)
	}
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	return &Alertmanager{url: strings.TrimSuffix(baseURL, "/") + "/api/v2/alerts", client: client, retry: r.withDefaults()}, nil
}

// Name returns "alertmanager".
func (*Alertmanager) Name() string { return "alertmanager" }

// amAlert is an alert of Alertmanager's API v2 (postableAlert).
type amAlert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	StartsAt     string            `json:"startsAt,omitempty"`
	EndsAt       string            `json:"endsAt,omitempty"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
}

// Notify posts the alerts; resolved alerts carry their end time.
func (a *Alertmanager) Notify(ctx context.Context, alerts []Alert) error {
	body := make([]amAlert, len(alerts))
	for i, al := range alerts {
		ann := cloneMap(al.Annotations)
		if al.Evidence != "" {
			if ann == nil {
				ann = map[string]string{}
			}
			if _, ok := ann["evidence"]; !ok {
				ann["evidence"] = al.Evidence
			}
		}
		starts := al.FiredAt
		if starts.IsZero() {
			starts = al.ActiveAt
		}
		body[i] = amAlert{Labels: al.Labels, Annotations: ann, StartsAt: starts.UTC().Format(time.RFC3339), GeneratorURL: al.GeneratorURL}
		if al.State == store.AlertResolved {
			body[i].EndsAt = al.ResolvedAt.UTC().Format(time.RFC3339)
		}
	}
	return postJSON(ctx, a.client, a.url, nil, body, a.retry)
}

// Webhook posts alerts as JSON to any URL:
// {"version": "1", "alerts": [Alert, ...]}.
type Webhook struct {
	url    string
	header http.Header
	client *http.Client
	retry  Retry
}

// WebhookMessage is the body a Webhook posts.
type WebhookMessage struct {
	Version string  `json:"version"`
	Alerts  []Alert `json:"alerts"`
}

// NewWebhook returns a notifier posting to url with the given extra
// headers (such as Authorization). client nil means a client with a 10s
// timeout.
func NewWebhook(url string, header http.Header, client *http.Client, r Retry) (*Webhook, error) {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return nil, fmt.Errorf("creating webhook notifier: URL %q must start with http:// or https://", url)
	}
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	return &Webhook{url: url, header: header.Clone(), client: client, retry: r.withDefaults()}, nil
}

// Name returns "webhook".
func (*Webhook) Name() string { return "webhook" }

// Notify posts the alerts.
func (w *Webhook) Notify(ctx context.Context, alerts []Alert) error {
	return postJSON(ctx, w.client, w.url, w.header, WebhookMessage{Version: "1", Alerts: alerts}, w.retry)
}

// DefaultTopic is the Kafka topic alerts are published to by default.
const DefaultTopic = "stance-alerts"

// MessageWriter is the part of *kafka.Writer the Kafka notifier uses.
type MessageWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Kafka publishes each alert as a JSON message keyed by its fingerprint,
// so that the states of one instance stay in order on one partition.
type Kafka struct {
	w MessageWriter
}

// NewKafka returns a notifier writing to w, such as
// publish.NewWriter(brokers, DefaultTopic).
func NewKafka(w MessageWriter) *Kafka { return &Kafka{w: w} }

// Name returns "kafka".
func (*Kafka) Name() string { return "kafka" }

// Notify writes the alerts.
func (k *Kafka) Notify(ctx context.Context, alerts []Alert) error {
	msgs := make([]kafka.Message, len(alerts))
	for i, a := range alerts {
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("encoding alert: %w", err)
		}
		msgs[i] = kafka.Message{Key: []byte(a.Fingerprint), Value: b, Time: a.UpdatedAt}
	}
	if err := k.w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("writing alerts to Kafka: %w", err)
	}
	return nil
}

// Log writes alerts to a zap logger.
type Log struct {
	log *zap.Logger
}

// NewLog returns a notifier logging at info level.
func NewLog(log *zap.Logger) *Log { return &Log{log: log} }

// Name returns "log".
func (*Log) Name() string { return "log" }

// Notify logs one line per alert.
func (l *Log) Notify(_ context.Context, alerts []Alert) error {
	for _, a := range alerts {
		l.log.Info("alert "+string(a.State),
			zap.String("alertname", a.Rule), zap.String("source", a.Source), zap.String("target", a.Target),
			zap.Float64("value", a.Value), zap.Time("active_at", a.ActiveAt), zap.Time("fired_at", a.FiredAt),
			zap.Time("resolved_at", a.ResolvedAt), zap.Any("annotations", a.Annotations),
			zap.String("evidence", a.Evidence), zap.String("fingerprint", a.Fingerprint))
	}
	return nil
}
