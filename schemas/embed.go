// Package schemas holds the DDL of the stores as numbered .sql files and
// applies them in order, recording each one in a schema_migrations table.
//
// Files are named NNN_name.sql and applied in lexical order, once. The
// first file creates schema_migrations. A file already recorded is skipped;
// a recorded file whose content changed is an error: ship a new file
// instead of editing an applied one.
//
// ClickHouse files (clickhouse/) hold one statement, or several separated
// by a semicolon that ends a line (see Statements). SQLite files (sqlite/)
// are run whole, SQLite itself splitting them, so trigger bodies may hold
// semicolons anywhere.
//
// Every statement creates with IF NOT EXISTS, so a file that is run again
// (two instances migrating at once, or a crash before the record) is
// harmless.
package schemas

import "embed"

// ClickHouse holds the ClickHouse DDL under clickhouse/. It uses only what
// ClickHouse 18.16 and current ClickHouse both accept.
//
//go:embed clickhouse/*.sql
var ClickHouse embed.FS

// SQLite holds the DDL of the embedded store under sqlite/.
//
//go:embed sqlite/*.sql
var SQLite embed.FS
