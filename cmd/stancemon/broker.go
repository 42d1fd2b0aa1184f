package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/broker"
)

func newBrokerCmd() *cobra.Command {
	var cfg broker.Config
	cmd := &cobra.Command{
		Use:   "broker",
		Short: "Run an embedded Kafka-protocol broker for single-machine use",
		Long: `broker runs an embedded Kafka-protocol broker (franz-go's kfake) until
interrupted. Any Kafka client (kcat, kafka-go, stancemon) can use it. With
--data its topics, records and committed offsets survive restarts. It is a
single node without replication: use real Kafka on a cluster.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := broker.Start(cfg)
			if err != nil {
				return err
			}
			defer b.Close()
			fmt.Fprintf(cmd.OutOrStdout(), "broker listening on %s (data: %s)\n", b.Addr(), orNone(cfg.DataDir))
			<-cmd.Context().Done()
			return nil
		},
	}
	cmd.Flags().StringVar(&cfg.Addr, "addr", "127.0.0.1:9092", "listen address")
	cmd.Flags().StringVar(&cfg.DataDir, "data", "", "data directory (empty: in memory only)")
	cmd.Flags().IntVar(&cfg.Partitions, "partitions", 3, "partitions of automatically created topics")
	return cmd
}

func orNone(s string) string {
	if s == "" {
		return "in memory"
	}
	return s
}
