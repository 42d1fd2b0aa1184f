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

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/broker"
	"github.com/stancemon/stancemon/kafka"
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
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	r, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: kafka.Options{Brokers: []string{b.Addr()}}, Topic: "sim", Group: "check", MaxWait: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for range want {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Decode(m.Value, 0)
		if err != nil || a.ID != string(m.Key) {
			t.Fatalf("message key %q: %v %+v", m.Key, err, a)
		}
	}
	more, stop := context.WithTimeout(ctx, time.Second)
	defer stop()
	if m, err := r.FetchMessage(more); err == nil {
		t.Errorf("more messages than the %d published: %q", want, m.Key)
	}
}
