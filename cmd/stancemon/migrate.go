package main

import (
	"cmp"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancemon/stancemon/store/clickhouse"
)

// defaultClickHouseDSN is the DSN of `stancemon migrate` when neither
// --clickhouse nor STANCEMON_CLICKHOUSE is set.
const defaultClickHouseDSN = "clickhouse://default:@127.0.0.1:9000/stancemon"

func newMigrateCmd() *cobra.Command {
	var dsn string
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Create the ClickHouse database and apply the schema files not applied yet",
		Long: `migrate creates the database named in the DSN if it is missing, then applies
in order the schema files (schemas/clickhouse/*.sql, embedded in the binary)
not yet recorded in its schema_migrations table, and prints their names.
Running it again applies nothing. A recorded file whose content changed is
an error. The DSN is --clickhouse, else $STANCEMON_CLICKHOUSE, else
` + defaultClickHouseDSN + `.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			applied, err := clickhouse.Migrate(cmd.Context(), cmp.Or(dsn, os.Getenv("STANCEMON_CLICKHOUSE"), defaultClickHouseDSN))
			for _, name := range applied {
				fmt.Fprintln(cmd.OutOrStdout(), "applied", name)
			}
			if err != nil {
				return fmt.Errorf("migrating: %w", err)
			}
			if len(applied) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), "schema up to date")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dsn, "clickhouse", "", "ClickHouse DSN (native protocol), e.g. "+defaultClickHouseDSN)
	return cmd
}
