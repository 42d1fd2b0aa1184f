package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/eval"
)

// evalOptions are the flags of "stancemon eval".
type evalOptions struct {
	gold    string
	json    bool
	actors  string
	maxLine int
	maxFile int64
	split   string
	errors  int
}

// newEvalCmd builds "stancemon eval"; the eval package does the work.
func newEvalCmd() *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold FILE",
		Short: "Measure the scorer against gold directed dyads",
		Long: `Eval scores each gold sentence ({"id","text","dyads":[{"source","target",
"polarity"}]} a line; optional "date", dyad "category" and "optional" pairs;
other fields ignored) and prints precision, recall and F1 of the directed
state-to-state dyads, the polarity accuracy on the matched dyads, recall per
gold category, precision per predicted category and per direction rule, the
errors by kind, then every missed and false dyad and wrong sign with its
sentence. The package documentation of eval defines the error kinds.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.gold == "" {
				return errors.New("--gold is required")
			}
			split, err := eval.ParseSplit(o.split)
			if err != nil {
				return fmt.Errorf("--split: %w", err)
			}
			f, err := os.Open(o.gold)
			if err != nil {
				return fmt.Errorf("opening gold: %w", err)
			}
			defer f.Close()
			items, err := eval.ReadGold(f, eval.Limits{MaxLine: o.maxLine, MaxFile: o.maxFile})
			if err != nil {
				return fmt.Errorf("%s: %w", o.gold, err)
			}
			sc, err := app.NewScorer(o.actors)
			if err != nil {
				return err
			}
			rep, err := eval.Evaluate(cmd.Context(), sc, items, split)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			if o.json {
				err = rep.WriteJSON(w, o.errors)
			} else {
				err = rep.WriteText(w, o.errors)
			}
			if err != nil {
				return err
			}
			return flushOut(w)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.gold, "gold", "", "gold file, JSON Lines (required)")
	fl.BoolVar(&o.json, "json", false, "print the report as JSON")
	fl.StringVar(&o.actors, "actors", "", "YAML file of actor overrides added to the embedded gazetteer")
	fl.IntVar(&o.maxLine, "max-line", eval.DefaultMaxLine, "size limit of one gold line, in bytes")
	fl.Int64Var(&o.maxFile, "max-file", eval.DefaultMaxFile, "size limit of the gold file, in bytes")
	fl.StringVar(&o.split, "split", "all", "items to evaluate: first or second half of the file, or all")
	fl.IntVar(&o.errors, "errors", -1, "print at most this many missed, false and wrong-sign dyads each (-1: all)")
	return cmd
}
