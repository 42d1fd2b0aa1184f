package alerts

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/stancemon/stancemon/internal/strictyaml"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/memstore"
)

// TestFile is a rule unit-test file, in the spirit of
// `promtool test rules`:
//
//	rule_files: [stance.yaml]        # relative to the test file; "builtin" is DefaultRules
//	start: 2025-03-01T00:00:00Z      # time of offset 0. Default: 2025-01-01T00:00:00Z
//	tests:
//	  - name: China turns on the Philippines
//	    input_series:
//	      - source: CHN
//	        target: PHL
//	        values:                  # spans of hourly input, offsets from start
//	          - {from: 0h, to: 48h, per_hour: 8, score: -0.1, spread: 0.2, outlets: 4}
//	          - {from: 48h, to: 54h, per_hour: 8, score: -0.7, outlets: 4, sentence: China warned the Philippines.}
//	    alert_rule_test:
//	      - eval_time: 47h
//	        alertname: RelationshipTurnedHostile
//	        exp_alerts: []
//	      - eval_time: 52h
//	        alertname: RelationshipTurnedHostile
//	        exp_alerts:
//	          - exp_labels: {source: CHN, target: PHL, severity: warning}
//	            exp_state: firing    # pending or firing. Default: firing
//	            exp_annotations: {}  # compared only when given
//
// Rules are evaluated at every interval of their group from start up to
// each eval_time, as they would be live.
type TestFile struct {
	RuleFiles []string   `yaml:"rule_files"`
	Start     time.Time  `yaml:"start"`
	Tests     []TestCase `yaml:"tests"`
}

// TestCase is one scenario of a TestFile.
type TestCase struct {
	Name          string          `yaml:"name"`
	InputSeries   []InputSeries   `yaml:"input_series"`
	AlertRuleTest []AlertRuleTest `yaml:"alert_rule_test"`
}

// InputSeries is the input of one directed dyad.
type InputSeries struct {
	Source string      `yaml:"source"`
	Target string      `yaml:"target"`
	Values []InputSpan `yaml:"values"`
}

// InputSpan is a span of hourly input: PerHour articles in every hour of
// [From, To), spread evenly over the hour, scored Score+Spread and
// Score-Spread in turn (so the mean is Score and the standard deviation
// about Spread), from Outlets outlets in turn.
type InputSpan struct {
	From     Duration `yaml:"from"`
	To       Duration `yaml:"to"`
	PerHour  int      `yaml:"per_hour"`
	Score    float64  `yaml:"score"`
	Spread   float64  `yaml:"spread"`
	Outlets  int      `yaml:"outlets"`
	Sentence string   `yaml:"sentence"`
}

// AlertRuleTest checks the alerts of one rule at one time.
type AlertRuleTest struct {
	EvalTime  Duration        `yaml:"eval_time"`
	Alertname string          `yaml:"alertname"`
	ExpAlerts []ExpectedAlert `yaml:"exp_alerts"`
}

// ExpectedAlert is an alert expected to be pending or firing.
type ExpectedAlert struct {
	// ExpLabels are the alert's labels other than alertname.
	ExpLabels map[string]string `yaml:"exp_labels"`
	// ExpState is pending or firing. Default: firing
	ExpState store.AlertState `yaml:"exp_state"`
	// ExpAnnotations, when given, must equal the rendered annotations.
	ExpAnnotations map[string]string `yaml:"exp_annotations"`
}

// defaultTestStart is the time of offset 0 when a test file gives none.
var defaultTestStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// RunTestFile runs the tests of a rule unit-test file and returns one
// error per failed check (nil when all pass).
func RunTestFile(ctx context.Context, path string) error {
	b, err := readLimited(path)
	if err != nil {
		return err
	}
	tf, err := ParseTestFile(path, b)
	if err != nil {
		return err
	}
	var errs []error
	for i, tc := range tf.Tests {
		// Each test gets its own copy of the rules: states are per test.
		rules, err := loadTestRules(path, tf.RuleFiles)
		if err != nil {
			return err
		}
		if err := tc.run(ctx, rules, tf.Start.UTC()); err != nil {
			errs = append(errs, fmt.Errorf("%s: tests[%d] (%s): %w", path, i, tc.Name, err))
		}
	}
	return errors.Join(errs...)
}

// ParseTestFile decodes a rule unit-test file strictly; name is used in
// error messages.
func ParseTestFile(name string, b []byte) (*TestFile, error) {
	var tf TestFile
	if err := strictyaml.Unmarshal(b, &tf); err != nil {
		var e *strictyaml.Error
		if errors.As(err, &e) {
			e.File = name
		}
		return nil, err
	}
	if len(tf.Tests) == 0 {
		return nil, &strictyaml.Error{File: name, Msg: "tests: a test file needs at least one test"}
	}
	if len(tf.RuleFiles) == 0 {
		return nil, &strictyaml.Error{File: name, Msg: "rule_files: a test file needs at least one rule file (or builtin)"}
	}
	if tf.Start.IsZero() {
		tf.Start = defaultTestStart
	}
	return &tf, nil
}

func loadTestRules(testPath string, files []string) (*RuleSet, error) {
	paths := make([]string, len(files))
	for i, f := range files {
		if f != Builtin && !filepath.IsAbs(f) {
			f = filepath.Join(filepath.Dir(testPath), f)
		}
		paths[i] = f
	}
	rs, err := LoadRules(paths...)
	if err != nil {
		return nil, fmt.Errorf("%s: rule_files: %w", testPath, err)
	}
	return rs, nil
}

// events generates the stance events of the input series.
func (tc *TestCase) events(start time.Time) ([]store.EvidenceRow, error) {
	var out []store.EvidenceRow
	for si, s := range tc.InputSeries {
		if s.Source == "" || s.Target == "" {
			return nil, fmt.Errorf("input_series[%d]: source and target are required", si)
		}
		for vi, v := range s.Values {
			switch {
			case v.To <= v.From:
				return nil, fmt.Errorf("input_series[%d].values[%d]: to (%s) must be after from (%s)", si, vi, v.To, v.From)
			case v.PerHour < 1:
				return nil, fmt.Errorf("input_series[%d].values[%d]: per_hour must be at least 1", si, vi)
			case v.Score < -1 || v.Score > 1 || v.Spread < 0:
				return nil, fmt.Errorf("input_series[%d].values[%d]: score must be between -1 and 1 and spread not negative", si, vi)
			}
			outlets := max(v.Outlets, 1)
			n := 0
			for h := time.Duration(v.From); h < time.Duration(v.To); h += time.Hour {
				for i := range v.PerHour {
					at := start.Add(h + time.Duration(i)*time.Hour/time.Duration(v.PerHour) + time.Minute)
					score := v.Score + v.Spread
					if n%2 == 1 {
						score = v.Score - v.Spread
					}
					sentence := v.Sentence
					if sentence == "" {
						sentence = fmt.Sprintf("%s and %s: input sentence %d.", s.Source, s.Target, n)
					}
					out = append(out, store.EvidenceRow{
						PublishedAt: at, ArticleID: fmt.Sprintf("%s-%s-%d-%d", s.Source, s.Target, vi, n),
						Outlet: fmt.Sprintf("outlet-%d", n%outlets+1), Source: s.Source, Target: s.Target,
						Score: max(-1, min(1, score)), Confidence: 1, Sentence: sentence,
					})
					n++
				}
			}
		}
	}
	return out, nil
}

func (tc *TestCase) run(ctx context.Context, rules *RuleSet, start time.Time) error {
	events, err := tc.events(start)
	if err != nil {
		return err
	}
	m, err := NewManager(Config{Rules: rules}, memstore.From(events...), nil)
	if err != nil {
		return err
	}
	checks := slices.Clone(tc.AlertRuleTest)
	slices.SortStableFunc(checks, func(a, b AlertRuleTest) int { return int(a.EvalTime - b.EvalTime) })
	next := make([]time.Time, len(m.groups))
	for i := range next {
		next[i] = start
	}
	var errs []error
	for _, c := range checks {
		until := start.Add(time.Duration(c.EvalTime))
		// Evaluate every group at each of its intervals up to until, in
		// time order.
		for {
			gi := -1
			for i, t := range next {
				if !t.After(until) && (gi < 0 || t.Before(next[gi])) {
					gi = i
				}
			}
			if gi < 0 {
				break
			}
			if err := m.evaluateGroup(ctx, m.groups[gi], next[gi]); err != nil {
				return err
			}
			next[gi] = next[gi].Add(time.Duration(m.groups[gi].group.Interval))
		}
		if err := c.check(m.Alerts()); err != nil {
			errs = append(errs, fmt.Errorf("eval_time %s, alertname %s: %w", c.EvalTime, c.Alertname, err))
		}
	}
	return errors.Join(errs...)
}

// check compares the alerts of the rule with the expected ones.
func (c *AlertRuleTest) check(all []Alert) error {
	var got []string
	byLabels := map[string]Alert{}
	for _, a := range all {
		if a.Rule != c.Alertname {
			continue
		}
		l := maps.Clone(a.Labels)
		delete(l, "alertname")
		k := labelString(l)
		got = append(got, k+" "+string(a.State))
		byLabels[k] = a
	}
	var want []string
	var errs []error
	for _, e := range c.ExpAlerts {
		state := e.ExpState
		if state == "" {
			state = store.AlertFiring
		}
		k := labelString(e.ExpLabels)
		want = append(want, k+" "+string(state))
		if a, ok := byLabels[k]; ok && e.ExpAnnotations != nil && !maps.Equal(a.Annotations, e.ExpAnnotations) {
			errs = append(errs, fmt.Errorf("annotations of %s: got %v, want %v", k, a.Annotations, e.ExpAnnotations))
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		errs = append([]error{fmt.Errorf("got alerts [%s], want [%s]", strings.Join(got, ", "), strings.Join(want, ", "))}, errs...)
	}
	return errors.Join(errs...)
}

// labelString formats labels as {a="x", b="y"}, sorted.
func labelString(l map[string]string) string {
	parts := make([]string, 0, len(l))
	for _, k := range sortedKeys(l) {
		parts = append(parts, fmt.Sprintf("%s=%q", k, l[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
