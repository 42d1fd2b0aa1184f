package simulate

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/kafka"
)

// Sink receives the generated articles.
type Sink interface {
	// Add buffers one article.
	Add(m article.Message) error
	// Flush sends what is buffered.
	Flush(ctx context.Context) error
}

// paceBatch is the most articles a Sink buffers between flushes.
const paceBatch = 500

// Pace sends the articles of g to sink, speed times faster than their
// publication times (as fast as possible when speed is 0), and returns how
// many it sent. Buffered articles are flushed before each wait, and every
// 500 articles. now and sleep are the clock; nil means time.Now and a
// sleep that ends early, with ctx's error, when ctx is done.
func Pace(ctx context.Context, g *Generator, sink Sink, speed float64, now func() time.Time, sleep func(context.Context, time.Duration) error) (int, error) {
	if speed < 0 {
		return 0, fmt.Errorf("pacing: speed must not be negative, got %v", speed)
	}
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepCtx
	}
	var (
		n          int
		first      time.Time
		wallStart  time.Time
		sinceFlush int
	)
	for m, ok := g.Next(); ok; m, ok = g.Next() {
		if speed > 0 {
			if first.IsZero() {
				first, wallStart = m.PublishedAt, now()
			}
			due := wallStart.Add(time.Duration(float64(m.PublishedAt.Sub(first)) / speed))
			if wait := due.Sub(now()); wait > 0 {
				if err := sink.Flush(ctx); err != nil {
					return n, err
				}
				sinceFlush = 0
				if err := sleep(ctx, wait); err != nil {
					return n, err
				}
			}
		}
		if err := sink.Add(m); err != nil {
			return n, err
		}
		n++
		if sinceFlush++; sinceFlush >= paceBatch {
			if err := sink.Flush(ctx); err != nil {
				return n, err
			}
			sinceFlush = 0
		}
	}
	return n, sink.Flush(ctx)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// LineSink writes articles as JSON Lines.
type LineSink struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewLineSink returns a sink writing one JSON object a line to w.
func NewLineSink(w io.Writer) *LineSink {
	bw := bufio.NewWriter(w)
	return &LineSink{w: bw, enc: json.NewEncoder(bw)}
}

// Add implements Sink.
func (s *LineSink) Add(m article.Message) error {
	if err := s.enc.Encode(m); err != nil {
		return fmt.Errorf("writing article %s: %w", m.ID, err)
	}
	return nil
}

// Flush implements Sink.
func (s *LineSink) Flush(context.Context) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing articles: %w", err)
	}
	return nil
}

// KafkaSink publishes articles as JSON messages keyed by article id.
type KafkaSink struct {
	w    kafka.Writer
	msgs []kafka.Message
}

// NewKafkaSink returns a sink publishing through w, such as
// kafka.NewWriter(brokers, topic).
func NewKafkaSink(w kafka.Writer) *KafkaSink { return &KafkaSink{w: w} }

// Add implements Sink.
func (s *KafkaSink) Add(m article.Message) error {
	v, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encoding article %s: %w", m.ID, err)
	}
	s.msgs = append(s.msgs, kafka.Message{Key: []byte(m.ID), Value: v})
	return nil
}

// Flush implements Sink.
func (s *KafkaSink) Flush(ctx context.Context) error {
	if len(s.msgs) == 0 {
		return nil
	}
	if err := s.w.WriteMessages(ctx, s.msgs...); err != nil {
		return fmt.Errorf("publishing articles: %w", err)
	}
	s.msgs = s.msgs[:0]
	return nil
}
