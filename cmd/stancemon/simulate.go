package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/kafka"
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
	var sink simulate.Sink
	switch {
	case o.brokers != "":
		ko, err := producerOptions("", o.brokers)
		if err != nil {
			return err
		}
		w, err := kafka.NewProducer(ko, o.topic)
		if err != nil {
			return err
		}
		defer w.Close()
		sink = simulate.NewKafkaSink(w)
	case o.output == "" || o.output == "-":
		sink = simulate.NewLineSink(stdout)
	default:
		f, err := os.Create(o.output)
		if err != nil {
			return fmt.Errorf("creating the output file: %w", err)
		}
		defer f.Close()
		sink = simulate.NewLineSink(f)
	}
	n, err := simulate.Pace(ctx, g, sink, o.speed, nil, nil)
	if err != nil {
		return err
	}
	if o.brokers != "" {
		fmt.Fprintf(stderr, "published %d articles to topic %q\n", n, o.topic)
	}
	return nil
}
