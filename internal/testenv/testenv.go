// Package testenv gives integration tests the real services they talk to:
// a fresh ClickHouse database on the server that scripts/clickhouse.sh
// starts, and an embedded Kafka-protocol broker.
package testenv

import (
	"context"
	"testing"
	"time"

	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/internal/chtest"
	"github.com/stancemon/stancemon/store/clickhouse"
)

// ClickHouseDSN creates a fresh database (internal/chtest) with the schema
// applied and returns its DSN; the database is dropped when the test ends.
// The test fails (it is never skipped) when the server does not answer.
func ClickHouseDSN(t testing.TB) string {
	t.Helper()
	db := chtest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := clickhouse.Migrate(ctx, db.DSN); err != nil {
		t.Fatalf("applying the schema to %s: %v", db.Name, err)
	}
	return db.DSN
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
