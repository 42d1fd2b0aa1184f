package main

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
)

// requiredAlerts are the alerts issue 10 asks for, by name.
var requiredAlerts = []string{
	"StancemonInstanceDown", "StancemonStalled", "StancemonLagGrowing",
	"StancemonDeadLettersRising", "StancemonStoreRetries",
}

// checkRules validates deploy/prometheus/stancemon-alerts.yaml with
// Prometheus's own rule-file parser (what `promtool check rules` runs:
// strict YAML, PromQL parsed, templates checked), then checks that every
// alert has a severity and a summary, that the required alerts exist and
// that each metric name the expressions select is exported (known lists
// the metrics stancemon registers, plus Prometheus's own up).
func checkRules(root string) []string {
	path := filepath.Join(root, "deploy", "prometheus", "stancemon-alerts.yaml")
	b, err := readLimited(path)
	if err != nil {
		return []string{err.Error()}
	}
	return rulesPolicy(b, knownMetrics)
}

// knownMetrics are the metric names of pipeline/metrics.go and
// alerts/queue.go (stancemon's registrations) and up.
var knownMetrics = []string{
	"up",
	"stancemon_messages_consumed_total", "stancemon_articles_scored_total",
	"stancemon_articles_stored_total", "stancemon_stance_events_total",
	"stancemon_messages_dead_lettered_total", "stancemon_retries_total",
	"stancemon_batches_committed_total", "stancemon_batch_latency_seconds",
	"stancemon_batch_messages", "stancemon_step_seconds", "stancemon_consumer_group_lag_messages",
	"stancemon_consumer_lag_messages", "stancemon_last_commit_timestamp_seconds", "stancemon_dead_letter_failures_total",
	"stancemon_http_requests_rejected_total", "stancemon_http_requests_in_flight",
	"stancemon_alerts_dropped_total", "stancemon_alerts_notifications_sent_total",
	"stancemon_alerts_notifications_failed_total", "stancemon_alerts_rule_evaluation_failures_total",
	"stancemon_alerts_rule_evaluation_duration_seconds",
}

func rulesPolicy(b []byte, known []string) []string {
	p := parser.NewParser(parser.Options{})
	groups, errs := rulefmt.Parse(b, false, model.UTF8Validation, p, slog.New(slog.DiscardHandler))
	if len(errs) > 0 {
		var out []string
		for _, e := range errs {
			out = append(out, e.Error())
		}
		return out
	}
	var problems []string
	seen := map[string]bool{}
	for _, g := range groups.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" {
				continue
			}
			seen[r.Alert] = true
			if r.Labels["severity"] == "" {
				problems = append(problems, fmt.Sprintf("%s has no severity label", r.Alert))
			}
			if r.Annotations["summary"] == "" {
				problems = append(problems, fmt.Sprintf("%s has no summary", r.Alert))
			}
			expr, err := p.ParseExpr(r.Expr)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", r.Alert, err))
				continue
			}
			parser.Inspect(expr, func(n parser.Node, _ []parser.Node) error {
				if vs, ok := n.(*parser.VectorSelector); ok && !slices.Contains(known, vs.Name) {
					problems = append(problems, fmt.Sprintf("%s selects %q, which stancemon does not export", r.Alert, vs.Name))
				}
				return nil
			})
		}
	}
	for _, a := range requiredAlerts {
		if !seen[a] {
			problems = append(problems, fmt.Sprintf("no alert %s", a))
		}
	}
	slices.Sort(problems)
	return slices.Compact(problems)
}
