package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
)

// Scorer scores one article; *stance.Scorer is the implementation.
type Scorer interface {
	Score(a stance.Article) stance.Result
}

// Config configures a Pipeline.
type Config struct {
	// Batch is the batching policy.
	Batch BatchPolicy
	// Workers score in parallel; 0 means one per CPU.
	Workers int
	// MaxMessageBytes is the size limit of one message (article.DefaultMaxBytes when 0).
	MaxMessageBytes int
	// DrainTimeout bounds the flush and commit after ctx is cancelled.
	DrainTimeout time.Duration
	// BackoffMin and BackoffMax bound the retry delays of store, dead-letter
	// and commit failures. Defaults: 100ms and 10s.
	BackoffMin, BackoffMax time.Duration
	// StallTimeout: Ready reports false when messages were fetched and no
	// batch has been committed for this long. Default: 2m
	StallTimeout time.Duration
	// DeadLetterAttempts bounds the attempts to write a batch's dead
	// letters; what still fails is logged and counted
	// (stancemon_dead_letter_failures_total) and the stream goes on.
	// Default: 8
	DeadLetterAttempts int
	// OnCommit, when set, is called after each committed batch with the
	// number of messages it held (stored or dead-lettered).
	OnCommit func(messages int)
}

// Pipeline moves articles from a Source through the scorer into a store.
type Pipeline struct {
	cfg     Config
	src     Source
	dlq     kafka.Writer
	scorer  Scorer
	store   store.Writer
	log     *zap.Logger
	metrics *Metrics
	healthy atomic.Bool
	// inflight counts the messages fetched and not yet committed;
	// progress is the UnixNano time of the last commit, or of the fetch
	// that started work after an idle time.
	inflight atomic.Int64
	progress atomic.Int64
}

// New returns a pipeline. metrics may be nil (unregistered metrics are used).
func New(cfg Config, src Source, dlq kafka.Writer, scorer Scorer, w store.Writer, log *zap.Logger, metrics *Metrics) (*Pipeline, error) {
	switch {
	case src == nil || dlq == nil || scorer == nil || w == nil || log == nil:
		return nil, errors.New("creating pipeline: source, dead-letter writer, scorer, store and logger are required")
	case cfg.Batch.Count < 1 || cfg.Batch.Bytes < 1 || cfg.Batch.Period <= 0:
		return nil, fmt.Errorf("creating pipeline: invalid batch policy %+v", cfg.Batch)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.DrainTimeout <= 0 {
		cfg.DrainTimeout = 30 * time.Second
	}
	if cfg.BackoffMin <= 0 {
		cfg.BackoffMin = 100 * time.Millisecond
	}
	if cfg.StallTimeout <= 0 {
		cfg.StallTimeout = 2 * time.Minute
	}
	if cfg.DeadLetterAttempts <= 0 {
		cfg.DeadLetterAttempts = 8
	}
	if cfg.BackoffMax < cfg.BackoffMin {
		cfg.BackoffMax = max(10*time.Second, cfg.BackoffMin)
	}
	if metrics == nil {
		metrics = NewMetrics(nil)
	}
	p := &Pipeline{cfg: cfg, src: src, dlq: dlq, scorer: scorer, store: w, log: log, metrics: metrics}
	p.healthy.Store(true)
	return p, nil
}

// Ready reports, for /readyz, whether the last write to the store
// succeeded and the stream is not stalled: while fetched messages wait,
// a batch must have been committed within Config.StallTimeout.
func (p *Pipeline) Ready() bool {
	if !p.healthy.Load() {
		return false
	}
	return p.inflight.Load() == 0 || time.Since(time.Unix(0, p.progress.Load())) < p.cfg.StallTimeout
}

// batch is a closed batch of raw messages; the scoring stage fills items
// and dead.
type batch struct {
	msgs    []kafka.Message
	fetched time.Time
	items   []store.Item
	dead    []kafka.Message
	scoring time.Duration
}

// Run consumes until ctx is cancelled, then drains: the open batch is
// flushed, stored and committed within Config.DrainTimeout. It returns nil
// after a clean drain.
func (p *Pipeline) Run(ctx context.Context) error {
	fetched := make(chan kafka.Message, kafka.FetchQueue)
	batches := make(chan batch, 1)
	fetchErr := make(chan error, 1)
	// A failed step stops the fetching too.
	fetchCtx, stopFetch := context.WithCancel(ctx)
	defer stopFetch()
	go func() {
		defer close(fetched)
		fetchErr <- p.fetch(fetchCtx, fetched)
	}()
	go p.assemble(fetched, batches)
	// Scoring batch k+1 overlaps writing batch k; one scored batch waits
	// at most, so memory stays bounded whatever the backlog.
	scored := make(chan batch, 1)
	go func() {
		defer close(scored)
		for b := range batches {
			start := time.Now()
			b.items, b.dead = p.score(b.msgs)
			b.scoring = time.Since(start)
			p.metrics.StepLatency.WithLabelValues("score").Observe(b.scoring.Seconds())
			scored <- b
		}
	}()

	// Writes go on after ctx is cancelled, until the drain deadline.
	writeCtx, cancelWrite := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWrite()
	stop := context.AfterFunc(ctx, func() {
		p.log.Info("draining", zap.Duration("timeout", p.cfg.DrainTimeout))
		time.AfterFunc(p.cfg.DrainTimeout, cancelWrite)
	})
	defer stop()

	var runErr error
	for b := range scored {
		if runErr != nil {
			continue // drain the channel so the earlier stages can finish
		}
		if err := p.process(writeCtx, b); err != nil {
			runErr = err
			cancelWrite()
			stopFetch()
		}
	}
	if err := <-fetchErr; err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// fetch reads messages until ctx is done.
func (p *Pipeline) fetch(ctx context.Context, out chan<- kafka.Message) error {
	for {
		m, err := p.src.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("fetching message: %w", err)
		}
		p.metrics.Consumed.Inc()
		if p.inflight.Add(1) == 1 {
			p.progress.Store(time.Now().UnixNano())
		}
		p.metrics.observeLag(m.Topic, m.Partition, m.HighWaterMark, m.Offset)
		out <- m
	}
}

// assemble closes batches by count, bytes and age; when in closes it
// flushes the last batch and closes out.
func (p *Pipeline) assemble(in <-chan kafka.Message, out chan<- batch) {
	defer close(out)
	b := batcher{policy: p.cfg.Batch}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	flush := func() {
		if msgs := b.Flush(); len(msgs) > 0 {
			out <- batch{msgs: msgs, fetched: first}
		}
	}
	for {
		wait := b.UntilNext(time.Now())
		var tick <-chan time.Time
		if wait >= 0 {
			timer.Reset(wait)
			tick = timer.C
		}
		select {
		case m, ok := <-in:
			if !ok {
				flush()
				return
			}
			now := time.Now()
			if b.UntilNext(now) < 0 {
				first = now
			}
			if b.Add(m, now) {
				flush()
			}
		case <-tick:
			flush()
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
	}
}

// process dead-letters what of a scored batch could not be decoded, stores
// the rest and commits, retrying each step with backoff until ctx is done.
func (p *Pipeline) process(ctx context.Context, b batch) error {
	items := b.items
	if err := p.deadLetter(ctx, b.dead); err != nil {
		return err
	}
	var events int
	for _, it := range items {
		events += len(it.Result.Dyads)
	}
	err := p.retry(ctx, "store", func() error {
		err := p.store.WriteBatch(ctx, store.Batch{Items: items})
		p.healthy.Store(err == nil)
		return err
	})
	if store.IsPermanent(err) {
		return fmt.Errorf("storing a batch of %d articles failed in a way no retry fixes; stopping (nothing of the batch is committed: fix the cause and restart): %w", len(items), err)
	}
	if err != nil {
		return fmt.Errorf("storing a batch of %d articles: %w", len(items), err)
	}
	p.metrics.Stored.Add(float64(len(items)))
	p.metrics.Events.Add(float64(events))
	if err := p.retry(ctx, "commit", func() error { return p.src.CommitMessages(ctx, b.msgs...) }); err != nil {
		return fmt.Errorf("committing %d messages: %w", len(b.msgs), err)
	}
	if p.cfg.OnCommit != nil {
		p.cfg.OnCommit(len(b.msgs))
	}
	p.progress.Store(time.Now().UnixNano())
	p.inflight.Add(-int64(len(b.msgs)))
	p.metrics.Batches.Inc()
	p.metrics.LastCommit.SetToCurrentTime()
	p.metrics.BatchSize.Observe(float64(len(b.msgs)))
	p.metrics.BatchLatency.Observe(time.Since(b.fetched).Seconds())
	p.log.Debug("batch committed", zap.Int("messages", len(b.msgs)), zap.Int("articles", len(items)),
		zap.Int("dead_lettered", len(b.dead)), zap.Int("stance_events", events),
		zap.Duration("scoring", b.scoring), zap.Duration("since_fetch", time.Since(b.fetched)))
	return nil
}

// deadLetter writes dead to the dead-letter topic, retrying only the
// records that failed, at most Config.DeadLetterAttempts times; records
// that still fail are logged (position, size, hash, reason) and counted,
// and the stream goes on. It returns an error only when ctx is done.
func (p *Pipeline) deadLetter(ctx context.Context, dead []kafka.Message) error {
	if len(dead) == 0 {
		return nil
	}
	pending := dead
	attempts := 0
	err := p.retry(ctx, "dead_letter", func() error {
		attempts++
		err := p.dlq.WriteMessages(ctx, pending...)
		var we *kafka.WriteError
		if errors.As(err, &we) {
			failed := make([]kafka.Message, 0, len(we.Failed))
			for _, i := range we.Failed {
				failed = append(failed, pending[i])
			}
			pending = failed
		} else if err == nil {
			pending = nil
		}
		if err != nil && attempts >= p.cfg.DeadLetterAttempts {
			return errGaveUp{err}
		}
		return err
	})
	var gaveUp errGaveUp
	if err != nil && !errors.As(err, &gaveUp) {
		return fmt.Errorf("writing %d messages to the dead-letter topic: %w", len(pending), err)
	}
	for _, d := range pending {
		p.metrics.DeadLetterFailures.Inc()
		p.log.Error("dead letter not written; the message is skipped", zap.String("topic", headerValue(d, HeaderOriginalTopic)),
			zap.String("partition", headerValue(d, HeaderOriginalPartition)), zap.String("offset", headerValue(d, HeaderOriginalOffset)),
			zap.String("size", headerValue(d, HeaderOriginalSize)), zap.String("sha256", headerValue(d, HeaderOriginalSHA256)),
			zap.String("reason", headerValue(d, HeaderErrorKind)), zap.String("error", Cut(gaveUp.Error(), MaxErrorBytes)))
	}
	for _, d := range dead {
		p.metrics.DeadLettered.WithLabelValues(headerValue(d, HeaderErrorKind)).Inc()
	}
	return nil
}

// errGaveUp stops retry: the step gave up after its attempts.
type errGaveUp struct{ err error }

func (e errGaveUp) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

// score decodes and scores msgs in parallel, keeping their order.
func (p *Pipeline) score(msgs []kafka.Message) ([]store.Item, []kafka.Message) {
	results := make([]store.Item, len(msgs))
	errs := make([]error, len(msgs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(p.cfg.Workers, len(msgs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(msgs); i = int(next.Add(1) - 1) {
				results[i], errs[i] = p.scoreOne(msgs[i])
			}
		}()
	}
	wg.Wait()
	items := results[:0]
	var dead []kafka.Message
	for i, m := range msgs {
		if errs[i] != nil {
			p.log.Warn("dead-lettering message", zap.String("topic", m.Topic), zap.Int("partition", m.Partition),
				zap.Int64("offset", m.Offset), zap.String("error", Cut(errs[i].Error(), MaxErrorBytes)))
			dead = append(dead, deadLetter(m, errs[i], p.cfg.MaxMessageBytes))
			continue
		}
		items = append(items, results[i])
	}
	p.metrics.Scored.Add(float64(len(items)))
	return items, dead
}

func (p *Pipeline) scoreOne(m kafka.Message) (store.Item, error) {
	msg, err := article.Decode(m.Value, p.cfg.MaxMessageBytes)
	if err != nil {
		return store.Item{}, err
	}
	res := p.scorer.Score(msg.Stance())
	countries := res.States // every state the article names (stance.Result)
	return store.Item{
		Pos: store.Position{Topic: m.Topic, Partition: m.Partition, Offset: m.Offset},
		Article: store.Article{
			ID: msg.ID, PublishedAt: msg.PublishedAt, Title: msg.Title,
			URL: msg.URL, Outlet: msg.Outlet, Lang: msg.Lang, Countries: countries,
		},
		Result: res,
	}, nil
}

// retry runs fn until it succeeds or ctx is done, with exponential backoff
// and jitter between attempts.
func (p *Pipeline) retry(ctx context.Context, step string, fn func() error) error {
	defer func(start time.Time) {
		p.metrics.StepLatency.WithLabelValues(step).Observe(time.Since(start).Seconds())
	}(time.Now())
	delay := p.cfg.BackoffMin
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil {
			return nil
		}
		if _, ok := err.(errGaveUp); ok || store.IsPermanent(err) {
			return err
		}
		if ctx.Err() != nil {
			return errors.Join(err, ctx.Err())
		}
		p.metrics.Retries.WithLabelValues(step).Inc()
		p.log.Warn("retrying", zap.String("step", step), zap.Int("attempt", attempt),
			zap.Duration("backoff", delay), zap.String("error", Cut(err.Error(), MaxErrorBytes)))
		t := time.NewTimer(delay/2 + rand.N(delay/2+1))
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		case <-t.C:
		}
		delay = min(delay*2, p.cfg.BackoffMax)
	}
}
