// Package simulate generates a synthetic, deterministic stream of English
// news articles about how states stand toward each other, with known
// stances that change at known times: the sample stream of `stancemon demo`
// and the ground truth that alert rules are measured against.
//
// Each directed dyad has a base stance in [-1, 1] and shifts to new
// stances at given offsets from the start. An article about a dyad draws
// its stance around the dyad's current mean and is written with sentence
// templates of the matching level (sanctions and threats, criticism,
// talks, praise, agreements), mixed with neutral filler; some articles are
// about a single state and carry no dyad at all.
//
// Pace sends a stream to a Sink, as fast as possible or at a real-time
// factor: NewLineSink writes JSON Lines, NewKafkaSink publishes to a topic
// keyed by article id (`stancemon simulate`, `stancemon demo`).
package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/stancemon/stancemon/article"
)

// Config describes a synthetic stream. Start from DefaultConfig.
type Config struct {
	// Seed makes the stream reproducible: the same Config gives the same
	// articles. Default: 1
	Seed uint64 `yaml:"seed"`
	// Start is the publication time of the start of the stream (UTC).
	// Default: 2025-03-03T00:00:00Z
	Start time.Time `yaml:"start"`
	// Duration is the span of publication times. Default: 72h
	Duration time.Duration `yaml:"duration"`
	// Rate is the mean number of articles per simulated hour, all dyads and
	// single-state articles together; arrivals are a Poisson process.
	// Default: 20
	Rate float64 `yaml:"rate"`
	// Outlets publish the articles, chosen uniformly. Default: DefaultOutlets
	Outlets []string `yaml:"outlets"`
	// Noise is the standard deviation of an article's stance around the
	// dyad's current mean. Default: 0.2
	Noise float64 `yaml:"noise"`
	// Filler is the share of articles about a single state, with no dyad.
	// Default: 0.1
	Filler float64 `yaml:"filler"`
	// Dyads are the directed relations written about. At least one.
	Dyads []Dyad `yaml:"dyads"`
}

// Dyad is one directed relation: how Source stands toward Target over time.
type Dyad struct {
	// Source is the ISO 3166-1 alpha-3 code of the state that acts (one of
	// Actors()).
	Source string `yaml:"source"`
	// Target is the code of the state acted upon.
	Target string `yaml:"target"`
	// Base is the stance in [-1, 1] at the start of the stream.
	Base float64 `yaml:"base"`
	// Weight is the dyad's share of the dyad articles relative to the
	// other dyads; 0 means 1. Default: 1
	Weight float64 `yaml:"weight"`
	// Shifts change the stance over time, in increasing order of At.
	Shifts []Shift `yaml:"shifts"`
}

// Shift moves a dyad's stance to a new value.
type Shift struct {
	// At is the offset from the start of the stream at which the shift
	// begins.
	At time.Duration `yaml:"at"`
	// To is the stance in [-1, 1] after the shift.
	To float64 `yaml:"to"`
	// Over is the duration of a linear ramp from the previous stance to
	// To. Default: 0 (a step)
	Over time.Duration `yaml:"over"`
}

// DefaultOutlets are the outlets of DefaultConfig.
var DefaultOutlets = []string{
	"Reuters", "Associated Press", "Agence France-Presse", "Xinhua",
	"Kyodo", "Al Jazeera", "The Guardian", "Deutsche Welle",
}

// DefaultConfig returns a configuration with the defaults and no dyads.
func DefaultConfig() Config {
	return Config{
		Seed:     1,
		Start:    time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC),
		Duration: 72 * time.Hour,
		Rate:     20,
		Outlets:  slices.Clone(DefaultOutlets),
		Noise:    0.2,
		Filler:   0.1,
	}
}

// Validate reports the first problem of the configuration in a plain
// sentence that names the field.
func (c *Config) Validate() error {
	switch {
	case c.Start.IsZero():
		return fmt.Errorf("start must be set")
	case c.Duration <= 0:
		return fmt.Errorf("duration must be positive, got %s", c.Duration)
	case !(c.Rate > 0) || math.IsInf(c.Rate, 0):
		return fmt.Errorf("rate must be a positive number of articles per hour, got %v", c.Rate)
	case len(c.Outlets) == 0:
		return fmt.Errorf("outlets must name at least one outlet")
	case !(c.Noise >= 0) || c.Noise > 2:
		return fmt.Errorf("noise must be between 0 and 2, got %v", c.Noise)
	case !(c.Filler >= 0) || c.Filler >= 1:
		return fmt.Errorf("filler must be at least 0 and below 1, got %v", c.Filler)
	case len(c.Dyads) == 0:
		return fmt.Errorf("dyads must list at least one dyad")
	}
	for i, o := range c.Outlets {
		if strings.TrimSpace(o) == "" {
			return fmt.Errorf("outlets[%d] is empty", i)
		}
	}
	for i, d := range c.Dyads {
		if err := d.validate(); err != nil {
			return fmt.Errorf("dyads[%d] (%s->%s): %w", i, d.Source, d.Target, err)
		}
	}
	return nil
}

func (d *Dyad) validate() error {
	if _, ok := actors[d.Source]; !ok {
		return fmt.Errorf("source %q is not one of %s", d.Source, strings.Join(Actors(), ", "))
	}
	if _, ok := actors[d.Target]; !ok {
		return fmt.Errorf("target %q is not one of %s", d.Target, strings.Join(Actors(), ", "))
	}
	if d.Source == d.Target {
		return fmt.Errorf("source and target must differ")
	}
	if !inRange(d.Base) {
		return fmt.Errorf("base must be between -1 and 1, got %v", d.Base)
	}
	if !(d.Weight >= 0) || math.IsInf(d.Weight, 0) {
		return fmt.Errorf("weight must not be negative, got %v", d.Weight)
	}
	var prev time.Duration
	for j, s := range d.Shifts {
		switch {
		case s.At < prev:
			return fmt.Errorf("shifts[%d]: at %s is before the end of the previous shift (%s)", j, s.At, prev)
		case s.Over < 0:
			return fmt.Errorf("shifts[%d]: over must not be negative, got %s", j, s.Over)
		case !inRange(s.To):
			return fmt.Errorf("shifts[%d]: to must be between -1 and 1, got %v", j, s.To)
		}
		prev = s.At + s.Over
	}
	return nil
}

func inRange(v float64) bool { return v >= -1 && v <= 1 }

// MeanAt returns the dyad's mean stance at offset d from the start.
func (d *Dyad) MeanAt(off time.Duration) float64 {
	m := d.Base
	for _, s := range d.Shifts {
		switch {
		case off >= s.At+s.Over:
			m = s.To
		case off > s.At:
			return m + (s.To-m)*float64(off-s.At)/float64(s.Over)
		default:
			return m
		}
	}
	return m
}

// Generator produces the articles of a Config in publication order. It is
// not safe for concurrent use.
type Generator struct {
	cfg     Config
	rng     *rand.Rand
	cum     []float64 // cumulative dyad weights
	singles []string  // codes of the states of the dyads, for filler articles
	end     time.Time
	t       time.Time
	n       int
}

// New validates cfg and returns a generator positioned at cfg.Start.
func New(cfg Config) (*Generator, error) {
	cfg.Start = cfg.Start.UTC()
	cfg.Outlets = slices.Clone(cfg.Outlets)
	cfg.Dyads = slices.Clone(cfg.Dyads)
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("validating simulation config: %w", err)
	}
	g := &Generator{
		cfg: cfg,
		rng: rand.New(rand.NewPCG(cfg.Seed, 0x5eed5eed)),
		end: cfg.Start.Add(cfg.Duration),
		t:   cfg.Start,
	}
	var total float64
	for _, d := range cfg.Dyads {
		if d.Weight == 0 {
			d.Weight = 1
		}
		total += d.Weight
		g.cum = append(g.cum, total)
		g.singles = append(g.singles, d.Source, d.Target)
	}
	slices.Sort(g.singles)
	g.singles = slices.Compact(g.singles)
	return g, nil
}

// Next returns the next article, or false when the stream has reached the
// end of its duration.
func (g *Generator) Next() (article.Message, bool) {
	gap := time.Duration(g.rng.ExpFloat64() / g.cfg.Rate * float64(time.Hour))
	g.t = g.t.Add(gap)
	if !g.t.Before(g.end) {
		g.t = g.end
		return article.Message{}, false
	}
	g.n++
	published := g.t.Truncate(time.Second)
	outlet := g.cfg.Outlets[g.rng.IntN(len(g.cfg.Outlets))]
	var title, body string
	if g.rng.Float64() < g.cfg.Filler {
		title, body = g.single(published)
	} else {
		i, _ := slices.BinarySearch(g.cum, g.rng.Float64()*g.cum[len(g.cum)-1])
		title, body = g.dyad(&g.cfg.Dyads[i], published)
	}
	id := fmt.Sprintf("sim-%d-%06d", g.cfg.Seed, g.n)
	return article.Message{
		ID:          id,
		PublishedAt: published,
		Title:       title,
		Body:        body,
		URL:         fmt.Sprintf("https://%s.example/%s/%s", slug(outlet), published.Format("2006/01/02"), id),
		Outlet:      outlet,
		Lang:        "en",
	}, true
}

// dyad writes an article about one dyad at time t.
func (g *Generator) dyad(d *Dyad, t time.Time) (title, body string) {
	src, tgt := actors[d.Source], actors[d.Target]
	s := clamp(d.MeanAt(t.Sub(g.cfg.Start)) + g.rng.NormFloat64()*g.cfg.Noise)
	lv := level(s)
	fill := func(tmpl string) string { return g.fill(tmpl, src, tgt, t) }
	title = fill(pick(g.rng, headlines[lv]))
	sentences := []string{fill(pick(g.rng, templates[lv]))}
	// A second stance sentence of a nearby level, as follow-ups often
	// restate or soften the lead.
	second := level(clamp(s + g.rng.NormFloat64()*0.15))
	sentences = append(sentences, fill(pick(g.rng, templates[second])))
	for _, i := range g.rng.Perm(len(filler))[:1+g.rng.IntN(3)] {
		sentences = append(sentences, fill(filler[i]))
	}
	// Keep the lead first; shuffle the rest.
	rest := sentences[1:]
	g.rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	return title, strings.Join(sentences, " ")
}

// single writes an article about one state with no dyad.
func (g *Generator) single(t time.Time) (title, body string) {
	a := actors[g.singles[g.rng.IntN(len(g.singles))]]
	r := strings.NewReplacer("{A}", a.name, "{Acap}", a.capital, "{day}", t.Weekday().String())
	p := g.rng.Perm(len(domestic))
	sentences := []string{r.Replace(domestic[p[0]]), r.Replace(domestic[p[1]])}
	sentences = append(sentences, g.fill(pick(g.rng, filler), a, a, t))
	for i := range sentences {
		sentences[i] = capitalize(sentences[i])
	}
	return strings.TrimSuffix(sentences[0], "."), strings.Join(sentences, " ")
}

// fill replaces the placeholders of a template.
func (g *Generator) fill(tmpl string, src, tgt actor, t time.Time) string {
	r := strings.NewReplacer(
		"{S}", pick(g.rng, src.subjects()),
		"{Sadj}", src.adj,
		"{T's}", pick(g.rng, tgt.owners()),
		"{T}", pick(g.rng, tgt.objects()),
		"{Tadj}", tgt.adj,
		"{issue}", pick(g.rng, issues),
		"{topic}", pick(g.rng, topics),
		"{action}", pick(g.rng, actions),
		"{wrongdoing}", pick(g.rng, wrongdoings),
		"{city}", pick(g.rng, cities),
		"{day}", t.Weekday().String(),
	)
	return capitalize(r.Replace(tmpl))
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

func clamp(v float64) float64 { return max(-1, min(1, v)) }

// capitalize upper-cases the first letter ("the Philippines" at the start
// of a sentence).
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// slug turns an outlet name into a host name label.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
