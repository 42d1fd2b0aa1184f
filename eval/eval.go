package eval

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/stancemon/stancemon/stance"
)

// Scorer scores one article; *stance.Scorer implements it.
type Scorer interface {
	Score(a stance.Article) stance.Result
}

// ScorerFunc adapts a function to Scorer.
type ScorerFunc func(a stance.Article) stance.Result

// Score returns f(a).
func (f ScorerFunc) Score(a stance.Article) stance.Result { return f(a) }

// ErrorKind says why a dyad was missed, predicted falsely or given the
// wrong sign; the package doc defines each kind.
type ErrorKind string

// Error kinds, in report order.
const (
	// NoActor: a gold actor was not found in the item.
	NoActor ErrorKind = "no-actor"
	// NoCue: both actors were found but no pair of the item has cue
	// evidence.
	NoCue ErrorKind = "no-cue"
	// NotLinked: the item has cue evidence, but not for this pair.
	NotLinked ErrorKind = "not-linked"
	// WrongDirection: the reverse pair was predicted instead.
	WrongDirection ErrorKind = "wrong-direction"
	// WrongPair: a false dyad between other actors than the gold pairs.
	WrongPair ErrorKind = "wrong-pair"
	// Modality: a false dyad whose evidence has a modality marker.
	Modality ErrorKind = "modality"
	// Polarity: a gold pair predicted with the other sign.
	Polarity ErrorKind = "polarity"
)

// errorKinds lists the kinds in report order.
var errorKinds = []ErrorKind{NoActor, NoCue, NotLinked, WrongDirection, WrongPair, Modality, Polarity}

// Mistake is one missed dyad, false dyad or wrong sign.
type Mistake struct {
	// ID is the item's id.
	ID     string `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
	// Polarity is the gold polarity of a miss, the predicted one otherwise.
	Polarity int `json:"polarity"`
	// Category is the gold category of a miss, the predicted one otherwise.
	Category stance.Category `json:"category,omitempty"`
	// Rule is the direction rule of the prediction's strongest evidence;
	// empty for a miss.
	Rule stance.Rule `json:"rule,omitempty"`
	// Kind is the error kind.
	Kind ErrorKind `json:"kind"`
	// Detail says what the kind rests on ("not found: CHN", "predicted
	// JPN->USA", `marker "urged"`).
	Detail string `json:"detail,omitempty"`
	// Text is the item's sentence.
	Text string `json:"text"`
}

// CategoryRecall is the recall on the gold dyads of one category.
type CategoryRecall struct {
	Category stance.Category `json:"category"`
	// Gold counts the gold dyads of the category.
	Gold int `json:"gold"`
	// Found counts those predicted (as a pair, whatever the category).
	Found  int     `json:"found"`
	Recall float64 `json:"recall"`
	// SameCategory counts those predicted with the same category.
	SameCategory int `json:"same_category"`
}

// Group counts the predictions of one predicted category or one direction
// rule; optional pairs are left out.
type Group struct {
	// Name is the category or the rule; "none" when the dyad has none.
	Name      string  `json:"name"`
	Predicted int     `json:"predicted"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	Precision float64 `json:"precision"`
}

// KindCount counts the errors of one kind.
type KindCount struct {
	Kind      ErrorKind `json:"kind"`
	Misses    int       `json:"misses"`
	False     int       `json:"false_dyads"`
	WrongSign int       `json:"wrong_polarity"`
}

// Report is the result of an evaluation. Lists are sorted: mistakes by item
// position then pair, categories in PLOVER order, rules by count then name.
type Report struct {
	// Split is the part of the file evaluated.
	Split Split `json:"split"`
	// First and Last are the 1-based positions of the first and the last
	// item evaluated among the Total items of the file (0 when none).
	First int `json:"first_item"`
	Last  int `json:"last_item"`
	Total int `json:"total_items"`
	// Items counts the items evaluated.
	Items int `json:"items"`
	// Gold counts the gold dyads (TP + FN).
	Gold int `json:"gold_dyads"`
	// Predicted counts the predicted state dyads but optional pairs
	// (TP + FP).
	Predicted int `json:"predicted_dyads"`
	// Optional counts the predicted optional pairs.
	Optional    int     `json:"optional_predicted"`
	TP          int     `json:"tp"`
	FP          int     `json:"fp"`
	FN          int     `json:"fn"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
	PolarityOK  int     `json:"polarity_ok"`
	PolarityAcc float64 `json:"polarity_accuracy"`
	// GoldCategories is the recall per gold category.
	GoldCategories []CategoryRecall `json:"gold_categories"`
	// PredictedCategories is the precision per predicted category.
	PredictedCategories []Group `json:"predicted_categories"`
	// Rules is the precision per direction rule.
	Rules []Group `json:"rules"`
	// ErrorKinds counts the errors per kind, every kind listed.
	ErrorKinds []KindCount `json:"error_kinds"`
	Misses     []Mistake   `json:"misses"`
	False      []Mistake   `json:"false_dyads"`
	WrongSign  []Mistake   `json:"wrong_polarity"`
}

// Evaluate scores the items that split selects with sc and compares the
// predicted state-to-state dyads with the gold ones. It fails only when ctx
// is done.
func Evaluate(ctx context.Context, sc Scorer, items []Item, split Split) (*Report, error) {
	from, to := split.bounds(len(items))
	r := &Report{
		Split: split, Total: len(items), Items: to - from,
		Misses: []Mistake{}, False: []Mistake{}, WrongSign: []Mistake{},
	}
	if to > from {
		r.First, r.Last = from+1, to
	}
	t := tally{
		goldCats: map[stance.Category]*CategoryRecall{},
		predCats: map[string]*Group{},
		rules:    map[string]*Group{},
		kinds:    map[ErrorKind]*KindCount{},
	}
	for _, it := range items[from:to] {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("evaluating item %q: %w", it.ID, err)
		}
		res := sc.Score(stance.Article{ID: it.ID, Body: it.Text, PublishedAt: it.Date})
		r.addItem(it, res, &t)
	}
	r.finish(&t)
	return r, nil
}

// tally accumulates the grouped counts of a report.
type tally struct {
	goldCats map[stance.Category]*CategoryRecall
	predCats map[string]*Group
	rules    map[string]*Group
	kinds    map[ErrorKind]*KindCount
}

// group returns the group of m named name, creating it.
func group(m map[string]*Group, name string) *Group {
	if name == "" {
		name = "none"
	}
	g := m[name]
	if g == nil {
		g = &Group{Name: name}
		m[name] = g
	}
	return g
}

// kind returns the count of kind k, creating it.
func (t *tally) kind(k ErrorKind) *KindCount {
	c := t.kinds[k]
	if c == nil {
		c = &KindCount{Kind: k}
		t.kinds[k] = c
	}
	return c
}

// itemView is one scored item as the error classification sees it.
type itemView struct {
	res    stance.Result
	gold   map[Pair]Dyad
	pred   map[Pair]stance.Dyad
	actors map[string]bool // codes of the gold dyads
	hasCue bool            // some dyad of the result, of any kinds, has cue evidence
}

// addItem compares the predictions for one item with its gold dyads.
func (r *Report) addItem(it Item, res stance.Result, t *tally) {
	v := itemView{res: res, gold: map[Pair]Dyad{}, pred: map[Pair]stance.Dyad{}, actors: map[string]bool{}}
	for _, d := range it.Dyads {
		v.gold[Pair{d.Source, d.Target}] = d
		v.actors[d.Source], v.actors[d.Target] = true, true
	}
	optional := map[Pair]bool{}
	for _, p := range it.Optional {
		optional[p] = true
	}
	for _, d := range res.Dyads {
		for _, e := range d.Evidence {
			if len(e.Cues) > 0 {
				v.hasCue = true
			}
		}
		if d.SourceKind != stance.KindState || d.TargetKind != stance.KindState || d.Source == d.Target {
			continue
		}
		k := Pair{d.Source, d.Target}
		if _, dup := v.pred[k]; !dup {
			v.pred[k] = d
		}
	}
	mistake := func(k Pair, pol int, d stance.Dyad, kind ErrorKind, detail string) Mistake {
		m := Mistake{ID: it.ID, Source: k.Source, Target: k.Target, Polarity: pol,
			Category: d.Category, Kind: kind, Detail: detail, Text: it.Text}
		if len(d.Evidence) > 0 {
			m.Rule = d.Evidence[0].Rule
		}
		return m
	}
	for _, k := range sortedPairs(v.gold) {
		g := v.gold[k]
		r.Gold++
		var cr *CategoryRecall
		if g.Category != "" {
			if cr = t.goldCats[g.Category]; cr == nil {
				cr = &CategoryRecall{Category: g.Category}
				t.goldCats[g.Category] = cr
			}
			cr.Gold++
		}
		p, ok := v.pred[k]
		if !ok {
			r.FN++
			kind, detail := v.classifyMiss(k)
			t.kind(kind).Misses++
			r.Misses = append(r.Misses, Mistake{ID: it.ID, Source: k.Source, Target: k.Target,
				Polarity: g.Polarity, Category: g.Category, Kind: kind, Detail: detail, Text: it.Text})
			continue
		}
		r.TP++
		if cr != nil {
			cr.Found++
			if foldCategory(p.Category) == foldCategory(g.Category) {
				cr.SameCategory++
			}
		}
		if sign := polarityOf(p.Score); sign == g.Polarity {
			r.PolarityOK++
		} else {
			t.kind(Polarity).WrongSign++
			r.WrongSign = append(r.WrongSign, mistake(k, sign, p, Polarity, fmt.Sprintf("gold %+d", g.Polarity)))
		}
	}
	for _, k := range sortedPairs(v.pred) {
		p := v.pred[k]
		_, isGold := v.gold[k]
		if !isGold && optional[k] {
			r.Optional++
			continue
		}
		var rule stance.Rule
		if len(p.Evidence) > 0 {
			rule = p.Evidence[0].Rule
		}
		gc, gr := group(t.predCats, string(p.Category)), group(t.rules, string(rule))
		gc.Predicted++
		gr.Predicted++
		if isGold {
			gc.TP++
			gr.TP++
			continue
		}
		gc.FP++
		gr.FP++
		r.FP++
		kind, detail := v.classifyFalse(k, p)
		t.kind(kind).False++
		r.False = append(r.False, mistake(k, polarityOf(p.Score), p, kind, detail))
	}
}

// classifyMiss returns the kind of the missed gold pair k.
func (v *itemView) classifyMiss(k Pair) (ErrorKind, string) {
	var missing []string
	for _, c := range []string{k.Source, k.Target} {
		if v.res.Actors[c] == 0 {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return NoActor, "not found: " + strings.Join(missing, ", ")
	}
	rev := Pair{k.Target, k.Source}
	if _, ok := v.pred[rev]; ok {
		if _, gold := v.gold[rev]; !gold {
			return WrongDirection, "predicted " + rev.String()
		}
	}
	if !v.hasCue {
		return NoCue, ""
	}
	var pairs []string
	for _, d := range v.res.Dyads {
		pairs = append(pairs, d.Source+"->"+d.Target)
	}
	slices.Sort(pairs)
	return NotLinked, "predicted " + strings.Join(pairs, ", ")
}

// classifyFalse returns the kind of the false dyad d for the pair k.
func (v *itemView) classifyFalse(k Pair, d stance.Dyad) (ErrorKind, string) {
	rev := Pair{k.Target, k.Source}
	if _, gold := v.gold[rev]; gold {
		if _, ok := v.pred[rev]; !ok {
			return WrongDirection, "gold has " + rev.String()
		}
	}
	if m := modalityMarker(d); m != "" {
		return Modality, fmt.Sprintf("marker %q", m)
	}
	var absent []string
	for _, c := range []string{k.Source, k.Target} {
		if !v.actors[c] {
			absent = append(absent, c)
		}
	}
	if len(absent) == 0 {
		return WrongPair, "both in gold, not as this pair"
	}
	return WrongPair, "not in gold: " + strings.Join(absent, ", ")
}

// finish computes the ratios and sorts the groups.
func (r *Report) finish(t *tally) {
	r.Predicted = r.TP + r.FP
	r.Precision = ratio(r.TP, r.TP+r.FP)
	r.Recall = ratio(r.TP, r.TP+r.FN)
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.PolarityAcc = ratio(r.PolarityOK, r.TP)

	r.GoldCategories = []CategoryRecall{}
	for _, c := range slices.SortedFunc(maps.Keys(t.goldCats), compareCategories) {
		cr := t.goldCats[c]
		cr.Recall = ratio(cr.Found, cr.Gold)
		r.GoldCategories = append(r.GoldCategories, *cr)
	}
	r.PredictedCategories = sortedGroups(t.predCats, func(a, b *Group) int {
		return compareCategories(stance.Category(a.Name), stance.Category(b.Name))
	})
	r.Rules = sortedGroups(t.rules, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(b.Predicted, a.Predicted), cmp.Compare(a.Name, b.Name))
	})
	r.ErrorKinds = make([]KindCount, len(errorKinds))
	for i, k := range errorKinds {
		r.ErrorKinds[i] = KindCount{Kind: k}
		if c := t.kinds[k]; c != nil {
			r.ErrorKinds[i] = *c
		}
	}
}

// sortedGroups returns the groups of m with their precision, sorted by
// compare.
func sortedGroups(m map[string]*Group, compare func(a, b *Group) int) []Group {
	gs := slices.SortedFunc(maps.Values(m), compare)
	out := make([]Group, len(gs))
	for i, g := range gs {
		g.Precision = ratio(g.TP, g.TP+g.FP)
		out[i] = *g
	}
	return out
}

// compareCategories orders categories as PLOVER lists them; unknown names
// ("none" included) come after, by name.
func compareCategories(a, b stance.Category) int {
	ia, ib := slices.Index(plover, a), slices.Index(plover, b)
	if ia < 0 {
		ia = len(plover)
	}
	if ib < 0 {
		ib = len(plover)
	}
	return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a, b))
}

// foldCategory maps INVESTIGATE to DISAPPROVE, which the annotation guide's
// ACCUSE covers, for comparing a predicted category with a gold one.
func foldCategory(c stance.Category) stance.Category {
	if c == stance.Investigate {
		return stance.Disapprove
	}
	return c
}

// sortedPairs returns the keys of m sorted by source, then target.
func sortedPairs[V any](m map[Pair]V) []Pair {
	return slices.SortedFunc(maps.Keys(m), func(a, b Pair) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
}

// polarityOf is the gold polarity of a score: 1 or -1.
func polarityOf(score float64) int {
	if score < 0 {
		return -1
	}
	return 1
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
