// Package notify delivers alerts of package alerts: to a Prometheus
// Alertmanager (POST /api/v2/alerts), to any URL as JSON (webhook), to a
// Kafka topic keyed by fingerprint, and to the log. Each type implements
// alerts.Notifier; the Manager runs each behind its own bounded queue,
// and the HTTP notifiers retry with backoff (Retry).
package notify
