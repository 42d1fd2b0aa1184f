package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/store"
)

func newDyadsCmd() *cobra.Command {
	var (
		f        connFlags
		from, to string
		format   string
		limit    int
	)
	cmd := &cobra.Command{
		Use:   "dyads",
		Short: "Print per directed dyad the number of articles and the mean score over a window",
		Long: `dyads reads per directed dyad (source -> target) the number of articles and
the mean stance score over [--from, --to) through the query interface that
the dashboards use (ClickHouse or the embedded store).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, err := parseWindow(from, to)
			if err != nil {
				return err
			}
			if format != "table" && format != "json" {
				return fmt.Errorf("--format must be table or json, got %q", format)
			}
			cfg, err := f.load()
			if err != nil {
				return err
			}
			cfg.ClickHouse.Migrate = false
			st, err := app.OpenStore(cmd.Context(), cfg, zap.NewNop())
			if err != nil {
				return err
			}
			defer st.Close()
			stats, err := st.DyadStats(cmd.Context(), w)
			if err != nil {
				return fmt.Errorf("querying dyads: %w", err)
			}
			if limit > 0 && len(stats) > limit {
				stats = stats[:limit]
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), stats)
			}
			return writeDyadTable(cmd.OutOrStdout(), stats)
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVar(&from, "from", "", "window start, RFC 3339 (default: open)")
	cmd.Flags().StringVar(&to, "to", "", "window end (exclusive), RFC 3339 (default: open)")
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many dyads (0: all)")
	return cmd
}

func parseWindow(from, to string) (store.Window, error) {
	var w store.Window
	for _, p := range []struct {
		name, v string
		dst     *time.Time
	}{{"--from", from, &w.From}, {"--to", to, &w.To}} {
		if p.v == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, p.v)
		if err != nil {
			return w, fmt.Errorf("%s: %q is not an RFC 3339 time (e.g. 2023-02-22T00:00:00Z)", p.name, p.v)
		}
		*p.dst = t.UTC()
	}
	if !w.From.IsZero() && !w.To.IsZero() && !w.From.Before(w.To) {
		return w, fmt.Errorf("--from %s is not before --to %s", from, to)
	}
	return w, nil
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeDyadTable(out io.Writer, stats []store.DyadStat) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "SOURCE\tTARGET\tARTICLES\tMEAN SCORE\t")
	for _, s := range stats {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%+.3f\t\n", s.Source, s.Target, s.Articles, s.MeanScore)
	}
	return tw.Flush()
}
