package pipeline

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the pipeline's Prometheus metrics.
type Metrics struct {
	Consumed     prometheus.Counter
	Scored       prometheus.Counter
	Stored       prometheus.Counter
	Events       prometheus.Counter
	DeadLettered *prometheus.CounterVec
	// DeadLetterFailures counts dead letters given up after their attempts.
	DeadLetterFailures prometheus.Counter
	Retries            *prometheus.CounterVec
	Batches            prometheus.Counter
	BatchLatency       prometheus.Histogram
	BatchSize          prometheus.Histogram
	StepLatency        *prometheus.HistogramVec
	Lag                *prometheus.GaugeVec
	GroupLag           *prometheus.GaugeVec
	LastCommit         prometheus.Gauge
}

// NewMetrics creates the metrics and registers them with reg (none when nil).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Consumed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_messages_consumed_total", Help: "Messages fetched from the input topic.",
		}),
		Scored: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_articles_scored_total", Help: "Articles decoded and scored.",
		}),
		Stored: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_articles_stored_total", Help: "Articles in batches written to the store (redeliveries the store skipped included).",
		}),
		Events: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_stance_events_total", Help: "Directed dyads found in stored articles.",
		}),
		DeadLettered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stancemon_messages_dead_lettered_total", Help: "Bad messages dead-lettered (written to the dead-letter topic, or given up: see stancemon_dead_letter_failures_total), by reason.",
		}, []string{"reason"}),
		DeadLetterFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_dead_letter_failures_total", Help: "Bad messages whose dead-letter record could not be written after its attempts: logged with position, size and hash, then skipped.",
		}),
		Retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stancemon_retries_total", Help: "Failed attempts that were retried, by step.",
		}, []string{"step"}),
		Batches: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancemon_batches_committed_total", Help: "Batches stored and committed.",
		}),
		BatchLatency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "stancemon_batch_latency_seconds", Help: "Time from the first message of a batch being fetched to its commit.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14),
		}),
		BatchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "stancemon_batch_messages", Help: "Messages per batch.",
			Buckets: prometheus.ExponentialBuckets(1, 4, 8),
		}),
		StepLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "stancemon_step_seconds", Help: "Time per batch spent in each step (score, dead_letter, store, commit), retries included.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
		}, []string{"step"}),
		Lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "stancemon_consumer_lag_messages", Help: "Messages behind the partition's high-water mark at the last fetch.",
		}, []string{"topic", "partition"}),
		GroupLag: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "stancemon_consumer_group_lag_messages",
			Help: "Messages between the group's committed offset and the partition's end, read from the brokers (every instance reports every partition: aggregate with max by (topic, partition)).",
		}, []string{"topic", "partition"}),
		LastCommit: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "stancemon_last_commit_timestamp_seconds", Help: "Unix time of this instance's last committed batch.",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.Consumed, m.Scored, m.Stored, m.Events, m.DeadLettered, m.DeadLetterFailures, m.Retries,
			m.Batches, m.BatchLatency, m.BatchSize, m.StepLatency, m.Lag, m.GroupLag, m.LastCommit)
	}
	return m
}

func (m *Metrics) observeLag(topic string, partition int, highWater, offset int64) {
	if highWater > 0 {
		m.Lag.WithLabelValues(topic, strconv.Itoa(partition)).Set(float64(highWater - offset - 1))
	}
}
