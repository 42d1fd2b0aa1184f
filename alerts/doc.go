// Package alerts turns stance aggregates into alerts when a relationship
// turns: rule files in the spirit of Prometheus rule files (rules.go), the
// detectors (detect.go), an evaluator with the states pending, firing and
// resolved and persistence through store.AlertLog (manager.go), a bounded
// queue per Notifier (queue.go), and a unit-test format for rules like
// `promtool test rules` (ruletest.go, over the in-memory store of
// store/memstore). The notifiers themselves (Alertmanager, webhook, Kafka,
// log) are in alerts/notify: this package receives them as Notifier
// values and knows nothing of HTTP or Kafka.
//
// # Rule files
//
//	groups:
//	  - name: stance-turns
//	    interval: 5m                  # Default: 1m
//	    rules:
//	      - alert: ChinaPhilippinesHostile
//	        select: {source: CHN, target: PHL}   # or {actor: CHN}, {among: [CHN, PHL, VNM]}, or {} for all
//	        detector:
//	          type: shift             # shift | cusum | threshold
//	          recent: 3h              # shift: recent window...
//	          baseline: 48h           # ...against the window before it
//	          z: 3                    # standard errors of the difference of the two means
//	          min_delta: 0.3          # score units
//	          direction: down         # down | up | both
//	        min_articles: 10          # in the recent (and baseline) window; at least 2
//	        min_outlets: 3            # distinct outlets in the recent window
//	        for: 30m                  # pending this long before firing
//	        keep_firing_for: 1h
//	        labels: {severity: warning}
//	        annotations:
//	          summary: '{{.Source}} -> {{.Target}}: {{printf "%+.2f" .Before}} -> {{printf "%+.2f" .After}}'
//
// The cusum detector takes recent, baseline, k, h and direction; the
// threshold detector op (<, <=, >, >=), value and window. Durations accept
// the units ms, s, m, h, d and w. Decoding is strict: unknown keys are
// errors, reported as file:line:column.
//
// # Evaluation
//
// Each group interval the Manager queries store.Analyst for the summaries
// of the recent window of every rule, keeps the dyads with enough articles
// and outlets, runs the detector, and moves each alert instance (a rule
// and a dyad, identified by the fingerprint of its labels) from inactive to
// pending to firing, and to resolved once its condition no longer holds
// (after keep_firing_for). Every change is saved through store.AlertLog;
// on start the Manager restores the pending and firing alerts, so a
// restart neither fires an alert twice nor forgets one. Firing and
// resolved alerts go to every notifier's bounded queue; when a queue is
// full the oldest alert is dropped and counted in
// stancemon_alerts_dropped_total.
//
// The evaluation time is the wall clock (live use) or, with the data
// clock, the publication time of the newest stored article, stepping
// through every interval up to it (replays and simulated streams).
package alerts
