// Package clickhouse is the ClickHouse backend of store.Store, through the
// native protocol (clickhouse-go). It works with ClickHouse 18.16 and
// current releases; the DDL is in schemas/clickhouse and is applied by
// Migrate.
//
// # Idempotent writes
//
// Kafka delivers at least once: a batch written to ClickHouse whose offsets
// were not committed (a crash, a rebalance) comes again, whole or in part,
// to this instance or another. ClickHouse has no transactions and no
// unique keys, so every row carries its Kafka position, and WriteBatch
// keeps nothing in memory between batches. For each batch it
//
//  1. reads which positions of the batch articles holds (one query, bounded
//     by the publication times of the batch, which lead the sorting key of
//     articles, and by its partitions and offsets) and inserts the articles
//     of the others, as one INSERT block;
//  2. reads, for the items whose article was already stored, which
//     positions stance_events holds (events are inserted only after their
//     article, so an item without a stored article has no stored events),
//     and inserts the stance events of every item that has none stored.
//
// The decision is made row by row, from what the tables hold: a partial
// insert (a Distributed table whose one shard took its rows and another
// refused, a crash between the monthly parts of a block) is completed by
// the redelivery, not skipped; another instance that stored part of the
// batch meanwhile is seen. stance_hourly is fed by a materialized view
// from the stance_events blocks, so it counts each event once too.
//
// Limits:
//   - Deduplication is by Kafka position only: an article published twice
//     to the topic (two offsets) is stored twice.
//   - Two writers inserting the same positions at the same moment are not
//     fenced off here: the consumer (package kafka) makes a partition's old
//     owner finish and commit before its new owner reads it, so this
//     happens only when an owner outlives kafka.revoke_timeout.
//   - On a replicated cluster, the lookup reads one replica: rows inserted
//     through another replica and not yet replicated are not seen. Both
//     lookups and inserts prefer the same replica (load_balancing
//     in_order), and replicated tables drop a block identical to one they
//     already hold.
package clickhouse

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/stancemon/stancemon/schemas"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/internal/sqlstore"
)

// DefaultReadTimeout bounds each read from the server unless the DSN sets
// read_timeout (seconds).
const DefaultReadTimeout = 30 * time.Second

// Store is a store.Store backed by ClickHouse. It is safe for concurrent
// use; writes are serialised.
type Store struct {
	conn driver.Conn
	now  func() time.Time

	mu sync.Mutex // serialises writes
}

var _ store.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithClock sets the clock that stamps articles.ingested_at.
// Default: time.Now.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open connects to the ClickHouse server of dsn
// (clickhouse://user:password@host:9000/database) and checks that Migrate
// applied every schema file to the database.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	conn, err := connect(ctx, dsn, false)
	if err != nil {
		return nil, err
	}
	s := &Store{conn: conn, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.checkMigrated(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the connections.
func (s *Store) Close() error {
	if err := s.conn.Close(); err != nil {
		return fmt.Errorf("closing clickhouse connection: %w", err)
	}
	return nil
}

func (s *Store) checkMigrated(ctx context.Context) error {
	migrations, err := schemas.Load(schemas.ClickHouse, "clickhouse")
	if err != nil {
		return err
	}
	applied, err := target{conn: s.conn}.Applied(ctx)
	if err != nil {
		return fmt.Errorf("reading applied migrations: %w", err)
	}
	if pending := schemas.Pending(applied, migrations); len(pending) > 0 {
		return fmt.Errorf("checking schema: %s not applied; run `stancemon migrate`", strings.Join(pending, ", "))
	}
	return nil
}

// connect opens a native connection to dsn and pings it. withoutDB drops
// the database of the DSN, to create it.
func connect(ctx context.Context, dsn string, withoutDB bool) (driver.Conn, error) {
	opts, err := ch.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("parsing clickhouse DSN: %w", err)
	}
	if opts.Protocol != ch.Native {
		return nil, errors.New("parsing clickhouse DSN: only the native protocol (clickhouse://host:9000) is supported")
	}
	if withoutDB {
		opts.Auth.Database = ""
	}
	// A server that stops answering is an error after DefaultReadTimeout,
	// retried by the pipeline, not a 5-minute hang (clickhouse-go's
	// default), unless the DSN sets read_timeout.
	if !strings.Contains(dsn, "read_timeout=") {
		opts.ReadTimeout = DefaultReadTimeout
	}
	conn, err := ch.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("connecting to clickhouse: %w", err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("connecting to clickhouse at %s: %w", strings.Join(opts.Addr, ","), err)
	}
	return conn, nil
}

// DyadStats implements store.Querier from stance_hourly.
func (s *Store) DyadStats(ctx context.Context, w store.Window) ([]store.DyadStat, error) {
	where := dialect.Where().Window("hour", w)
	rows, err := s.conn.Query(ctx, "SELECT source, target, sum(articles) AS n, sum(score_sum) AS s FROM stance_hourly"+
		where.String()+" GROUP BY source, target ORDER BY n DESC, source, target", where.Args()...)
	if err != nil {
		return nil, fmt.Errorf("querying dyad stats: %w", err)
	}
	return sqlstore.DyadStats(rows)
}
