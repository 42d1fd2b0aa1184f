package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/store"
)

// The times of testAlert: active, fired, resolved.
var (
	activeAt   = time.Date(2025, 3, 2, 7, 0, 0, 0, time.UTC)
	firedAt    = activeAt.Add(time.Hour)
	resolvedAt = activeAt.Add(9 * time.Hour)
)

func testAlert(state store.AlertState) alerts.Alert {
	a := alerts.Alert{
		AlertRecord: store.AlertRecord{
			Fingerprint: "f9e55fb925aefd7b", Rule: "Hostile", Source: "CHN", Target: "PHL", State: state,
			Value: -0.4, ActiveAt: activeAt, FiredAt: firedAt, UpdatedAt: firedAt,
			Labels:      map[string]string{"alertname": "Hostile", "source": "CHN", "target": "PHL", "severity": "warning"},
			Annotations: map[string]string{"summary": "CHN turned hostile toward PHL"},
		},
		Evidence:     "China warned the Philippines.",
		GeneratorURL: "http://127.0.0.1:8080/",
	}
	if state == store.AlertResolved {
		a.ResolvedAt, a.UpdatedAt = resolvedAt, resolvedAt
	}
	return a
}

var labelNameRE = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

// alertmanagerReceiver validates POST /api/v2/alerts bodies the way
// Alertmanager's API does (postableAlerts: labels required and valid,
// alertname present, times RFC 3339, endsAt not before startsAt) and keeps
// the accepted alerts.
type alertmanagerReceiver struct {
	mu       sync.Mutex
	received []amAlert
}

func (rcv *alertmanagerReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/api/v2/alerts" {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		http.Error(w, "content type "+ct, http.StatusUnsupportedMediaType)
		return
	}
	var body []map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "body is not a JSON array of alerts: "+err.Error(), http.StatusBadRequest)
		return
	}
	var accepted []amAlert
	for i, raw := range body {
		for k := range raw {
			switch k {
			case "labels", "annotations", "startsAt", "endsAt", "generatorURL":
			default:
				http.Error(w, fmt.Sprintf("alert %d: unknown field %q", i, k), http.StatusBadRequest)
				return
			}
		}
		var a amAlert
		b, _ := json.Marshal(raw)
		if err := json.Unmarshal(b, &a); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := validateAMAlert(a); err != nil {
			http.Error(w, fmt.Sprintf("alert %d: %v", i, err), http.StatusBadRequest)
			return
		}
		accepted = append(accepted, a)
	}
	rcv.mu.Lock()
	rcv.received = append(rcv.received, accepted...)
	rcv.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func validateAMAlert(a amAlert) error {
	if len(a.Labels) == 0 {
		return errors.New("labels in body is required")
	}
	if a.Labels["alertname"] == "" {
		return errors.New("alertname label is required")
	}
	for k, v := range a.Labels {
		if !labelNameRE.MatchString(k) {
			return fmt.Errorf("invalid label name %q", k)
		}
		if v == "" {
			return fmt.Errorf("empty value of label %q", k)
		}
	}
	var starts, ends time.Time
	var err error
	if a.StartsAt != "" {
		if starts, err = time.Parse(time.RFC3339, a.StartsAt); err != nil {
			return fmt.Errorf("startsAt: %w", err)
		}
	}
	if a.EndsAt != "" {
		if ends, err = time.Parse(time.RFC3339, a.EndsAt); err != nil {
			return fmt.Errorf("endsAt: %w", err)
		}
		if !starts.IsZero() && ends.Before(starts) {
			return errors.New("start time must be before end time")
		}
	}
	return nil
}

func TestAlertmanager(t *testing.T) {
	rcv := &alertmanagerReceiver{}
	srv := httptest.NewServer(rcv)
	defer srv.Close()
	am, err := NewAlertmanager(srv.URL+"/", nil, Retry{Attempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := am.Notify(t.Context(), []alerts.Alert{testAlert(store.AlertFiring), testAlert(store.AlertResolved)}); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	if len(rcv.received) != 2 {
		t.Fatalf("received %d alerts", len(rcv.received))
	}
	firing, resolved := rcv.received[0], rcv.received[1]
	if firing.StartsAt != "2025-03-02T08:00:00Z" || firing.EndsAt != "" || firing.GeneratorURL != "http://127.0.0.1:8080/" {
		t.Errorf("firing alert %+v", firing)
	}
	if firing.Annotations["evidence"] != "China warned the Philippines." || firing.Annotations["summary"] == "" {
		t.Errorf("annotations %v", firing.Annotations)
	}
	if resolved.EndsAt != "2025-03-02T16:00:00Z" {
		t.Errorf("resolved alert %+v", resolved)
	}

	// The receiver rejects what Alertmanager rejects; that is permanent.
	bad := testAlert(store.AlertFiring)
	bad.Labels = map[string]string{"source": "CHN"}
	err = am.Notify(t.Context(), []alerts.Alert{bad})
	if err == nil || !errors.Is(err, errPermanent) || !strings.Contains(err.Error(), "alertname label is required") {
		t.Fatalf("Notify(no alertname) error = %v", err)
	}
	if _, err := NewAlertmanager("127.0.0.1:9093", nil, Retry{}); err == nil {
		t.Error("NewAlertmanager accepted a URL without scheme")
	}
}

func TestWebhookRetries(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int // responses in order; the last repeats
		attempts int
		wantErr  string
		wantHits int32
	}{
		{"ok", []int{200}, 3, "", 1},
		{"5xx then ok", []int{503, 500, 204}, 5, "", 3},
		{"429 then ok", []int{429, 200}, 5, "", 2},
		{"always 5xx", []int{502}, 3, "502 Bad Gateway", 3},
		{"4xx is permanent", []int{400}, 5, "400 Bad Request", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hits atomic.Int32
			var bodies []WebhookMessage
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(hits.Add(1))
				var m WebhookMessage
				if err := json.NewDecoder(r.Body).Decode(&m); err != nil || r.Header.Get("Authorization") != "Bearer s3cret" {
					http.Error(w, "bad request", http.StatusTeapot)
					return
				}
				bodies = append(bodies, m)
				w.WriteHeader(tc.statuses[min(n, len(tc.statuses))-1])
			}))
			defer srv.Close()
			wh, err := NewWebhook(srv.URL, http.Header{"Authorization": {"Bearer s3cret"}}, nil,
				Retry{Attempts: tc.attempts, Backoff: time.Millisecond, MaxBackoff: 4 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			err = wh.Notify(t.Context(), []alerts.Alert{testAlert(store.AlertFiring)})
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("Notify error = %v, want %q", err, tc.wantErr)
			}
			if hits.Load() != tc.wantHits {
				t.Errorf("%d requests, want %d", hits.Load(), tc.wantHits)
			}
			if b := bodies[0]; b.Version != "1" || len(b.Alerts) != 1 || b.Alerts[0].Fingerprint != "f9e55fb925aefd7b" || b.Alerts[0].Evidence == "" {
				t.Errorf("body %+v", b)
			}
		})
	}
}

func TestWebhookStopsOnCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	wh, err := NewWebhook(srv.URL, nil, nil, Retry{Attempts: 100, Backoff: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = wh.Notify(ctx, []alerts.Alert{testAlert(store.AlertFiring)})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Fatalf("Notify error = %v after %s", err, time.Since(start))
	}
}

func TestKafkaNotifier(t *testing.T) {
	var msgs []kafka.Message
	k := NewKafka(kafka.WriterFunc(func(_ context.Context, ms ...kafka.Message) error {
		msgs = append(msgs, ms...)
		return nil
	}))
	if err := k.Notify(t.Context(), []alerts.Alert{testAlert(store.AlertFiring), testAlert(store.AlertResolved)}); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 {
		t.Fatalf("%d messages", len(msgs))
	}
	for i, m := range msgs {
		var a alerts.Alert
		if err := json.Unmarshal(m.Value, &a); err != nil {
			t.Fatal(err)
		}
		if string(m.Key) != "f9e55fb925aefd7b" || a.Fingerprint != "f9e55fb925aefd7b" || a.Evidence == "" {
			t.Errorf("message %d: key %q, alert %+v", i, m.Key, a)
		}
	}
	var a alerts.Alert
	_ = json.Unmarshal(msgs[1].Value, &a)
	if a.State != store.AlertResolved || !a.ResolvedAt.Equal(resolvedAt) {
		t.Errorf("resolved alert %+v", a)
	}
}

func TestLogNotifier(t *testing.T) {
	core, logs := observer.New(zap.InfoLevel)
	if err := NewLog(zap.New(core)).Notify(t.Context(), []alerts.Alert{testAlert(store.AlertFiring)}); err != nil {
		t.Fatal(err)
	}
	entries := logs.All()
	if len(entries) != 1 || entries[0].Message != "alert firing" || entries[0].ContextMap()["alertname"] != "Hostile" {
		t.Fatalf("log entries %+v", entries)
	}
}

// TestKafkaNotifierBroker publishes to an embedded Kafka-protocol broker
// with kafka.NewProducer and reads the alert back.
func TestKafkaNotifierBroker(t *testing.T) {
	b, err := broker.Start(broker.Config{Addr: "127.0.0.1:0", Partitions: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	o := kafka.Options{Brokers: []string{b.Addr()}}
	w, err := kafka.NewProducer(o, DefaultTopic)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := NewKafka(w).Notify(ctx, []alerts.Alert{testAlert(store.AlertFiring)}); err != nil {
		t.Fatal(err)
	}
	r, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: o, Topic: DefaultTopic, Group: "check", MaxWait: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	m, err := r.FetchMessage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var a alerts.Alert
	if err := json.Unmarshal(m.Value, &a); err != nil || string(m.Key) != a.Fingerprint || a.State != store.AlertFiring {
		t.Fatalf("message %q: %+v, %v", m.Key, a, err)
	}
}
