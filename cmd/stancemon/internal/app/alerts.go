package app

import (
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/alerts/notify"
	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/store"
)

// AlertManager is an alert manager with the resources it holds.
type AlertManager struct {
	*alerts.Manager
	closers []func() error
}

// Close releases the notifiers' resources.
func (m *AlertManager) Close() error {
	var errs []error
	for _, c := range m.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

// NewAlertManager builds the alert manager of cfg.Alerts over st: its
// rules (cfg.Alerts.Rules, or from when given), and notifiers to the log and to the
// Alertmanager, webhook and Kafka topic configured.
func NewAlertManager(cfg config.Config, st store.Backend, log *zap.Logger, reg prometheus.Registerer, from time.Time) (*AlertManager, error) {
	rules, err := alerts.LoadRules(cfg.Alerts.Rules...)
	if err != nil {
		return nil, err
	}
	m := &AlertManager{}
	notifiers := []alerts.Notifier{notify.NewLog(log)}
	resend := cfg.Alerts.ResendDelay
	if u := cfg.Alerts.Alertmanager; u != "" {
		am, err := notify.NewAlertmanager(u, nil, notify.Retry{})
		if err != nil {
			return nil, err
		}
		notifiers = append(notifiers, am)
		if resend == 0 {
			resend = time.Minute
		}
	}
	if u := cfg.Alerts.Webhook; u != "" {
		wh, err := notify.NewWebhook(u, nil, nil, notify.Retry{})
		if err != nil {
			return nil, err
		}
		notifiers = append(notifiers, wh)
	}
	if t := cfg.Alerts.KafkaTopic; t != "" {
		o, err := KafkaOptions(cfg.Kafka)
		if err != nil {
			return nil, err
		}
		w, err := kafka.NewProducer(o, t)
		if err != nil {
			return nil, err
		}
		m.closers = append(m.closers, w.Close)
		notifiers = append(notifiers, notify.NewKafka(w))
	}
	m.Manager, err = alerts.NewManager(alerts.Config{
		Rules: rules, Clock: cfg.Alerts.Clock, From: from, ResendDelay: resend,
		GeneratorURL: cfg.Alerts.GeneratorURL, Logger: log, Registerer: reg,
	}, st, st, notifiers...)
	if err != nil {
		m.Close()
		return nil, fmt.Errorf("creating the alert manager: %w", err)
	}
	return m, nil
}
