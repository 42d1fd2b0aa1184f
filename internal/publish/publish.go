// Package publish writes to Kafka: the one writer configuration that
// stancemon uses (articles, dead letters, alerts), and the publishing of
// JSON Lines articles keyed by article id.
package publish

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/segmentio/kafka-go"
)

// MaxLineBytes is the longest line read.
const MaxLineBytes = 16 << 20

// Writer is the part of *kafka.Writer that Lines needs.
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// NewWriter returns a synchronous, batching writer to topic that waits for
// all in-sync replicas and hashes keys to partitions.
func NewWriter(brokers []string, topic string) *kafka.Writer {
	return &kafka.Writer{
		Addr:                   kafka.TCP(brokers...),
		Topic:                  topic,
		Balancer:               &kafka.Hash{},
		RequiredAcks:           kafka.RequireAll,
		AllowAutoTopicCreation: true,
		BatchSize:              1000,
		BatchBytes:             16 << 20,
		BatchTimeout:           10 * time.Millisecond,
	}
}

// Reader returns r, gunzipped when it starts with the gzip magic bytes.
func Reader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, err := br.Peek(2)
	if err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("opening gzip stream: %w", err)
		}
		return zr, nil
	}
	return br, nil
}

// Lines publishes every non-empty line of r as one message, as it is (the
// pipeline validates and dead-letters), keyed by its "id" field when it has
// one. progress, when not nil, is called with the count of lines and bytes
// published so far after each chunk. It returns the number published.
func Lines(ctx context.Context, w Writer, r io.Reader, progress func(lines, bytes int)) (int, error) {
	const chunk = 500
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), MaxLineBytes)
	var (
		msgs        []kafka.Message
		lines, size int
	)
	send := func() error {
		if len(msgs) == 0 {
			return nil
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			return fmt.Errorf("publishing after line %d: %w", lines, err)
		}
		lines += len(msgs)
		for _, m := range msgs {
			size += len(m.Value)
		}
		msgs = msgs[:0]
		if progress != nil {
			progress(lines, size)
		}
		return nil
	}
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		value := append([]byte(nil), line...)
		msgs = append(msgs, kafka.Message{Key: key(value), Value: value})
		if len(msgs) == chunk {
			if err := send(); err != nil {
				return lines, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return lines, fmt.Errorf("reading line %d: %w", lines+len(msgs)+1, err)
	}
	return lines, send()
}

// key returns the article id of a JSON line, or nil.
func key(line []byte) []byte {
	var v struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(line, &v) != nil || len(v.ID) == 0 {
		return nil
	}
	var s string
	if json.Unmarshal(v.ID, &s) == nil {
		return []byte(s)
	}
	return v.ID
}
