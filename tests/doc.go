// Package tests holds the end-to-end tests of stancemon, as clickhouse-go
// keeps its own: a real embedded Kafka-protocol broker, a real ClickHouse
// server (scripts/clickhouse.sh), the real scorer, the pipeline in process
// with faults injected, and the stancemon binary killed and restarted.
// The harness they share is in tests/testenv (and tests/chtest for the
// ClickHouse server alone).
package tests
