package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/internal/jsonl"
	"github.com/stancemon/stancemon/stance"
)

// defaultMaxLine is the default size limit of one JSON Lines input line.
const defaultMaxLine = 4 << 20

// scoreOptions are the flags of "stancemon score".
type scoreOptions struct {
	input     string
	format    string
	actors    string
	published string
	maxLine   int
}

// newScoreCmd builds "stancemon score".
func newScoreCmd() *cobra.Command {
	var o scoreOptions
	cmd := &cobra.Command{
		Use:   "score [FILE|-]",
		Short: "Score articles into directed stances between countries",
		Long: `Score reads one plain-text or HTML article (the default), or with
--input jsonl one JSON object a line ({"id","text"} or
{"id","title","body","published_at"}; other fields are ignored), and
prints the tone, the actors and the directed stances (dyads) found. With
no FILE or "-" it reads stdin.

A malformed JSON line is reported on stderr with its line number; the other
lines are still scored and the exit status is non-zero.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, closeIn, err := openInput(cmd.InOrStdin(), args)
			if err != nil {
				return err
			}
			defer closeIn()
			return runScore(in, cmd.OutOrStdout(), cmd.ErrOrStderr(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.input, "input", "text", "input format: text (one article) or jsonl (one article a line)")
	fl.StringVar(&o.format, "format", "", "output format: table, json or jsonl (default table for text input, jsonl for jsonl input)")
	fl.StringVar(&o.actors, "actors", "", "YAML file of actor overrides added to the embedded gazetteer")
	fl.StringVar(&o.published, "published", "", "publication date of a text article (YYYY-MM-DD or RFC 3339): officials count while in office then")
	fl.IntVar(&o.maxLine, "max-line", defaultMaxLine, "size limit of one JSON Lines input line, in bytes")
	return cmd
}

// parsePublished parses a --published value: empty, YYYY-MM-DD or RFC 3339.
func parsePublished(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := article.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--published: %w", err)
	}
	return t, nil
}

// openInput opens the file named by args, or returns stdin for none or "-".
func openInput(stdin io.Reader, args []string) (io.Reader, func(), error) {
	if len(args) == 0 || args[0] == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, nil, fmt.Errorf("opening input: %w", err)
	}
	return f, func() { f.Close() }, nil
}

// errBadLines is returned when some input lines could not be decoded.
var errBadLines = errors.New("some input lines were malformed")

// runScore scores the input and writes the results.
func runScore(in io.Reader, out, errOut io.Writer, o scoreOptions) error {
	if o.input != "text" && o.input != "jsonl" {
		return fmt.Errorf("--input must be text or jsonl, not %q", o.input)
	}
	if o.format == "" {
		o.format = "table"
		if o.input == "jsonl" {
			o.format = "jsonl"
		}
	}
	if o.format != "table" && o.format != "json" && o.format != "jsonl" {
		return fmt.Errorf("--format must be table, json or jsonl, not %q", o.format)
	}
	if o.maxLine < 1 {
		return fmt.Errorf("--max-line must be positive, not %d", o.maxLine)
	}
	published, err := parsePublished(o.published)
	if err != nil {
		return err
	}
	sc, err := app.NewScorer(o.actors)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	if o.input == "text" {
		body, err := io.ReadAll(in)
		if err != nil {
			return fmt.Errorf("reading article: %w", err)
		}
		res := sc.Score(stance.Article{Body: string(body), PublishedAt: published})
		if err := writeScored(w, o.format, scoredArticle{Result: res}); err != nil {
			return err
		}
		return flushOut(w)
	}
	bad := 0
	err = jsonl.Scan(in, jsonl.Options{MaxLine: o.maxLine}, func(n int, line []byte, err error) error {
		var m article.Message
		if err == nil {
			m, err = article.DecodeLenient(line)
		}
		if err != nil {
			bad++
			fmt.Fprintf(errOut, "stancemon score: line %d: %v\n", n, err)
			return nil
		}
		return writeScored(w, o.format, scoredArticle{ID: m.ID, Result: sc.Score(m.Stance())})
	})
	if err != nil {
		return err
	}
	if err := flushOut(w); err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d of the input lines: %w", bad, errBadLines)
	}
	return nil
}

// flushOut flushes the buffered output.
func flushOut(w *bufio.Writer) error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// scoredArticle is one output record.
type scoredArticle struct {
	ID string `json:"id"`
	stance.Result
}

// writeScored writes one result in the given format.
func writeScored(w io.Writer, format string, r scoredArticle) error {
	if r.Dyads == nil {
		r.Dyads = []stance.Dyad{}
	}
	var err error
	switch format {
	case "jsonl":
		var b []byte
		if b, err = json.Marshal(r); err == nil {
			b = append(b, '\n')
			_, err = w.Write(b)
		}
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	default:
		err = writeScoreTable(w, r)
	}
	if err != nil {
		return fmt.Errorf("writing result: %w", err)
	}
	return nil
}

// writeScoreTable writes a result as a human-readable table.
func writeScoreTable(w io.Writer, r scoredArticle) error {
	if r.ID != "" {
		fmt.Fprintf(w, "article %s\n", r.ID)
	}
	fmt.Fprintf(w, "tone %+.2f\n", r.Tone)
	codes := make([]string, 0, len(r.Actors))
	for c := range r.Actors {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s:%d", c, r.Actors[c])
	}
	fmt.Fprintf(w, "actors %s\n", strings.Join(parts, " "))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tTARGET\tSCORE\tCATEGORY\tCONF\tN\tEVIDENCE")
	for _, d := range r.Dyads {
		ev := ""
		if len(d.Evidence) > 0 {
			ev = truncate(d.Evidence[0].Text, 90)
		}
		fmt.Fprintf(tw, "%s\t%s\t%+.2f\t%s\t%.2f\t%d\t%s\n", d.Source, d.Target, d.Score, d.Category, d.Confidence, len(d.Evidence), ev)
	}
	return tw.Flush()
}

// truncate shortens s to at most n runes, with "..." when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-3]) + "..."
}
