// Package store defines how stance results are written and read back:
// the one query interface that the pipeline, the dashboard, the alerts and
// the command line use, whatever the backend (store/clickhouse, the
// embedded store/sqlite, or store/memstore in memory for rule tests).
//
// The types are in three files by job: ingest.go (what the pipeline
// writes: Item, Batch, Writer), query.go (what dashboards and alert rules
// read: Querier, Analyst) and alerts.go (the alert log: AlertRecord,
// AlertLog); this file joins them into Store and Backend. Every backend
// passes the contracts of store/storetest.
package store

// Store is a backend: it writes batches and answers queries.
type Store interface {
	Writer
	Querier
	Close() error
}

// Backend is everything a storage backend offers: the ClickHouse store and
// the embedded store both implement it.
type Backend interface {
	Store
	Analyst
	AlertLog
}
