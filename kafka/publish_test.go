package kafka

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// recorder is a Writer that keeps what it is given (fault injection: err).
type recorder struct {
	msgs  []Message
	calls int
	err   error
}

func (r *recorder) WriteMessages(_ context.Context, msgs ...Message) error {
	r.calls++
	if r.err != nil {
		return r.err
	}
	r.msgs = append(r.msgs, msgs...)
	return nil
}

const lines = `{"id":"a1","published_at":"2023-02-22T10:00:00Z","body":"x"}

  {"id": 42, "title": "numeric id"}
not json at all
{"title":"no id"}
`

func TestPublishLines(t *testing.T) {
	var rec recorder
	var lastLines, lastBytes int
	n, err := PublishLines(context.Background(), &rec, strings.NewReader(lines), func(l, b int) { lastLines, lastBytes = l, b })
	if err != nil || n != 4 || lastLines != 4 || rec.calls != 1 {
		t.Fatalf("PublishLines = %d, %v (progress %d, %d calls)", n, err, lastLines, rec.calls)
	}
	wantKeys := []string{"a1", "42", "", ""}
	size := 0
	for i, m := range rec.msgs {
		if string(m.Key) != wantKeys[i] {
			t.Errorf("message %d key %q, want %q", i, m.Key, wantKeys[i])
		}
		size += len(m.Value)
	}
	if lastBytes != size || string(rec.msgs[1].Value) != `{"id": 42, "title": "numeric id"}` {
		t.Errorf("values not published as they are (bytes %d of %d): %q", lastBytes, size, rec.msgs[1].Value)
	}
}

func TestPublishLinesChunks(t *testing.T) {
	var rec recorder
	in := strings.Repeat("{\"id\":\"x\"}\n", 1201)
	progress := 0
	n, err := PublishLines(context.Background(), &rec, strings.NewReader(in), func(int, int) { progress++ })
	if err != nil || n != 1201 || rec.calls != 3 || progress != 3 {
		t.Errorf("PublishLines = %d, %v in %d writes and %d progress calls, want 1201 in 3 and 3", n, err, rec.calls, progress)
	}
}

// TestPublishLinesChunkBytes: large articles go in chunks of at most
// ChunkBytes (a line larger than that alone in its chunk).
func TestPublishLinesChunkBytes(t *testing.T) {
	var rec recorder
	big := "{\"id\":\"" + strings.Repeat("x", 1<<20) + "\"}\n" // about 1 MiB
	var sizes []int
	prev := 0
	n, err := PublishLines(context.Background(), &rec, strings.NewReader(strings.Repeat(big, 9)), func(_, b int) {
		sizes = append(sizes, b-prev)
		prev = b
	})
	if err != nil || n != 9 {
		t.Fatalf("PublishLines = %d, %v", n, err)
	}
	for i, s := range sizes {
		if s > ChunkBytes {
			t.Errorf("chunk %d holds %d bytes, more than %d", i, s, ChunkBytes)
		}
	}
	if len(sizes) != 3 {
		t.Errorf("%d chunks of %v, want 3 (3 lines of 1 MiB each)", len(sizes), sizes)
	}
}

func TestPublishLinesErrors(t *testing.T) {
	rec := recorder{err: errors.New("broker down")}
	if _, err := PublishLines(context.Background(), &rec, strings.NewReader(lines), nil); err == nil || !strings.Contains(err.Error(), "broker down") {
		t.Errorf("writer error not returned: %v", err)
	}
	long := strings.Repeat("x", MaxLineBytes+1)
	if _, err := PublishLines(context.Background(), &recorder{}, strings.NewReader(long), nil); err == nil || !strings.Contains(err.Error(), "reading line 1") {
		t.Errorf("over-long line: %v", err)
	}
}

func FuzzKey(f *testing.F) {
	f.Add([]byte(`{"id":"a1"}`))
	f.Add([]byte(`{"id":{"x":1}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if k := key(b); k != nil && len(k) > len(b) {
			t.Fatalf("key %q longer than its line", k)
		}
	})
}
