package pipeline

import (
	"testing"
	"time"

	"github.com/stancemon/stancemon/kafka"
)

func TestBatcher(t *testing.T) {
	t0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	msg := func(n int) kafka.Message { return kafka.Message{Value: make([]byte, n)} }
	tests := []struct {
		name     string
		policy   BatchPolicy
		sizes    []int
		wantFull []bool
	}{
		{"count closes", BatchPolicy{Count: 3, Bytes: 1 << 20, Period: time.Second}, []int{1, 1, 1}, []bool{false, false, true}},
		{"bytes close", BatchPolicy{Count: 100, Bytes: 10, Period: time.Second}, []int{4, 4, 4}, []bool{false, false, true}},
		{"one large message", BatchPolicy{Count: 100, Bytes: 10, Period: time.Second}, []int{50}, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := batcher{policy: tt.policy}
			for i, n := range tt.sizes {
				if got := b.Add(msg(n), t0); got != tt.wantFull[i] {
					t.Fatalf("Add #%d full = %v, want %v", i, got, tt.wantFull[i])
				}
			}
			if got := len(b.Flush()); got != len(tt.sizes) {
				t.Errorf("Flush returned %d messages, want %d", got, len(tt.sizes))
			}
			if b.UntilNext(t0) >= 0 || len(b.Flush()) != 0 {
				t.Error("batcher not empty after Flush")
			}
		})
	}
}

func TestBatcherUntilNext(t *testing.T) {
	t0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	b := batcher{policy: BatchPolicy{Count: 10, Bytes: 1 << 20, Period: time.Second}}
	if d := b.UntilNext(t0); d >= 0 {
		t.Errorf("empty batch: UntilNext = %v, want negative", d)
	}
	b.Add(kafka.Message{}, t0)
	b.Add(kafka.Message{}, t0.Add(300*time.Millisecond)) // age counts from the first message
	for _, c := range []struct {
		at   time.Duration
		want time.Duration
	}{{0, time.Second}, {400 * time.Millisecond, 600 * time.Millisecond}, {time.Second, 0}, {5 * time.Second, 0}} {
		if got := b.UntilNext(t0.Add(c.at)); got != c.want {
			t.Errorf("UntilNext at +%v = %v, want %v", c.at, got, c.want)
		}
	}
}
