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
	ko, err := KafkaOptions(cfg.Kafka)
	if err != nil {
		return err
	}
	if err := checkTopics(ctx, ko, cfg.Kafka); err != nil {
		return err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	metrics := pipeline.NewMetrics(reg)
	reader, err := kafka.NewConsumer(kafka.ConsumerConfig{
		Options: ko, Topic: cfg.Kafka.Topic, Group: cfg.Kafka.Group, InstanceID: cfg.Kafka.InstanceID,
		MaxBytes: cfg.Kafka.MaxMessageBytes, MaxWait: cfg.Kafka.MaxWait, SessionTimeout: cfg.Kafka.SessionTimeout,
		RevokeTimeout: cfg.Kafka.RevokeTimeout, Log: log.Named("kafka"),
	})
	if err != nil {
		return err
	}
	dlq, err := kafka.NewProducer(ko, cfg.Kafka.DLQ())
	if err != nil {
		reader.Close()
		return err
	}
	p, err := pipeline.New(pipeline.Config{
		Batch:           pipeline.BatchPolicy{Count: cfg.Batch.Count, Bytes: cfg.Batch.Bytes, Period: cfg.Batch.Period},
		Workers:         cfg.Scorer.Workers,
		MaxMessageBytes: cfg.Kafka.MaxMessageBytes,
		DrainTimeout:    cfg.ShutdownTimeout,
		StallTimeout:    cfg.StallTimeout,
		OnCommit:        opts.OnCommit,
	}, reader, dlq, scorer, st, log, metrics)
	if err != nil {
		return err
	}
	adm, err := kafka.NewAdmin(ko)
	if err != nil {
		return err
	}
	defer adm.Close()
	lag := &lagWatcher{adm: adm, group: cfg.Kafka.Group, topic: cfg.Kafka.Topic, gauge: metrics.GroupLag, log: log}
	lagCtx, stopLag := context.WithCancel(ctx)
	defer stopLag()
	go lag.run(lagCtx)
	if cfg.HTTP.Addr != "" {
		addr, err := ServeHTTP(ctx, cfg.HTTP, reg, reg, web.NewHandler(st, st, st, log), log, p.Ready, lag.Ready)
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
		zap.String("group", cfg.Kafka.Group), zap.String("dlq", cfg.Kafka.DLQ()),
		zap.String("client_id", ko.ClientID), zap.String("instance_id", cfg.Kafka.InstanceID))
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

// checkTopics creates the input and dead-letter topics when
// kafka.create_topics is on, else checks that they exist.
func checkTopics(ctx context.Context, o kafka.Options, cfg config.Kafka) error {
	adm, err := kafka.NewAdmin(o)
	if err != nil {
		return err
	}
	defer adm.Close()
	if cfg.CreateTopics {
		return adm.EnsureTopics(ctx, cfg.Partitions, cfg.Topic, cfg.DLQ())
	}
	for _, t := range []string{cfg.Topic, cfg.DLQ()} {
		if _, err := adm.Partitions(ctx, t); err != nil {
			return fmt.Errorf("kafka.create_topics is false: %w", err)
		}
	}
	return nil
}
