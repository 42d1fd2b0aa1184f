package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
	"golang.org/x/term"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/internal/obs"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/simulate"
	"github.com/stancemon/stancemon/store"
)

func newDemoCmd() *cobra.Command {
	var (
		f     connFlags
		serve bool
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole pipeline on embedded defaults with a built-in sample stream",
		Long: `demo starts an embedded Kafka-protocol broker, publishes the built-in sample
stream (about 2,000 synthetic articles over three days, in which China's
stance toward the Philippines turns hostile), runs the pipeline into the
embedded store (or ClickHouse with --clickhouse), then prints the stance
table and serves the dashboard until interrupted (--serve, the default on a
terminal).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("serve") {
				serve = term.IsTerminal(int(os.Stdin.Fd()))
			}
			return runDemo(cmd.Context(), cmd.OutOrStdout(), &f, serve)
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVar(&f.http, "http", "127.0.0.1:8080", "listen address of the dashboard and metrics")
	cmd.Flags().BoolVar(&serve, "serve", false, "keep serving the dashboard after the stream is processed (default: when run on a terminal)")
	return cmd
}

func runDemo(ctx context.Context, out io.Writer, f *connFlags, serve bool) error {
	if f.storePath == "" {
		f.storePath = filepath.Join("stancemon-demo", "demo.db")
	}
	cfg, err := f.load()
	if err != nil {
		return err
	}
	log, err := obs.NewLogger("console", "warn")
	if err != nil {
		return err
	}
	defer log.Sync() //nolint:errcheck // stderr sync errors are not actionable

	b, err := broker.Start(broker.Config{Addr: "127.0.0.1:0", Partitions: 3})
	if err != nil {
		return err
	}
	defer b.Close()
	cfg.Kafka.Brokers = []string{b.Addr()}
	cfg.Kafka.Group = "stancemon-demo"
	fmt.Fprintf(out, "embedded broker on %s\n", b.Addr())

	if cfg.ClickHouse.DSN == "" {
		// A fresh store each time: the broker is new, so are its offsets.
		if err := resetStore(cfg.Embedded.Path); err != nil {
			return err
		}
	}
	st, err := app.OpenStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()

	n, err := publishSample(ctx, cfg.Kafka.Brokers, cfg.Kafka.Topic)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "published %d sample articles to topic %q\n", n, cfg.Kafka.Topic)

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var processed atomic.Int64
	caughtUp := make(chan struct{})
	runErr := make(chan error, 1)
	go func() {
		runErr <- app.RunWithStore(runCtx, cfg, st, log, app.Options{
			OnCommit: func(m int) {
				if processed.Add(int64(m)) == int64(n) {
					close(caughtUp)
				}
			},
			OnServe: func(addr string) { fmt.Fprintf(out, "dashboard and metrics on http://%s/\n", addr) },
		})
	}()
	select {
	case <-caughtUp:
	case err := <-runErr:
		return fmt.Errorf("pipeline stopped before the sample was processed: %w", err)
	case <-ctx.Done():
		stop()
		return errors.Join(<-runErr, ctx.Err())
	}
	fmt.Fprintf(out, "processed %d articles into %s\n\n", n, storeName(cfg))
	if err := printStances(ctx, out, st); err != nil {
		return err
	}
	if err := replayAlerts(ctx, out, cfg, st, log); err != nil {
		return err
	}
	if serve && cfg.HTTP.Addr != "" {
		fmt.Fprintf(out, "\nserving the dashboard; press Ctrl-C to stop\n")
		<-ctx.Done()
	}
	stop()
	return <-runErr
}

// replayAlerts evaluates the built-in alert rules over the sample stream
// as a live evaluator would have, every 5 minutes of its time, and prints
// the alerts that fired (they are in the store's alert log, so the
// dashboard shows them too).
func replayAlerts(ctx context.Context, out io.Writer, cfg config.Config, st store.Backend, log *zap.Logger) error {
	cfg.Alerts.Rules = []string{alerts.Builtin}
	cfg.Alerts.Clock = alerts.ClockData
	start := simulate.DemoConfig().Start
	m, err := app.NewAlertManager(cfg, st, log, nil, start)
	if err != nil {
		return err
	}
	defer m.Close()
	latest, err := st.Latest(ctx)
	if err != nil {
		return fmt.Errorf("reading the newest article time: %w", err)
	}
	if err := m.Replay(ctx, start, latest, 5*time.Minute); err != nil {
		return err
	}
	recs, err := st.Alerts(ctx, store.Window{}, store.DyadFilter{}, 20)
	if err != nil {
		return fmt.Errorf("reading alerts: %w", err)
	}
	fmt.Fprintf(out, "\nalerts of the built-in rules, replayed over the stream every 5 minutes of its time: %d\n", len(recs))
	for _, r := range recs {
		fmt.Fprintf(out, "  %-26s %s -> %s  %-8s fired %s", r.Rule, r.Source, r.Target, r.State, r.FiredAt.Format("2006-01-02 15:04"))
		if !r.ResolvedAt.IsZero() {
			fmt.Fprintf(out, ", resolved %s", r.ResolvedAt.Format("2006-01-02 15:04"))
		}
		fmt.Fprintf(out, "\n    %s\n", r.Annotations["summary"])
	}
	return nil
}

// publishSample publishes the built-in sample stream and returns its size.
func publishSample(ctx context.Context, brokers []string, topic string) (int, error) {
	g, err := simulate.New(simulate.DemoConfig())
	if err != nil {
		return 0, fmt.Errorf("creating the sample stream: %w", err)
	}
	w, err := kafka.NewProducer(kafka.Options{Brokers: brokers, ClientID: "stancemon-demo"}, topic)
	if err != nil {
		return 0, err
	}
	defer w.Close()
	return simulate.Pace(ctx, g, simulate.NewKafkaSink(w), 0, nil, nil)
}

func resetStore(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the demo directory: %w", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("removing the previous demo store: %w", err)
		}
	}
	return nil
}

func storeName(cfg config.Config) string {
	if cfg.ClickHouse.DSN != "" {
		return "ClickHouse"
	}
	return "the embedded store " + cfg.Embedded.Path
}

// printStances prints the stance table of the whole stream.
func printStances(ctx context.Context, out io.Writer, q store.Querier) error {
	stats, err := q.DyadStats(ctx, store.Window{})
	if err != nil {
		return fmt.Errorf("querying dyads: %w", err)
	}
	if len(stats) > 20 {
		stats = stats[:20]
	}
	fmt.Fprintln(out, "stance by directed dyad over the whole stream (mean score: -1 hostile ... +1 cooperative)")
	return writeDyadTable(out, stats)
}
