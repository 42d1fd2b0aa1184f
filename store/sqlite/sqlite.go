// Package sqlite is the embedded backend of store.Store: one SQLite file,
// pure Go (modernc.org/sqlite, no cgo), for `stancemon demo` and machines
// without ClickHouse. It holds the same tables as the ClickHouse backend
// (schemas/sqlite), applied by Open.
//
// Each batch is written in one transaction; per table, the items whose
// Kafka position (topic, partition, offset: indexed) the table already
// holds are skipped. A batch is thus stored whole or not at all, and a
// redelivered or overlapping batch is stored exactly once. stance_hourly is kept up
// to date by a trigger in the same transaction.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/stancemon/stancemon/schemas"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/internal/sqlstore"
)

// Store is a store.Store in a SQLite file. It is safe for concurrent use.
type Store struct {
	db *sql.DB
}

var _ store.Store = (*Store)(nil)

// Open opens (creating it if needed) the SQLite database at path, in WAL
// mode, and applies the schema files not applied yet.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("opening sqlite store: empty path")
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("opening sqlite store %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening sqlite store %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("closing sqlite store: %w", err)
	}
	return nil
}

func migrate(ctx context.Context, db *sql.DB) error {
	migrations, err := schemas.Load(schemas.SQLite, "sqlite")
	if err != nil {
		return err
	}
	_, err = schemas.Apply(ctx, target{db: db}, migrations)
	return err
}

// target applies migrations to a SQLite database, each in a transaction.
type target struct {
	db *sql.DB
}

func (t target) Applied(ctx context.Context) (map[string]string, error) {
	var n int
	if err := t.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n); err != nil {
		return nil, fmt.Errorf("looking for schema_migrations: %w", err)
	}
	applied := make(map[string]string)
	if n == 0 {
		return applied, nil
	}
	rows, err := t.db.QueryContext(ctx, "SELECT name, checksum FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("reading schema_migrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, sum string
		if err := rows.Scan(&name, &sum); err != nil {
			return nil, fmt.Errorf("reading schema_migrations: %w", err)
		}
		applied[name] = sum
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading schema_migrations: %w", err)
	}
	return applied, nil
}

func (t target) Apply(ctx context.Context, m schemas.Migration) error {
	return inTx(ctx, t.db, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("executing: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, unixepoch())", m.Name, m.Checksum); err != nil {
			return fmt.Errorf("recording migration: %w", err)
		}
		return nil
	})
}

// inTx runs f in a transaction, committed when f succeeds.
func inTx(ctx context.Context, db *sql.DB, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("beginning transaction: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	return nil
}

// DyadStats implements store.Querier from stance_hourly.
func (s *Store) DyadStats(ctx context.Context, w store.Window) ([]store.DyadStat, error) {
	where := dialect.Where().Window("hour", w)
	rows, err := s.db.QueryContext(ctx, "SELECT source, target, sum(articles) AS n, sum(score_sum) FROM stance_hourly"+
		where.String()+" GROUP BY source, target ORDER BY n DESC, source, target", where.Args()...)
	if err != nil {
		return nil, fmt.Errorf("querying dyad stats: %w", err)
	}
	return sqlstore.DyadStats(rows)
}
