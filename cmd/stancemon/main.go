package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/internal/redact"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "stancemon:", redact.Text(err.Error()))
		os.Exit(1)
	}
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "stancemon",
		Short:         "Stance monitor: how each country stands toward every other, from a news stream",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newRunCmd(),
		newDemoCmd(),
		newMigrateCmd(),
		newBrokerCmd(),
		newProduceCmd(),
		newDyadsCmd(),
		newScoreCmd(),
		newEvalCmd(),
		newAlertsCmd(),
		newSimulateCmd(),
		newHealthcheckCmd(),
	)
	return root
}
