package kafka_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/kafka"
)

// start returns an embedded broker's connection options.
func start(t *testing.T, partitions int) kafka.Options {
	t.Helper()
	b, err := broker.Start(broker.Config{Addr: "127.0.0.1:0", Partitions: partitions})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return kafka.Options{Brokers: []string{b.Addr()}, ClientID: t.Name()}
}

func newAdmin(t *testing.T, o kafka.Options) *kafka.Admin {
	t.Helper()
	a, err := kafka.NewAdmin(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	return a
}

func publish(t *testing.T, ctx context.Context, o kafka.Options, topic string, n int) {
	t.Helper()
	w, err := kafka.NewProducer(o, topic)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "{\"id\":\"a%d\"}\n", i)
	}
	if got, err := kafka.PublishLines(ctx, w, strings.NewReader(b.String()), nil); err != nil || got != n {
		t.Fatalf("PublishLines = %d, %v", got, err)
	}
}

func newConsumer(t *testing.T, o kafka.Options, group string) *kafka.Consumer {
	t.Helper()
	c, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: o, Topic: "in", Group: group,
		MaxWait: time.Second, SessionTimeout: 6 * time.Second, RevokeTimeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRoundTrip publishes JSON Lines to an embedded Kafka-protocol broker,
// reads them back with a consumer group, commits, and reads the committed
// offsets.
func TestRoundTrip(t *testing.T) {
	o := start(t, 1)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	a := newAdmin(t, o)
	if err := a.EnsureTopics(ctx, 2, "in", "in.dlq"); err != nil {
		t.Fatal(err)
	}
	if err := a.EnsureTopics(ctx, 2, "in"); err != nil {
		t.Fatalf("EnsureTopics of an existing topic: %v", err)
	}
	if n, err := a.Partitions(ctx, "in"); err != nil || n != 2 {
		t.Fatalf("Partitions = %d, %v", n, err)
	}
	publish(t, ctx, o, "in", 3)
	c := newConsumer(t, o, "g")
	defer c.Close()
	keys := map[string]bool{}
	var msgs []kafka.Message
	for range 3 {
		m, err := c.FetchMessage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		keys[string(m.Key)] = true
		msgs = append(msgs, m)
	}
	if len(keys) != 3 || !keys["a0"] || !keys["a2"] {
		t.Errorf("keys %v", keys)
	}
	if n, err := a.Committed(ctx, "g", "in"); err != nil || n != 0 {
		t.Errorf("Committed before the commit = %d, %v; the consumer must not commit by itself", n, err)
	}
	if err := c.CommitMessages(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
	if n, err := a.Committed(ctx, "g", "in"); err != nil || n != 3 {
		t.Errorf("Committed = %d, %v, want 3", n, err)
	}
	lags, err := a.Lag(ctx, "g", "in")
	var end, committed int64
	for _, l := range lags {
		end, committed = end+l.End, committed+l.Committed
	}
	if err != nil || len(lags) != 2 || end != 3 || committed != 3 {
		t.Errorf("Lag = %+v, %v; want 2 partitions ending at 3 messages in all, all committed", lags, err)
	}
	if lags, err := a.Lag(ctx, "nobody", "in"); err != nil || len(lags) != 2 || lags[0].Committed != -1 {
		t.Errorf("Lag of a group that never committed = %+v, %v", lags, err)
	}
}

// TestHandover: a member holding uncommitted messages keeps its partitions
// until it commits them when a second member joins; the second member then
// starts after the commit, so no message is read by both.
func TestHandover(t *testing.T) {
	o := start(t, 4)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if err := newAdmin(t, o).EnsureTopics(ctx, 4, "in"); err != nil {
		t.Fatal(err)
	}
	publish(t, ctx, o, "in", 400)
	first := newConsumer(t, o, "g")
	defer first.Close()
	var held []kafka.Message
	for range 200 {
		m, err := first.FetchMessage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, m)
	}
	// The second member joins while the first holds 200 uncommitted
	// messages; the first commits them 2 s later, then reads on.
	second := newConsumer(t, o, "g")
	defer second.Close()
	msgs := make(chan kafka.Message)
	read := func(c *kafka.Consumer) {
		for {
			m, err := c.FetchMessage(ctx)
			if err != nil {
				return
			}
			if err := c.CommitMessages(ctx, m); err != nil {
				t.Log(err)
			}
			msgs <- m
		}
	}
	var committed atomic.Bool
	go func() {
		time.Sleep(2 * time.Second)
		if err := first.CommitMessages(ctx, held...); err != nil {
			t.Error(err)
		}
		committed.Store(true)
		read(first)
	}()
	go read(second)
	seen := map[string]bool{}
	for _, m := range held {
		seen[fmt.Sprint(m.Partition, "/", m.Offset)] = true
	}
	for len(seen) < 400 {
		select {
		case m := <-msgs:
			k := fmt.Sprint(m.Partition, "/", m.Offset)
			if seen[k] {
				t.Fatalf("message %s read twice", k)
			}
			if !committed.Load() {
				t.Fatalf("message %s read by the new member before the old one committed what it held", k)
			}
			seen[k] = true
		case <-ctx.Done():
			t.Fatalf("read %d of 400", len(seen))
		}
	}
}

func TestUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	a := newAdmin(t, kafka.Options{Brokers: []string{"127.0.0.1:1"}})
	if err := a.EnsureTopics(ctx, 1, "x"); err == nil {
		t.Error("EnsureTopics on a closed port succeeded")
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    kafka.Options
		want string
	}{
		{"no brokers", kafka.Options{}, "no Kafka brokers"},
		{"bad mechanism", kafka.Options{Brokers: []string{"x:1"}, SASL: kafka.SASL{Mechanism: "GSSAPI"}}, "unknown SASL mechanism"},
		{"no password", kafka.Options{Brokers: []string{"x:1"}, SASL: kafka.SASL{Mechanism: "PLAIN", Username: "u"}}, "needs a username and a password"},
		{"cert without key", kafka.Options{Brokers: []string{"x:1"}, TLS: kafka.TLS{Enabled: true, CertFile: "c"}}, "both a client certificate and its key"},
		{"ok", kafka.Options{Brokers: []string{"x:1"}, SASL: kafka.SASL{Mechanism: "SCRAM-SHA-512", Username: "u", Password: "p"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.Validate()
			if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate() = %v, want %q", err, tc.want)
			}
		})
	}
	s := kafka.SASL{Mechanism: "PLAIN", Username: "u", Password: "hunter2"}
	if out := fmt.Sprintf("%v %+v %#v %s", s, s, s, s); strings.Contains(out, "hunter2") {
		t.Errorf("SASL formatted with its password: %s", out)
	}
}
