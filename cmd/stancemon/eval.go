package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/stance"
)

// evalOptions are the flags of "stancemon eval".
type evalOptions struct {
	gold    string
	json    bool
	actors  string
	maxLine int
}

// newEvalCmd builds "stancemon eval".
func newEvalCmd() *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold FILE",
		Short: "Measure the scorer against gold directed dyads",
		Long: `Eval scores each gold sentence ({"id","text","dyads":[{"source","target",
"polarity"}]} a line) and prints precision, recall and F1 of the directed
state-to-state dyads (dyads with an organisation are ignored on both sides),
the polarity accuracy on the matched dyads, then every missed and every
false dyad with its sentence.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.gold == "" {
				return errors.New("--gold is required")
			}
			f, err := os.Open(o.gold)
			if err != nil {
				return fmt.Errorf("opening gold: %w", err)
			}
			defer f.Close()
			items, err := readGold(f, o.maxLine)
			if err != nil {
				return err
			}
			sc, err := newScorerFromFile(o.actors)
			if err != nil {
				return err
			}
			rep := evaluate(items, func(text string) []stance.Dyad {
				return sc.Score(stance.Article{Body: text}).Dyads
			}, sc.Gazetteer().IsState)
			w := bufio.NewWriter(cmd.OutOrStdout())
			if o.json {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return fmt.Errorf("writing report: %w", err)
				}
			} else {
				writeEvalReport(w, rep)
			}
			return flushOut(w)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.gold, "gold", "", "gold file, JSON Lines (required)")
	fl.BoolVar(&o.json, "json", false, "print the report as JSON")
	fl.StringVar(&o.actors, "actors", "", "YAML file of actor overrides added to the embedded gazetteer")
	fl.IntVar(&o.maxLine, "max-line", 1<<20, "size limit of one gold line, in bytes")
	return cmd
}

// goldDyad is one gold directed dyad.
type goldDyad struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Polarity int    `json:"polarity"`
}

// goldItem is one gold sentence.
type goldItem struct {
	ID    string     `json:"id"`
	Text  string     `json:"text"`
	Dyads []goldDyad `json:"dyads"`
}

// readGold reads and validates a gold file; errors name the line.
func readGold(r io.Reader, maxLine int) ([]goldItem, error) {
	var items []goldItem
	err := scanLines(r, maxLine, func(n int, line []byte, err error) error {
		if err != nil {
			return fmt.Errorf("reading gold: line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		it, err := decodeGoldLine(line)
		if err != nil {
			return fmt.Errorf("reading gold: line %d: %w", n, err)
		}
		items = append(items, it)
		return nil
	})
	return items, err
}

// decodeGoldLine decodes and validates one gold line.
func decodeGoldLine(line []byte) (goldItem, error) {
	var it goldItem
	var raw struct {
		ID    *string          `json:"id"`
		Text  *string          `json:"text"`
		Dyads *json.RawMessage `json:"dyads"`
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return it, fmt.Errorf("decoding gold item: %w", err)
	}
	if dec.More() {
		return it, errors.New("decoding gold item: trailing data after the JSON object")
	}
	switch {
	case raw.ID == nil || *raw.ID == "":
		return it, errors.New("id: missing or empty")
	case raw.Text == nil:
		return it, fmt.Errorf("item %q: text: missing", *raw.ID)
	case raw.Dyads == nil:
		return it, fmt.Errorf("item %q: dyads: missing or null (use [] for none)", *raw.ID)
	}
	it.ID, it.Text = *raw.ID, *raw.Text
	dd := json.NewDecoder(bytes.NewReader(*raw.Dyads))
	dd.DisallowUnknownFields()
	if err := dd.Decode(&it.Dyads); err != nil {
		return it, fmt.Errorf("item %q: dyads: %w", it.ID, err)
	}
	for i, d := range it.Dyads {
		switch {
		case !isStateCode(d.Source):
			return it, fmt.Errorf("item %q: dyads[%d]: source %q is not a 3-letter upper-case code", it.ID, i, d.Source)
		case !isStateCode(d.Target):
			return it, fmt.Errorf("item %q: dyads[%d]: target %q is not a 3-letter upper-case code", it.ID, i, d.Target)
		case d.Source == d.Target:
			return it, fmt.Errorf("item %q: dyads[%d]: source and target are both %q", it.ID, i, d.Source)
		case d.Polarity != 1 && d.Polarity != -1:
			return it, fmt.Errorf("item %q: dyads[%d]: polarity must be 1 or -1, not %d", it.ID, i, d.Polarity)
		}
	}
	return it, nil
}

// isStateCode reports whether s looks like an ISO 3166-1 alpha-3 code.
func isStateCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// pairKey is a directed (source, target) pair.
type pairKey struct{ Source, Target string }

// evalDyad is a dyad in the report: a miss or a false dyad.
type evalDyad struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Polarity int    `json:"polarity"`
	Text     string `json:"text"`
}

// evalReport is the result of an evaluation.
type evalReport struct {
	Items       int        `json:"items"`
	Gold        int        `json:"gold_dyads"`
	Predicted   int        `json:"predicted_dyads"`
	TP          int        `json:"tp"`
	FP          int        `json:"fp"`
	FN          int        `json:"fn"`
	Precision   float64    `json:"precision"`
	Recall      float64    `json:"recall"`
	F1          float64    `json:"f1"`
	PolarityOK  int        `json:"polarity_ok"`
	PolarityAcc float64    `json:"polarity_accuracy"`
	Misses      []evalDyad `json:"misses"`
	False       []evalDyad `json:"false_dyads"`
	WrongSign   []evalDyad `json:"wrong_polarity"`
}

// evaluate scores every item with predict and compares the directed
// state-to-state dyads with the gold ones. isState tells states from
// organisations; dyads with a non-state are ignored on both sides.
func evaluate(items []goldItem, predict func(text string) []stance.Dyad, isState func(string) bool) evalReport {
	rep := evalReport{Items: len(items), Misses: []evalDyad{}, False: []evalDyad{}, WrongSign: []evalDyad{}}
	for _, it := range items {
		gold := map[pairKey]int{}
		var goldOrder []pairKey
		for _, d := range it.Dyads {
			k := pairKey{d.Source, d.Target}
			if !isState(d.Source) || !isState(d.Target) {
				continue
			}
			if _, dup := gold[k]; !dup {
				goldOrder = append(goldOrder, k)
			}
			gold[k] = d.Polarity
		}
		pred := map[pairKey]int{}
		var predOrder []pairKey
		for _, d := range predict(it.Text) {
			k := pairKey{d.Source, d.Target}
			if !isState(d.Source) || !isState(d.Target) || d.Source == d.Target {
				continue
			}
			if _, dup := pred[k]; !dup {
				predOrder = append(predOrder, k)
			}
			pred[k] = polarityOf(d.Score)
		}
		rep.Gold += len(gold)
		rep.Predicted += len(pred)
		for _, k := range goldOrder {
			p, ok := pred[k]
			if !ok {
				rep.FN++
				rep.Misses = append(rep.Misses, evalDyad{it.ID, k.Source, k.Target, gold[k], it.Text})
				continue
			}
			rep.TP++
			if p == gold[k] {
				rep.PolarityOK++
			} else {
				rep.WrongSign = append(rep.WrongSign, evalDyad{it.ID, k.Source, k.Target, p, it.Text})
			}
		}
		for _, k := range predOrder {
			if _, ok := gold[k]; !ok {
				rep.FP++
				rep.False = append(rep.False, evalDyad{it.ID, k.Source, k.Target, pred[k], it.Text})
			}
		}
	}
	rep.Precision = ratio(rep.TP, rep.TP+rep.FP)
	rep.Recall = ratio(rep.TP, rep.TP+rep.FN)
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	rep.PolarityAcc = ratio(rep.PolarityOK, rep.TP)
	return rep
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

// writeEvalReport prints a report for people.
func writeEvalReport(w io.Writer, r evalReport) {
	fmt.Fprintf(w, "items            %d\n", r.Items)
	fmt.Fprintf(w, "gold dyads       %d\n", r.Gold)
	fmt.Fprintf(w, "predicted dyads  %d\n", r.Predicted)
	fmt.Fprintf(w, "TP %d  FP %d  FN %d\n", r.TP, r.FP, r.FN)
	fmt.Fprintf(w, "precision        %.3f\n", r.Precision)
	fmt.Fprintf(w, "recall           %.3f\n", r.Recall)
	fmt.Fprintf(w, "F1               %.3f\n", r.F1)
	fmt.Fprintf(w, "polarity acc.    %.3f (%d/%d)\n", r.PolarityAcc, r.PolarityOK, r.TP)
	sections := []struct {
		title string
		list  []evalDyad
	}{
		{"missed dyads", r.Misses},
		{"false dyads", r.False},
		{"wrong polarity", r.WrongSign},
	}
	for _, s := range sections {
		fmt.Fprintf(w, "\n%s (%d):\n", s.title, len(s.list))
		for _, d := range s.list {
			fmt.Fprintf(w, "  %s  %s->%s %+d  %s\n", d.ID, d.Source, d.Target, d.Polarity, d.Text)
		}
	}
}
