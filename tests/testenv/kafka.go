package testenv

import (
	"context"
	"testing"
	"time"

	"github.com/stancemon/stancemon/kafka"
)

// ReadTopic reads n messages of topic on the broker at addr with a fresh
// consumer group, and fails the test when the topic holds fewer.
func ReadTopic(t testing.TB, addr, topic string, n int) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: kafka.Options{Brokers: []string{addr}},
		Topic: topic, Group: "readtopic-" + t.Name(), MaxWait: time.Second, SessionTimeout: 6 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var out []kafka.Message
	for len(out) < n {
		mctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		m, err := c.FetchMessage(mctx)
		cancel()
		if err != nil {
			break
		}
		out = append(out, m)
	}
	if len(out) != n {
		t.Fatalf("read %d messages from %s, want %d", len(out), topic, n)
	}
	return out
}
