package simulate_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/simulate"
)

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
	n, err := simulate.Pace(t.Context(), g, sink, 3600, func() time.Time { return wall }, func(_ context.Context, d time.Duration) error {
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

func TestPaceAsFastAsPossible(t *testing.T) {
	cfg := simulate.DefaultConfig()
	cfg.Duration = 48 * time.Hour
	cfg.Rate = 30
	cfg.Dyads = []simulate.Dyad{{Source: "USA", Target: "CAN", Base: 0.5}}
	g, err := simulate.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var writes, msgs int
	sink := simulate.NewKafkaSink(kafka.WriterFunc(func(_ context.Context, ms ...kafka.Message) error {
		writes++
		msgs += len(ms)
		for _, m := range ms {
			a, err := article.Decode(m.Value, 0)
			if err != nil || a.ID != string(m.Key) {
				t.Fatalf("message keyed %q: %v %+v", m.Key, err, a)
			}
		}
		return nil
	}))
	n, err := simulate.Pace(t.Context(), g, sink, 0, func() time.Time { t.Fatal("speed 0 read the clock"); return time.Time{} }, nil)
	if err != nil || n != msgs || n < 1000 {
		t.Fatalf("Pace = %d, %v; the writer got %d", n, err, msgs)
	}
	if want := (n + 499) / 500; writes != want {
		t.Errorf("%d writes for %d articles, want %d (batches of 500)", writes, n, want)
	}
	if _, err := simulate.Pace(t.Context(), g, sink, -1, nil, nil); err == nil {
		t.Error("negative speed accepted")
	}
}

func TestSinkErrors(t *testing.T) {
	down := errors.New("broker down")
	cfg := simulate.DefaultConfig()
	cfg.Duration = time.Hour
	cfg.Dyads = []simulate.Dyad{{Source: "USA", Target: "CAN", Base: 0.5}}
	g, err := simulate.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sink := simulate.NewKafkaSink(kafka.WriterFunc(func(context.Context, ...kafka.Message) error { return down }))
	if _, err := simulate.Pace(t.Context(), g, sink, 0, nil, nil); !errors.Is(err, down) || !strings.Contains(err.Error(), "publishing articles") {
		t.Errorf("Pace with a failing writer: %v", err)
	}
}

func TestLineSink(t *testing.T) {
	var out bytes.Buffer
	s := simulate.NewLineSink(&out)
	at := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"a", "b"} {
		if err := s.Add(article.Message{ID: id, PublishedAt: at, Title: "T " + id}); err != nil {
			t.Fatal(err)
		}
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q before Flush", out.String())
	}
	if err := s.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","published_at":"2025-03-03T00:00:00Z","title":"T a"}` + "\n" + `{"id":"b","published_at":"2025-03-03T00:00:00Z","title":"T b"}` + "\n"
	if out.String() != want {
		t.Errorf("wrote %q, want %q", out.String(), want)
	}
}
