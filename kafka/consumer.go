package kafka

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
	"go.uber.org/zap"
)

// FetchQueue is how many fetched messages the Consumer hands out per poll;
// consumers that queue again should use the same bound.
const FetchQueue = 256

// ConsumerConfig is what NewConsumer needs.
type ConsumerConfig struct {
	Options
	// Topic is the topic read. Required.
	Topic string
	// Group is the consumer group. Required.
	Group string
	// InstanceID makes this member static (KIP-345): a member that restarts
	// within SessionTimeout with the same id gets its partitions back
	// without a rebalance. Each instance needs its own id. Default: ""
	// (dynamic membership)
	InstanceID string
	// MaxBytes is the size limit of one message; a fetch asks for at least
	// this much plus 64 KiB. Default: 1 MiB
	MaxBytes int
	// MaxWait is the longest a fetch waits for new data. Default: 5s
	MaxWait time.Duration
	// SessionTimeout bounds how long a crashed member holds its partitions.
	// Default: 10s
	SessionTimeout time.Duration
	// RevokeTimeout bounds how long a revoked partition waits for the
	// messages already handed out to be committed. Default: 30s
	RevokeTimeout time.Duration
	// Log gets the group's rebalances. Default: none
	Log *zap.Logger
}

// Consumer reads a topic as a member of a consumer group and commits only
// what the caller commits (see the package doc for what it does when a
// partition changes owner). It implements the pipeline's Source.
type Consumer struct {
	cl      *kgo.Client
	cfg     ConsumerConfig
	log     *zap.Logger
	pending []Message // fetched, not handed out

	mu      sync.Mutex
	cond    *sync.Cond
	closing bool // Close was called: revoking waits for nothing
	// owned are the partitions assigned to this member now.
	owned map[int32]bool
	// handed is, per partition, the next offset after the last message
	// handed out; committed the next offset after the last committed.
	handed, committed map[int32]int64
}

// NewConsumer joins the group (lazily, at the first fetch). The caller
// closes it.
func NewConsumer(cfg ConsumerConfig) (*Consumer, error) {
	if cfg.Topic == "" || cfg.Group == "" {
		return nil, errors.New("creating Kafka consumer: topic and group are required")
	}
	if cfg.SessionTimeout <= 0 {
		cfg.SessionTimeout = 10 * time.Second
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 5 * time.Second
	}
	if cfg.RevokeTimeout <= 0 {
		cfg.RevokeTimeout = 30 * time.Second
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 1 << 20
	}
	c := &Consumer{
		cfg: cfg, log: cfg.Log,
		owned: make(map[int32]bool), handed: make(map[int32]int64), committed: make(map[int32]int64),
	}
	if c.log == nil {
		c.log = zap.NewNop()
	}
	c.cond = sync.NewCond(&c.mu)
	opts, err := cfg.kgoOpts()
	if err != nil {
		return nil, fmt.Errorf("creating Kafka consumer: %w", err)
	}
	fetchBytes := int32(max(cfg.MaxBytes+64<<10, 4<<20))
	opts = append(opts,
		kgo.ConsumeTopics(cfg.Topic),
		kgo.ConsumerGroup(cfg.Group),
		kgo.Balancers(kgo.CooperativeStickyBalancer()),
		kgo.DisableAutoCommit(),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.SessionTimeout(cfg.SessionTimeout),
		kgo.HeartbeatInterval(max(cfg.SessionTimeout/10, 100*time.Millisecond)),
		kgo.RebalanceTimeout(cfg.RevokeTimeout+cfg.SessionTimeout),
		kgo.FetchMaxWait(cfg.MaxWait),
		kgo.FetchMaxBytes(fetchBytes),
		kgo.FetchMaxPartitionBytes(fetchBytes),
		kgo.MaxConcurrentFetches(2),
		kgo.OnPartitionsAssigned(c.assigned),
		kgo.OnPartitionsRevoked(c.revoked),
		kgo.OnPartitionsLost(c.lost),
	)
	if cfg.InstanceID != "" {
		opts = append(opts, kgo.InstanceID(cfg.InstanceID))
	}
	if c.cl, err = kgo.NewClient(opts...); err != nil {
		return nil, fmt.Errorf("creating Kafka consumer: %w", err)
	}
	return c, nil
}

// FetchMessage returns the next message of an owned partition, blocking
// until one is there or ctx is done. Errors the client retries by itself
// are logged; errors it cannot get past (authentication, authorization, a
// closed client) are returned.
func (c *Consumer) FetchMessage(ctx context.Context) (Message, error) {
	for {
		if m, ok := c.next(); ok {
			return m, nil
		}
		fs := c.cl.PollRecords(ctx, FetchQueue)
		if err := ctx.Err(); err != nil {
			return Message{}, err
		}
		if fs.IsClientClosed() {
			return Message{}, kgo.ErrClientClosed
		}
		var fatal error
		fs.EachError(func(topic string, partition int32, err error) {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return
			}
			if isFatal(err) {
				fatal = fmt.Errorf("reading %s: %w", topic, err)
				return
			}
			c.log.Warn("fetching", zap.String("topic", topic), zap.Int32("partition", partition), zap.Error(err))
		})
		if fatal != nil {
			return Message{}, fatal
		}
		fs.EachPartition(func(p kgo.FetchTopicPartition) {
			for _, r := range p.Records {
				m := Message{
					Topic: r.Topic, Partition: int(r.Partition), Offset: r.Offset, HighWaterMark: p.HighWatermark,
					Key: r.Key, Value: r.Value, Time: r.Timestamp, epoch: r.LeaderEpoch,
				}
				for _, h := range r.Headers {
					m.Headers = append(m.Headers, Header{Key: h.Key, Value: h.Value})
				}
				c.pending = append(c.pending, m)
			}
		})
	}
}

// next hands out the oldest pending message of a partition still owned.
func (c *Consumer) next() (Message, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.pending) > 0 {
		m := c.pending[0]
		c.pending = c.pending[1:]
		p := int32(m.Partition)
		if !c.owned[p] {
			continue // revoked since it was fetched
		}
		c.handed[p] = m.Offset + 1
		return m, true
	}
	c.pending = nil
	return Message{}, false
}

// isFatal reports whether err is one no retry gets past.
func isFatal(err error) bool {
	if errors.Is(err, kgo.ErrClientClosed) {
		return true
	}
	var ke *kerr.Error
	if errors.As(err, &ke) {
		switch ke {
		case kerr.SaslAuthenticationFailed, kerr.TopicAuthorizationFailed, kerr.GroupAuthorizationFailed,
			kerr.ClusterAuthorizationFailed, kerr.FencedInstanceID, kerr.UnsupportedSaslMechanism:
			return true
		}
	}
	return false
}

// CommitMessages commits, per partition, the offset after the highest of
// msgs; partitions this member no longer owns are left to their new owner.
func (c *Consumer) CommitMessages(ctx context.Context, msgs ...Message) error {
	offsets := make(map[int32]kgo.EpochOffset)
	c.mu.Lock()
	for _, m := range msgs {
		p := int32(m.Partition)
		if !c.owned[p] {
			continue
		}
		if eo, ok := offsets[p]; !ok || m.Offset+1 > eo.Offset {
			offsets[p] = kgo.EpochOffset{Epoch: m.epoch, Offset: m.Offset + 1}
		}
	}
	c.mu.Unlock()
	if len(offsets) == 0 {
		return nil
	}
	var commitErr error
	c.cl.CommitOffsetsSync(ctx, map[string]map[int32]kgo.EpochOffset{c.cfg.Topic: offsets},
		func(_ *kgo.Client, _ *kmsg.OffsetCommitRequest, resp *kmsg.OffsetCommitResponse, err error) {
			if err != nil {
				commitErr = err
				return
			}
			for _, t := range resp.Topics {
				for _, p := range t.Partitions {
					if err := kerr.ErrorForCode(p.ErrorCode); err != nil {
						commitErr = errors.Join(commitErr, fmt.Errorf("partition %d: %w", p.Partition, err))
						delete(offsets, p.Partition)
					}
				}
			}
		})
	c.mu.Lock()
	for p, eo := range offsets {
		if commitErr == nil || c.committed[p] < eo.Offset {
			c.committed[p] = max(c.committed[p], eo.Offset)
		}
	}
	c.cond.Broadcast()
	c.mu.Unlock()
	if commitErr != nil {
		return fmt.Errorf("committing offsets: %w", commitErr)
	}
	return nil
}

// assigned records the partitions the group gave this member.
func (c *Consumer) assigned(_ context.Context, _ *kgo.Client, parts map[string][]int32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range parts[c.cfg.Topic] {
		c.owned[p] = true
		delete(c.handed, p)
		delete(c.committed, p)
	}
	c.log.Info("partitions assigned", zap.String("topic", c.cfg.Topic), zap.Int32s("partitions", parts[c.cfg.Topic]))
}

// revoked waits until every message handed out of the revoked partitions
// is committed (or RevokeTimeout passes), then gives them up.
func (c *Consumer) revoked(ctx context.Context, _ *kgo.Client, parts map[string][]int32) {
	revoked := parts[c.cfg.Topic]
	if len(revoked) == 0 {
		return
	}
	start := time.Now()
	c.mu.Lock()
	c.dropPending(revoked)
	deadline := time.AfterFunc(c.cfg.RevokeTimeout, func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	for !c.closing && !c.drained(revoked) && time.Since(start) < c.cfg.RevokeTimeout && ctx.Err() == nil {
		c.cond.Wait()
	}
	deadline.Stop()
	done := c.drained(revoked)
	c.release(revoked)
	c.mu.Unlock()
	if done {
		c.log.Info("partitions revoked", zap.String("topic", c.cfg.Topic), zap.Int32s("partitions", revoked),
			zap.Duration("drained_in", time.Since(start)))
	} else {
		c.log.Warn("partitions revoked before what was handed out of them was committed; their new owner reads it again",
			zap.String("topic", c.cfg.Topic), zap.Int32s("partitions", revoked), zap.Duration("waited", time.Since(start)))
	}
}

// lost gives up partitions at once: the group already moved them.
func (c *Consumer) lost(_ context.Context, _ *kgo.Client, parts map[string][]int32) {
	lost := parts[c.cfg.Topic]
	if len(lost) == 0 {
		return
	}
	c.mu.Lock()
	c.dropPending(lost)
	c.release(lost)
	c.mu.Unlock()
	c.log.Warn("partitions lost", zap.String("topic", c.cfg.Topic), zap.Int32s("partitions", lost))
}

// dropPending removes the messages of parts not yet handed out. c.mu is held.
func (c *Consumer) dropPending(parts []int32) {
	gone := make(map[int32]bool, len(parts))
	for _, p := range parts {
		gone[p] = true
	}
	kept := c.pending[:0]
	for _, m := range c.pending {
		if !gone[int32(m.Partition)] {
			kept = append(kept, m)
		}
	}
	clear(c.pending[len(kept):])
	c.pending = kept
}

// drained reports whether everything handed out of parts is committed. c.mu is held.
func (c *Consumer) drained(parts []int32) bool {
	for _, p := range parts {
		if h, ok := c.handed[p]; ok && c.committed[p] < h {
			return false
		}
	}
	return true
}

// release forgets parts. c.mu is held.
func (c *Consumer) release(parts []int32) {
	for _, p := range parts {
		delete(c.owned, p)
		delete(c.handed, p)
		delete(c.committed, p)
	}
	c.cond.Broadcast()
}

// Close leaves the group (a static member stays until its session times
// out) and closes the client.
func (c *Consumer) Close() error {
	c.mu.Lock()
	c.closing = true
	c.cond.Broadcast()
	c.mu.Unlock()
	c.cl.Close()
	return nil
}
