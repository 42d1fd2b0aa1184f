package alerts

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/memstore"
)

var t0 = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// hours returns t0 plus h hours.
func hours(h float64) time.Time { return t0.Add(time.Duration(h * float64(time.Hour))) }

// span adds n articles per hour of dyad src->tgt over [from, to) hours, with
// scores score+-0.1 from 3 outlets.
func span(src, tgt string, from, to float64, perHour int, score float64) []store.EvidenceRow {
	var out []store.EvidenceRow
	for h := from; h < to; h++ {
		for i := range perHour {
			s := score + 0.1
			if i%2 == 1 {
				s = score - 0.1
			}
			out = append(out, store.EvidenceRow{
				PublishedAt: hours(h).Add(time.Duration(i) * time.Hour / time.Duration(perHour)),
				ArticleID:   fmt.Sprintf("%s%s-%v-%d", src, tgt, h, i), Outlet: fmt.Sprintf("o%d", i%3),
				Source: src, Target: tgt, Score: s, Confidence: 1,
				Sentence: fmt.Sprintf("%s about %s, score %+.1f.", src, tgt, s),
			})
		}
	}
	return out
}

// memoryLog is a store.AlertLog in memory.
type memoryLog struct {
	mu    sync.Mutex
	saves []store.AlertRecord
}

func (l *memoryLog) SaveAlert(_ context.Context, a store.AlertRecord) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.saves = append(l.saves, a)
	return nil
}

func (l *memoryLog) ActiveAlerts(context.Context) ([]store.AlertRecord, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	newest := map[string]store.AlertRecord{}
	for _, a := range l.saves {
		if a.UpdatedAt.After(newest[a.Fingerprint].UpdatedAt) || newest[a.Fingerprint].Fingerprint == "" {
			newest[a.Fingerprint] = a
		}
	}
	var out []store.AlertRecord
	for _, a := range newest {
		if a.State != store.AlertResolved {
			out = append(out, a)
		}
	}
	return out, nil
}

func (l *memoryLog) Alerts(context.Context, store.Window, store.DyadFilter, int) ([]store.AlertRecord, error) {
	return nil, nil
}

// recorder is a notifier that keeps "rule source->target state" lines.
type recorder struct {
	mu    sync.Mutex
	lines []string
	last  []Alert
}

func (r *recorder) Notify(_ context.Context, as []Alert) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range as {
		r.lines = append(r.lines, fmt.Sprintf("%s %s->%s %s", a.Rule, a.Source, a.Target, a.State))
		r.last = append(r.last, a)
	}
	return nil
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.lines
	r.lines = nil
	return out
}

const testRules = `groups:
  - name: g
    interval: 30m
    rules:
      - alert: Hostile
        detector: {type: shift, recent: 2h, baseline: 24h, z: 3, min_delta: 0.3, direction: down}
        min_articles: 6
        min_outlets: 2
        for: 1h
        keep_firing_for: 1h
        labels: {severity: warning}
        annotations:
          summary: '{{.Source}}->{{.Target}} {{printf "%.1f" .Before}} -> {{printf "%.1f" .After}}'
          evidence: '{{.Evidence}}'
`

func newTestManager(t *testing.T, events []store.EvidenceRow, alog store.AlertLog, cfg Config, n ...Notifier) *Manager {
	t.Helper()
	rs, err := ParseRules("test.yaml", []byte(testRules))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Rules = rs
	m, err := NewManager(cfg, memstore.From(events...), alog, n...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// turn is a dyad at 0.3 for 30 hours that drops to -0.5 from hour 30 to 40,
// next to a stable one.
func turn() []store.EvidenceRow {
	ev := span("CHN", "PHL", 0, 30, 6, 0.3)
	ev = append(ev, span("CHN", "PHL", 30, 40, 6, -0.5)...)
	return append(ev, span("RUS", "CHN", 0, 40, 6, 0.6)...)
}

func TestManagerLifecycle(t *testing.T) {
	rec := &recorder{}
	alog := &memoryLog{}
	m := newTestManager(t, turn(), alog, Config{}, rec)
	for _, step := range []struct {
		at     float64
		states []string // Alerts() as "source->target state"
		sent   []string
	}{
		{29.5, nil, nil},
		{30.5, nil, nil}, // 6 hostile of 12 articles: -0.1 vs 0.3, below min_delta 0.3
		{31, []string{"CHN->PHL pending"}, nil},
		{31.5, []string{"CHN->PHL pending"}, nil},
		{32, []string{"CHN->PHL firing"}, []string{"Hostile CHN->PHL firing"}},
		{35, []string{"CHN->PHL firing"}, nil}, // still true: no repeat
		{40.5, []string{"CHN->PHL firing"}, nil},
		{41, []string{"CHN->PHL firing"}, nil},   // last true: [39h, 41h) still has 6 articles
		{41.5, []string{"CHN->PHL firing"}, nil}, // too few articles, but keep_firing_for 1h
		{42, nil, []string{"Hostile CHN->PHL resolved"}},
		{42.5, nil, nil},
	} {
		if err := m.Evaluate(t.Context(), hours(step.at)); err != nil {
			t.Fatal(err)
		}
		m.Flush(t.Context())
		var states []string
		for _, a := range m.Alerts() {
			states = append(states, fmt.Sprintf("%s->%s %s", a.Source, a.Target, a.State))
		}
		if !slices.Equal(states, step.states) {
			t.Errorf("at %vh: alerts %v, want %v", step.at, states, step.states)
		}
		if sent := rec.take(); !slices.Equal(sent, step.sent) {
			t.Errorf("at %vh: sent %v, want %v", step.at, sent, step.sent)
		}
	}
	// The firing notification carries the labels, rendered annotations and
	// the evidence that points the way of the turn.
	a := rec.last[0]
	if a.Labels["alertname"] != "Hostile" || a.Labels["severity"] != "warning" || a.Labels["source"] != "CHN" || a.Labels["target"] != "PHL" {
		t.Errorf("labels %v", a.Labels)
	}
	if a.Annotations["summary"] != "CHN->PHL 0.3 -> -0.5" || a.Evidence != "CHN about PHL, score -0.6." || a.Annotations["evidence"] != a.Evidence {
		t.Errorf("annotations %v, evidence %q", a.Annotations, a.Evidence)
	}
	if !a.ActiveAt.Equal(hours(31)) || !a.FiredAt.Equal(hours(32)) {
		t.Errorf("active at %v, fired at %v", a.ActiveAt, a.FiredAt)
	}
	if r := rec.last[1]; !r.ResolvedAt.Equal(hours(42)) || r.Fingerprint != a.Fingerprint {
		t.Errorf("resolved alert %+v", r)
	}
	// Every evaluation that saw the condition saved the instance (31h, 31.5h,
	// 32h, 35h, 40.5h, 41h), and so did the resolution.
	if n := len(alog.saves); n != 7 {
		t.Errorf("%d saves", n)
	}
}

func TestManagerRestart(t *testing.T) {
	alog := &memoryLog{}
	first := &recorder{}
	m := newTestManager(t, turn(), alog, Config{}, first)
	for _, h := range []float64{31, 31.5, 32, 32.5} {
		if err := m.Evaluate(t.Context(), hours(h)); err != nil {
			t.Fatal(err)
		}
	}
	m.Flush(t.Context())
	if got := first.take(); !slices.Equal(got, []string{"Hostile CHN->PHL firing"}) {
		t.Fatalf("first run sent %v", got)
	}

	// A new manager on the same log takes over the firing alert without
	// sending it again, and resolves it later.
	second := &recorder{}
	m2 := newTestManager(t, turn(), alog, Config{}, second)
	for _, h := range []float64{33, 36, 40} {
		if err := m2.Evaluate(t.Context(), hours(h)); err != nil {
			t.Fatal(err)
		}
	}
	m2.Flush(t.Context())
	if got := second.take(); len(got) != 0 {
		t.Fatalf("restarted manager re-sent %v", got)
	}
	as := m2.Alerts()
	if len(as) != 1 || as[0].State != store.AlertFiring || !as[0].FiredAt.Equal(hours(32)) {
		t.Fatalf("after restart: %+v", as)
	}
	if err := m2.Evaluate(t.Context(), hours(42)); err != nil {
		t.Fatal(err)
	}
	m2.Flush(t.Context())
	if got := second.take(); !slices.Equal(got, []string{"Hostile CHN->PHL resolved"}) {
		t.Fatalf("after the turn, restarted manager sent %v", got)
	}

	// A pending alert restored keeps its start: it fires once `for` has
	// passed since it first became active, not since the restart.
	alog2 := &memoryLog{}
	m3 := newTestManager(t, turn(), alog2, Config{})
	if err := m3.Evaluate(t.Context(), hours(31)); err != nil {
		t.Fatal(err)
	}
	fourth := &recorder{}
	m4 := newTestManager(t, turn(), alog2, Config{}, fourth)
	if err := m4.Evaluate(t.Context(), hours(32)); err != nil {
		t.Fatal(err)
	}
	m4.Flush(t.Context())
	if got := fourth.take(); !slices.Equal(got, []string{"Hostile CHN->PHL firing"}) {
		t.Fatalf("restored pending alert: sent %v", got)
	}
}

func TestManagerResend(t *testing.T) {
	rec := &recorder{}
	m := newTestManager(t, turn(), nil, Config{ResendDelay: 2 * time.Hour}, rec)
	var sent []string
	for h := 31.0; h <= 36; h += 0.5 {
		if err := m.Evaluate(t.Context(), hours(h)); err != nil {
			t.Fatal(err)
		}
		m.Flush(t.Context())
		for _, s := range rec.take() {
			sent = append(sent, fmt.Sprintf("%vh %s", h, s))
		}
	}
	want := []string{"32h Hostile CHN->PHL firing", "34h Hostile CHN->PHL firing", "36h Hostile CHN->PHL firing"}
	if !slices.Equal(sent, want) {
		t.Errorf("sent %v, want %v", sent, want)
	}
}

func TestManagerMinEvidence(t *testing.T) {
	// A single outlet, or too few articles, cannot fire, however strong.
	for _, tc := range []struct {
		name   string
		events []store.EvidenceRow
	}{
		{"one article", append(span("USA", "CAN", 0, 30, 6, 0.5), span("USA", "CAN", 30, 31, 1, -1)...)},
		{"one outlet", func() []store.EvidenceRow {
			ev := append(span("USA", "CAN", 0, 28, 6, 0.5), span("USA", "CAN", 30, 34, 6, -0.9)...)
			for i := range ev {
				if !ev[i].PublishedAt.Before(hours(30)) {
					ev[i].Outlet = "loud"
				}
			}
			return ev
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestManager(t, tc.events, nil, Config{})
			for h := 30.5; h <= 34; h += 0.5 {
				if err := m.Evaluate(t.Context(), hours(h)); err != nil {
					t.Fatal(err)
				}
				if as := m.Alerts(); len(as) > 0 {
					t.Fatalf("at %vh: %+v", h, as)
				}
			}
		})
	}
}

func TestManagerRunDataClock(t *testing.T) {
	rec := &recorder{}
	m := newTestManager(t, turn(), nil, Config{Clock: ClockData, From: hours(29), Poll: 10 * time.Millisecond}, rec)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	// The newest article is at 39h50m: Run steps from 29h to 39h30m.
	deadline := time.After(10 * time.Second)
	for {
		rec.mu.Lock()
		n := len(rec.lines)
		rec.mu.Unlock()
		if n > 0 {
			break
		}
		select {
		case <-deadline:
			t.Fatal("no notification from Run")
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := rec.take(); !slices.Equal(got, []string{"Hostile CHN->PHL firing"}) {
		t.Errorf("sent %v", got)
	}
	if as := m.Alerts(); len(as) != 1 || !as[0].FiredAt.Equal(hours(32)) {
		t.Errorf("alerts %+v", as)
	}
}

func TestNewManagerErrors(t *testing.T) {
	rs := DefaultRules()
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{}, "no rules"},
		{Config{Rules: rs, Clock: "sundial"}, `clock "sundial" is not one of wall or data`},
		{Config{Rules: rs, ResendDelay: -1}, "resend delay must not be negative"},
		{Config{Rules: rs, QueueCapacity: -1}, "queue capacity must be positive"},
	} {
		_, err := NewManager(tc.cfg, memstore.New(), nil)
		if err == nil || !contains(err.Error(), tc.want) {
			t.Errorf("NewManager(%+v) error = %v, want %q", tc.cfg, err, tc.want)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// BenchmarkEvaluate measures one evaluation round of the built-in rules
// over 50 dyads of 4 days of 6 articles per hour, in memory: the cost of
// the evaluator itself, without a store.
func BenchmarkEvaluate(b *testing.B) {
	var events []store.EvidenceRow
	codes := []string{"AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IND", "JPN", "RUS"}
	for i := range 50 {
		events = append(events, span(codes[i%10], codes[(i/10+i%10+1)%10], 0, 96, 6, 0.1)...)
	}
	m, err := NewManager(Config{Rules: DefaultRules()}, memstore.From(events...), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := m.Evaluate(b.Context(), hours(72+float64(i%24))); err != nil {
			b.Fatal(err)
		}
	}
}
