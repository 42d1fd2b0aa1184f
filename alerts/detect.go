package alerts

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/stancemon/stancemon/store"
)

// finding is a detector's verdict on one dyad at one evaluation time.
type finding struct {
	source, target string
	// active is true when the rule's condition holds.
	active bool
	// value is the detector's statistic: the change of the mean (shift),
	// the signed CUSUM (cusum) or the mean (threshold). Its sign is the
	// direction of the evidence that explains the alert.
	value float64
	// before and after are the baseline and recent means (both the mean
	// for threshold).
	before, after     float64
	articles, outlets uint64
}

// detector decides, per dyad, whether a rule's condition holds.
type detector interface {
	// recent is the window of evidence ending at the evaluation time that
	// the rule's min_articles and min_outlets apply to.
	recent() time.Duration
	// detect judges the dyads of cur, the summaries of the recent window
	// that have enough evidence, at time at.
	detect(ctx context.Context, a store.Analyst, at time.Time, f store.DyadFilter, cur []store.DyadSummary) ([]finding, error)
}

// direction restricts a detector to falls, rises or both.
type direction int

const (
	both direction = iota
	down
	up
)

func (d direction) matches(delta float64) bool {
	switch d {
	case down:
		return delta < 0
	case up:
		return delta > 0
	}
	return delta != 0
}

// minStdDev keeps standard errors meaningful when a baseline happens to be
// uniform (a dyad scored the same in every article).
const minStdDev = 0.05

// compile checks the parameters of the detector type, fills in defaults
// and builds the detector.
func (d *DetectorSpec) compile(minArticles int) (detector, []problem) {
	var probs []problem
	add := func(path, format string, args ...any) {
		probs = append(probs, problem{path, fmt.Sprintf(format, args...)})
	}
	set := map[string]bool{
		"recent": d.Recent != nil, "baseline": d.Baseline != nil, "z": d.Z != nil,
		"min_delta": d.MinDelta != nil, "direction": d.Direction != "", "k": d.K != nil,
		"h": d.H != nil, "op": d.Op != "", "value": d.Value != nil, "window": d.Window != nil,
	}
	allowed := map[string][]string{
		"shift":     {"recent", "baseline", "z", "min_delta", "direction"},
		"cusum":     {"recent", "baseline", "k", "h", "direction"},
		"threshold": {"op", "value", "window"},
	}
	params, ok := allowed[d.Type]
	if !ok {
		if d.Type == "" {
			add("", "type: a detector needs a type: shift, cusum or threshold")
		} else {
			add(".type", "type: %q is not one of shift, cusum or threshold", d.Type)
		}
		return nil, probs
	}
	for _, k := range []string{"recent", "baseline", "z", "min_delta", "direction", "k", "h", "op", "value", "window"} {
		if set[k] && !slices.Contains(params, k) {
			add("."+k, "%s: is not a parameter of the %s detector (it takes %v)", k, d.Type, params)
		}
	}
	positiveDur := func(name string, p **Duration, def time.Duration) time.Duration {
		if *p == nil {
			*p = ptr(Duration(def))
		} else if **p <= 0 {
			add("."+name, "%s: must be positive, got %s", name, **p)
		}
		return time.Duration(**p)
	}
	positive := func(name string, p **float64, def float64) float64 {
		if *p == nil {
			*p = ptr(def)
		} else if !(**p > 0) || math.IsInf(**p, 0) {
			add("."+name, "%s: must be a positive number, got %v", name, **p)
		}
		return **p
	}
	dir := func() direction {
		switch d.Direction {
		case "", "both":
			d.Direction = "both"
			return both
		case "down":
			return down
		case "up":
			return up
		}
		add(".direction", "direction: %q is not one of down, up or both", d.Direction)
		return both
	}
	var det detector
	switch d.Type {
	case "shift":
		det = &shiftDetector{
			recentW:     positiveDur("recent", &d.Recent, 3*time.Hour),
			baselineW:   positiveDur("baseline", &d.Baseline, 48*time.Hour),
			z:           positive("z", &d.Z, 3),
			minDelta:    positive("min_delta", &d.MinDelta, 0.3),
			dir:         dir(),
			minArticles: minArticles,
		}
	case "cusum":
		c := &cusumDetector{
			recentW:     positiveDur("recent", &d.Recent, 12*time.Hour),
			baselineW:   positiveDur("baseline", &d.Baseline, 48*time.Hour),
			k:           positive("k", &d.K, 0.5),
			h:           positive("h", &d.H, 5),
			dir:         dir(),
			minArticles: minArticles,
		}
		if c.recentW%time.Hour != 0 {
			add(".recent", "recent: must be a whole number of hours for the cusum detector (it sums hourly buckets), got %s", c.recentW)
		}
		det = c
	case "threshold":
		t := &thresholdDetector{window: positiveDur("window", &d.Window, 24*time.Hour), op: d.Op}
		if !slices.Contains([]string{"<", "<=", ">", ">="}, d.Op) {
			add(".op", "op: %q is not one of <, <=, > or >=", d.Op)
		}
		if d.Value == nil {
			add("", "value: the threshold detector needs a value")
		} else if !(*d.Value >= -1 && *d.Value <= 1) {
			add(".value", "value: must be between -1 and 1, got %v", *d.Value)
		} else {
			t.value = *d.Value
		}
		det = t
	}
	return det, probs
}

// key identifies a dyad in maps.
func key(source, target string) string { return source + "->" + target }

// baselines returns the summaries of the window [at-recent-baseline,
// at-recent) with at least minArticles articles, by dyad.
func baselines(ctx context.Context, a store.Analyst, at time.Time, recent, baseline time.Duration, f store.DyadFilter, minArticles int) (map[string]store.DyadSummary, error) {
	end := at.Add(-recent)
	sums, err := a.Summaries(ctx, store.Window{From: end.Add(-baseline), To: end}, f)
	if err != nil {
		return nil, fmt.Errorf("querying baseline summaries: %w", err)
	}
	m := make(map[string]store.DyadSummary, len(sums))
	for _, s := range sums {
		if s.Articles >= uint64(minArticles) {
			m[key(s.Source, s.Target)] = s
		}
	}
	return m, nil
}

// shiftDetector compares the mean of a recent window with the mean of the
// baseline window before it.
type shiftDetector struct {
	recentW, baselineW time.Duration
	z, minDelta        float64
	dir                direction
	minArticles        int
}

func sq(x float64) float64 { return x * x }

func (s *shiftDetector) recent() time.Duration { return s.recentW }

func (s *shiftDetector) detect(ctx context.Context, a store.Analyst, at time.Time, f store.DyadFilter, cur []store.DyadSummary) ([]finding, error) {
	base, err := baselines(ctx, a, at, s.recentW, s.baselineW, f, s.minArticles)
	if err != nil {
		return nil, err
	}
	out := make([]finding, 0, len(cur))
	for _, c := range cur {
		fd := finding{source: c.Source, target: c.Target, after: c.MeanScore, articles: c.Articles, outlets: c.Outlets}
		if b, ok := base[key(c.Source, c.Target)]; ok {
			delta := c.MeanScore - b.MeanScore
			se := math.Sqrt(sq(max(b.StdDev, minStdDev))/float64(b.Articles) + sq(max(c.StdDev, minStdDev))/float64(c.Articles))
			fd.before, fd.value = b.MeanScore, delta
			fd.active = s.dir.matches(delta) && math.Abs(delta) >= s.minDelta && math.Abs(delta) >= s.z*se
		}
		out = append(out, fd)
	}
	return out, nil
}

// cusumDetector runs a CUSUM over the hourly means of the recent window,
// standardised by the baseline mean and standard deviation.
type cusumDetector struct {
	recentW, baselineW time.Duration
	k, h               float64
	dir                direction
	minArticles        int
}

func (c *cusumDetector) recent() time.Duration { return c.recentW }

func (c *cusumDetector) detect(ctx context.Context, a store.Analyst, at time.Time, f store.DyadFilter, cur []store.DyadSummary) ([]finding, error) {
	base, err := baselines(ctx, a, at, c.recentW, c.baselineW, f, c.minArticles)
	if err != nil {
		return nil, err
	}
	out := make([]finding, 0, len(cur))
	for _, s := range cur {
		fd := finding{source: s.Source, target: s.Target, after: s.MeanScore, articles: s.Articles, outlets: s.Outlets}
		b, ok := base[key(s.Source, s.Target)]
		if !ok {
			out = append(out, fd)
			continue
		}
		fd.before = b.MeanScore
		series, err := a.Series(ctx, s.Source, s.Target, store.Window{From: at.Add(-c.recentW), To: at}, time.Hour)
		if err != nil {
			return nil, fmt.Errorf("querying the series of %s->%s: %w", s.Source, s.Target, err)
		}
		sd := max(b.StdDev, minStdDev)
		var lo, hi float64 // one-sided sums of falls and rises
		for _, p := range series {
			if p.Articles == 0 {
				continue
			}
			x := (p.MeanScore - b.MeanScore) / (sd / math.Sqrt(float64(p.Articles)))
			lo = max(0, lo-x-c.k)
			hi = max(0, hi+x-c.k)
		}
		switch {
		case c.dir == down || (c.dir == both && lo >= hi):
			fd.value = -lo
		default:
			fd.value = hi
		}
		fd.active = math.Abs(fd.value) > c.h
		out = append(out, fd)
	}
	return out, nil
}

// thresholdDetector compares the mean of a window with a fixed value.
type thresholdDetector struct {
	window time.Duration
	op     string
	value  float64
}

func (t *thresholdDetector) recent() time.Duration { return t.window }

func (t *thresholdDetector) detect(_ context.Context, _ store.Analyst, _ time.Time, _ store.DyadFilter, cur []store.DyadSummary) ([]finding, error) {
	out := make([]finding, 0, len(cur))
	for _, c := range cur {
		m := c.MeanScore
		var active bool
		switch t.op {
		case "<":
			active = m < t.value
		case "<=":
			active = m <= t.value
		case ">":
			active = m > t.value
		case ">=":
			active = m >= t.value
		}
		out = append(out, finding{
			source: c.Source, target: c.Target, active: active, value: m,
			before: m, after: m, articles: c.Articles, outlets: c.Outlets,
		})
	}
	return out, nil
}
