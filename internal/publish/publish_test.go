package publish

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/segmentio/kafka-go"
)

// recorder is a Writer that keeps what it is given (fault injection: err).
type recorder struct {
	msgs  []kafka.Message
	calls int
	err   error
}

func (r *recorder) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
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

func TestLines(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(lines))
	zw.Close()
	for name, in := range map[string][]byte{"plain": []byte(lines), "gzip": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			r, err := Reader(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			var rec recorder
			var lastLines, lastBytes int
			n, err := Lines(context.Background(), &rec, r, func(l, b int) { lastLines, lastBytes = l, b })
			if err != nil || n != 4 || lastLines != 4 {
				t.Fatalf("Lines = %d, %v (progress %d)", n, err, lastLines)
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
		})
	}
}

func TestLinesErrors(t *testing.T) {
	rec := recorder{err: errors.New("broker down")}
	if _, err := Lines(context.Background(), &rec, strings.NewReader(lines), nil); err == nil || !strings.Contains(err.Error(), "broker down") {
		t.Errorf("writer error not returned: %v", err)
	}
	long := strings.Repeat("x", MaxLineBytes+1)
	if _, err := Lines(context.Background(), &recorder{}, strings.NewReader(long), nil); err == nil || !strings.Contains(err.Error(), "reading line 1") {
		t.Errorf("over-long line: %v", err)
	}
	if _, err := Reader(bytes.NewReader([]byte{0x1f, 0x8b, 0})); err == nil {
		t.Error("broken gzip header accepted")
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
