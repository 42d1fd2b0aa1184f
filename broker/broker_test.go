package broker

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// TestPersistence writes to a broker with a data directory, restarts it on
// the same address and reads the records back.
func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	b, err := Start(Config{Addr: "127.0.0.1:0", DataDir: dir, Partitions: 1, Topics: []string{"t"}})
	if err != nil {
		t.Fatal(err)
	}
	addr := b.Addr()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := &kafka.Writer{Addr: kafka.TCP(addr), Topic: "t", RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
	if err := w.WriteMessages(ctx, kafka.Message{Value: []byte("one")}, kafka.Message{Value: []byte("two")}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	b.Close()

	b, err = Start(Config{Addr: addr, DataDir: dir, Partitions: 1, Topics: []string{"t"}})
	if err != nil {
		t.Fatalf("restarting on %s: %v", addr, err)
	}
	defer b.Close()
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{addr}, Topic: "t", Partition: 0, MaxWait: time.Second})
	defer r.Close()
	for _, want := range []string{"one", "two"} {
		m, err := r.ReadMessage(ctx)
		if err != nil || string(m.Value) != want {
			t.Fatalf("read %q, %v; want %q", m.Value, err, want)
		}
	}
}

func TestStartErrors(t *testing.T) {
	for addr, want := range map[string]string{
		"localhost":       "parsing broker address",
		"127.0.0.1:99999": "bad port",
		"127.0.0.1:x":     "bad port",
	} {
		if _, err := Start(Config{Addr: addr}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Start(%q) error = %v, want %q", addr, err, want)
		}
	}
	b, err := Start(Config{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := Start(Config{Addr: b.Addr()}); err == nil {
		t.Errorf("a second broker on %s started", b.Addr())
	}
}
