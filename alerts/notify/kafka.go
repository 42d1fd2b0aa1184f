package notify

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/kafka"
)

// DefaultTopic is the Kafka topic alerts are published to by default.
const DefaultTopic = "stance-alerts"

// Kafka publishes each alert as a JSON message keyed by its fingerprint,
// so that the states of one instance stay in order on one partition.
type Kafka struct {
	w kafka.Writer
}

// NewKafka returns a notifier writing to w, such as
// kafka.NewWriter(brokers, DefaultTopic).
func NewKafka(w kafka.Writer) *Kafka { return &Kafka{w: w} }

// Name returns "kafka".
func (*Kafka) Name() string { return "kafka" }

// Notify writes the alerts.
func (k *Kafka) Notify(ctx context.Context, as []alerts.Alert) error {
	msgs := make([]kafka.Message, len(as))
	for i, a := range as {
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("encoding alert: %w", err)
		}
		msgs[i] = kafka.Message{Key: []byte(a.Fingerprint), Value: b, Time: a.UpdatedAt}
	}
	if err := k.w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("writing alerts to Kafka: %w", err)
	}
	return nil
}
