package stance

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// minPairScore is the smallest absolute sentence score reported as a stance.
const minPairScore = 0.05

// Scorer scores articles into directed stances. It is immutable once built
// and safe for concurrent use.
type Scorer struct {
	gaz  *Gazetteer
	lx   *lexicon
	ag   *agentTable
	pool sync.Pool // *scratch
}

// Option configures a Scorer.
type Option func(*scorerConfig) error

// scorerConfig collects the options of NewScorer.
type scorerConfig struct {
	gaz       *Gazetteer
	overrides [][]byte
	cues      []byte
}

// WithGazetteer makes the Scorer use g to find actors.
// Default: the embedded gazetteer (LoadGazetteer with WithOverrides docs).
func WithGazetteer(g *Gazetteer) Option {
	return func(c *scorerConfig) error {
		if g == nil {
			return fmt.Errorf("gazetteer is nil")
		}
		c.gaz = g
		return nil
	}
}

// WithOverrides adds actor override YAML documents to the embedded
// gazetteer (see LoadGazetteer). It cannot be combined with WithGazetteer.
// Default: none.
func WithOverrides(docs ...[]byte) Option {
	return func(c *scorerConfig) error {
		c.overrides = append(c.overrides, docs...)
		return nil
	}
}

// WithCueLexicon replaces the embedded cue lexicon (stance/data/cues.yaml)
// with the YAML document data, which uses the same schema.
// Default: the embedded lexicon.
func WithCueLexicon(data []byte) Option {
	return func(c *scorerConfig) error {
		c.cues = data
		return nil
	}
}

// NewScorer builds a Scorer.
func NewScorer(opts ...Option) (*Scorer, error) {
	cfg := scorerConfig{cues: cueData}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("configuring scorer: %w", err)
		}
	}
	if cfg.gaz != nil && len(cfg.overrides) > 0 {
		return nil, fmt.Errorf("configuring scorer: WithOverrides and WithGazetteer exclude each other")
	}
	if cfg.gaz == nil {
		g, err := LoadGazetteer(cfg.overrides...)
		if err != nil {
			return nil, fmt.Errorf("building scorer: %w", err)
		}
		cfg.gaz = g
	}
	lx, err := loadLexicon(cfg.cues)
	if err != nil {
		return nil, fmt.Errorf("building scorer: %w", err)
	}
	ag, err := loadAgents()
	if err != nil {
		return nil, fmt.Errorf("building scorer: %w", err)
	}
	s := &Scorer{gaz: cfg.gaz, lx: lx, ag: ag}
	s.pool.New = func() any { return new(scratch) }
	return s, nil
}

// Gazetteer returns the gazetteer the Scorer uses.
func (s *Scorer) Gazetteer() *Gazetteer { return s.gaz }

// dyadAcc accumulates the evidence of one dyad over an article.
type dyadAcc struct {
	src, tgt string
	sumSC    float64 // sum of score * confidence
	sumC     float64 // sum of confidence
	miss     float64 // product of (1 - confidence)
	evidence []Evidence
}

// Score scores one article. It is deterministic: the same article always
// gives the same Result.
func (s *Scorer) Score(a Article) Result {
	res, _ := s.score(a)
	return res
}

// score scores one article and returns the search steps it took (see
// analyser.steps), for the tests that check the work is linear.
func (s *Scorer) score(a Article) (Result, int) {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	text, sents := prepareText(a, sc.spans[:0])
	sc.spans = sents
	an := analyser{lx: s.lx, gaz: s.gaz, ag: s.ag, at: a.PublishedAt, sc: sc}
	res := Result{Actors: map[string]int{}}
	var accs []*dyadAcc
	index := map[[2]string]*dyadAcc{}
	toneSum, n := 0.0, 0
	hasTitle := len(sents) > 0 && sents[0].start == 0
	for k, sp := range sents {
		sentence := text[sp.start:sp.end]
		tone, keep := an.analyse(sentence, k == 0 && hasTitle)
		if !keep {
			continue
		}
		idx := n
		n++
		toneSum += tone
		for ci := range sc.chunks {
			c := &sc.chunks[ci]
			res.Actors[c.code]++
			if c.sub {
				if res.SubState == nil {
					res.SubState = map[string]map[string]int{}
				}
				if res.SubState[c.code] == nil {
					res.SubState[c.code] = map[string]int{}
				}
				res.SubState[c.code][c.agent]++
			}
		}
		for _, p := range sc.pairs {
			score := clamp1(p.score)
			if math.Abs(score) < minPairScore {
				continue
			}
			key := [2]string{p.src, p.tgt}
			acc := index[key]
			if acc == nil {
				acc = &dyadAcc{src: p.src, tgt: p.tgt, miss: 1}
				index[key] = acc
				accs = append(accs, acc)
			}
			acc.sumSC += score * p.conf
			acc.sumC += p.conf
			acc.miss *= 1 - p.conf
			acc.evidence = append(acc.evidence, Evidence{
				Sentence: idx, Text: sentence, Score: score, Confidence: p.conf, Cues: p.cues, Rule: p.rule, Mode: p.mode,
			})
		}
	}
	if n > 0 {
		res.Tone = clamp1(toneSum / float64(n))
	}
	for code := range res.Actors {
		if s.gaz.IsState(code) {
			res.States = append(res.States, code)
		}
	}
	slices.Sort(res.States)
	res.Dyads = make([]Dyad, 0, len(accs))
	for _, acc := range accs {
		d := acc.dyad(s.lx)
		d.SourceKind, d.TargetKind = s.gaz.Kind(d.Source), s.gaz.Kind(d.Target)
		res.Dyads = append(res.Dyads, d)
	}
	slices.SortFunc(res.Dyads, func(x, y Dyad) int {
		if c := strings.Compare(x.Source, y.Source); c != 0 {
			return c
		}
		return strings.Compare(x.Target, y.Target)
	})
	return res, an.steps
}

// dyad turns the accumulated evidence into a Dyad: the confidence-weighted
// mean score, the combined confidence, the evidence strongest first and the
// category of the strongest cue of the strongest evidence.
func (acc *dyadAcc) dyad(lx *lexicon) Dyad {
	ev := acc.evidence
	slices.SortStableFunc(ev, func(x, y Evidence) int {
		wx, wy := math.Abs(x.Score)*x.Confidence, math.Abs(y.Score)*y.Confidence
		if wx != wy {
			return cmp.Compare(wy, wx)
		}
		return cmp.Compare(x.Sentence, y.Sentence)
	})
	d := Dyad{Source: acc.src, Target: acc.tgt, Evidence: ev}
	if acc.sumC > 0 {
		d.Score = clamp1(acc.sumSC / acc.sumC)
	}
	d.Confidence = math.Min(1, math.Max(0, 1-acc.miss))
	d.Category = lx.strongestCategory(ev[0], d.Score)
	return d
}

// strongestCategory returns the category of the first cue of e whose
// polarity agrees with score (cues are in sentence order), else of its
// first cue. A negated cooperative cue is a rejection ("refused to help").
func (lx *lexicon) strongestCategory(e Evidence, score float64) Category {
	for _, c := range e.Cues {
		if neg := lx.catSign[c.Category] < 0 != c.Negated; neg == (score < 0) {
			if c.Negated && lx.catSign[c.Category] > 0 {
				return Reject
			}
			return c.Category
		}
	}
	if len(e.Cues) > 0 {
		return e.Cues[0].Category
	}
	return ""
}

// Sentences returns the sentences of an article as Score sees them:
// normalised, site boilerplate dropped, the title (if any) first. Evidence
// sentence indexes point into this list.
func (s *Scorer) Sentences(a Article) []string {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	text, sents := prepareText(a, sc.spans[:0])
	sc.spans = sents
	out := make([]string, 0, len(sents))
	for _, sp := range sents {
		sentence := text[sp.start:sp.end]
		sc.toks, sc.lower = tokenize(sentence, sc.lower, sc.toks[:0])
		if !s.lx.isBoilerplate(sc.lower, sc.toks) {
			out = append(out, sentence)
		}
	}
	return out
}
