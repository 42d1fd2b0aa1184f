package app

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/kafka"
)

// lagInterval is how often the group's committed lag is read.
const lagInterval = 15 * time.Second

// watchLag sets gauge, every lagInterval until ctx is done, to the
// committed lag of group on each partition of topic as the brokers see it:
// end offset minus committed offset (the whole partition when nothing is
// committed). Unlike the lag at fetch time, it grows during a stall.
func watchLag(ctx context.Context, adm *kafka.Admin, group, topic string, gauge *prometheus.GaugeVec, log *zap.Logger) {
	t := time.NewTicker(lagInterval)
	defer t.Stop()
	for {
		lags, err := adm.Lag(ctx, group, topic)
		if err != nil && ctx.Err() == nil {
			log.Warn("reading the group's lag", zap.Error(err))
		}
		for _, l := range lags {
			gauge.WithLabelValues(topic, strconv.Itoa(l.Partition)).Set(float64(l.End - max(l.Committed, 0)))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
