package eval_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/stancemon/stancemon/eval"
	"github.com/stancemon/stancemon/stance"
)

func ExampleEvaluate() {
	gold := `{"id": "1", "text": "Japan and the U.S. agreed on chips.", "date": "1987-07-31", "dyads": [{"source": "JPN", "target": "USA", "polarity": 1, "category": "AGREE"}, {"source": "USA", "target": "JPN", "polarity": 1, "category": "AGREE"}]}
{"id": "2", "text": "Tokyo denied that it dumped chips in the U.S.", "dyads": [], "note": "a denied claim"}`
	items, err := eval.ReadGold(strings.NewReader(gold), eval.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	// A stand-in for stance.NewScorer(): one direction of the agreement, and
	// the denied dumping taken as an act.
	state := func(src, tgt string, score float64, cat stance.Category, rule stance.Rule, text, cue string) stance.Dyad {
		i := strings.Index(text, cue)
		return stance.Dyad{Source: src, Target: tgt, SourceKind: stance.KindState, TargetKind: stance.KindState,
			Score: score, Category: cat, Evidence: []stance.Evidence{{Text: text, Rule: rule,
				Cues: []stance.Cue{{Text: cue, Start: i, End: i + len(cue), Category: cat}}}}}
	}
	sc := eval.ScorerFunc(func(a stance.Article) stance.Result {
		switch a.ID {
		case "1":
			return stance.Result{Actors: map[string]int{"JPN": 1, "USA": 1},
				Dyads: []stance.Dyad{state("JPN", "USA", 0.6, stance.Agree, stance.RuleSubjectObject, a.Body, "agreed")}}
		default:
			return stance.Result{Actors: map[string]int{"JPN": 1, "USA": 1},
				Dyads: []stance.Dyad{state("JPN", "USA", -0.4, stance.Coerce, stance.RuleSpeaker, a.Body, "dumped")}}
		}
	})
	r, err := eval.Evaluate(context.Background(), sc, items, eval.SplitAll)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("TP %d FP %d FN %d, F1 %.2f\n", r.TP, r.FP, r.FN, r.F1)
	for _, c := range r.GoldCategories {
		fmt.Printf("%s: recall %.2f\n", c.Category, c.Recall)
	}
	for _, m := range append(r.Misses, r.False...) {
		fmt.Printf("%s %s->%s: %s (%s)\n", m.ID, m.Source, m.Target, m.Kind, m.Detail)
	}
	// Output:
	// TP 1 FP 1 FN 1, F1 0.50
	// AGREE: recall 0.50
	// 1 USA->JPN: not-linked (predicted JPN->USA)
	// 2 JPN->USA: modality (marker "denied")
}
