package web

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
)

// namedSpan is a window length or a step that the API offers by name.
type namedSpan struct {
	Name string
	Span time.Duration
}

// windows are the named windows, shortest first.
var windows = []namedSpan{
	{"24h", 24 * time.Hour},
	{"7d", 7 * 24 * time.Hour},
	{"30d", 30 * 24 * time.Hour},
}

// steps are the series bucket widths the API offers by name.
var steps = []namedSpan{
	{"1h", time.Hour},
	{"6h", 6 * time.Hour},
	{"1d", 24 * time.Hour},
}

// Bounds of the query parameters and of the results.
const (
	// maxBuckets bounds the buckets of one series: 90 days of hours.
	maxBuckets = 90 * 24
	// maxMinArticles bounds min_articles.
	maxMinArticles = 1_000_000
	// maxBaseline bounds baseline, in windows.
	maxBaseline = 30
	// defaultBaseline is the baseline of the movers, in windows.
	defaultBaseline = 7
)

// Time bounds that every backend can represent (ClickHouse DateTime).
var (
	minTime = time.Date(1970, 1, 1, 0, 0, 1, 0, time.UTC)
	maxTime = time.Date(2105, 12, 31, 0, 0, 0, 0, time.UTC)
)

// actorPattern is what an actor code looks like: ISO 3166-1 alpha-3 or an
// organisation code such as NATO.
var actorPattern = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,9}$`)

// field is one query parameter of the API, as a bit of a set.
type field uint16

// The query parameters of the API.
const (
	fWindow field = 1 << iota
	fFrom
	fTo
	fSource
	fTarget
	fActor
	fLimit
	fMinArticles
	fStep
	fBaseline
)

// fieldNames are the parameter names, in the order of the bits.
var fieldNames = []string{"window", "from", "to", "source", "target", "actor", "limit", "min_articles", "step", "baseline"}

// fieldNamed returns the field of a parameter name, or 0 when unknown.
func fieldNamed(name string) field {
	if i := slices.Index(fieldNames, name); i >= 0 {
		return 1 << i
	}
	return 0
}

// endpoint says which parameters an endpoint takes and their defaults.
type endpoint struct {
	// accept is the set of parameters the endpoint takes; others are errors.
	accept field
	// require is the set of parameters that must be given.
	require field
	// defaultLimit and maxLimit bound limit.
	defaultLimit, maxLimit int
	// defaultMinArticles is min_articles when it is not given.
	defaultMinArticles uint64
}

// params is a decoded query.
type params struct {
	// Window is the time range: a named window ending at the anchor, or
	// [from, to).
	Window store.Window
	// WindowName is the name of the window, or "" for from/to.
	WindowName string
	// Source, Target and Actor are actor codes, "" when not given.
	Source, Target, Actor string
	// Limit is the result size bound.
	Limit int
	// MinArticles is the minimum number of articles of a dyad.
	MinArticles uint64
	// Step is the bucket width of a series.
	Step time.Duration
	// Baseline is the length of the movers' baseline, in windows.
	Baseline int
}

// Span returns the length of the window.
func (p params) Span() time.Duration { return p.Window.To.Sub(p.Window.From) }

// paramError is a bad query parameter; the API answers 400 with it.
type paramError struct {
	Param string
	Msg   string
}

func (e *paramError) Error() string { return e.Param + ": " + e.Msg }

func errParam(param, format string, args ...any) error {
	return &paramError{Param: param, Msg: fmt.Sprintf(format, args...)}
}

// decodeQuery parses and validates the raw query string of a request to
// endpoint e. Named windows end at anchor. Unknown and repeated parameters
// are errors, as are values out of range: every error is a *paramError.
func decodeQuery(raw string, e endpoint, anchor time.Time) (params, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return params{}, errParam("query", "cannot be parsed: %v", err)
	}
	var given field
	for _, name := range slices.Sorted(maps.Keys(v)) {
		if name == "" {
			return params{}, errParam("query", "has a value without a parameter name")
		}
		f := fieldNamed(name)
		if f == 0 || e.accept&f == 0 {
			return params{}, errParam(truncate(name), "unknown parameter")
		}
		if len(v[name]) > 1 {
			return params{}, errParam(name, "given more than once")
		}
		given |= f
	}
	for i, name := range fieldNames {
		if f := field(1) << i; e.require&f != 0 && given&f == 0 {
			return params{}, errParam(name, "is required")
		}
	}
	p := params{Limit: e.defaultLimit, MinArticles: e.defaultMinArticles, Baseline: defaultBaseline}
	if err := p.decodeWindow(v, given, anchor); err != nil {
		return params{}, err
	}
	for _, a := range []struct {
		name string
		dst  *string
	}{{"source", &p.Source}, {"target", &p.Target}, {"actor", &p.Actor}} {
		if given&fieldNamed(a.name) != 0 {
			s := v.Get(a.name)
			if !actorPattern.MatchString(s) {
				return params{}, errParam(a.name, "%q is not an actor code (3 to 10 capital letters or digits, starting with a letter, such as USA or NATO)", truncate(s))
			}
			*a.dst = s
		}
	}
	if p.Source != "" && p.Source == p.Target {
		return params{}, errParam("target", "is the same as source")
	}
	if given&fLimit != 0 {
		n, err := decodeInt(v.Get("limit"), "limit", 1, e.maxLimit)
		if err != nil {
			return params{}, err
		}
		p.Limit = n
	}
	if given&fMinArticles != 0 {
		n, err := decodeInt(v.Get("min_articles"), "min_articles", 0, maxMinArticles)
		if err != nil {
			return params{}, err
		}
		p.MinArticles = uint64(n)
	}
	if given&fBaseline != 0 {
		n, err := decodeInt(v.Get("baseline"), "baseline", 1, maxBaseline)
		if err != nil {
			return params{}, err
		}
		p.Baseline = n
	}
	if e.accept&fStep != 0 {
		if err := p.decodeStep(v.Get("step"), given&fStep != 0); err != nil {
			return params{}, err
		}
	}
	return p, nil
}

// decodeWindow sets the window from window, or from and to; the default
// is the shortest named window.
func (p *params) decodeWindow(v url.Values, given field, anchor time.Time) error {
	switch {
	case given&fWindow != 0 && given&(fFrom|fTo) != 0:
		return errParam("window", "give either window or from and to, not both")
	case given&(fFrom|fTo) == fFrom:
		return errParam("to", "is required with from")
	case given&(fFrom|fTo) == fTo:
		return errParam("from", "is required with to")
	case given&fFrom != 0:
		from, err := decodeTime(v.Get("from"), "from")
		if err != nil {
			return err
		}
		to, err := decodeTime(v.Get("to"), "to")
		if err != nil {
			return err
		}
		if !from.Before(to) {
			return errParam("to", "must be after from")
		}
		p.Window = store.Window{From: from, To: to}
		return nil
	}
	name := windows[0].Name
	if given&fWindow != 0 {
		name = v.Get("window")
	}
	i := slices.IndexFunc(windows, func(w namedSpan) bool { return w.Name == name })
	if i < 0 {
		return errParam("window", "%q is not one of %s", truncate(name), names(windows))
	}
	p.WindowName = name
	p.Window = store.Window{From: notBefore(anchor.Add(-windows[i].Span), minTime), To: anchor}
	return nil
}

// notBefore returns t, or floor when t is before it.
func notBefore(t, floor time.Time) time.Time {
	if t.Before(floor) {
		return floor
	}
	return t
}

// decodeStep sets the bucket width of a series: the named step, or by
// default 1h for windows up to a day, 6h up to 7 days and 1d beyond. The
// window must not hold more than maxBuckets buckets.
func (p *params) decodeStep(s string, given bool) error {
	switch {
	case given:
		i := slices.IndexFunc(steps, func(w namedSpan) bool { return w.Name == s })
		if i < 0 {
			return errParam("step", "%q is not one of %s", truncate(s), names(steps))
		}
		p.Step = steps[i].Span
	case p.Span() <= 24*time.Hour:
		p.Step = time.Hour
	case p.Span() <= 7*24*time.Hour:
		p.Step = 6 * time.Hour
	default:
		p.Step = 24 * time.Hour
	}
	if n := p.Span() / p.Step; n > maxBuckets {
		return errParam("step", "the window holds %d buckets of %s, limit %d: use a longer step or a shorter window", n, stepName(p.Step), maxBuckets)
	}
	return nil
}

func decodeTime(s, name string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errParam(name, "%q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", truncate(s))
	}
	t = t.UTC()
	if t.Before(minTime) || t.After(maxTime) {
		return time.Time{}, errParam(name, "%s is outside %d..%d", t.Format(time.RFC3339), minTime.Year(), maxTime.Year())
	}
	return t, nil
}

func decodeInt(s, name string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errParam(name, "%q is not an integer", truncate(s))
	}
	if n < lo || n > hi {
		return 0, errParam(name, "%d is outside %d..%d", n, lo, hi)
	}
	return n, nil
}

// stepName returns the name of a bucket width, such as "1d".
func stepName(d time.Duration) string {
	for _, s := range steps {
		if s.Span == d {
			return s.Name
		}
	}
	return d.String()
}

func names(ws []namedSpan) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Name
	}
	return strings.Join(out, ", ")
}

// truncate shortens user input quoted in error messages.
func truncate(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "..."
}
