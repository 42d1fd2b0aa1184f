package kafka

import (
	"context"
	"fmt"

	"github.com/twmb/franz-go/pkg/kgo"
)

// MaxRecordBytes is the record size producers accept: the brokers'
// default limit of one record batch (message.max.bytes, 1 MiB) less room
// for the batch and record framing.
const MaxRecordBytes = 1<<20 - 1024

// Producer publishes to one topic, synchronously: WriteMessages returns
// once every message is acknowledged by all in-sync replicas. Keys are
// hashed to partitions as Kafka's own clients do (murmur2), so records of
// one key stay in order on one partition.
type Producer struct {
	cl    *kgo.Client
	topic string
}

// NewProducer returns a producer to topic. The caller closes it.
func NewProducer(o Options, topic string) (*Producer, error) {
	opts, err := o.kgoOpts()
	if err != nil {
		return nil, fmt.Errorf("creating Kafka producer: %w", err)
	}
	opts = append(opts,
		kgo.DefaultProduceTopic(topic),
		kgo.RequiredAcks(kgo.AllISRAcks()),
		kgo.ProducerBatchMaxBytes(1<<20),
		kgo.AllowAutoTopicCreation(),
	)
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("creating Kafka producer: %w", err)
	}
	return &Producer{cl: cl, topic: topic}, nil
}

// WriteError is the error of a write of which some messages failed: the
// others are written, so a retry sends only Failed (indexes into the
// messages given).
type WriteError struct {
	Failed []int
	Err    error // the first failure
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("%d messages not written: %v", len(e.Failed), e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// WriteMessages publishes msgs and waits for their acknowledgements. When
// some fail it returns a *WriteError naming them; the others are written.
func (p *Producer) WriteMessages(ctx context.Context, msgs ...Message) error {
	if len(msgs) == 0 {
		return nil
	}
	rs := make([]*kgo.Record, len(msgs))
	for i, m := range msgs {
		r := &kgo.Record{Topic: p.topic, Key: m.Key, Value: m.Value, Timestamp: m.Time}
		for _, h := range m.Headers {
			r.Headers = append(r.Headers, kgo.RecordHeader{Key: h.Key, Value: h.Value})
		}
		rs[i] = r
	}
	we := &WriteError{}
	for i, r := range p.cl.ProduceSync(ctx, rs...) {
		if r.Err != nil {
			we.Failed = append(we.Failed, i)
			if we.Err == nil {
				we.Err = r.Err
			}
		}
	}
	if len(we.Failed) > 0 {
		return fmt.Errorf("producing to %s: %w", p.topic, we)
	}
	return nil
}

// Close flushes nothing (writes are synchronous) and closes the client.
func (p *Producer) Close() error {
	p.cl.Close()
	return nil
}
