package testenv

import (
	"context"
	"testing"
	"time"

	kafkago "github.com/segmentio/kafka-go"

	"github.com/stancemon/stancemon/kafka"
)

// ReadTopic reads n messages from partitions 0 to partitions-1 of topic
// on the broker at addr, partition after partition, and fails the test
// when the topic holds fewer.
func ReadTopic(t testing.TB, addr, topic string, partitions, n int) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out []kafka.Message
	for p := 0; p < partitions && len(out) < n; p++ {
		r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: []string{addr}, Topic: topic, Partition: p, MaxWait: time.Second})
		for len(out) < n {
			pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			m, err := r.ReadMessage(pctx)
			cancel()
			if err != nil {
				break // partition exhausted
			}
			out = append(out, m)
		}
		r.Close()
	}
	if len(out) != n {
		t.Fatalf("read %d messages from %s, want %d", len(out), topic, n)
	}
	return out
}
