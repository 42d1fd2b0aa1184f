package alerts

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/store"
)

func TestQueueDropsOldest(t *testing.T) {
	reg := prometheus.NewRegistry()
	met, err := newMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	n := NotifierFunc(func(_ context.Context, as []Alert) error {
		for _, a := range as {
			got = append(got, a.Source)
		}
		if as[len(as)-1].Source == "E" {
			return errors.New("receiver down")
		}
		return nil
	})
	q := newQueue("test", n, 3, met, zap.NewNop())
	for _, s := range []string{"A", "B", "C", "D", "E"} {
		a := Alert{AlertRecord: store.AlertRecord{Fingerprint: "f" + s, Rule: "Hostile", Source: s, Target: "PHL", State: store.AlertFiring}}
		q.push(a)
	}
	q.drain(t.Context())
	if strings.Join(got, "") != "CDE" {
		t.Errorf("delivered %v, want the newest three", got)
	}
	for _, tc := range []struct {
		c    *prometheus.CounterVec
		want float64
	}{{met.dropped, 2}, {met.sent, 0}, {met.failed, 3}} {
		if v := testutil.ToFloat64(tc.c.WithLabelValues("test")); v != tc.want {
			t.Errorf("counter = %v, want %v", v, tc.want)
		}
	}
	lint, err := testutil.GatherAndLint(reg)
	if err != nil || len(lint) > 0 {
		t.Errorf("metrics lint: %v %v", lint, err)
	}
}

func TestManagerQueueOverflow(t *testing.T) {
	// A notifier that never answers in time: the queue keeps the newest
	// alerts and counts the dropped ones.
	reg := prometheus.NewRegistry()
	block := make(chan struct{})
	slow := NotifierFunc(func(ctx context.Context, _ []Alert) error {
		select {
		case <-block:
		case <-ctx.Done():
		}
		return nil
	})
	m := newTestManager(t, turn(), nil, Config{QueueCapacity: 1, Registerer: reg, ResendDelay: time.Minute}, slow)
	// Pending at 31h, firing at 32h, re-sent every 30m up to 34h.
	for h := 31.0; h <= 34; h += 0.5 {
		if err := m.Evaluate(t.Context(), hours(h)); err != nil {
			t.Fatal(err)
		}
	}
	if v := testutil.ToFloat64(m.metrics.dropped.WithLabelValues("notifier0")); v != 4 {
		t.Errorf("dropped = %v, want 4 (5 sends into a queue of 1)", v)
	}
	close(block)
}
