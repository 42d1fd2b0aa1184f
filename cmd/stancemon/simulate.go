package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/internal/publish"
	"github.com/stancemon/stancemon/simulate"
)

// simulateOptions are the flags of "stancemon simulate".
type simulateOptions struct {
	config  string
	brokers string
	topic   string
	output  string
	speed   float64
	seed    uint64
}

func newSimulateCmd() *cobra.Command {
	var o simulateOptions
	cmd := &cobra.Command{
		Use:   "simulate",
		Short: "Generate a synthetic article stream with known stance shifts",
		Long: `simulate generates a deterministic stream of synthetic English news
articles about directed dyads whose stance shifts at known times (the
built-in demo stream, or the one described by --config), and publishes it
to a Kafka topic (--brokers, keyed by article id) or writes it as JSON Lines
(-o FILE, or -o - for stdout; the default without --brokers).

With --speed N the articles go out N times faster than their publication
times (3600: one simulated hour per second); with 0, the default, as fast
as possible.

A --config file is YAML:

  seed: 1
  start: 2025-03-03T00:00:00Z
  duration: 72h
  rate: 20            # articles per simulated hour
  noise: 0.2          # standard deviation of an article's stance
  filler: 0.1         # share of articles about one state only
  outlets: [Reuters, Kyodo]
  dyads:
    - {source: CHN, target: PHL, base: -0.1, weight: 2, shifts: [{at: 48h, to: -0.7}]}
    - {source: RUS, target: CHN, base: 0.6}`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSimulate(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), o, cmd.Flags().Changed("seed"))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.config, "config", "", "YAML file describing the stream (default: the built-in demo stream)")
	fl.StringVar(&o.brokers, "brokers", "", "Kafka bootstrap brokers, comma-separated: publish to --topic")
	fl.StringVar(&o.topic, "topic", "articles", "topic to publish to")
	fl.StringVarP(&o.output, "output", "o", "", `JSON Lines output file, "-" for stdout (the default without --brokers)`)
	fl.Float64Var(&o.speed, "speed", 0, "real-time factor: simulated time per wall-clock time (0: as fast as possible)")
	fl.Uint64Var(&o.seed, "seed", 0, "seed overriding the configuration's")
	return cmd
}

func runSimulate(ctx context.Context, stdout, stderr io.Writer, o simulateOptions, seedSet bool) error {
	if o.brokers != "" && o.output != "" {
		return errors.New("--brokers and --output are exclusive: publish to Kafka or write JSON Lines")
	}
	if o.speed < 0 {
		return fmt.Errorf("--speed must not be negative, got %v", o.speed)
	}
	cfg := simulate.DemoConfig()
	if o.config != "" {
		b, err := os.ReadFile(o.config)
		if err != nil {
			return fmt.Errorf("reading the simulation config: %w", err)
		}
		if cfg, err = simulate.ParseConfig(b); err != nil {
			return fmt.Errorf("%s: %w", o.config, err)
		}
	}
	if seedSet {
		cfg.Seed = o.seed
	}
	g, err := simulate.New(cfg)
	if err != nil {
		return err
	}
	var sink messageSink
	switch {
	case o.brokers != "":
		w := publish.NewWriter(strings.Split(o.brokers, ","), o.topic)
		defer w.Close()
		sink = &kafkaSink{w: w}
	case o.output == "" || o.output == "-":
		sink = newLineSink(stdout)
	default:
		f, err := os.Create(o.output)
		if err != nil {
			return fmt.Errorf("creating the output file: %w", err)
		}
		defer f.Close()
		sink = newLineSink(f)
	}
	n, err := pace(ctx, g, sink, o.speed, time.Now, sleepCtx)
	if err != nil {
		return err
	}
	if o.brokers != "" {
		fmt.Fprintf(stderr, "published %d articles to topic %q\n", n, o.topic)
	}
	return nil
}

// messageSink receives the generated articles.
type messageSink interface {
	// Add buffers one article.
	Add(m article.Message) error
	// Flush sends what is buffered.
	Flush(ctx context.Context) error
}

// pace sends the articles of g to sink, speed times faster than their
// publication times (as fast as possible when speed is 0), and returns how
// many it sent. Buffered articles are flushed before each wait.
func pace(ctx context.Context, g *simulate.Generator, sink messageSink, speed float64, now func() time.Time, sleep func(context.Context, time.Duration) error) (int, error) {
	const batch = 500
	var (
		n          int
		first      time.Time
		wallStart  time.Time
		sinceFlush int
	)
	for m, ok := g.Next(); ok; m, ok = g.Next() {
		if speed > 0 {
			if first.IsZero() {
				first, wallStart = m.PublishedAt, now()
			}
			due := wallStart.Add(time.Duration(float64(m.PublishedAt.Sub(first)) / speed))
			if wait := due.Sub(now()); wait > 0 {
				if err := sink.Flush(ctx); err != nil {
					return n, err
				}
				sinceFlush = 0
				if err := sleep(ctx, wait); err != nil {
					return n, err
				}
			}
		}
		if err := sink.Add(m); err != nil {
			return n, err
		}
		n++
		if sinceFlush++; sinceFlush >= batch {
			if err := sink.Flush(ctx); err != nil {
				return n, err
			}
			sinceFlush = 0
		}
	}
	return n, sink.Flush(ctx)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// lineSink writes JSON Lines.
type lineSink struct {
	w   *bufio.Writer
	enc *json.Encoder
}

func newLineSink(w io.Writer) *lineSink {
	bw := bufio.NewWriter(w)
	return &lineSink{w: bw, enc: json.NewEncoder(bw)}
}

func (s *lineSink) Add(m article.Message) error {
	if err := s.enc.Encode(m); err != nil {
		return fmt.Errorf("writing article %s: %w", m.ID, err)
	}
	return nil
}

func (s *lineSink) Flush(context.Context) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing articles: %w", err)
	}
	return nil
}

// kafkaSink publishes to Kafka keyed by article id.
type kafkaSink struct {
	w    publish.Writer
	msgs []kafka.Message
}

func (s *kafkaSink) Add(m article.Message) error {
	v, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encoding article %s: %w", m.ID, err)
	}
	s.msgs = append(s.msgs, kafka.Message{Key: []byte(m.ID), Value: v})
	return nil
}

func (s *kafkaSink) Flush(ctx context.Context) error {
	if len(s.msgs) == 0 {
		return nil
	}
	if err := s.w.WriteMessages(ctx, s.msgs...); err != nil {
		return fmt.Errorf("publishing articles: %w", err)
	}
	s.msgs = s.msgs[:0]
	return nil
}
