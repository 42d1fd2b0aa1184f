// Package testenv gives integration tests the real services they talk to:
// a fresh ClickHouse database on the server that scripts/clickhouse.sh
// starts, and an embedded Kafka-protocol broker.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/store/clickhouse"
)

// DefaultClickHouse is the server address used when STANCEMON_TEST_CLICKHOUSE is unset.
const DefaultClickHouse = "clickhouse://default:@127.0.0.1:9000/"

// ClickHouseDSN creates a uniquely named database with the schema applied
// and returns its DSN; the database is dropped when the test ends. The test
// fails (it is never skipped) when the server does not answer.
func ClickHouseDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("STANCEMON_TEST_CLICKHOUSE")
	if base == "" {
		base = DefaultClickHouse
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parsing STANCEMON_TEST_CLICKHOUSE %q: %v", base, err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	db := "test_" + hex.EncodeToString(b[:])
	u.Path = "/" + db
	dsn := u.String()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := clickhouse.Migrate(ctx, dsn); err != nil {
		t.Fatalf("ClickHouse at %s is not usable (start it with `scripts/clickhouse.sh start` or `make services`): %v", u.Host, err)
	}
	t.Cleanup(func() {
		opts, err := ch.ParseDSN(dsn)
		if err != nil {
			return
		}
		opts.Auth.Database = ""
		conn, err := ch.Open(opts)
		if err != nil {
			return
		}
		defer conn.Close()
		_ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+db)
	})
	return dsn
}

// Broker starts an embedded broker on a free port, persisted under a
// temporary directory, and stops it when the test ends.
func Broker(t testing.TB, topics ...string) *broker.Broker {
	t.Helper()
	b, err := broker.Start(broker.Config{Addr: "127.0.0.1:0", DataDir: t.TempDir(), Partitions: 3, Topics: topics})
	if err != nil {
		t.Fatalf("starting embedded broker: %v", err)
	}
	t.Cleanup(b.Close)
	return b
}
