// Package app is the composition root of the stancemon binary: it builds
// the running service from a config.Config, and is the one place that
// knows every concrete part. OpenStore picks ClickHouse or the embedded
// store; NewScorer loads the actors file; NewAlertManager builds the alert
// manager with its notifiers (alerts/notify) over the store; Run and
// RunWithStore start the pipeline (kafka reader, dead-letter writer,
// scorer, store), the HTTP server (metrics, health, dashboard) and the
// alert evaluation, and drain them on cancellation. The command files of
// cmd/stancemon call it; it is internal to the binary.
package app
