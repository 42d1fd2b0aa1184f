// Package e2e holds the end-to-end tests of the pipeline: a real embedded
// Kafka-protocol broker, a real ClickHouse server (scripts/clickhouse.sh),
// the real scorer, and the stancemon binary killed and restarted.
package e2e
