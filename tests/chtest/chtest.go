// Package chtest gives tests a fresh database on the ClickHouse server of
// the test environment, dropped at the end of the test.
//
// The server is named by STANCEMON_TEST_CLICKHOUSE (default
// clickhouse://default:@127.0.0.1:9000/); `scripts/clickhouse.sh start`
// runs one. A test that cannot reach it fails: it is never skipped, since
// a skipped integration test would pass unnoticed.
package chtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// EnvDSN is the environment variable naming the test server.
const EnvDSN = "STANCEMON_TEST_CLICKHOUSE"

// DefaultDSN is the test server when EnvDSN is not set.
const DefaultDSN = "clickhouse://default:@127.0.0.1:9000/"

// DB is a database created for one test.
type DB struct {
	// Name is the database name.
	Name string
	// DSN is the server's DSN with Name as its database.
	DSN string
	// Conn is a connection whose default database is Name.
	Conn driver.Conn
}

// unsafe matches what may not appear in a database name.
var unsafe = regexp.MustCompile(`[^a-zA-Z0-9_]+`)

// New creates an empty database named after the test and returns it; the
// database is dropped and the connection closed when the test ends.
func New(t testing.TB) *DB {
	t.Helper()
	server := os.Getenv(EnvDSN)
	if server == "" {
		server = DefaultDSN
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin := connect(t, ctx, server, "")
	defer admin.Close()

	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	name := "test_" + strings.ToLower(unsafe.ReplaceAllString(t.Name(), "_"))
	name = name[:min(len(name), 40)] + "_" + hex.EncodeToString(suffix)
	if err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating test database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c := connect(t, ctx, server, "")
		defer c.Close()
		if err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name); err != nil {
			t.Errorf("dropping test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("parsing %s=%q: %v", EnvDSN, server, err)
	}
	u.Path = "/" + name
	db := &DB{Name: name, DSN: u.String(), Conn: connect(t, ctx, server, name)}
	t.Cleanup(func() { db.Conn.Close() })
	return db
}

// connect opens and pings a connection to the server of dsn with database
// as the default, failing the test with a hint when it cannot.
func connect(t testing.TB, ctx context.Context, dsn, database string) driver.Conn {
	t.Helper()
	opts, err := ch.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("parsing %s=%q: %v", EnvDSN, dsn, err)
	}
	opts.Auth.Database = database
	conn, err := ch.Open(opts)
	if err == nil {
		err = conn.Ping(ctx)
	}
	if err != nil {
		t.Fatalf("ClickHouse test server %s is unreachable: %v\n"+
			"Start one with `scripts/clickhouse.sh start`, or point %s at a server.", dsn, err, EnvDSN)
	}
	return conn
}
