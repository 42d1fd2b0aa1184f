// Package testenv gives integration tests the real services they talk to:
// a fresh ClickHouse database on the server that scripts/clickhouse.sh
// starts, and an embedded Kafka-protocol broker.
package testenv

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/clickhouse"
	"github.com/stancemon/stancemon/tests/chtest"
)

// ClickHouseDB creates a fresh database (tests/chtest) with the schema
// applied; the database is dropped when the test ends. The test fails (it
// is never skipped) when the server does not answer.
func ClickHouseDB(t testing.TB) *chtest.DB {
	t.Helper()
	db := chtest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := clickhouse.Migrate(ctx, db.DSN); err != nil {
		t.Fatalf("applying the schema to %s: %v", db.Name, err)
	}
	return db
}

// ClickHouseDSN is the DSN of a ClickHouseDB.
func ClickHouseDSN(t testing.TB) string {
	t.Helper()
	return ClickHouseDB(t).DSN
}

// ClickHouseWith is a ClickHouseDB holding batch b and the alert records.
func ClickHouseWith(t testing.TB, b store.Batch, alerts ...store.AlertRecord) *chtest.DB {
	t.Helper()
	db := ClickHouseDB(t)
	ctx := context.Background()
	s, err := clickhouse.Open(ctx, db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.WriteBatch(ctx, b); err != nil {
		t.Fatalf("writing the fixture: %v", err)
	}
	for _, a := range alerts {
		if err := s.SaveAlert(ctx, a); err != nil {
			t.Fatalf("saving alert %s: %v", a.Fingerprint, err)
		}
	}
	return db
}

// CountRows runs query on conn and returns how many rows it gave.
func CountRows(ctx context.Context, conn driver.Conn, query string) (int, error) {
	rows, err := conn.Query(ctx, query)
	if err != nil {
		return 0, fmt.Errorf("running: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("reading: %w", err)
	}
	return n, nil
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
