package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
)

// dy builds a predicted state dyad with one piece of evidence: text with
// a cue at the first occurrence of cue (no cue when cue is "").
func dy(src, tgt string, score float64, cat stance.Category, rule stance.Rule, text, cue string) stance.Dyad {
	ev := stance.Evidence{Text: text, Score: score, Rule: rule}
	if i := strings.Index(text, cue); cue != "" && i >= 0 {
		ev.Cues = []stance.Cue{{Text: cue, Start: i, End: i + len(cue), Category: cat}}
	}
	return stance.Dyad{Source: src, Target: tgt, SourceKind: stance.KindState, TargetKind: stance.KindState,
		Score: score, Category: cat, Evidence: []stance.Evidence{ev}}
}

// org makes d a dyad whose source is an organisation.
func org(d stance.Dyad) stance.Dyad {
	d.SourceKind = stance.KindOrg
	return d
}

// result builds a scorer result with the dyads and the actors given (each
// counted once).
func result(actors []string, dyads ...stance.Dyad) stance.Result {
	r := stance.Result{Actors: map[string]int{}, Dyads: dyads}
	for _, a := range actors {
		r.Actors[a] = 1
	}
	return r
}

// fake is a scorer that answers by item text.
type fake map[string]stance.Result

func (f fake) Score(a stance.Article) stance.Result { return f[a.Body] }

func evaluate(t *testing.T, sc Scorer, items []Item, split Split) *Report {
	t.Helper()
	r, err := Evaluate(context.Background(), sc, items, split)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEvaluateMetrics(t *testing.T) {
	items := []Item{
		{ID: "1", Text: "one", Dyads: []Dyad{{"USA", "RUS", -1, ""}, {"RUS", "USA", -1, ""}}},
		{ID: "2", Text: "two", Dyads: []Dyad{{"CHN", "JPN", 1, ""}}},
		{ID: "3", Text: "three", Dyads: []Dyad{}},
		{ID: "4", Text: "four", Dyads: []Dyad{{"ISR", "PSE", -1, ""}, {"ISR", "PSE", -1, ""}}},
	}
	sc := fake{
		// TP with the right sign, one miss (RUS->USA), an organisation dyad ignored.
		"one": result([]string{"USA", "RUS", "NATO"},
			dy("USA", "RUS", -0.5, stance.Disapprove, stance.RuleSubjectObject, "one", ""),
			org(dy("NATO", "RUS", -0.5, stance.Disapprove, stance.RuleSubjectObject, "one", ""))),
		// TP with the wrong sign.
		"two": result([]string{"CHN", "JPN"}, dy("CHN", "JPN", -0.2, stance.Disapprove, stance.RuleSubjectObject, "two", "")),
		// Two false dyads.
		"three": result([]string{"FRA", "DEU"},
			dy("FRA", "DEU", 0.3, stance.Agree, stance.RuleJoint, "three", ""),
			dy("DEU", "FRA", 0.3, stance.Agree, stance.RuleJoint, "three", "")),
		// Duplicate gold dyads count once.
		"four": result([]string{"ISR", "PSE"}, dy("ISR", "PSE", -0.9, stance.Assault, stance.RuleSubjectObject, "four", "")),
	}
	r := evaluate(t, sc, items, SplitAll)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"items", float64(r.Items), 4},
		{"gold", float64(r.Gold), 4},
		{"predicted", float64(r.Predicted), 5},
		{"tp", float64(r.TP), 3},
		{"fp", float64(r.FP), 2},
		{"fn", float64(r.FN), 1},
		{"precision", r.Precision, 3.0 / 5},
		{"recall", r.Recall, 3.0 / 4},
		{"f1", r.F1, 2 * (0.6 * 0.75) / (0.6 + 0.75)},
		{"polarity ok", float64(r.PolarityOK), 2},
		{"polarity accuracy", r.PolarityAcc, 2.0 / 3},
		{"misses", float64(len(r.Misses)), 1},
		{"false", float64(len(r.False)), 2},
		{"wrong sign", float64(len(r.WrongSign)), 1},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
			}
		})
	}
	if m := r.Misses[0]; m.ID != "1" || m.Source != "RUS" || m.Target != "USA" || m.Text != "one" {
		t.Errorf("miss %+v, want item 1 RUS->USA with its sentence", m)
	}
	if f := r.False; f[0].Source != "DEU" || f[1].Source != "FRA" {
		t.Errorf("false dyads %+v, want them sorted by source", f)
	}
}

func TestEvaluateEmpty(t *testing.T) {
	r := evaluate(t, fake{}, nil, SplitAll)
	if r.Precision != 0 || r.Recall != 0 || r.F1 != 0 || r.PolarityAcc != 0 || r.First != 0 || r.Last != 0 {
		t.Errorf("empty evaluation %+v, want zero ratios and positions", r)
	}
	if len(r.ErrorKinds) != len(errorKinds) {
		t.Errorf("%d error kinds, want all %d listed", len(r.ErrorKinds), len(errorKinds))
	}
}

func TestEvaluateOptional(t *testing.T) {
	items := []Item{{ID: "o", Text: "o",
		Dyads:    []Dyad{{"USA", "JPN", -1, stance.Sanction}},
		Optional: []Pair{{"JPN", "USA"}, {"USA", "CHN"}},
	}}
	cases := []struct {
		name              string
		pred              []stance.Dyad
		tp, fp, fn, opt   int
		precision, recall float64
	}{
		{"optional predicted", []stance.Dyad{
			dy("USA", "JPN", -0.5, stance.Sanction, stance.RuleSubjectObject, "o", ""),
			dy("JPN", "USA", -0.5, stance.Disapprove, stance.RuleSpeaker, "o", ""),
		}, 1, 0, 0, 1, 1, 1},
		{"optional not predicted", []stance.Dyad{
			dy("USA", "JPN", -0.5, stance.Sanction, stance.RuleSubjectObject, "o", ""),
		}, 1, 0, 0, 0, 1, 1},
		{"only optional predicted", []stance.Dyad{
			dy("USA", "CHN", -0.5, stance.Sanction, stance.RuleSubjectObject, "o", ""),
		}, 0, 0, 1, 1, 0, 0},
		{"false next to optional", []stance.Dyad{
			dy("USA", "JPN", -0.5, stance.Sanction, stance.RuleSubjectObject, "o", ""),
			dy("CHN", "USA", -0.5, stance.Sanction, stance.RuleSubjectObject, "o", ""),
		}, 1, 1, 0, 0, 0.5, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate(t, fake{"o": result([]string{"USA", "JPN", "CHN"}, tc.pred...)}, items, SplitAll)
			if r.TP != tc.tp || r.FP != tc.fp || r.FN != tc.fn || r.Optional != tc.opt ||
				r.Precision != tc.precision || r.Recall != tc.recall || r.Predicted != tc.tp+tc.fp {
				t.Errorf("TP %d FP %d FN %d optional %d P %.2f R %.2f predicted %d, want %d %d %d %d %.2f %.2f %d",
					r.TP, r.FP, r.FN, r.Optional, r.Precision, r.Recall, r.Predicted,
					tc.tp, tc.fp, tc.fn, tc.opt, tc.precision, tc.recall, tc.tp+tc.fp)
			}
			n := 0
			for _, g := range r.Rules {
				n += g.Predicted
			}
			if n != r.Predicted {
				t.Errorf("rules count %d predictions, want %d (optional pairs left out)", n, r.Predicted)
			}
		})
	}
}

func TestEvaluateSplits(t *testing.T) {
	mk := func(n int) []Item {
		items := make([]Item, n)
		for i := range items {
			items[i] = Item{ID: string(rune('a' + i)), Text: string(rune('a' + i)), Dyads: []Dyad{}}
		}
		return items
	}
	cases := []struct {
		split              Split
		n                  int
		items, first, last int
		firstID            string
	}{
		{SplitAll, 5, 5, 1, 5, "a"},
		{SplitFirst, 5, 2, 1, 2, "a"},
		{SplitSecond, 5, 3, 3, 5, "c"},
		{SplitFirst, 6, 3, 1, 3, "a"},
		{SplitSecond, 6, 3, 4, 6, "d"},
		{SplitFirst, 1, 0, 0, 0, ""},
		{SplitSecond, 1, 1, 1, 1, "a"},
		{SplitSecond, 0, 0, 0, 0, ""},
	}
	for _, tc := range cases {
		t.Run(string(tc.split)+"/"+string(rune('0'+tc.n)), func(t *testing.T) {
			var seen []string
			sc := ScorerFunc(func(a stance.Article) stance.Result {
				seen = append(seen, a.ID)
				return stance.Result{}
			})
			r := evaluate(t, sc, mk(tc.n), tc.split)
			if r.Items != tc.items || r.First != tc.first || r.Last != tc.last || r.Total != tc.n || len(seen) != tc.items {
				t.Errorf("items %d (%d-%d of %d), scored %d, want %d (%d-%d of %d)",
					r.Items, r.First, r.Last, r.Total, len(seen), tc.items, tc.first, tc.last, tc.n)
			}
			if tc.firstID != "" && (len(seen) == 0 || seen[0] != tc.firstID) {
				t.Errorf("scored %v first, want %q", seen, tc.firstID)
			}
			if got := len(tc.split.Apply(mk(tc.n))); got != tc.items {
				t.Errorf("Apply kept %d items, want %d", got, tc.items)
			}
		})
	}
}

func TestParseSplit(t *testing.T) {
	for in, want := range map[string]Split{"": SplitAll, "all": SplitAll, "first": SplitFirst, "second": SplitSecond} {
		if got, err := ParseSplit(in); err != nil || got != want {
			t.Errorf("ParseSplit(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := ParseSplit("half"); err == nil || !strings.Contains(err.Error(), `not "half"`) {
		t.Errorf("ParseSplit(half) error %v", err)
	}
}

func TestErrorKinds(t *testing.T) {
	const text = "X acted on Y."
	cases := []struct {
		name   string
		gold   []Dyad
		actors []string
		pred   []stance.Dyad
		// want lists the kinds of the misses, false dyads and wrong signs,
		// in that order, with the detail of the first.
		want   []ErrorKind
		detail string
	}{
		{"no-actor", []Dyad{{"USA", "CHN", -1, ""}}, []string{"USA"}, nil,
			[]ErrorKind{NoActor}, "not found: CHN"},
		{"no-actor both", []Dyad{{"USA", "CHN", -1, ""}}, nil, nil,
			[]ErrorKind{NoActor}, "not found: USA, CHN"},
		{"no-cue", []Dyad{{"USA", "CHN", -1, ""}}, []string{"USA", "CHN"}, nil,
			[]ErrorKind{NoCue}, ""},
		{"no-cue: evidence without cues", []Dyad{{"USA", "CHN", -1, ""}}, []string{"USA", "CHN", "NATO"},
			[]stance.Dyad{org(dy("NATO", "USA", 0.4, stance.Consult, stance.RuleJoint, text, ""))},
			[]ErrorKind{NoCue}, ""},
		{"not-linked: a cue elsewhere", []Dyad{{"USA", "CHN", -1, ""}}, []string{"USA", "CHN", "NATO"},
			[]stance.Dyad{org(dy("NATO", "USA", 0.4, stance.Consult, stance.RuleJoint, text, "acted"))},
			[]ErrorKind{NotLinked}, "predicted NATO->USA"},
		{"wrong-direction", []Dyad{{"USA", "CHN", -1, ""}}, []string{"USA", "CHN"},
			[]stance.Dyad{dy("CHN", "USA", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted")},
			[]ErrorKind{WrongDirection, WrongDirection}, "predicted CHN->USA"},
		{"one way of a two-way gold pair", []Dyad{{"USA", "CHN", 1, ""}, {"CHN", "USA", 1, ""}}, []string{"USA", "CHN"},
			[]stance.Dyad{dy("CHN", "USA", 0.4, stance.Consult, stance.RuleSubjectObject, text, "acted")},
			[]ErrorKind{NotLinked}, "predicted CHN->USA"},
		{"both ways of a one-way gold pair", []Dyad{{"USA", "CHN", 1, ""}}, []string{"USA", "CHN"},
			[]stance.Dyad{
				dy("CHN", "USA", 0.4, stance.Consult, stance.RuleJoint, text, "acted"),
				dy("USA", "CHN", 0.4, stance.Consult, stance.RuleJoint, text, "acted"),
			},
			[]ErrorKind{WrongPair}, "both in gold, not as this pair"},
		{"wrong-pair: other gold actors", []Dyad{{"USA", "CHN", -1, ""}, {"RUS", "GBR", -1, ""}}, []string{"USA", "CHN", "RUS", "GBR"},
			[]stance.Dyad{
				dy("USA", "CHN", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted"),
				dy("RUS", "GBR", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted"),
				dy("USA", "RUS", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted"),
			},
			[]ErrorKind{WrongPair}, "both in gold, not as this pair"},
		{"wrong-pair: actor not in gold", []Dyad{}, []string{"USA", "CHN"},
			[]stance.Dyad{dy("USA", "CHN", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted")},
			[]ErrorKind{WrongPair}, "not in gold: USA, CHN"},
		{"modality: request of a third party", []Dyad{{"USA", "JPN", -1, stance.Demand}}, []string{"USA", "JPN", "CHN"},
			[]stance.Dyad{
				dy("USA", "JPN", -0.4, stance.Demand, stance.RuleSubjectObject, "The U.S. urged Japan to sanction China.", "urged"),
				dy("JPN", "CHN", -0.4, stance.Sanction, stance.RuleInfinitive, "The U.S. urged Japan to sanction China.", "sanction"),
			},
			[]ErrorKind{Modality}, `marker "urged"`},
		{"modality: denial", []Dyad{}, []string{"ISR", "SYR"},
			[]stance.Dyad{dy("ISR", "SYR", -0.8, stance.Assault, stance.RuleSpeaker, "Israel denied that it attacked Syria.", "attacked")},
			[]ErrorKind{Modality}, `marker "denied"`},
		{"modality: question", []Dyad{}, []string{"USA", "IRN"},
			[]stance.Dyad{dy("USA", "IRN", -0.8, stance.Assault, stance.RuleSubjectObject, `Will the U.S. strike Iran?"`, "strike")},
			[]ErrorKind{Modality}, `marker "?"`},
		{"no modality: marker after the cue", []Dyad{}, []string{"USA", "IRN"},
			[]stance.Dyad{dy("USA", "IRN", -0.8, stance.Sanction, stance.RuleSubjectObject, "The U.S. sanctioned Iran, which would protest.", "sanctioned")},
			[]ErrorKind{WrongPair}, "not in gold: USA, IRN"},
		{"no modality: the month of May", []Dyad{}, []string{"USA", "IRN"},
			[]stance.Dyad{dy("USA", "IRN", -0.8, stance.Sanction, stance.RuleSubjectObject, "In May the U.S. sanctioned Iran.", "sanctioned")},
			[]ErrorKind{WrongPair}, "not in gold: USA, IRN"},
		{"wrong-direction before modality", []Dyad{{"IRN", "USA", -1, ""}}, []string{"USA", "IRN"},
			[]stance.Dyad{dy("USA", "IRN", -0.8, stance.Assault, stance.RuleSubjectObject, "If the U.S. attacks Iran.", "attacks")},
			[]ErrorKind{WrongDirection, WrongDirection}, "predicted USA->IRN"},
		{"polarity", []Dyad{{"USA", "CHN", 1, ""}}, []string{"USA", "CHN"},
			[]stance.Dyad{dy("USA", "CHN", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted")},
			[]ErrorKind{Polarity}, "gold +1"},
		{"right pair and sign", []Dyad{{"USA", "CHN", -1, ""}}, []string{"USA", "CHN"},
			[]stance.Dyad{dy("USA", "CHN", -0.4, stance.Disapprove, stance.RuleSubjectObject, text, "acted")},
			nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			items := []Item{{ID: "k", Text: text, Dyads: tc.gold}}
			r := evaluate(t, fake{text: result(tc.actors, tc.pred...)}, items, SplitAll)
			var got []ErrorKind
			var all []Mistake
			for _, l := range [][]Mistake{r.Misses, r.False, r.WrongSign} {
				for _, m := range l {
					got = append(got, m.Kind)
					all = append(all, m)
				}
			}
			if strings.Join(kindNames(got), " ") != strings.Join(kindNames(tc.want), " ") {
				t.Fatalf("kinds %v, want %v (%+v)", got, tc.want, all)
			}
			if len(all) > 0 && all[0].Detail != tc.detail {
				t.Errorf("detail %q, want %q", all[0].Detail, tc.detail)
			}
			counted := 0
			for _, k := range r.ErrorKinds {
				counted += k.Misses + k.False + k.WrongSign
			}
			if counted != len(all) || r.FN+r.FP+len(r.WrongSign) != len(all) {
				t.Errorf("error kinds count %d, FN+FP+wrong sign %d, want %d", counted, r.FN+r.FP+len(r.WrongSign), len(all))
			}
		})
	}
}

func kindNames(ks []ErrorKind) []string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return s
}

func TestEvaluateGroups(t *testing.T) {
	items := []Item{
		{ID: "1", Text: "1", Dyads: []Dyad{
			{"USA", "JPN", -1, stance.Demand},
			{"JPN", "USA", -1, stance.Disapprove},
			{"USA", "CHN", 1, stance.Consult},
		}},
		{ID: "2", Text: "2", Dyads: []Dyad{{"IRQ", "IRN", -1, stance.Disapprove}, {"FRA", "DEU", 1, ""}}},
	}
	sc := fake{
		"1": result([]string{"USA", "JPN", "CHN"},
			dy("USA", "JPN", -0.5, stance.Sanction, stance.RuleSubjectObject, "1", ""),
			dy("JPN", "USA", -0.5, stance.Disapprove, stance.RuleSpeaker, "1", ""),
			dy("CHN", "USA", 0.5, stance.Consult, stance.RuleJoint, "1", ""),
		),
		"2": result([]string{"IRQ", "IRN", "FRA", "DEU"},
			dy("IRQ", "IRN", -0.5, stance.Investigate, stance.RuleSubjectObject, "2", ""),
			dy("FRA", "DEU", 0.5, "", "", "2", ""),
		),
	}
	r := evaluate(t, sc, items, SplitAll)
	wantGold := []CategoryRecall{
		{stance.Consult, 1, 0, 0, 0},
		{stance.Demand, 1, 1, 1, 0},
		{stance.Disapprove, 2, 2, 1, 2}, // INVESTIGATE counts as DISAPPROVE
	}
	if !equalJSON(r.GoldCategories, wantGold) {
		t.Errorf("gold categories\n  %+v\nwant\n  %+v", r.GoldCategories, wantGold)
	}
	wantCats := []Group{
		{"CONSULT", 1, 0, 1, 0},
		{"INVESTIGATE", 1, 1, 0, 1},
		{"DISAPPROVE", 1, 1, 0, 1},
		{"SANCTION", 1, 1, 0, 1},
		{"none", 1, 1, 0, 1},
	}
	if !equalJSON(r.PredictedCategories, wantCats) {
		t.Errorf("predicted categories\n  %+v\nwant\n  %+v", r.PredictedCategories, wantCats)
	}
	wantRules := []Group{
		{"subject-object", 2, 2, 0, 1},
		{"joint", 1, 0, 1, 0},
		{"none", 1, 1, 0, 1},
		{"speaker", 1, 1, 0, 1},
	}
	if !equalJSON(r.Rules, wantRules) {
		t.Errorf("rules\n  %+v\nwant\n  %+v", r.Rules, wantRules)
	}
}

func equalJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestEvaluatePassesTheItem(t *testing.T) {
	date := time.Date(1987, 3, 28, 0, 0, 0, 0, time.UTC)
	var got stance.Article
	sc := ScorerFunc(func(a stance.Article) stance.Result { got = a; return stance.Result{} })
	evaluate(t, sc, []Item{{ID: "x", Text: "Reagan met Nakasone.", Date: date, Dyads: []Dyad{}}}, SplitAll)
	if got.ID != "x" || got.Body != "Reagan met Nakasone." || !got.PublishedAt.Equal(date) || got.Title != "" {
		t.Errorf("scored %+v, want the id, the text as body and the date", got)
	}
}

func TestEvaluateCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Evaluate(ctx, fake{}, []Item{{ID: "x", Dyads: []Dyad{}}}, SplitAll)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestWriteCapsErrors(t *testing.T) {
	items := []Item{{ID: "m", Text: "m", Dyads: []Dyad{{"USA", "CHN", -1, ""}, {"USA", "JPN", -1, ""}, {"USA", "RUS", -1, ""}}}}
	r := evaluate(t, fake{}, items, SplitAll)
	cases := []struct {
		max        int
		shown      int
		more, none bool
	}{
		{-1, 3, false, false},
		{0, 0, true, false},
		{2, 2, true, false},
		{3, 3, false, false},
	}
	for _, tc := range cases {
		var text, js bytes.Buffer
		if err := r.WriteText(&text, tc.max); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteJSON(&js, tc.max); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(text.String(), "  m  USA->"); n != tc.shown {
			t.Errorf("--errors %d: %d misses printed, want %d:\n%s", tc.max, n, tc.shown, text.String())
		}
		if got := strings.Contains(text.String(), "more\n"); got != tc.more {
			t.Errorf("--errors %d: 'more' line printed %v, want %v", tc.max, got, tc.more)
		}
		var back Report
		if err := json.Unmarshal(js.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		if len(back.Misses) != tc.shown || back.FN != 3 {
			t.Errorf("--errors %d: JSON has %d misses, FN %d, want %d and 3", tc.max, len(back.Misses), back.FN, tc.shown)
		}
	}
	if len(r.Misses) != 3 {
		t.Errorf("writing changed the report: %d misses", len(r.Misses))
	}
}

func TestWriteTextDeterministic(t *testing.T) {
	items := []Item{{ID: "1", Text: "1", Dyads: []Dyad{{"USA", "JPN", -1, stance.Demand}}}}
	sc := fake{"1": result([]string{"USA", "JPN", "CHN"},
		dy("CHN", "JPN", -0.5, stance.Sanction, stance.RuleSubjectObject, "1", ""),
		dy("USA", "CHN", -0.5, stance.Disapprove, stance.RuleSpeaker, "1", ""),
		dy("CHN", "USA", 0.5, stance.Consult, stance.RuleJoint, "1", ""),
	)}
	var first string
	for i := 0; i < 20; i++ {
		var b bytes.Buffer
		if err := evaluate(t, sc, items, SplitAll).WriteText(&b, -1); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, b.String(), first)
		}
	}
}
