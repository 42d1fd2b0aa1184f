package kafka

import (
	"context"
	"errors"
	"fmt"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

// Admin reads and creates topics and reads group offsets.
type Admin struct {
	cl  *kgo.Client
	adm *kadm.Client
}

// NewAdmin returns an admin client. The caller closes it.
func NewAdmin(o Options) (*Admin, error) {
	opts, err := o.kgoOpts()
	if err != nil {
		return nil, fmt.Errorf("creating Kafka admin client: %w", err)
	}
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("creating Kafka admin client: %w", err)
	}
	return &Admin{cl: cl, adm: kadm.NewClient(cl)}, nil
}

// Close closes the client.
func (a *Admin) Close() { a.cl.Close() }

// EnsureTopics creates the topics that do not exist yet, with partitions
// partitions each and the brokers' default replication factor.
func (a *Admin) EnsureTopics(ctx context.Context, partitions int, topics ...string) error {
	resp, err := a.adm.CreateTopics(ctx, int32(partitions), -1, nil, topics...)
	if err != nil {
		return fmt.Errorf("creating topics %v: %w", topics, err)
	}
	var errs []error
	for _, t := range resp.Sorted() {
		if t.Err != nil && !errors.Is(t.Err, kerr.TopicAlreadyExists) {
			errs = append(errs, fmt.Errorf("creating topic %s: %w", t.Topic, t.Err))
		}
	}
	return errors.Join(errs...)
}

// Partitions returns the number of partitions of topic, or an error naming
// it when it does not exist.
func (a *Admin) Partitions(ctx context.Context, topic string) (int, error) {
	td, err := a.adm.ListTopics(ctx, topic)
	if err != nil {
		return 0, fmt.Errorf("listing topic %s: %w", topic, err)
	}
	d, ok := td[topic]
	if !ok || d.Err != nil {
		if ok {
			err = d.Err
		}
		return 0, fmt.Errorf("topic %s not found: %w", topic, errors.Join(err, kerr.UnknownTopicOrPartition))
	}
	return len(d.Partitions), nil
}

// Lag is a group's position on one partition.
type Lag struct {
	Partition int
	// Committed is the group's committed offset (-1 when none).
	Committed int64
	// End is the partition's high watermark.
	End int64
}

// Lag returns, per partition of topic, the group's committed offset and
// the partition's end: End - max(Committed, Start) messages wait.
func (a *Admin) Lag(ctx context.Context, group, topic string) ([]Lag, error) {
	ends, err := a.adm.ListEndOffsets(ctx, topic)
	if err != nil {
		return nil, fmt.Errorf("listing end offsets of %s: %w", topic, err)
	}
	if err := ends.Error(); err != nil {
		return nil, fmt.Errorf("listing end offsets of %s: %w", topic, err)
	}
	committed, err := a.adm.FetchOffsetsForTopics(ctx, group, topic)
	if errors.Is(err, kerr.GroupIDNotFound) {
		committed, err = nil, nil // a group that never committed
	}
	if err != nil {
		return nil, fmt.Errorf("fetching the committed offsets of group %s: %w", group, err)
	}
	var out []Lag
	ends.Each(func(o kadm.ListedOffset) {
		l := Lag{Partition: int(o.Partition), Committed: -1, End: o.Offset}
		if c, ok := committed.Lookup(topic, o.Partition); ok && c.Err == nil {
			l.Committed = c.At
		}
		out = append(out, l)
	})
	return out, nil
}

// Committed returns the sum of the offsets group has committed on topic
// (partitions without a commit count 0): how many messages a group that
// started at the oldest offset has processed.
func (a *Admin) Committed(ctx context.Context, group, topic string) (int64, error) {
	lags, err := a.Lag(ctx, group, topic)
	if err != nil {
		return 0, err
	}
	var sum int64
	for _, l := range lags {
		sum += max(l.Committed, 0)
	}
	return sum, nil
}
