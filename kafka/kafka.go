package kafka

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	kafkago "github.com/segmentio/kafka-go"
)

// Message is a Kafka record as kafka-go reads and writes it.
type Message = kafkago.Message

// Header is a record header.
type Header = kafkago.Header

// Writer publishes messages. The writer of NewWriter implements it; so do
// fakes in tests.
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...Message) error
}

// WriterFunc adapts a function to Writer.
type WriterFunc func(ctx context.Context, msgs ...Message) error

// WriteMessages calls f.
func (f WriterFunc) WriteMessages(ctx context.Context, msgs ...Message) error { return f(ctx, msgs...) }

// NewWriter returns a synchronous, batching writer to topic that waits for
// all in-sync replicas and hashes keys to partitions. The caller closes it.
func NewWriter(brokers []string, topic string) *kafkago.Writer {
	return &kafkago.Writer{
		Addr:                   kafkago.TCP(brokers...),
		Topic:                  topic,
		Balancer:               &kafkago.Hash{},
		RequiredAcks:           kafkago.RequireAll,
		AllowAutoTopicCreation: true,
		BatchSize:              1000,
		BatchBytes:             16 << 20,
		BatchTimeout:           10 * time.Millisecond,
	}
}

// ReaderConfig is what NewReader needs.
type ReaderConfig struct {
	// Brokers are the bootstrap addresses. Required.
	Brokers []string
	// Topic is the topic read. Required.
	Topic string
	// Group is the consumer group. Required.
	Group string
	// MaxBytes is the size limit of one message; a fetch asks for at least
	// this much plus 64 KiB. Default: 0 (fetches of 4 MiB)
	MaxBytes int
	// MaxWait is the longest a fetch waits for new data. Default: kafka-go's (10s)
	MaxWait time.Duration
	// SessionTimeout bounds how long a crashed member holds its partitions
	// (and how long a rebalance may take). Default: 10s
	SessionTimeout time.Duration
}

// FetchQueue is how many fetched messages wait in the reader's queue of
// NewReader; consumers that queue again should use the same bound.
const FetchQueue = 256

// NewReader returns a consumer-group reader that starts at the oldest
// offset of a new group and never commits by itself: the caller commits
// (CommitMessages) after storing. The caller closes it.
func NewReader(cfg ReaderConfig) *kafkago.Reader {
	session := cfg.SessionTimeout
	if session <= 0 {
		session = 10 * time.Second
	}
	return kafkago.NewReader(kafkago.ReaderConfig{
		Brokers:        cfg.Brokers,
		Topic:          cfg.Topic,
		GroupID:        cfg.Group,
		MinBytes:       1,
		MaxBytes:       max(cfg.MaxBytes+64<<10, 4<<20),
		MaxWait:        cfg.MaxWait,
		StartOffset:    kafkago.FirstOffset,
		CommitInterval: 0, // synchronous commits
		// The pipeline batches itself; a small internal queue keeps memory
		// bounded whatever the backlog.
		QueueCapacity:         FetchQueue,
		ReadBackoffMin:        100 * time.Millisecond,
		ReadBackoffMax:        2 * time.Second,
		WatchPartitionChanges: true,
		HeartbeatInterval:     session / 10,
		SessionTimeout:        session,
		RebalanceTimeout:      session,
	})
}

// EnsureTopics creates the topics that do not exist yet, with partitions
// partitions each (replication factor 1 when the cluster has one broker,
// else the broker default).
func EnsureTopics(ctx context.Context, brokers []string, partitions int, topics ...string) error {
	conn, err := dialAny(ctx, brokers)
	if err != nil {
		return err
	}
	defer conn.Close()
	controller, err := conn.Controller()
	if err != nil {
		return fmt.Errorf("finding the Kafka controller: %w", err)
	}
	cc, err := (&kafkago.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", net.JoinHostPort(controller.Host, strconv.Itoa(controller.Port)))
	if err != nil {
		return fmt.Errorf("dialing the Kafka controller: %w", err)
	}
	defer cc.Close()
	nodes, err := conn.Brokers()
	if err != nil {
		return fmt.Errorf("listing Kafka brokers: %w", err)
	}
	replicas := -1
	if len(nodes) == 1 {
		replicas = 1
	}
	var cfgs []kafkago.TopicConfig
	for _, t := range topics {
		cfgs = append(cfgs, kafkago.TopicConfig{Topic: t, NumPartitions: partitions, ReplicationFactor: replicas})
	}
	if err := cc.CreateTopics(cfgs...); err != nil && !errors.Is(err, kafkago.TopicAlreadyExists) {
		return fmt.Errorf("creating topics %v: %w", topics, err)
	}
	return nil
}

func dialAny(ctx context.Context, brokers []string) (*kafkago.Conn, error) {
	var errs []error
	d := &kafkago.Dialer{Timeout: 10 * time.Second}
	for _, b := range brokers {
		conn, err := d.DialContext(ctx, "tcp", b)
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("dialing Kafka %v: %w", brokers, errors.Join(errs...))
}

// Committed returns the sum of the offsets that group has committed on
// partitions 0 to partitions-1 of topic (partitions without a commit count
// 0): how many messages a group that started at the oldest offset has
// processed.
func Committed(ctx context.Context, brokers []string, group, topic string, partitions int) (int64, error) {
	parts := make([]int, partitions)
	for i := range parts {
		parts[i] = i
	}
	c := &kafkago.Client{Addr: kafkago.TCP(brokers...), Timeout: 10 * time.Second}
	resp, err := c.OffsetFetch(ctx, &kafkago.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: parts}})
	if err != nil {
		return 0, fmt.Errorf("fetching the committed offsets of group %s: %w", group, err)
	}
	var sum int64
	for _, p := range resp.Topics[topic] {
		sum += max(p.CommittedOffset, 0)
	}
	return sum, nil
}
