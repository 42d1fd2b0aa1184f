package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"
)

// Source yields messages in partition order and commits them once they
// are stored. kafka-go's consumer-group Reader is the implementation.
type Source interface {
	// FetchMessage blocks until a message is available or ctx is done.
	FetchMessage(ctx context.Context) (kafka.Message, error)
	// CommitMessages commits, per partition, the highest offset given.
	CommitMessages(ctx context.Context, msgs ...kafka.Message) error
	// Close leaves the group.
	Close() error
}

// DeadLetterWriter publishes messages that cannot be processed.
type DeadLetterWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// ReaderConfig is what NewReader needs.
type ReaderConfig struct {
	Brokers  []string
	Topic    string
	Group    string
	MaxBytes int
	MaxWait  time.Duration
	// SessionTimeout bounds how long a crashed member holds its partitions
	// (and how long a rebalance may take). Default: 10s
	SessionTimeout time.Duration
}

// fetchQueue is how many fetched messages wait, in kafka-go's queue and
// again in the pipeline's, before the open batch takes them.
const fetchQueue = 256

// NewReader returns a consumer-group reader that never commits by itself:
// the pipeline commits after storing.
func NewReader(cfg ReaderConfig) *kafka.Reader {
	session := cfg.SessionTimeout
	if session <= 0 {
		session = 10 * time.Second
	}
	return kafka.NewReader(kafka.ReaderConfig{
		Brokers:        cfg.Brokers,
		Topic:          cfg.Topic,
		GroupID:        cfg.Group,
		MinBytes:       1,
		MaxBytes:       max(cfg.MaxBytes+64<<10, 4<<20),
		MaxWait:        cfg.MaxWait,
		StartOffset:    kafka.FirstOffset,
		CommitInterval: 0, // synchronous commits
		// The pipeline batches itself; a small internal queue keeps memory
		// bounded whatever the backlog.
		QueueCapacity:         fetchQueue,
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
	cc, err := (&kafka.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", net.JoinHostPort(controller.Host, strconv.Itoa(controller.Port)))
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
	var cfgs []kafka.TopicConfig
	for _, t := range topics {
		cfgs = append(cfgs, kafka.TopicConfig{Topic: t, NumPartitions: partitions, ReplicationFactor: replicas})
	}
	if err := cc.CreateTopics(cfgs...); err != nil && !errors.Is(err, kafka.TopicAlreadyExists) {
		return fmt.Errorf("creating topics %v: %w", topics, err)
	}
	return nil
}

func dialAny(ctx context.Context, brokers []string) (*kafka.Conn, error) {
	var errs []error
	d := &kafka.Dialer{Timeout: 10 * time.Second}
	for _, b := range brokers {
		conn, err := d.DialContext(ctx, "tcp", b)
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("dialing Kafka %v: %w", brokers, errors.Join(errs...))
}
