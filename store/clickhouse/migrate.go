package clickhouse

import (
	"context"
	"fmt"
	"strings"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/stancemon/stancemon/schemas"
)

// Migrate creates the database named in dsn if it does not exist and
// applies to it the schema files of schemas/clickhouse not yet recorded in
// its schema_migrations table. It returns the names of the files it
// applied now. A recorded file whose content changed is an error naming
// the file.
func Migrate(ctx context.Context, dsn string) ([]string, error) {
	migrations, err := schemas.Load(schemas.ClickHouse, "clickhouse")
	if err != nil {
		return nil, err
	}
	opts, err := ch.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("parsing clickhouse DSN: %w", err)
	}
	if db := opts.Auth.Database; db != "" {
		if err := createDatabase(ctx, dsn, db); err != nil {
			return nil, err
		}
	}
	conn, err := connect(ctx, dsn, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return schemas.Apply(ctx, target{conn: conn}, migrations)
}

func createDatabase(ctx context.Context, dsn, db string) error {
	conn, err := connect(ctx, dsn, true)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+quoteIdent(db)); err != nil {
		return fmt.Errorf("creating database %s: %w", db, err)
	}
	return nil
}

// quoteIdent quotes a ClickHouse identifier.
func quoteIdent(name string) string {
	return "`" + strings.NewReplacer(`\`, `\\`, "`", "\\`").Replace(name) + "`"
}

// target applies migrations to the connection's database.
type target struct {
	conn driver.Conn
}

// migrationRow is a row of schema_migrations.
type migrationRow struct {
	Name      string    `ch:"name"`
	Checksum  string    `ch:"checksum"`
	AppliedAt time.Time `ch:"applied_at"`
}

func (t target) Applied(ctx context.Context) (map[string]string, error) {
	var exists uint64
	err := t.conn.QueryRow(ctx, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'schema_migrations'").Scan(&exists)
	if err != nil {
		return nil, fmt.Errorf("looking for schema_migrations: %w", err)
	}
	applied := make(map[string]string)
	if exists == 0 {
		return applied, nil
	}
	var rows []migrationRow
	if err := t.conn.Select(ctx, &rows, "SELECT "+columns(migrationRow{})+" FROM schema_migrations"); err != nil {
		return nil, fmt.Errorf("reading schema_migrations: %w", err)
	}
	for _, r := range rows {
		applied[r.Name] = r.Checksum
	}
	return applied, nil
}

func (t target) Apply(ctx context.Context, m schemas.Migration) error {
	for _, stmt := range schemas.Statements(m.SQL) {
		if err := t.conn.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("executing statement: %w", err)
		}
	}
	row := migrationRow{Name: m.Name, Checksum: m.Checksum, AppliedAt: time.Now().UTC()}
	if err := insert(ctx, t.conn, "schema_migrations", []any{&row}); err != nil {
		return fmt.Errorf("recording migration: %w", err)
	}
	return nil
}
