package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
)

// The tests of this file run the pipeline against fakes of the reader, the
// dead-letter writer, the scorer and the store that write what they are
// asked to do, in order, to one journal. The real broker and ClickHouse are
// in tests/.

// journal is the ordered record of the fakes' calls.
type journal struct {
	mu      sync.Mutex
	entries []string
}

func (j *journal) add(format string, args ...any) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entries = append(j.entries, fmt.Sprintf(format, args...))
}

func (j *journal) list() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return slices.Clone(j.entries)
}

// failing fails its first n calls, or every call when n < 0.
type failing struct {
	mu sync.Mutex
	n  int
}

func (f *failing) fail() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == 0 {
		return false
	}
	if f.n > 0 {
		f.n--
	}
	return true
}

// fakeSource serves its messages, then blocks until ctx is done (or
// returns fetchErr); commits fail as commitFails says.
type fakeSource struct {
	msgs        chan kafka.Message
	j           *journal
	commitFails *failing
	fetchErr    error
}

func newFakeSource(j *journal, values ...string) *fakeSource {
	s := &fakeSource{msgs: make(chan kafka.Message, len(values)), j: j, commitFails: &failing{}}
	for i, v := range values {
		s.msgs <- kafka.Message{Topic: "in", Partition: 0, Offset: int64(i), Value: []byte(v)}
	}
	return s
}

func (s *fakeSource) FetchMessage(ctx context.Context) (kafka.Message, error) {
	select {
	case m := <-s.msgs:
		return m, nil
	default:
	}
	if s.fetchErr != nil {
		return kafka.Message{}, s.fetchErr
	}
	select {
	case m := <-s.msgs:
		return m, nil
	case <-ctx.Done():
		return kafka.Message{}, ctx.Err()
	}
}

func (s *fakeSource) CommitMessages(_ context.Context, msgs ...kafka.Message) error {
	if s.commitFails.fail() {
		s.j.add("commit failed")
		return errors.New("commit refused")
	}
	s.j.add("commit %s", offsets(msgs))
	return nil
}

func (s *fakeSource) Close() error { return nil }

// fakeDLQ is the dead-letter writer.
func fakeDLQ(j *journal, fails *failing, got *[]kafka.Message) kafka.Writer {
	return kafka.WriterFunc(func(_ context.Context, msgs ...kafka.Message) error {
		if fails.fail() {
			j.add("dead_letter failed")
			return errors.New("dead-letter topic unavailable")
		}
		j.add("dead_letter %s", origins(msgs))
		*got = append(*got, msgs...)
		return nil
	})
}

// fakeStore records the batches it stores.
type fakeStore struct {
	j       *journal
	fails   *failing
	mu      sync.Mutex
	batches []store.Batch
}

func (s *fakeStore) WriteBatch(_ context.Context, b store.Batch) error {
	if s.fails.fail() {
		s.j.add("store failed")
		return errors.New("store unavailable")
	}
	var offs []int64
	for _, it := range b.Items {
		offs = append(offs, it.Pos.Offset)
	}
	s.j.add("store %v", offs)
	s.mu.Lock()
	s.batches = append(s.batches, b)
	s.mu.Unlock()
	return nil
}

// fakeScorer finds CHN -> JPN in every article, and NATO.
type fakeScorer struct{}

func (fakeScorer) Score(a stance.Article) stance.Result {
	return stance.Result{
		Actors: map[string]int{"CHN": 1, "JPN": 1, "NATO": 1},
		States: []string{"CHN", "JPN"},
		Dyads:  []stance.Dyad{{Source: "CHN", Target: "JPN", SourceKind: stance.KindState, TargetKind: stance.KindState, Score: -0.5}},
	}
}

func offsets(msgs []kafka.Message) string {
	var offs []int64
	for _, m := range msgs {
		offs = append(offs, m.Offset)
	}
	return fmt.Sprint(offs)
}

// origins lists the original offsets of dead letters.
func origins(msgs []kafka.Message) string {
	var offs []string
	for _, m := range msgs {
		offs = append(offs, headerValue(m, HeaderOriginalOffset))
	}
	return "[" + strings.Join(offs, " ") + "]"
}

const (
	good = `{"id":"a","published_at":"2023-02-22T10:00:00Z","title":"China warned Japan."}`
	bad  = `{"id":"b","title":"no date"}`
)

// rig is a pipeline on fakes.
type rig struct {
	j        journal
	src      *fakeSource
	dlqFails failing
	dead     []kafka.Message
	st       fakeStore
	p        *Pipeline
	metrics  *Metrics
	commits  chan int
}

func newRig(t *testing.T, cfg Config, values ...string) *rig {
	t.Helper()
	r := &rig{commits: make(chan int, 100), metrics: NewMetrics(nil)}
	r.src = newFakeSource(&r.j, values...)
	r.st = fakeStore{j: &r.j, fails: &failing{}}
	if cfg.Batch == (BatchPolicy{}) {
		cfg.Batch = BatchPolicy{Count: len(values), Bytes: 1 << 20, Period: time.Hour}
	}
	cfg.BackoffMin, cfg.BackoffMax = time.Millisecond, 2*time.Millisecond
	cfg.OnCommit = func(n int) { r.commits <- n }
	p, err := New(cfg, r.src, fakeDLQ(&r.j, &r.dlqFails, &r.dead), fakeScorer{}, &r.st, zap.NewNop(), r.metrics)
	if err != nil {
		t.Fatal(err)
	}
	r.p = p
	return r
}

// run runs the pipeline until want messages are committed, then cancels
// it and returns what Run returned.
func (r *rig) run(t *testing.T, want int) error {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- r.p.Run(ctx) }()
	for n := 0; n < want; {
		select {
		case m := <-r.commits:
			n += m
		case err := <-done:
			t.Fatalf("Run returned %v with %d of %d messages committed", err, n, want)
		case <-time.After(10 * time.Second):
			t.Fatalf("%d of %d messages committed after 10s; journal %q", n, want, r.j.list())
		}
	}
	cancel()
	return <-done
}

// TestDelivery: dead letters are written before the store, the store
// before the commit, and a failing step is retried until it succeeds,
// never skipped.
func TestDelivery(t *testing.T) {
	for _, tc := range []struct {
		name                           string
		values                         []string
		storeFails, dlqFails, comFails int
		want                           []string
		retries                        map[string]float64
	}{
		{"store then commit", []string{good, good, good}, 0, 0, 0,
			[]string{"store [0 1 2]", "commit [0 1 2]"}, nil},
		{"dead letters first", []string{good, bad, good, bad}, 0, 0, 0,
			[]string{"dead_letter [1 3]", "store [0 2]", "commit [0 1 2 3]"}, nil},
		{"only dead letters: an empty store write, then the commit", []string{bad, bad}, 0, 0, 0,
			[]string{"dead_letter [0 1]", "store []", "commit [0 1]"}, nil},
		{"store retried before the commit", []string{good, good}, 2, 0, 0,
			[]string{"store failed", "store failed", "store [0 1]", "commit [0 1]"}, map[string]float64{"store": 2}},
		{"dead letters retried before the store", []string{bad, good}, 0, 1, 0,
			[]string{"dead_letter failed", "dead_letter [0]", "store [1]", "commit [0 1]"}, map[string]float64{"dead_letter": 1}},
		{"commit retried", []string{good}, 0, 0, 2,
			[]string{"store [0]", "commit failed", "commit failed", "commit [0]"}, map[string]float64{"commit": 2}},
		{"dead letters given up after their attempts, the stream goes on", []string{bad, good}, 0, -1, 0,
			[]string{"dead_letter failed", "dead_letter failed", "dead_letter failed", "store [1]", "commit [0 1]"}, map[string]float64{"dead_letter": 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, Config{DeadLetterAttempts: 3}, tc.values...)
			r.st.fails.n, r.dlqFails.n, r.src.commitFails.n = tc.storeFails, tc.dlqFails, tc.comFails
			if err := r.run(t, len(tc.values)); err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got := r.j.list(); !slices.Equal(got, tc.want) {
				t.Errorf("journal %q, want %q", got, tc.want)
			}
			for _, step := range []string{"store", "dead_letter", "commit"} {
				if got := testutil.ToFloat64(r.metrics.Retries.WithLabelValues(step)); got != tc.retries[step] {
					t.Errorf("retries of %s = %v, want %v", step, got, tc.retries[step])
				}
			}
			if got := testutil.ToFloat64(r.metrics.Batches); got != 1 {
				t.Errorf("%v batches committed, want 1", got)
			}
			if got, want := testutil.ToFloat64(r.metrics.DeadLetterFailures), float64(max(0, -tc.dlqFails)); got != want {
				t.Errorf("%v dead letters given up, want %v", got, want)
			}
		})
	}
}

// TestStoredItems: items keep the order of their messages whatever the
// number of workers, carry their Kafka position, and list the states
// among their actors as countries.
func TestStoredItems(t *testing.T) {
	values := make([]string, 50)
	for i := range values {
		values[i] = fmt.Sprintf(`{"id":"a%02d","published_at":"2023-02-22T10:00:00+01:00","title":"T","url":"u","outlet":"o","lang":"en"}`, i)
	}
	r := newRig(t, Config{Workers: 4}, values...)
	if err := r.run(t, len(values)); err != nil {
		t.Fatal(err)
	}
	items := r.st.batches[0].Items
	if len(items) != len(values) {
		t.Fatalf("%d items stored, want %d", len(items), len(values))
	}
	for i, it := range items {
		want := store.Article{ID: fmt.Sprintf("a%02d", i), PublishedAt: time.Date(2023, 2, 22, 9, 0, 0, 0, time.UTC),
			Title: "T", URL: "u", Outlet: "o", Lang: "en", Countries: []string{"CHN", "JPN"}}
		if it.Pos != (store.Position{Topic: "in", Offset: int64(i)}) || it.Article.ID != want.ID ||
			!it.Article.PublishedAt.Equal(want.PublishedAt) || !slices.Equal(it.Article.Countries, want.Countries) ||
			it.Article.URL != want.URL || len(it.Result.Dyads) != 1 {
			t.Fatalf("item %d = %+v, want %+v at offset %d", i, it, want, i)
		}
	}
	if got := testutil.ToFloat64(r.metrics.Events); got != 50 {
		t.Errorf("stance events metric = %v, want 50", got)
	}
}

// TestDrain: on cancel the open batch (neither full nor old) is flushed,
// stored and committed before Run returns nil.
func TestDrain(t *testing.T) {
	r := newRig(t, Config{Batch: BatchPolicy{Count: 100, Bytes: 1 << 20, Period: time.Hour}, DrainTimeout: 10 * time.Second}, good, bad, good)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.p.Run(ctx) }()
	for testutil.ToFloat64(r.metrics.Consumed) < 3 {
		time.Sleep(time.Millisecond)
	}
	if got := r.j.list(); len(got) != 0 {
		t.Fatalf("a batch was written before the drain: %q", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run after a clean drain: %v", err)
	}
	if got, want := r.j.list(), []string{"dead_letter [1]", "store [0 2]", "commit [0 1 2]"}; !slices.Equal(got, want) {
		t.Errorf("journal %q, want %q", got, want)
	}
}

// TestDrainTimeout: a store that stays down during the drain makes Run
// give up after DrainTimeout with an error, and nothing is committed.
func TestDrainTimeout(t *testing.T) {
	r := newRig(t, Config{Batch: BatchPolicy{Count: 100, Bytes: 1 << 20, Period: time.Hour}, DrainTimeout: 50 * time.Millisecond}, good, good)
	r.st.fails.n = -1
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.p.Run(ctx) }()
	for testutil.ToFloat64(r.metrics.Consumed) < 2 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "storing a batch of 2 articles") || !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want the store error and the cancelled drain", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not give up after the drain timeout")
	}
	for _, e := range r.j.list() {
		if strings.HasPrefix(e, "commit") {
			t.Errorf("committed although nothing was stored: %q", r.j.list())
		}
	}
	if r.p.Ready() {
		t.Error("Ready with the store down")
	}
}

// TestPeriodFlushes: a batch that never fills is flushed by age.
func TestPeriodFlushes(t *testing.T) {
	r := newRig(t, Config{Batch: BatchPolicy{Count: 100, Bytes: 1 << 20, Period: 20 * time.Millisecond}}, good, good)
	if err := r.run(t, 2); err != nil {
		t.Fatal(err)
	}
	if got, want := r.j.list(), []string{"store [0 1]", "commit [0 1]"}; !slices.Equal(got, want) {
		t.Errorf("journal %q, want %q", got, want)
	}
}

// TestFetchError: a fetch that fails for another reason than the
// cancellation ends Run with the error, after what was fetched is stored.
func TestFetchError(t *testing.T) {
	r := newRig(t, Config{Batch: BatchPolicy{Count: 100, Bytes: 1 << 20, Period: time.Hour}}, good)
	r.src.fetchErr = errors.New("group coordinator gone")
	err := r.p.Run(t.Context())
	if err == nil || !strings.Contains(err.Error(), "fetching message: group coordinator gone") {
		t.Errorf("Run = %v", err)
	}
	if got, want := r.j.list(), []string{"store [0]", "commit [0]"}; !slices.Equal(got, want) {
		t.Errorf("journal %q, want %q", got, want)
	}
}

func TestDeadLetter(t *testing.T) {
	small := []byte(`{"id":"x","published_at":"soon","title":"t"}`)
	huge := []byte(strings.Repeat("x", 3<<20))
	hash := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	longErr := strings.Repeat("é", 600<<10) // a 600 KB field echoed in the error
	for _, tc := range []struct {
		name       string
		key, value []byte
		err        string
		limit      int
		wantKey    string
		wantValue  int
		wantErr    string
		truncated  bool
	}{
		{"whole value", []byte("k"), small, "bad message", 1 << 20, "k", len(small), "bad message", false},
		{"cut to the limit", []byte("k"), small, "bad message", 10, "k", 10, "bad message", true},
		{"default limit", []byte("k"), small, "bad message", 0, "k", len(small), "bad message", false},
		{"over what the broker takes, whatever the limit", []byte("k"), huge, "bad message", 4 << 20, "k",
			kafka.MaxRecordBytes - headerRoom - maxKeyBytes, "bad message", true},
		{"a long error text and a long key are bounded", []byte(strings.Repeat("k", 5000)), small, longErr, 0,
			strings.Repeat("k", maxKeyBytes), len(small), Cut(longErr, MaxErrorBytes), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := kafka.Message{Topic: "in", Partition: 2, Offset: 41, Key: tc.key, Value: tc.value}
			d := deadLetter(m, errors.New(tc.err), tc.limit)
			want := map[string]string{
				HeaderError: tc.wantErr, HeaderErrorKind: "other", HeaderOriginalTopic: "in",
				HeaderOriginalPartition: "2", HeaderOriginalOffset: "41",
				HeaderOriginalSize: strconv.Itoa(len(tc.value)), HeaderOriginalSHA256: hash(tc.value),
			}
			if tc.truncated {
				want[HeaderTruncated] = "true"
			}
			if len(d.Headers) != len(want) {
				t.Errorf("%d headers, want %d", len(d.Headers), len(want))
			}
			for k, v := range want {
				if got := headerValue(d, k); got != v {
					t.Errorf("header %s = %.80q, want %.80q", k, got, v)
				}
			}
			if string(d.Key) != tc.wantKey || len(d.Value) != tc.wantValue || d.Topic != "" {
				t.Errorf("dead letter key %.20q, %d value bytes (topic %q), want %.20q and %d", d.Key, len(d.Value), d.Topic, tc.wantKey, tc.wantValue)
			}
			if d.Size() > kafka.MaxRecordBytes {
				t.Errorf("dead letter of %d bytes, over the %d the broker takes", d.Size(), kafka.MaxRecordBytes)
			}
			if len(headerValue(d, HeaderError)) > MaxErrorBytes || !utf8.ValidString(headerValue(d, HeaderError)) {
				t.Errorf("error header of %d bytes, valid UTF-8 %v", len(headerValue(d, HeaderError)), utf8.ValidString(headerValue(d, HeaderError)))
			}
		})
	}
}

// TestDeadLetterPartialRetry: a dead-letter write of which some records
// failed is retried with those records only, so none is written twice.
func TestDeadLetterPartialRetry(t *testing.T) {
	r := newRig(t, Config{}, bad, bad, bad, good)
	calls := 0
	r.p.dlq = kafka.WriterFunc(func(_ context.Context, msgs ...kafka.Message) error {
		calls++
		r.j.add("dead_letter %s", origins(msgs))
		if calls == 1 {
			return &kafka.WriteError{Failed: []int{1}, Err: errors.New("not leader")}
		}
		return nil
	})
	if err := r.run(t, 4); err != nil {
		t.Fatal(err)
	}
	want := []string{"dead_letter [0 1 2]", "dead_letter [1]", "store [3]", "commit [0 1 2 3]"}
	if got := r.j.list(); !slices.Equal(got, want) {
		t.Errorf("journal %q, want %q", got, want)
	}
}

func TestNew(t *testing.T) {
	src, dlq, st := newFakeSource(&journal{}), kafka.WriterFunc(func(context.Context, ...kafka.Message) error { return nil }), &fakeStore{}
	policy := BatchPolicy{Count: 1, Bytes: 1, Period: time.Second}
	for _, tc := range []struct {
		name string
		cfg  Config
		src  Source
		want string
	}{
		{"ok", Config{Batch: policy}, src, ""},
		{"no source", Config{Batch: policy}, nil, "source, dead-letter writer, scorer, store and logger are required"},
		{"no count", Config{Batch: BatchPolicy{Bytes: 1, Period: time.Second}}, src, "invalid batch policy"},
		{"no period", Config{Batch: BatchPolicy{Count: 1, Bytes: 1}}, src, "invalid batch policy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg, tc.src, dlq, fakeScorer{}, st, zap.NewNop(), nil)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("New error = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestReadyStall: messages fetched and nothing committed for StallTimeout
// make the pipeline not ready; the commit of the drain makes it ready.
func TestReadyStall(t *testing.T) {
	r := newRig(t, Config{Batch: BatchPolicy{Count: 100, Bytes: 1 << 20, Period: time.Hour}, StallTimeout: 100 * time.Millisecond}, good, good)
	if !r.p.Ready() {
		t.Fatal("not ready before any message")
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.p.Run(ctx) }()
	for testutil.ToFloat64(r.metrics.Consumed) < 2 {
		time.Sleep(time.Millisecond)
	}
	if !r.p.Ready() {
		t.Error("not ready just after the fetch")
	}
	time.Sleep(150 * time.Millisecond)
	if r.p.Ready() {
		t.Error("ready although 2 messages wait and nothing was committed for longer than the stall timeout")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !r.p.Ready() {
		t.Errorf("not ready after the drain committed everything (journal %q)", r.j.list())
	}
}

// TestPermanentStoreError: a store error that no retry fixes stops Run at
// once with the error, and nothing is committed.
func TestPermanentStoreError(t *testing.T) {
	r := newRig(t, Config{}, good, good)
	r.p.store = storeFunc(func(context.Context, store.Batch) error {
		r.j.add("store failed")
		return &store.PermanentError{Err: errors.New("code 16: no such column tone")}
	})
	err := r.p.Run(t.Context())
	if err == nil || !store.IsPermanent(err) || !strings.Contains(err.Error(), "no retry fixes") {
		t.Fatalf("Run = %v, want the permanent error", err)
	}
	if got, want := r.j.list(), []string{"store failed"}; !slices.Equal(got, want) {
		t.Errorf("journal %q, want %q (one attempt, no commit)", got, want)
	}
}

// storeFunc adapts a function to store.Writer.
type storeFunc func(context.Context, store.Batch) error

func (f storeFunc) WriteBatch(ctx context.Context, b store.Batch) error { return f(ctx, b) }
