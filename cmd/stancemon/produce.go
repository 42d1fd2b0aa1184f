package main

import (
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/stancemon/stancemon/internal/jsonl"
	"github.com/stancemon/stancemon/kafka"
)

func newProduceCmd() *cobra.Command {
	var configPath, brokers, topic string
	cmd := &cobra.Command{
		Use:   "produce [FILE|-]",
		Short: "Publish articles from JSON Lines (plain or .gz) to a Kafka topic, keyed by article id",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := io.Reader(cmd.InOrStdin())
			if len(args) == 1 && args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("opening input: %w", err)
				}
				defer f.Close()
				in = f
			}
			r, err := jsonl.NewReader(in)
			if err != nil {
				return err
			}
			o, err := producerOptions(configPath, brokers)
			if err != nil {
				return err
			}
			w, err := kafka.NewProducer(o, topic)
			if err != nil {
				return err
			}
			defer w.Close()
			var progress func(lines, bytes int)
			if term.IsTerminal(int(os.Stderr.Fd())) {
				bar := progressbar.NewOptions64(-1, progressbar.OptionSetWriter(os.Stderr),
					progressbar.OptionSetDescription("publishing"), progressbar.OptionShowCount(),
					progressbar.OptionSetItsString("articles"), progressbar.OptionShowIts(), progressbar.OptionClearOnFinish())
				defer bar.Finish() //nolint:errcheck // cosmetic
				progress = func(lines, _ int) { _ = bar.Set(lines) }
			}
			n, err := kafka.PublishLines(cmd.Context(), w, r, progress)
			fmt.Fprintf(cmd.ErrOrStderr(), "published %d articles to %s\n", n, topic)
			return err
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "YAML configuration file: its kafka section gives brokers, TLS and SASL")
	cmd.Flags().StringVar(&brokers, "brokers", "", "Kafka bootstrap brokers, comma-separated (default: the config's, else 127.0.0.1:9092)")
	cmd.Flags().StringVar(&topic, "topic", "articles", "topic to publish to")
	return cmd
}
