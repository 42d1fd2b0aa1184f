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
	"github.com/stancemon/stancemon/internal/app"
	"github.com/stancemon/stancemon/internal/obs"
	"github.com/stancemon/stancemon/store"
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
	fl.StringVar(&o.kafkaTopic, "kafka-topic", alerts.DefaultTopic, "topic of --kafka-brokers")
	fl.StringVar(&o.generatorURL, "generator-url", "", "link sent with alerts, e.g. the dashboard's address")
	fl.StringVar(&o.logFormat, "log-format", "auto", "log format: json, console or auto")
	return cmd
}

// alertStore is a store that alerts can run on.
type alertStore interface {
	store.Analyst
	store.AlertLog
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

	files := o.rules
	if len(files) == 0 {
		files = cfg.Alerts.Rules
	}
	if len(files) == 0 {
		files = []string{alerts.Builtin}
	}
	rules, err := alerts.LoadRules(files...)
	if err != nil {
		return err
	}
	mcfg := alerts.Config{
		Rules: rules, Clock: o.clock, ResendDelay: o.resendDelay, GeneratorURL: o.generatorURL,
		Logger: log, Registerer: prometheus.DefaultRegisterer,
	}
	if o.from != "" {
		if mcfg.From, err = time.Parse(time.RFC3339, o.from); err != nil {
			return fmt.Errorf("--from %q is not an RFC 3339 time", o.from)
		}
	}
	notifiers := []alerts.Notifier{alerts.NewLog(log)}
	if o.alertmanager != "" {
		am, err := alerts.NewAlertmanager(o.alertmanager, nil, alerts.Retry{})
		if err != nil {
			return err
		}
		notifiers = append(notifiers, am)
		if mcfg.ResendDelay == 0 {
			mcfg.ResendDelay = time.Minute
		}
	}
	if o.webhook != "" {
		wh, err := alerts.NewWebhook(o.webhook, nil, nil, alerts.Retry{})
		if err != nil {
			return err
		}
		notifiers = append(notifiers, wh)
	}
	if o.kafkaBrokers != "" {
		w := alerts.NewKafkaWriter(strings.Split(o.kafkaBrokers, ","), o.kafkaTopic)
		defer w.Close()
		notifiers = append(notifiers, alerts.NewKafka(w))
	}

	st, err := app.OpenStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	as, ok := st.(alertStore)
	if !ok {
		return fmt.Errorf("the %T store cannot run alerts", st)
	}
	m, err := alerts.NewManager(mcfg, as, as, notifiers...)
	if err != nil {
		return err
	}
	log.Info("evaluating alert rules", zap.Strings("rules", ruleNames(rules)), zap.String("clock", mcfg.Clock))
	return m.Run(ctx)
}

func ruleNames(rs *alerts.RuleSet) []string {
	var names []string
	for _, g := range rs.Groups {
		for _, r := range g.Rules {
			names = append(names, r.Alert)
		}
	}
	return names
}
