package pipeline

import (
	"time"

	"github.com/stancemon/stancemon/kafka"
)

// BatchPolicy closes a batch on whichever comes first: Count messages,
// Bytes of message values, or Period since its first message.
type BatchPolicy struct {
	Count  int
	Bytes  int
	Period time.Duration
}

// batcher accumulates messages under a BatchPolicy.
type batcher struct {
	policy BatchPolicy
	msgs   []kafka.Message
	bytes  int
	opened time.Time
}

// Add appends m and reports whether the batch is now full.
func (b *batcher) Add(m kafka.Message, now time.Time) bool {
	if len(b.msgs) == 0 {
		b.opened = now
	}
	b.msgs = append(b.msgs, m)
	b.bytes += len(m.Value)
	return len(b.msgs) >= b.policy.Count || b.bytes >= b.policy.Bytes
}

// UntilNext returns how long until the open batch must be flushed by age,
// or a negative duration when there is nothing to flush.
func (b *batcher) UntilNext(now time.Time) time.Duration {
	if len(b.msgs) == 0 {
		return -1
	}
	d := b.policy.Period - now.Sub(b.opened)
	if d < 0 {
		return 0
	}
	return d
}

// Flush returns the open batch and starts a new one.
func (b *batcher) Flush() []kafka.Message {
	out := b.msgs
	b.msgs = nil
	b.bytes = 0
	return out
}
