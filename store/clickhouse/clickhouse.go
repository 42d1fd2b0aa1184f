// Package clickhouse is the ClickHouse backend of store.Store, through the
// native protocol (clickhouse-go). It works with ClickHouse 18.16 and
// current releases; the DDL is in schemas/clickhouse and is applied by
// Migrate.
//
// # Idempotent writes
//
// Kafka delivers at least once: a batch written to ClickHouse whose offsets
// were not committed (a crash, a rebalance) comes again. ClickHouse has no
// transactions and no unique keys, so every row carries its Kafka position
// and the Store keeps, per table and per Kafka partition, a high-water
// mark: the highest offset known to be stored in that table. WriteBatch
//
//  1. reloads the marks of a partition from the tables themselves
//     (SELECT kafka_partition, max(kafka_offset) FROM t WHERE kafka_topic = ?
//     GROUP BY kafka_partition) when it sees the partition for the first
//     time (a restart), when the first offset of the partition in the batch
//     is not the one after the last offset it saw (a redelivery, or a
//     rebalance gave the partition to another instance meanwhile), when
//     the probe below says another instance wrote the partition, and after
//     any failed write;
//  2. drops, per table, the items at or below the table's mark;
//  3. inserts the rest of articles, then of stance_events, each as one
//     INSERT block, and raises each table's marks once its block is sent.
//
// The probe covers a partition handed to another instance and back before
// that instance committed: the batch then follows the last one seen, yet
// some of its offsets are stored. Before each batch, one query looks in
// articles, among the rows published within the publication times of the
// batch and within its offsets, for an offset above the mark. It is cheap,
// since published_at leads the primary key of articles, and enough, since
// a redelivered article keeps its publication time and articles are
// inserted before their stance events.
//
// Marks are per table because a crash between the two inserts leaves the
// articles of a batch stored and its stance events not: the redelivered
// batch then adds only the stance events. stance_hourly is fed by a
// materialized view from the stance_events blocks, so it counts each event
// once too.
//
// Limits:
//   - Deduplication is by Kafka position only: an article published twice
//     to the topic (two offsets) is stored twice.
//   - Offsets must grow within a partition: a topic deleted and recreated
//     restarts its offsets at 0, below the marks, and needs a fresh
//     database (or its rows deleted).
//   - Two instances writing the same partition at the same moment (a zombie
//     consumer that has not noticed the rebalance) are not fenced off.
//   - An INSERT whose rows span several months is written as one part per
//     month; a server crash in the middle can keep some months and lose
//     others, which the marks cannot tell apart. Likewise a failure of the
//     materialized view after stance_events took its block.
//   - A reload scans the Kafka columns of whole tables: it is meant for
//     start-ups and rebalances, not for every batch.
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

// Store is a store.Store backed by ClickHouse. It is safe for concurrent
// use; writes are serialised.
type Store struct {
	conn driver.Conn
	now  func() time.Time

	mu    sync.Mutex
	parts map[store.Partition]*partState
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
	s := &Store{conn: conn, now: time.Now, parts: make(map[store.Partition]*partState)}
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
