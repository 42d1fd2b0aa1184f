package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// WriteText writes the report for people: the summary, the tables per
// category, rule and error kind, then the mistakes, at most maxErrors per
// list (all when maxErrors is negative).
func (r *Report) WriteText(w io.Writer, maxErrors int) error {
	bw := bufio.NewWriter(w)
	if r.Split == SplitAll || r.Split == "" {
		fmt.Fprintf(bw, "items            %d\n", r.Items)
	} else {
		fmt.Fprintf(bw, "items            %d (split %s: %d-%d of %d)\n", r.Items, r.Split, r.First, r.Last, r.Total)
	}
	fmt.Fprintf(bw, "gold dyads       %d\n", r.Gold)
	if r.Optional > 0 {
		fmt.Fprintf(bw, "predicted dyads  %d (and %d optional, not counted)\n", r.Predicted, r.Optional)
	} else {
		fmt.Fprintf(bw, "predicted dyads  %d\n", r.Predicted)
	}
	fmt.Fprintf(bw, "TP %d  FP %d  FN %d\n", r.TP, r.FP, r.FN)
	fmt.Fprintf(bw, "precision        %.3f\n", r.Precision)
	fmt.Fprintf(bw, "recall           %.3f\n", r.Recall)
	fmt.Fprintf(bw, "F1               %.3f\n", r.F1)
	fmt.Fprintf(bw, "polarity acc.    %.3f (%d/%d)\n", r.PolarityAcc, r.PolarityOK, r.TP)

	fmt.Fprintf(bw, "\n%-20s %6s %6s %7s %10s\n", "gold category", "gold", "found", "recall", "same cat.")
	for _, c := range r.GoldCategories {
		fmt.Fprintf(bw, "  %-18s %6d %6d %7.3f %10d\n", c.Category, c.Gold, c.Found, c.Recall, c.SameCategory)
	}
	if len(r.GoldCategories) == 0 {
		fmt.Fprintln(bw, "  (no gold dyad has a category)")
	}
	writeGroups(bw, "predicted category", r.PredictedCategories)
	writeGroups(bw, "direction rule", r.Rules)

	fmt.Fprintf(bw, "\n%-20s %6s %6s %10s\n", "error kind", "missed", "false", "wrong sign")
	var miss, fals, sign int
	for _, k := range r.ErrorKinds {
		fmt.Fprintf(bw, "  %-18s %6d %6d %10d\n", k.Kind, k.Misses, k.False, k.WrongSign)
		miss, fals, sign = miss+k.Misses, fals+k.False, sign+k.WrongSign
	}
	fmt.Fprintf(bw, "  %-18s %6d %6d %10d\n", "total", miss, fals, sign)

	sections := []struct {
		title string
		list  []Mistake
	}{
		{"missed dyads", r.Misses},
		{"false dyads", r.False},
		{"wrong polarity", r.WrongSign},
	}
	for _, s := range sections {
		fmt.Fprintf(bw, "\n%s (%d):\n", s.title, len(s.list))
		shown := capList(s.list, maxErrors)
		for _, m := range shown {
			writeMistake(bw, m)
		}
		if n := len(s.list) - len(shown); n > 0 {
			fmt.Fprintf(bw, "  ... %d more\n", n)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// writeGroups writes the table of one grouping of the predictions.
func writeGroups(w io.Writer, title string, gs []Group) {
	fmt.Fprintf(w, "\n%-20s %6s %6s %6s %9s\n", title, "pred.", "TP", "FP", "precision")
	for _, g := range gs {
		fmt.Fprintf(w, "  %-18s %6d %6d %6d %9.3f\n", g.Name, g.Predicted, g.TP, g.FP, g.Precision)
	}
	if len(gs) == 0 {
		fmt.Fprintln(w, "  (no predictions)")
	}
}

// writeMistake writes one mistake on one line:
// id, pair, sign, kind (detail) [category, rule], sentence.
func writeMistake(w io.Writer, m Mistake) {
	fmt.Fprintf(w, "  %s  %s->%s %+d  %s", m.ID, m.Source, m.Target, m.Polarity, m.Kind)
	if m.Detail != "" {
		fmt.Fprintf(w, " (%s)", m.Detail)
	}
	switch {
	case m.Category != "" && m.Rule != "":
		fmt.Fprintf(w, " [%s, %s]", m.Category, m.Rule)
	case m.Category != "":
		fmt.Fprintf(w, " [%s]", m.Category)
	case m.Rule != "":
		fmt.Fprintf(w, " [%s]", m.Rule)
	}
	fmt.Fprintf(w, "  %s\n", m.Text)
}

// WriteJSON writes the report as indented JSON, with at most maxErrors
// mistakes per list (all when maxErrors is negative); the counts always
// cover every mistake.
func (r *Report) WriteJSON(w io.Writer, maxErrors int) error {
	c := *r
	c.Misses, c.False, c.WrongSign = capList(r.Misses, maxErrors), capList(r.False, maxErrors), capList(r.WrongSign, maxErrors)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// capList returns the first max mistakes of l, or all when max is negative.
func capList(l []Mistake, max int) []Mistake {
	if max < 0 || len(l) <= max {
		return l
	}
	return l[:max]
}
