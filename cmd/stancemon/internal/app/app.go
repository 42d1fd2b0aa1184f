package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/pipeline"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/web"
)

// NewScorer builds the scorer, with the actors file (scorer.actors_file,
// --actors) that extends or overrides the embedded gazetteer, if any.
func NewScorer(actorsFile string) (*stance.Scorer, error) {
	var opts []stance.Option
	if actorsFile != "" {
		b, err := os.ReadFile(actorsFile)
		if err != nil {
			return nil, fmt.Errorf("reading actors file: %w", err)
		}
		opts = append(opts, stance.WithOverrides(b))
	}
	s, err := stance.NewScorer(opts...)
	if err != nil {
		return nil, fmt.Errorf("creating scorer: %w", err)
	}
	return s, nil
}

// Options adjust a run beyond the configuration.
type Options struct {
	// OnCommit is called after each committed batch with its message count.
	OnCommit func(messages int)
	// OnServe is called with the address of the HTTP server once it listens.
	OnServe func(addr string)
}

// Run runs the streaming pipeline of cfg until ctx is cancelled, then
// drains it. The HTTP server (metrics, health, dashboard) runs alongside.
func Run(ctx context.Context, cfg config.Config, log *zap.Logger) error {
	st, err := OpenStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	return RunWithStore(ctx, cfg, st, log, Options{})
}

// RunWithStore is Run on an open store.
func RunWithStore(ctx context.Context, cfg config.Config, st store.Backend, log *zap.Logger, opts Options) error {
	scorer, err := NewScorer(cfg.Scorer.ActorsFile)
	if err != nil {
		return err
	}
	if err := kafka.EnsureTopics(ctx, cfg.Kafka.Brokers, cfg.Kafka.Partitions, cfg.Kafka.Topic, cfg.Kafka.DLQ()); err != nil {
		return err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	reader := kafka.NewReader(kafka.ReaderConfig{
		Brokers: cfg.Kafka.Brokers, Topic: cfg.Kafka.Topic, Group: cfg.Kafka.Group,
		MaxBytes: cfg.Kafka.MaxMessageBytes, MaxWait: cfg.Kafka.MaxWait, SessionTimeout: cfg.Kafka.SessionTimeout,
	})
	dlq := kafka.NewWriter(cfg.Kafka.Brokers, cfg.Kafka.DLQ())
	p, err := pipeline.New(pipeline.Config{
		Batch:           pipeline.BatchPolicy{Count: cfg.Batch.Count, Bytes: cfg.Batch.Bytes, Period: cfg.Batch.Period},
		Workers:         cfg.Scorer.Workers,
		MaxMessageBytes: cfg.Kafka.MaxMessageBytes,
		DrainTimeout:    cfg.ShutdownTimeout,
		OnCommit:        opts.OnCommit,
	}, reader, dlq, scorer, st, log, pipeline.NewMetrics(reg))
	if err != nil {
		return err
	}
	if cfg.HTTP.Addr != "" {
		addr, err := ServeHTTP(ctx, cfg.HTTP, reg, reg, web.NewHandler(st, st, st, log), log, p.Ready)
		if err != nil {
			return err
		}
		log.Info("serving http", zap.String("addr", addr))
		if opts.OnServe != nil {
			opts.OnServe(addr)
		}
	}
	alertsDone := make(chan error, 1)
	if len(cfg.Alerts.Rules) > 0 {
		m, err := NewAlertManager(cfg, st, log, reg, time.Time{})
		if err != nil {
			return err
		}
		defer m.Close()
		log.Info("evaluating alert rules", zap.Strings("rules", cfg.Alerts.Rules), zap.String("clock", cfg.Alerts.Clock))
		go func() { alertsDone <- m.Run(ctx) }()
	} else {
		alertsDone <- nil
	}
	log.Info("consuming", zap.Strings("brokers", cfg.Kafka.Brokers), zap.String("topic", cfg.Kafka.Topic),
		zap.String("group", cfg.Kafka.Group), zap.String("dlq", cfg.Kafka.DLQ()))
	runErr := p.Run(ctx)
	if err := reader.Close(); err != nil {
		log.Warn("closing reader", zap.Error(err))
	}
	if err := dlq.Close(); err != nil {
		log.Warn("closing dead-letter writer", zap.Error(err))
	}
	if err := <-alertsDone; err != nil {
		log.Error("alert evaluation", zap.Error(err))
	}
	if runErr != nil {
		return fmt.Errorf("running pipeline: %w", runErr)
	}
	log.Info("stopped cleanly")
	return nil
}
