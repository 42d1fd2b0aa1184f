package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/simulate"
)

func TestSimulateJSONLines(t *testing.T) {
	cfgFile := filepath.Join(t.TempDir(), "sim.yaml")
	if err := os.WriteFile(cfgFile, []byte("duration: 10h\nrate: 30\ndyads: [{source: CHN, target: PHL, base: -0.5}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runSimulate(t.Context(), &out, &errOut, simulateOptions{config: cfgFile, output: "-"}, false); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&out)
	n := 0
	for sc.Scan() {
		if _, err := article.Decode(sc.Bytes(), 0); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
	}
	if n < 200 || n > 400 {
		t.Errorf("%d articles, want about 300", n)
	}

	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("dyads: [{source: CHN, target: PHL, mood: 1}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := runSimulate(t.Context(), &out, &errOut, simulateOptions{config: bad}, false)
	if err == nil || !strings.Contains(err.Error(), bad+": decoding simulation config: 1:36: unknown field \"mood\"") {
		t.Errorf("bad config error = %v", err)
	}
}

// countingSink counts articles and flushes.
type countingSink struct{ added, flushes int }

func (s *countingSink) Add(article.Message) error   { s.added++; return nil }
func (s *countingSink) Flush(context.Context) error { s.flushes++; return nil }

func TestPace(t *testing.T) {
	cfg := simulate.DefaultConfig()
	cfg.Duration = 2 * time.Hour
	cfg.Dyads = []simulate.Dyad{{Source: "USA", Target: "CAN", Base: 0.5}}
	g, err := simulate.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// A fake clock that sleeps instantly: the total sleep is the simulated
	// span divided by the speed.
	wall := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var slept time.Duration
	sink := &countingSink{}
	n, err := pace(t.Context(), g, sink, 3600, func() time.Time { return wall }, func(_ context.Context, d time.Duration) error {
		slept += d
		wall = wall.Add(d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != sink.added || n < 20 {
		t.Fatalf("sent %d, sink got %d", n, sink.added)
	}
	// Two simulated hours at 3600x: just under two seconds.
	if slept < 1500*time.Millisecond || slept > 2*time.Second {
		t.Errorf("slept %s, want about 2s", slept)
	}
	if sink.flushes < n/2 {
		t.Errorf("%d flushes for %d paced articles: buffered articles must go out before each wait", sink.flushes, n)
	}
}

func TestSimulateKafka(t *testing.T) {
	b, err := broker.Start(broker.Config{Addr: "127.0.0.1:0", Partitions: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	cfgFile := filepath.Join(t.TempDir(), "sim.yaml")
	if err := os.WriteFile(cfgFile, []byte("duration: 2h\nrate: 30\ndyads: [{source: CHN, target: PHL, base: -0.5}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runSimulate(t.Context(), &out, &errOut, simulateOptions{config: cfgFile, brokers: b.Addr(), topic: "sim"}, false); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(errOut.String(), "published ") || out.Len() != 0 {
		t.Fatalf("stdout %q, stderr %q", out.String(), errOut.String())
	}
	var want int
	if _, err := fmt.Sscanf(errOut.String(), "published %d articles", &want); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	got := 0
	for p := range 2 {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{b.Addr()}, Topic: "sim", Partition: p, MaxWait: 2 * time.Second})
		last, err := kafka.DialLeader(ctx, "tcp", b.Addr(), "sim", p)
		if err != nil {
			t.Fatal(err)
		}
		end, err := last.ReadLastOffset()
		last.Close()
		if err != nil {
			t.Fatal(err)
		}
		for off := int64(0); off < end; off++ {
			m, err := r.ReadMessage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			a, err := article.Decode(m.Value, 0)
			if err != nil || a.ID != string(m.Key) {
				t.Fatalf("message key %q: %v %+v", m.Key, err, a)
			}
			got++
		}
		r.Close()
	}
	if got != want {
		t.Errorf("read %d messages, published %d", got, want)
	}
}
