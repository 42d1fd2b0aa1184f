package main

import (
	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/internal/obs"
)

func newRunCmd() *cobra.Command {
	var f connFlags
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the streaming pipeline: Kafka -> stance scorer -> ClickHouse or the embedded store",
		Long: `run consumes article messages from a Kafka topic with a consumer group, scores
them, writes articles and stance events to the store and commits offsets
after every write. Bad messages go to <topic>.dlq. SIGTERM or SIGINT drains:
the open batch is flushed and committed within shutdown_timeout.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := f.load()
			if err != nil {
				return err
			}
			log, err := obs.NewLogger(cfg.Log.Format, cfg.Log.Level)
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck // stderr sync errors are not actionable
			return app.Run(cmd.Context(), cfg, log)
		},
	}
	f.register(cmd, true)
	return cmd
}
