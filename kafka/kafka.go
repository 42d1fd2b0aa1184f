package kafka

import (
	"context"
	"time"
)

// Message is a Kafka record as the pipeline reads and writes it.
type Message struct {
	// Topic, Partition and Offset are where the record was read; a
	// producer ignores them (the partition follows from the key).
	Topic     string
	Partition int
	Offset    int64
	// HighWaterMark is the partition's end offset when the record was
	// fetched (0 for written records).
	HighWaterMark int64
	Key           []byte
	Value         []byte
	Headers       []Header
	// Time is the record's timestamp; zero means now when producing.
	Time time.Time

	// epoch is the leader epoch of the fetched record, sent with commits.
	epoch int32
}

// Header is a record header.
type Header struct {
	Key   string
	Value []byte
}

// Size is the number of bytes of m on the wire, roughly: key, value and
// headers.
func (m Message) Size() int {
	n := len(m.Key) + len(m.Value)
	for _, h := range m.Headers {
		n += len(h.Key) + len(h.Value)
	}
	return n
}

// Writer publishes messages. The Producer of NewProducer implements it; so
// do fakes in tests.
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...Message) error
}

// WriterFunc adapts a function to Writer.
type WriterFunc func(ctx context.Context, msgs ...Message) error

// WriteMessages calls f.
func (f WriterFunc) WriteMessages(ctx context.Context, msgs ...Message) error { return f(ctx, msgs...) }
