package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/segmentio/kafka-go"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/internal/app"
	"github.com/stancemon/stancemon/internal/obs"
	"github.com/stancemon/stancemon/internal/publish"
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
			return runDemo(cmd.Context(), &f, serve)
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVar(&f.http, "http", "127.0.0.1:8080", "listen address of the dashboard and metrics")
	cmd.Flags().BoolVar(&serve, "serve", false, "keep serving the dashboard after the stream is processed (default: when run on a terminal)")
	return cmd
}

func runDemo(ctx context.Context, f *connFlags, serve bool) error {
	out := os.Stdout
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
	if serve && cfg.HTTP.Addr != "" {
		fmt.Fprintf(out, "\nserving the dashboard; press Ctrl-C to stop\n")
		<-ctx.Done()
	}
	stop()
	return <-runErr
}

// publishSample publishes the built-in sample stream and returns its size.
func publishSample(ctx context.Context, brokers []string, topic string) (int, error) {
	g, err := simulate.New(simulate.DemoConfig())
	if err != nil {
		return 0, fmt.Errorf("creating the sample stream: %w", err)
	}
	w := publish.NewWriter(brokers, topic)
	defer w.Close()
	var msgs []kafka.Message
	for m, ok := g.Next(); ok; m, ok = g.Next() {
		v, err := json.Marshal(m)
		if err != nil {
			return 0, fmt.Errorf("encoding sample article %s: %w", m.ID, err)
		}
		msgs = append(msgs, kafka.Message{Key: []byte(m.ID), Value: v})
	}
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		return 0, fmt.Errorf("publishing the sample stream: %w", err)
	}
	return len(msgs), nil
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
func printStances(ctx context.Context, out *os.File, q store.Querier) error {
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
