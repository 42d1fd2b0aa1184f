package kafka

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/stancemon/stancemon/internal/jsonl"
)

// MaxLineBytes is the longest line PublishLines reads.
const MaxLineBytes = jsonl.DefaultMaxLine

// Chunks of PublishLines: at most ChunkLines lines and ChunkBytes bytes
// are written at once, so a file of large articles is sent in bounded
// requests and bounded memory.
const (
	ChunkLines = 500
	ChunkBytes = 4 << 20
)

// PublishLines publishes every non-empty line of r as one message, as it
// is (the pipeline validates and dead-letters), keyed by its "id" field
// when it has one. progress, when not nil, is called with the count of
// lines and bytes published so far after each chunk. It returns the
// number published.
func PublishLines(ctx context.Context, w Writer, r io.Reader, progress func(lines, bytes int)) (int, error) {
	var (
		msgs               []Message
		lines, size, chunk int
	)
	send := func() error {
		if len(msgs) == 0 {
			return nil
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			return fmt.Errorf("publishing after line %d: %w", lines, err)
		}
		lines += len(msgs)
		size += chunk
		msgs, chunk = msgs[:0], 0
		if progress != nil {
			progress(lines, size)
		}
		return nil
	}
	err := jsonl.Scan(r, jsonl.Options{MaxLine: MaxLineBytes}, func(n int, line []byte, err error) error {
		if err != nil {
			return fmt.Errorf("reading line %d: %w", n, err)
		}
		value := bytes.Clone(bytes.TrimSpace(line))
		if len(msgs) > 0 && chunk+len(value) > ChunkBytes {
			if err := send(); err != nil {
				return err
			}
		}
		msgs = append(msgs, Message{Key: key(value), Value: value})
		chunk += len(value)
		if len(msgs) == ChunkLines {
			return send()
		}
		return nil
	})
	if err != nil {
		return lines, err
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
