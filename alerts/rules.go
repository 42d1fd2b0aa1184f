package alerts

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/stancemon/stancemon/internal/strictyaml"
)

// MaxRuleFileBytes is the size limit of one rule file.
const MaxRuleFileBytes = 1 << 20

// RuleSet is the content of rule files: groups of alert rules.
type RuleSet struct {
	// Groups are evaluated independently, each at its own interval.
	Groups []Group `yaml:"groups"`
}

// Group is a named list of rules evaluated together.
type Group struct {
	// Name identifies the group; unique within a rule set. Required.
	Name string `yaml:"name"`
	// Interval is the time between two evaluations. Default: 1m
	Interval Duration `yaml:"interval"`
	// Rules are the alert rules of the group.
	Rules []Rule `yaml:"rules"`
}

// Rule is one alert rule: a detector applied to each selected dyad.
type Rule struct {
	// Alert is the alert name (label alertname); unique within a rule set.
	// Required.
	Alert string `yaml:"alert"`
	// Select chooses the dyads the rule watches. Default: every dyad
	Select Selector `yaml:"select"`
	// Detector decides whether a dyad's stance is alerting. Required.
	Detector DetectorSpec `yaml:"detector"`
	// MinArticles is the number of articles a dyad needs in the detector's
	// recent window (and in its baseline window, when it has one), at
	// least 2. Default: 10
	MinArticles *int `yaml:"min_articles"`
	// MinOutlets is the number of distinct outlets a dyad needs in the
	// recent window. Default: 2
	MinOutlets *int `yaml:"min_outlets"`
	// For is how long the condition must hold before the alert fires; until
	// then it is pending. Default: 0 (fires at once)
	For Duration `yaml:"for"`
	// KeepFiringFor keeps a firing alert firing this long after its
	// condition stopped holding. Default: 0
	KeepFiringFor Duration `yaml:"keep_firing_for"`
	// Labels are added to the labels of every alert of the rule
	// (alertname, source, target).
	Labels map[string]string `yaml:"labels"`
	// Annotations are Go text/template strings over TemplateData.
	Annotations map[string]string `yaml:"annotations"`

	det  detector                      // compiled by validate
	tmpl map[string]*template.Template // compiled by validate
}

// Selector chooses dyads: either Source and/or Target, or Actor (dyads
// with the actor on either side), or Among (dyads between two actors of
// the list). The empty selector chooses every dyad.
type Selector struct {
	// Source is the code of the acting side.
	Source string `yaml:"source"`
	// Target is the code of the side acted upon.
	Target string `yaml:"target"`
	// Actor is a code on either side.
	Actor string `yaml:"actor"`
	// Among lists codes; both sides must be in it.
	Among []string `yaml:"among"`
}

// DetectorSpec configures a detector. Type chooses it; the other fields
// are its parameters and must belong to that type:
//
//	shift:     recent, baseline, z, min_delta, direction
//	cusum:     recent, baseline, k, h, direction
//	threshold: op, value, window
type DetectorSpec struct {
	// Type is shift, cusum or threshold. Required.
	Type string `yaml:"type"`
	// Recent is the window that is compared with the baseline, ending at
	// the evaluation time. Default: 3h (shift), 12h (cusum)
	Recent *Duration `yaml:"recent"`
	// Baseline is the window before Recent that gives the usual stance.
	// Default: 48h
	Baseline *Duration `yaml:"baseline"`
	// Z is how many standard errors the recent mean must move from the
	// baseline mean: the standard error of the difference of the two
	// means, from the standard deviation and article count of each window
	// (a Welch test), so that a short or thin window needs a larger move.
	// Default: 3
	Z *float64 `yaml:"z"`
	// MinDelta is the smallest move of the mean that alerts, in score
	// units. Default: 0.3
	MinDelta *float64 `yaml:"min_delta"`
	// Direction is down (toward hostility), up or both. Default: both
	Direction string `yaml:"direction"`
	// K is the CUSUM slack, in standard errors per hourly bucket.
	// Default: 0.5
	K *float64 `yaml:"k"`
	// H is the CUSUM decision threshold, in standard errors. Default: 5
	H *float64 `yaml:"h"`
	// Op is the threshold comparison: <, <=, > or >=. Required for
	// threshold.
	Op string `yaml:"op"`
	// Value is the threshold the mean is compared with. Required for
	// threshold.
	Value *float64 `yaml:"value"`
	// Window is the span of the threshold mean. Default: 24h
	Window *Duration `yaml:"window"`
}

// Duration is a time.Duration written as in Prometheus: "90s", "5m",
// "48h", "7d", "1w" or a combination ("1d12h").
type Duration time.Duration

// UnmarshalYAML decodes a duration string, with its place in errors.
func (d *Duration) UnmarshalYAML(node ast.Node) error {
	s, ok := node.(*ast.StringNode)
	var text string
	if ok {
		text = s.Value
	} else if node != nil {
		text = node.String()
	}
	v, err := ParseDuration(text)
	if err != nil {
		return strictyaml.At(node, "%v", err)
	}
	*d = Duration(v)
	return nil
}

// String formats d like time.Duration, with days and weeks as hours.
func (d Duration) String() string { return time.Duration(d).String() }

var durationRE = regexp.MustCompile(`^(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$`)

// ParseDuration parses a Prometheus duration such as "5m", "7d" or
// "1d12h". "0" is zero.
func ParseDuration(s string) (time.Duration, error) {
	if s == "0" {
		return 0, nil
	}
	m := durationRE.FindStringSubmatch(s)
	if s == "" || m == nil {
		return 0, fmt.Errorf("invalid duration %q: want a number and a unit (ms, s, m, h, d, w), such as 90s, 5m, 48h or 7d", s)
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second, time.Millisecond}
	var d time.Duration
	for i, u := range units {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 64)
		if err != nil || n > int64((1<<63-1)/u) || d > time.Duration(1<<63-1)-time.Duration(n)*u {
			return 0, fmt.Errorf("invalid duration %q: too long", s)
		}
		d += time.Duration(n) * u
	}
	return d, nil
}

//go:embed rules/default.yaml
var defaultRules []byte

// DefaultRules returns the built-in rules (alerts/rules/default.yaml):
// sharp turns toward hostility or warmth of any dyad with enough
// evidence, as `stancemon demo` uses them.
func DefaultRules() *RuleSet {
	rs, err := ParseRules("rules/default.yaml", defaultRules)
	if err != nil {
		// The file is embedded and tested: it cannot fail at run time.
		panic(fmt.Sprintf("alerts: built-in rules are invalid: %v", err))
	}
	return rs
}

// Builtin names the built-in rule set in LoadRules and rule test files.
const Builtin = "builtin"

// LoadRules reads and validates the rule files at paths (Builtin is the
// built-in rule set) and merges their groups. Errors name the file, line
// and column.
func LoadRules(paths ...string) (*RuleSet, error) {
	all := &RuleSet{}
	var errs []error
	for _, p := range paths {
		if p == Builtin {
			all.Groups = append(all.Groups, DefaultRules().Groups...)
			continue
		}
		b, err := readLimited(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rs, err := ParseRules(p, b)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all.Groups = append(all.Groups, rs.Groups...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(paths) > 1 {
		// Names must be unique across files too.
		if err := all.Validate(); err != nil {
			return nil, err
		}
	}
	return all, nil
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading rule file: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxRuleFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading rule file %s: %w", path, err)
	}
	if len(b) > MaxRuleFileBytes {
		return nil, &strictyaml.Error{File: path, Msg: fmt.Sprintf("rule file is larger than the limit of %d bytes", MaxRuleFileBytes)}
	}
	return b, nil
}

// ParseRules decodes a rule file strictly and validates it; name is used
// in error messages. Errors are *strictyaml.Error values (joined), each
// with the file, line and column when known.
func ParseRules(name string, b []byte) (*RuleSet, error) {
	if len(b) > MaxRuleFileBytes {
		return nil, &strictyaml.Error{File: name, Msg: fmt.Sprintf("rule file is %d bytes, larger than the limit of %d bytes", len(b), MaxRuleFileBytes)}
	}
	rs := &RuleSet{}
	if len(bytes.TrimSpace(b)) > 0 {
		if err := strictyaml.Unmarshal(b, rs); err != nil {
			var e *strictyaml.Error
			if errors.As(err, &e) {
				e.File = name
				return nil, e
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	probs := rs.validate()
	if len(probs) == 0 {
		return rs, nil
	}
	loc := strictyaml.NewLocator(b)
	located := make([]*strictyaml.Error, len(probs))
	for i, p := range probs {
		e := &strictyaml.Error{File: name, Msg: p.msg}
		e.Line, e.Column = loc.Locate(p.path)
		located[i] = e
	}
	slices.SortStableFunc(located, func(a, b *strictyaml.Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	errs := make([]error, len(located))
	for i, e := range located {
		errs[i] = e
	}
	return nil, errors.Join(errs...)
}

// problem is a validation error at a YAML path.
type problem struct {
	path string // YAML path of the offending value, such as $.groups[0].name
	msg  string
}

// Validate checks the rule set, fills in defaults and compiles the
// detectors and annotation templates. It returns the problems found,
// joined, in plain sentences that name the field.
func (rs *RuleSet) Validate() error {
	probs := rs.validate()
	if len(probs) == 0 {
		return nil
	}
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = errors.New(p.msg)
	}
	return errors.Join(errs...)
}

var (
	nameRE  = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)
	actorRE = regexp.MustCompile(`^[A-Z]{2,8}$`)
)

// reservedLabels are set by the evaluator.
var reservedLabels = []string{"alertname", "source", "target"}

func (rs *RuleSet) validate() []problem {
	var probs []problem
	if len(rs.Groups) == 0 {
		probs = append(probs, problem{"$", "groups: a rule file needs at least one group"})
	}
	groups := map[string]bool{}
	alerts := map[string]string{}
	for gi := range rs.Groups {
		g := &rs.Groups[gi]
		gp := fmt.Sprintf("$.groups[%d]", gi)
		where := fmt.Sprintf("groups[%d]", gi)
		add := func(path, format string, args ...any) {
			probs = append(probs, problem{path, where + ": " + fmt.Sprintf(format, args...)})
		}
		switch {
		case strings.TrimSpace(g.Name) == "":
			add(gp, "name: a group needs a name")
		case groups[g.Name]:
			add(gp+".name", "name: group %q is defined more than once", g.Name)
		}
		groups[g.Name] = true
		where = fmt.Sprintf("groups[%d] (%s)", gi, g.Name)
		switch {
		case g.Interval == 0:
			g.Interval = Duration(time.Minute)
		case g.Interval < Duration(time.Second):
			add(gp+".interval", "interval: must be at least 1s, got %s", g.Interval)
		}
		if len(g.Rules) == 0 {
			add(gp, "rules: a group needs at least one rule")
		}
		for ri := range g.Rules {
			r := &g.Rules[ri]
			rp := fmt.Sprintf("%s.rules[%d]", gp, ri)
			rwhere := fmt.Sprintf("%s: rules[%d] (%s)", where, ri, r.Alert)
			for _, p := range r.validate() {
				probs = append(probs, problem{rp + p.path, rwhere + ": " + p.msg})
			}
			if other, ok := alerts[r.Alert]; ok && r.Alert != "" {
				probs = append(probs, problem{rp + ".alert", fmt.Sprintf("%s: alert: %q is already defined in %s", rwhere, r.Alert, other)})
			} else {
				alerts[r.Alert] = fmt.Sprintf("group %q", g.Name)
			}
		}
	}
	return probs
}

// validate checks one rule; paths are relative to the rule ("" is the rule
// itself, ".for" a field).
func (r *Rule) validate() []problem {
	var probs []problem
	add := func(path, format string, args ...any) {
		probs = append(probs, problem{path, fmt.Sprintf(format, args...)})
	}
	if r.Alert == "" {
		add("", "alert: a rule needs an alert name")
	} else if !nameRE.MatchString(r.Alert) {
		add(".alert", "alert: %q must be letters, digits and underscores, not starting with a digit", r.Alert)
	}
	probs = append(probs, r.Select.validate()...)
	if r.MinArticles == nil {
		r.MinArticles = ptr(10)
	} else if *r.MinArticles < 2 {
		add(".min_articles", "min_articles: must be at least 2 so that one article cannot fire an alert, got %d", *r.MinArticles)
	}
	if r.MinOutlets == nil {
		r.MinOutlets = ptr(2)
	} else if *r.MinOutlets < 1 {
		add(".min_outlets", "min_outlets: must be at least 1, got %d", *r.MinOutlets)
	}
	if r.For < 0 {
		add(".for", "for: must not be negative, got %s", r.For)
	}
	if r.KeepFiringFor < 0 {
		add(".keep_firing_for", "keep_firing_for: must not be negative, got %s", r.KeepFiringFor)
	}
	for _, k := range sortedKeys(r.Labels) {
		switch {
		case !nameRE.MatchString(k):
			add(".labels."+k, "labels: label name %q must be letters, digits and underscores, not starting with a digit", k)
		case slices.Contains(reservedLabels, k):
			add(".labels."+k, "labels: label %q is set by the evaluator and cannot be set by a rule", k)
		case r.Labels[k] == "":
			add(".labels."+k, "labels: label %q has an empty value", k)
		}
	}
	r.tmpl = map[string]*template.Template{}
	for _, k := range sortedKeys(r.Annotations) {
		if !nameRE.MatchString(k) {
			add(".annotations."+k, "annotations: name %q must be letters, digits and underscores, not starting with a digit", k)
			continue
		}
		t, err := template.New(k).Option("missingkey=zero").Parse(r.Annotations[k])
		if err != nil {
			add(".annotations."+k, "annotations: %s: %v", k, err)
			continue
		}
		if err := t.Execute(discard{}, TemplateData{Labels: map[string]string{}}); err != nil {
			add(".annotations."+k, "annotations: %s: %v", k, err)
			continue
		}
		r.tmpl[k] = t
	}
	det, dprobs := r.Detector.compile(*r.MinArticles)
	for _, p := range dprobs {
		probs = append(probs, problem{".detector" + p.path, "detector: " + p.msg})
	}
	r.det = det
	return probs
}

func (s *Selector) validate() []problem {
	var probs []problem
	add := func(path, format string, args ...any) {
		probs = append(probs, problem{".select" + path, "select: " + fmt.Sprintf(format, args...)})
	}
	kinds := 0
	if s.Source != "" || s.Target != "" {
		kinds++
	}
	if s.Actor != "" {
		kinds++
	}
	if len(s.Among) > 0 {
		kinds++
	}
	if kinds > 1 {
		add("", "use one of source/target, actor or among, not several")
	}
	check := func(field, code string) {
		if code != "" && !actorRE.MatchString(code) {
			add("."+field, "%s: %q is not an actor code (2 to 8 upper-case letters, such as CHN or NATO)", field, code)
		}
	}
	check("source", s.Source)
	check("target", s.Target)
	check("actor", s.Actor)
	for i, c := range s.Among {
		check(fmt.Sprintf("among[%d]", i), c)
	}
	if s.Source != "" && s.Source == s.Target {
		add(".target", "target: must differ from source")
	}
	if len(s.Among) == 1 {
		add(".among", "among: needs at least two actors")
	}
	return probs
}

func ptr[T any](v T) *T { return &v }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
