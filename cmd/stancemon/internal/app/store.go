package app

import (
	"context"
	"fmt"

	"go.uber.org/zap"

	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/internal/redact"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/clickhouse"
	"github.com/stancemon/stancemon/store/sqlite"
)

// OpenStore opens the configured backend: ClickHouse when a DSN is set
// (applying the schema first when cfg.ClickHouse.Migrate), else the
// embedded store at cfg.Embedded.Path.
func OpenStore(ctx context.Context, cfg config.Config, log *zap.Logger) (store.Backend, error) {
	if cfg.ClickHouse.DSN == "" {
		s, err := sqlite.Open(ctx, cfg.Embedded.Path)
		if err != nil {
			return nil, err
		}
		log.Info("using the embedded store", zap.String("path", cfg.Embedded.Path))
		return s, nil
	}
	if cfg.ClickHouse.Migrate {
		applied, err := clickhouse.Migrate(ctx, cfg.ClickHouse.DSN)
		if err != nil {
			return nil, fmt.Errorf("migrating ClickHouse: %w", err)
		}
		if len(applied) > 0 {
			log.Info("applied ClickHouse schema", zap.Strings("files", applied))
		}
	}
	s, err := clickhouse.Open(ctx, cfg.ClickHouse.DSN)
	if err != nil {
		return nil, err
	}
	log.Info("using ClickHouse", zap.String("dsn", redact.URL(cfg.ClickHouse.DSN)))
	return s, nil
}
