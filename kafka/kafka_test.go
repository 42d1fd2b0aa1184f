package kafka_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/kafka"
)

// TestRoundTrip publishes JSON Lines to an embedded Kafka-protocol broker
// through NewWriter, reads them back with a consumer group of NewReader,
// commits, and reads the committed offsets.
func TestRoundTrip(t *testing.T) {
	b, err := broker.Start(broker.Config{Addr: "127.0.0.1:0", Partitions: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	brokers := []string{b.Addr()}
	if err := kafka.EnsureTopics(ctx, brokers, 2, "in", "in.dlq"); err != nil {
		t.Fatal(err)
	}
	if err := kafka.EnsureTopics(ctx, brokers, 2, "in"); err != nil {
		t.Fatalf("EnsureTopics of an existing topic: %v", err)
	}
	w := kafka.NewWriter(brokers, "in")
	n, err := kafka.PublishLines(ctx, w, strings.NewReader("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n"), nil)
	w.Close()
	if err != nil || n != 3 {
		t.Fatalf("PublishLines = %d, %v", n, err)
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "in", Group: "g", MaxWait: 2 * time.Second})
	defer r.Close()
	keys := map[string]bool{}
	var msgs []kafka.Message
	for range n {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		keys[string(m.Key)] = true
		msgs = append(msgs, m)
	}
	if len(keys) != 3 || !keys["a"] || !keys["c"] {
		t.Errorf("keys %v", keys)
	}
	if c, err := kafka.Committed(ctx, brokers, "g", "in", 2); err != nil || c != 0 {
		t.Errorf("Committed before the commit = %d, %v; the reader must not commit by itself", c, err)
	}
	if err := r.CommitMessages(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
	if c, err := kafka.Committed(ctx, brokers, "g", "in", 2); err != nil || c != 3 {
		t.Errorf("Committed = %d, %v, want 3", c, err)
	}
}

func TestEnsureTopicsUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	err := kafka.EnsureTopics(ctx, []string{"127.0.0.1:1"}, 1, "x")
	if err == nil || !strings.Contains(err.Error(), "dialing Kafka") {
		t.Errorf("EnsureTopics on a closed port: %v", err)
	}
}
