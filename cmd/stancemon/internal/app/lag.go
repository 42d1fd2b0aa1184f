package app

import (
	"context"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/kafka"
)

// lagInterval is how often the group's committed lag is read.
const lagInterval = 15 * time.Second

// lagWatcher reads the group's committed lag from the brokers.
type lagWatcher struct {
	adm          *kafka.Admin
	group, topic string
	gauge        *prometheus.GaugeVec
	log          *zap.Logger
	lastOK       atomic.Int64 // UnixNano of the last successful read
}

// Ready reports whether the brokers answered within three intervals: a
// broker that hangs makes the instance not ready.
func (w *lagWatcher) Ready() bool {
	return time.Since(time.Unix(0, w.lastOK.Load())) < 3*lagInterval
}

// run sets the gauge, every lagInterval until ctx is done, to the
// committed lag of the group on each partition of the topic as the
// brokers see it: end offset minus committed offset (the whole partition
// when nothing is committed). Unlike the lag at fetch time, it grows
// during a stall.
func (w *lagWatcher) run(ctx context.Context) {
	w.lastOK.Store(time.Now().UnixNano())
	t := time.NewTicker(lagInterval)
	defer t.Stop()
	for {
		lags, err := w.adm.Lag(ctx, w.group, w.topic)
		switch {
		case err == nil:
			w.lastOK.Store(time.Now().UnixNano())
		case ctx.Err() == nil:
			w.log.Warn("reading the group's lag", zap.Error(err))
		}
		for _, l := range lags {
			w.gauge.WithLabelValues(w.topic, strconv.Itoa(l.Partition)).Set(float64(l.End - max(l.Committed, 0)))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
