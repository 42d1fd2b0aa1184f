package alerts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/store"
)

// Clock names the time rules are evaluated at.
const (
	// ClockWall evaluates at the wall-clock time: live use.
	ClockWall = "wall"
	// ClockData evaluates at the publication time of the newest stored
	// article, stepping through every group interval up to it: replays of
	// old data and simulated streams.
	ClockData = "data"
)

// Config configures a Manager.
type Config struct {
	// Rules are the alert rules. Required.
	Rules *RuleSet
	// Clock is ClockWall or ClockData. Default: wall
	Clock string
	// From is, with the data clock, the first evaluation time (it is
	// rounded down to each group's interval). Default: the newest article
	// time when Run starts
	From time.Time
	// ResendDelay is how often a firing alert is sent again (Alertmanager
	// resolves alerts that are not re-sent within its resolve_timeout).
	// Default: 0 (sent when it fires and when it resolves only)
	ResendDelay time.Duration
	// GeneratorURL is the link sent with alerts (Alertmanager's
	// generatorURL), such as the dashboard's address. Default: ""
	GeneratorURL string
	// QueueCapacity is the number of alerts each notifier's queue holds;
	// when it is full the oldest is dropped and counted. Default: 1000
	QueueCapacity int
	// Poll is how often the data clock reads the newest article time.
	// Default: 1s
	Poll time.Duration
	// Logger logs evaluation failures. Default: no logging
	Logger *zap.Logger
	// Registerer registers the metrics. Default: none
	Registerer prometheus.Registerer
	// Now is the wall clock. Default: time.Now
	Now func() time.Time
}

// Alert is an alert instance as notifiers receive it.
type Alert struct {
	store.AlertRecord
	// Evidence is the strongest sentence behind the alert.
	Evidence string `json:"evidence,omitempty"`
	// GeneratorURL links to where the alert can be inspected.
	GeneratorURL string `json:"generator_url,omitempty"`
}

// Manager evaluates rule groups at their intervals, keeps the state of
// every alert instance, persists it through a store.AlertLog and sends
// firing and resolved alerts to the notifiers.
type Manager struct {
	cfg     Config
	analyst store.Analyst
	alog    store.AlertLog
	log     *zap.Logger
	metrics *metrics
	queues  []*queue

	mu       sync.Mutex // guards groups and restored
	groups   []*groupState
	restored bool
}

type groupState struct {
	group *Group
	rules []*ruleState
	next  time.Time // next evaluation time; zero before the first
}

type ruleState struct {
	rule   *Rule
	active map[string]*instance // by fingerprint
}

// instance is the in-memory state of one alert instance.
type instance struct {
	rec      store.AlertRecord
	evidence string
	lastTrue time.Time // last evaluation at which the condition held
	lastSent time.Time // last evaluation at which it was sent as firing
}

// NewManager returns a manager of cfg.Rules that reads through analyst,
// persists alert states in alog (none when nil) and notifies notifiers.
func NewManager(cfg Config, analyst store.Analyst, alog store.AlertLog, notifiers ...Notifier) (*Manager, error) {
	if cfg.Rules == nil {
		return nil, errors.New("creating alert manager: no rules")
	}
	if analyst == nil {
		return nil, errors.New("creating alert manager: no analyst")
	}
	if err := cfg.Rules.Validate(); err != nil {
		return nil, fmt.Errorf("creating alert manager: %w", err)
	}
	switch cfg.Clock {
	case "":
		cfg.Clock = ClockWall
	case ClockWall, ClockData:
	default:
		return nil, fmt.Errorf("creating alert manager: clock %q is not one of wall or data", cfg.Clock)
	}
	if cfg.ResendDelay < 0 {
		return nil, fmt.Errorf("creating alert manager: resend delay must not be negative, got %s", cfg.ResendDelay)
	}
	if cfg.QueueCapacity == 0 {
		cfg.QueueCapacity = 1000
	} else if cfg.QueueCapacity < 0 {
		return nil, fmt.Errorf("creating alert manager: queue capacity must be positive, got %d", cfg.QueueCapacity)
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	met, err := newMetrics(cfg.Registerer)
	if err != nil {
		return nil, fmt.Errorf("creating alert manager: %w", err)
	}
	m := &Manager{cfg: cfg, analyst: analyst, alog: alog, log: cfg.Logger, metrics: met}
	for i := range cfg.Rules.Groups {
		g := &cfg.Rules.Groups[i]
		gs := &groupState{group: g}
		for j := range g.Rules {
			gs.rules = append(gs.rules, &ruleState{rule: &g.Rules[j], active: map[string]*instance{}})
		}
		m.groups = append(m.groups, gs)
	}
	for i, n := range notifiers {
		m.queues = append(m.queues, newQueue(notifierName(n, i), n, cfg.QueueCapacity, met, cfg.Logger))
	}
	return m, nil
}

// Run evaluates every group at its interval until ctx is done, and
// delivers notifications in the background. It returns nil when ctx is
// cancelled, after a last attempt to deliver what is queued.
func (m *Manager) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	qctx, stopQueues := context.WithCancel(context.WithoutCancel(ctx))
	for _, q := range m.queues {
		wg.Go(func() { q.run(qctx) })
	}
	defer func() {
		// Give the queues a moment to send the last notifications.
		flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		for _, q := range m.queues {
			q.drain(flushCtx)
		}
		stopQueues()
		wg.Wait()
	}()
	for {
		wait, err := m.tick(ctx)
		if err != nil {
			m.log.Warn("evaluating alert rules", zap.Error(err))
			wait = m.cfg.Poll
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// tick evaluates the groups that are due and returns how long to wait.
func (m *Manager) tick(ctx context.Context) (time.Duration, error) {
	now, err := m.now(ctx)
	if err != nil {
		return 0, err
	}
	if now.IsZero() {
		return m.cfg.Poll, nil // no data yet
	}
	var errs []error
	wait := time.Duration(math.MaxInt64)
	for _, g := range m.groups {
		interval := time.Duration(g.group.Interval)
		if g.next.IsZero() {
			g.next = now
			if m.cfg.Clock == ClockData && !m.cfg.From.IsZero() {
				g.next = m.cfg.From
			}
			g.next = g.next.Truncate(interval)
		}
		for !g.next.After(now) && ctx.Err() == nil {
			if err := m.evaluateGroup(ctx, g, g.next); err != nil {
				errs = append(errs, err)
			}
			g.next = g.next.Add(interval)
			if m.cfg.Clock == ClockWall && !g.next.After(now) {
				// Live: skip the rounds missed while busy.
				g.next = now.Truncate(interval).Add(interval)
			}
		}
		wait = min(wait, g.next.Sub(now))
	}
	if m.cfg.Clock == ClockData {
		wait = m.cfg.Poll
	}
	return wait, errors.Join(errs...)
}

func (m *Manager) now(ctx context.Context) (time.Time, error) {
	if m.cfg.Clock == ClockWall {
		return m.cfg.Now().UTC(), nil
	}
	t, err := m.analyst.Latest(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("reading the newest article time: %w", err)
	}
	return t.UTC(), nil
}

// Evaluate runs one round of every group at time at (UTC) and queues the
// notifications. The first call restores the active alerts from the alert
// log. Errors of single rules do not stop the others; they are returned
// joined.
func (m *Manager) Evaluate(ctx context.Context, at time.Time) error {
	var errs []error
	for _, g := range m.groups {
		if err := m.evaluateGroup(ctx, g, at); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (m *Manager) evaluateGroup(ctx context.Context, g *groupState, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.restore(ctx); err != nil {
		return err
	}
	at = at.UTC()
	// Rules of a group often ask for the same windows: ask the store once.
	a := &memoAnalyst{Analyst: m.analyst, sums: map[string][]store.DyadSummary{}}
	var errs []error
	for _, rs := range g.rules {
		start := time.Now()
		err := m.evaluateRule(ctx, a, rs, at)
		m.metrics.evalSeconds.Observe(time.Since(start).Seconds())
		if err != nil {
			m.metrics.evalFailures.Inc()
			errs = append(errs, fmt.Errorf("evaluating rule %s of group %s at %s: %w", rs.rule.Alert, g.group.Name, at.Format(time.RFC3339), err))
		}
	}
	return errors.Join(errs...)
}

// restore loads the active alerts from the alert log once.
func (m *Manager) restore(ctx context.Context) error {
	if m.restored || m.alog == nil {
		m.restored = true
		return nil
	}
	recs, err := m.alog.ActiveAlerts(ctx)
	if err != nil {
		return fmt.Errorf("restoring active alerts: %w", err)
	}
	byName := map[string]*ruleState{}
	for _, g := range m.groups {
		for _, rs := range g.rules {
			byName[rs.rule.Alert] = rs
		}
	}
	for _, rec := range recs {
		rs, ok := byName[rec.Rule]
		if !ok {
			m.log.Info("ignoring the stored alert of a rule that no longer exists", zap.String("alert", rec.Rule), zap.String("fingerprint", rec.Fingerprint))
			continue
		}
		inst := &instance{rec: rec, lastTrue: rec.UpdatedAt}
		if rec.State == store.AlertFiring {
			inst.lastSent = rec.UpdatedAt
		}
		rs.active[rec.Fingerprint] = inst
	}
	m.restored = true
	return nil
}

// evaluateRule runs the rule's detector and moves its instances through
// pending, firing and resolved.
func (m *Manager) evaluateRule(ctx context.Context, a store.Analyst, rs *ruleState, at time.Time) error {
	r := rs.rule
	f := r.Select.filter()
	w := r.det.recent()
	sums, err := a.Summaries(ctx, store.Window{From: at.Add(-w), To: at}, f)
	if err != nil {
		return fmt.Errorf("querying recent summaries: %w", err)
	}
	cur := sums[:0:0]
	for _, s := range sums {
		if r.Select.matches(s.Source, s.Target) && s.Articles >= uint64(*r.MinArticles) && s.Outlets >= uint64(*r.MinOutlets) {
			cur = append(cur, s)
		}
	}
	var findings []finding
	if len(cur) > 0 {
		if findings, err = r.det.detect(ctx, a, at, f, cur); err != nil {
			return err
		}
	}
	var errs []error
	seen := map[string]bool{}
	for _, fd := range findings {
		if !fd.active {
			continue
		}
		labels := r.labels(fd.source, fd.target)
		fp := fingerprint(labels)
		seen[fp] = true
		inst := rs.active[fp]
		changed := false
		if inst == nil {
			inst = &instance{rec: store.AlertRecord{
				Fingerprint: fp, Rule: r.Alert, Source: fd.source, Target: fd.target,
				State: store.AlertPending, ActiveAt: at, Labels: labels,
			}}
			rs.active[fp] = inst
			changed = true
		}
		inst.lastTrue = at
		inst.rec.Value = fd.value
		inst.rec.UpdatedAt = at
		if inst.rec.State == store.AlertPending && at.Sub(inst.rec.ActiveAt) >= time.Duration(r.For) {
			inst.rec.State = store.AlertFiring
			inst.rec.FiredAt = at
			changed = true
		}
		if changed || inst.evidence == "" {
			inst.evidence = m.evidence(ctx, fd, at.Add(-w), at)
		}
		inst.rec.Annotations = r.annotate(TemplateData{
			Source: fd.source, Target: fd.target, Before: fd.before, After: fd.after, Value: fd.value,
			Articles: fd.articles, Outlets: fd.outlets, Evidence: inst.evidence, Labels: labels,
		})
		if err := m.save(ctx, inst.rec); err != nil {
			errs = append(errs, err)
		}
		switch {
		case changed && inst.rec.State == store.AlertFiring:
			m.notify(inst, at)
		case inst.rec.State == store.AlertFiring && m.cfg.ResendDelay > 0 && at.Sub(inst.lastSent) >= m.cfg.ResendDelay:
			m.notify(inst, at)
		}
	}
	for _, fp := range sortedFingerprints(rs.active) {
		inst := rs.active[fp]
		if seen[fp] {
			continue
		}
		if inst.rec.State == store.AlertFiring && at.Sub(inst.lastTrue) < time.Duration(r.KeepFiringFor) {
			if m.cfg.ResendDelay > 0 && at.Sub(inst.lastSent) >= m.cfg.ResendDelay {
				m.notify(inst, at)
			}
			continue
		}
		wasFiring := inst.rec.State == store.AlertFiring
		inst.rec.State = store.AlertResolved
		inst.rec.ResolvedAt = at
		inst.rec.UpdatedAt = at
		if err := m.save(ctx, inst.rec); err != nil {
			errs = append(errs, err)
			continue // keep it, to record the resolution next round
		}
		delete(rs.active, fp)
		if wasFiring {
			m.notify(inst, at)
		}
	}
	return errors.Join(errs...)
}

// evidence returns the strongest sentence of the window that points the
// way of the finding (a negative score for a fall), or "".
func (m *Manager) evidence(ctx context.Context, fd finding, from, to time.Time) string {
	rows, err := m.analyst.Evidence(ctx, fd.source, fd.target, store.Window{From: from, To: to}, 10)
	if err != nil {
		m.log.Warn("querying alert evidence", zap.String("source", fd.source), zap.String("target", fd.target), zap.Error(err))
		return ""
	}
	for _, r := range rows {
		if (r.Score < 0) == (fd.value < 0) && r.Score != 0 {
			return r.Sentence
		}
	}
	if len(rows) > 0 {
		return rows[0].Sentence
	}
	return ""
}

func (m *Manager) save(ctx context.Context, rec store.AlertRecord) error {
	if m.alog == nil {
		return nil
	}
	if err := m.alog.SaveAlert(ctx, rec); err != nil {
		return fmt.Errorf("saving alert %s (%s->%s): %w", rec.Rule, rec.Source, rec.Target, err)
	}
	return nil
}

func (m *Manager) notify(inst *instance, at time.Time) {
	inst.lastSent = at
	a := m.alert(inst)
	for _, q := range m.queues {
		q.push(a)
	}
}

func (m *Manager) alert(inst *instance) Alert {
	rec := inst.rec
	rec.Labels = cloneMap(rec.Labels)
	rec.Annotations = cloneMap(rec.Annotations)
	return Alert{AlertRecord: rec, Evidence: inst.evidence, GeneratorURL: m.cfg.GeneratorURL}
}

// Alerts returns the pending and firing alerts, by rule then source and
// target.
func (m *Manager) Alerts() []Alert {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Alert
	for _, g := range m.groups {
		for _, rs := range g.rules {
			for _, fp := range sortedFingerprints(rs.active) {
				out = append(out, m.alert(rs.active[fp]))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Alert) int {
		return strings.Compare(a.Rule+"\x00"+a.Source+"\x00"+a.Target, b.Rule+"\x00"+b.Source+"\x00"+b.Target)
	})
	return out
}

// Flush delivers the queued notifications now, for callers that use
// Evaluate without Run.
func (m *Manager) Flush(ctx context.Context) {
	for _, q := range m.queues {
		q.drain(ctx)
	}
}

// labels returns the labels of the rule's alert for one dyad.
func (r *Rule) labels(source, target string) map[string]string {
	l := cloneMap(r.Labels)
	if l == nil {
		l = map[string]string{}
	}
	l["alertname"] = r.Alert
	l["source"] = source
	l["target"] = target
	return l
}

// TemplateData is what annotation templates see.
type TemplateData struct {
	// Source and Target are the actor codes of the dyad.
	Source, Target string
	// Before is the baseline mean score, After the recent mean.
	Before, After float64
	// Value is the detector's statistic: the change of the mean (shift),
	// the signed CUSUM (cusum) or the mean (threshold).
	Value float64
	// Articles and Outlets count the evidence of the recent window.
	Articles, Outlets uint64
	// Evidence is the strongest sentence behind the alert.
	Evidence string
	// Labels are the alert's labels.
	Labels map[string]string
}

// annotate renders the annotations; a template that fails at run time
// yields its error text, so that the alert still goes out.
func (r *Rule) annotate(d TemplateData) map[string]string {
	out := make(map[string]string, len(r.tmpl))
	for k, t := range r.tmpl {
		var b strings.Builder
		if err := t.Execute(&b, d); err != nil {
			out[k] = fmt.Sprintf("<error rendering %s: %v>", k, err)
			continue
		}
		out[k] = b.String()
	}
	return out
}

// filter returns the store filter of the selector; matches refines it.
func (s *Selector) filter() store.DyadFilter {
	switch {
	case s.Actor != "":
		return store.DyadFilter{Actors: []string{s.Actor}}
	case len(s.Among) > 0:
		return store.DyadFilter{Actors: slices.Clone(s.Among)}
	}
	return store.DyadFilter{Source: s.Source, Target: s.Target}
}

// matches reports whether the selector chooses the dyad.
func (s *Selector) matches(source, target string) bool {
	switch {
	case s.Actor != "":
		return source == s.Actor || target == s.Actor
	case len(s.Among) > 0:
		return slices.Contains(s.Among, source) && slices.Contains(s.Among, target)
	}
	return (s.Source == "" || s.Source == source) && (s.Target == "" || s.Target == target)
}

// fingerprint hashes a label set.
func fingerprint(labels map[string]string) string {
	h := sha256.New()
	for _, k := range sortedKeys(labels) {
		h.Write([]byte(k))
		h.Write([]byte{0})
		h.Write([]byte(labels[k]))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

func sortedFingerprints(m map[string]*instance) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// memoAnalyst remembers the summaries of one evaluation round.
type memoAnalyst struct {
	store.Analyst
	sums map[string][]store.DyadSummary
}

// Summaries returns the remembered summaries of w and f, querying the
// store the first time. Callers must not modify the result.
func (a *memoAnalyst) Summaries(ctx context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	k := fmt.Sprintf("%d %d %s %s %s", w.From.UnixNano(), w.To.UnixNano(), f.Source, f.Target, strings.Join(f.Actors, ","))
	if s, ok := a.sums[k]; ok {
		return s, nil
	}
	s, err := a.Analyst.Summaries(ctx, w, f)
	if err != nil {
		return nil, err
	}
	a.sums[k] = s
	return s, nil
}

// Replay evaluates the rules at every step from start to end (inclusive), as
// a live evaluator would have done over a stored stream, then flushes the
// notifications.
func (m *Manager) Replay(ctx context.Context, start, end time.Time, step time.Duration) error {
	if step <= 0 {
		return fmt.Errorf("replaying alert rules: step %v is not positive", step)
	}
	for at := start; !at.After(end); at = at.Add(step) {
		if err := m.Evaluate(ctx, at); err != nil {
			return fmt.Errorf("evaluating alert rules at %s: %w", at.Format(time.RFC3339), err)
		}
	}
	m.Flush(ctx)
	return nil
}
