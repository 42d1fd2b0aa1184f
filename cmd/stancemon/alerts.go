package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/alerts/notify"
	"github.com/stancemon/stancemon/cmd/stancemon/internal/app"
	"github.com/stancemon/stancemon/internal/obs"
)

func newAlertsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alerts",
		Short: "Check, test and run alert rules on stance shifts",
	}
	cmd.AddCommand(newAlertsCheckCmd(), newAlertsTestCmd(), newAlertsRunCmd())
	return cmd
}

func newAlertsCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check RULES...",
		Short: "Validate rule files; errors are printed as file:line:column",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return checkRules(cmd.OutOrStdout(), cmd.ErrOrStderr(), args)
		},
	}
}

func checkRules(stdout, stderr io.Writer, files []string) error {
	failed := 0
	for _, f := range files {
		rs, err := alerts.LoadRules(f)
		if err != nil {
			failed++
			fmt.Fprintln(stderr, err)
			continue
		}
		rules := 0
		for _, g := range rs.Groups {
			rules += len(g.Rules)
		}
		fmt.Fprintf(stdout, "%s: ok, %d groups, %d rules\n", f, len(rs.Groups), rules)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d rule files have errors", failed, len(files))
	}
	return nil
}

func newAlertsTestCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "test FILE...",
		Short: "Run rule unit tests (input series and expected alerts, like promtool test rules)",
		Long: `test runs rule unit-test files. A test file names rule files (relative to
itself; "builtin" is the built-in rule set), gives input series per
directed dyad as spans of hourly articles with a mean score, a spread and a
number of outlets, and lists the alerts expected at evaluation times:

  rule_files: [builtin]
  start: 2025-03-01T00:00:00Z
  tests:
    - name: China turns hostile toward the Philippines
      input_series:
        - source: CHN
          target: PHL
          values:
            - {from: 0h, to: 48h, per_hour: 10, score: -0.1, spread: 0.2, outlets: 4}
            - {from: 48h, to: 60h, per_hour: 10, score: -0.7, spread: 0.2, outlets: 4}
      alert_rule_test:
        - eval_time: 50h
          alertname: RelationshipTurnedHostile
          exp_alerts:
            - exp_labels: {source: CHN, target: PHL, severity: warning}
              exp_state: firing`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := 0
			for _, f := range args {
				if err := alerts.RunTestFile(cmd.Context(), f); err != nil {
					failed++
					fmt.Fprintf(cmd.ErrOrStderr(), "FAIL %s\n%v\n", f, err)
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "PASS %s\n", f)
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d rule test files failed", failed, len(args))
			}
			return nil
		},
	}
}

// alertsRunOptions are the flags of "stancemon alerts run".
type alertsRunOptions struct {
	conn         connFlags
	rules        []string
	clock        string
	from         string
	interval     time.Duration
	resendDelay  time.Duration
	alertmanager string
	webhook      string
	kafkaBrokers string
	kafkaTopic   string
	generatorURL string
	logFormat    string
	metrics      string
}

func newAlertsRunCmd() *cobra.Command {
	var o alertsRunOptions
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Evaluate alert rules against the store until interrupted",
		Long: `run evaluates the rule files (--rules, repeatable; "builtin" is the
built-in rule set, the default when neither --rules nor the configuration
names rule files) against ClickHouse (--clickhouse) or the embedded store
(--store), keeps the alert states in the store's alert log and sends firing
and resolved alerts to the log and to the notifiers given by flags.

--clock wall evaluates at the current time (live use); --clock data at the
publication time of the newest stored article, stepping through every group
interval from --from (RFC 3339; default: the newest article) up to it, for
replays of old data and simulated streams.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAlerts(cmd.Context(), o)
		},
	}
	o.conn.register(cmd, false)
	fl := cmd.Flags()
	fl.StringArrayVar(&o.rules, "rules", nil, `rule file ("builtin": the built-in rules); repeatable`)
	fl.StringVar(&o.clock, "clock", alerts.ClockWall, "evaluation time: wall (now) or data (newest stored article)")
	fl.StringVar(&o.from, "from", "", "with --clock data, the first evaluation time (RFC 3339)")
	fl.DurationVar(&o.resendDelay, "resend-delay", 0, "resend firing alerts this often (default 1m with --alertmanager, else only on changes)")
	fl.StringVar(&o.alertmanager, "alertmanager", "", "Alertmanager base URL, e.g. http://127.0.0.1:9093")
	fl.StringVar(&o.webhook, "webhook", "", "URL to POST alerts to as JSON")
	fl.StringVar(&o.kafkaBrokers, "kafka-brokers", "", "Kafka brokers to publish alerts to, comma-separated")
	fl.StringVar(&o.kafkaTopic, "kafka-topic", notify.DefaultTopic, "topic of --kafka-brokers")
	fl.StringVar(&o.generatorURL, "generator-url", "", "link sent with alerts, e.g. the dashboard's address")
	fl.StringVar(&o.logFormat, "log-format", "auto", "log format: json, console or auto")
	fl.StringVar(&o.metrics, "metrics", "", "listen address of /metrics, /healthz and /readyz, e.g. 127.0.0.1:9464, with the auth, TLS and limits of the config's http section (default: none)")
	return cmd
}

func runAlerts(ctx context.Context, o alertsRunOptions) error {
	cfg, err := o.conn.load()
	if err != nil {
		return err
	}
	log, err := obs.NewLogger(o.logFormat, "info")
	if err != nil {
		return err
	}
	defer log.Sync() //nolint:errcheck // stderr sync errors are not actionable

	if len(o.rules) > 0 {
		cfg.Alerts.Rules = o.rules
	}
	if len(cfg.Alerts.Rules) == 0 {
		cfg.Alerts.Rules = []string{alerts.Builtin}
	}
	a := &cfg.Alerts
	a.Clock, a.ResendDelay, a.GeneratorURL = o.clock, o.resendDelay, o.generatorURL
	a.Alertmanager, a.Webhook = o.alertmanager, o.webhook
	if o.kafkaBrokers != "" {
		cfg.Kafka.Brokers = strings.Split(o.kafkaBrokers, ",")
		a.KafkaTopic = o.kafkaTopic
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	var from time.Time
	if o.from != "" {
		if from, err = time.Parse(time.RFC3339, o.from); err != nil {
			return fmt.Errorf("--from %q is not an RFC 3339 time", o.from)
		}
	}
	st, err := app.OpenStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := app.NewAlertManager(cfg, st, log, prometheus.DefaultRegisterer, from)
	if err != nil {
		return err
	}
	defer m.Close()
	if o.metrics != "" {
		hc := cfg.HTTP
		hc.Addr = o.metrics
		addr, err := app.ServeHTTP(ctx, hc, prometheus.DefaultGatherer, prometheus.DefaultRegisterer, nil, log)
		if err != nil {
			return err
		}
		log.Info("serving metrics", zap.String("addr", addr))
	}
	log.Info("evaluating alert rules", zap.Strings("rules", cfg.Alerts.Rules), zap.String("clock", cfg.Alerts.Clock))
	return m.Run(ctx)
}
