package tests

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"go.uber.org/zap/zaptest"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/pipeline"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/clickhouse"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
	binDir    string
)

// stancemonBinary builds the stancemon binary once per test run.
func stancemonBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "stancemon-e2e")
		if buildErr != nil {
			return
		}
		binary = filepath.Join(binDir, "stancemon")
		out, err := exec.Command("go", "build", "-o", binary, "github.com/stancemon/stancemon/cmd/stancemon").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building stancemon: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func newScorer(t testing.TB) *stance.Scorer {
	t.Helper()
	s, err := stance.NewScorer()
	if err != nil {
		t.Fatalf("creating scorer: %v", err)
	}
	return s
}

// produce writes values to topic, keyed by their article id when they
// decode, in order.
func produce(t testing.TB, brokerAddr, topic string, values [][]byte) {
	t.Helper()
	w, err := kafka.NewProducer(kafka.Options{Brokers: []string{brokerAddr}}, topic)
	must(t, err)
	defer w.Close()
	msgs := make([]kafka.Message, len(values))
	for i, v := range values {
		var key []byte
		if m, err := article.Decode(v, 0); err == nil {
			key = []byte(m.ID)
		}
		msgs[i] = kafka.Message{Key: key, Value: v}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatalf("publishing %d messages: %v", len(msgs), err)
	}
}

// totals are the numbers a run must store: exact counts and sums.
type totals struct {
	Articles uint64
	Events   uint64
	ScoreSum float64
	Dyads    map[[2]string]uint64
}

// expect scores msgs the way the pipeline does: what a clean run stores.
func expect(t testing.TB, msgs []article.Message) totals {
	t.Helper()
	s := newScorer(t)
	tot := totals{Dyads: map[[2]string]uint64{}}
	for _, m := range msgs {
		r := s.Score(m.Stance())
		tot.Articles++
		for _, d := range r.Dyads {
			tot.Events++
			tot.ScoreSum += float64(float32(d.Score))
			tot.Dyads[[2]string{d.Source, d.Target}]++
		}
	}
	if tot.Events == 0 {
		t.Fatal("the test articles produce no stance events: the test would prove nothing")
	}
	return tot
}

// stored reads the same numbers back from ClickHouse: raw tables and the
// hourly aggregates.
func stored(t testing.TB, dsn string) (raw, hourly totals) {
	t.Helper()
	conn := openCH(t, dsn)
	defer conn.Close()
	ctx := context.Background()
	raw.Dyads, hourly.Dyads = map[[2]string]uint64{}, map[[2]string]uint64{}
	must(t, conn.QueryRow(ctx, "SELECT count() FROM articles").Scan(&raw.Articles))
	must(t, conn.QueryRow(ctx, "SELECT count(), sum(toFloat64(score)) FROM stance_events").Scan(&raw.Events, &raw.ScoreSum))
	must(t, conn.QueryRow(ctx, "SELECT sum(articles), sum(score_sum) FROM stance_hourly").Scan(&hourly.Events, &hourly.ScoreSum))
	hourly.Articles = raw.Articles
	for q, dst := range map[string]map[[2]string]uint64{
		"SELECT source, target, count() FROM stance_events GROUP BY source, target":       raw.Dyads,
		"SELECT source, target, sum(articles) FROM stance_hourly GROUP BY source, target": hourly.Dyads,
	} {
		rows, err := conn.Query(ctx, q)
		must(t, err)
		for rows.Next() {
			var s, tg string
			var n uint64
			must(t, rows.Scan(&s, &tg, &n))
			dst[[2]string{s, tg}] = n
		}
		must(t, rows.Err())
		rows.Close()
	}
	return raw, hourly
}

// checkExact compares what ClickHouse holds, in the raw tables and in the
// hourly aggregates, with what a clean run of msgs stores.
func checkExact(t testing.TB, dsn string, msgs []article.Message) {
	t.Helper()
	raw, hourly := stored(t, dsn)
	want := expect(t, msgs)
	compareTotals(t, "articles and stance_events", raw, want)
	compareTotals(t, "stance_hourly", hourly, want)
}

func compareTotals(t testing.TB, what string, got, want totals) {
	t.Helper()
	if got.Articles != want.Articles || got.Events != want.Events || math.Abs(got.ScoreSum-want.ScoreSum) > 1e-3 {
		t.Errorf("%s: got %d articles, %d events, score sum %.4f; want %d, %d, %.4f",
			what, got.Articles, got.Events, got.ScoreSum, want.Articles, want.Events, want.ScoreSum)
	}
	keys := make([][2]string, 0, len(want.Dyads))
	for k := range want.Dyads {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		if got.Dyads[k] != want.Dyads[k] {
			t.Errorf("%s: dyad %s->%s has %d events, want %d", what, k[0], k[1], got.Dyads[k], want.Dyads[k])
		}
	}
	if len(got.Dyads) != len(want.Dyads) {
		t.Errorf("%s: %d dyads, want %d", what, len(got.Dyads), len(want.Dyads))
	}
}

func openCH(t testing.TB, dsn string) ch.Conn {
	t.Helper()
	opts, err := ch.ParseDSN(dsn)
	must(t, err)
	conn, err := ch.Open(opts)
	must(t, err)
	return conn
}

func countArticles(t testing.TB, dsn string) uint64 {
	t.Helper()
	conn := openCH(t, dsn)
	defer conn.Close()
	var n uint64
	must(t, conn.QueryRow(context.Background(), "SELECT count() FROM articles").Scan(&n))
	return n
}

// waitFor polls cond every 100ms until it holds or the test's deadline
// nears (there is no wall-clock assertion: a hang fails by the deadline).
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if td, ok := d.Deadline(); ok && td.Add(-10*time.Second).Before(deadline) {
			deadline = td.Add(-10 * time.Second)
		}
	}
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// inProcess is a pipeline run inside the test.
type inProcess struct {
	metrics *pipeline.Metrics
	cancel  context.CancelFunc
	done    chan error
}

// runOpts adjust an in-process run.
type runOpts struct {
	// wrap injects faults around the real Kafka reader.
	wrap func(pipeline.Source) pipeline.Source
	// drain is the drain timeout. Default: 20s
	drain time.Duration
}

// startPipeline runs a pipeline on topic with group, writing to w.
func startPipeline(t testing.TB, brokerAddr, topic, group string, w store.Writer, opts runOpts) *inProcess {
	t.Helper()
	o := kafka.Options{Brokers: []string{brokerAddr}}
	reader, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: o, Topic: topic, Group: group,
		MaxBytes: 4096, MaxWait: 3 * time.Second, SessionTimeout: 6 * time.Second})
	must(t, err)
	var src pipeline.Source = reader
	if opts.wrap != nil {
		src = opts.wrap(reader)
	}
	if opts.drain == 0 {
		opts.drain = 20 * time.Second
	}
	dlq, err := kafka.NewProducer(o, topic+".dlq")
	must(t, err)
	m := pipeline.NewMetrics(prometheus.NewRegistry())
	scorer := newScorer(t)
	p, err := pipeline.New(pipeline.Config{
		Batch:           pipeline.BatchPolicy{Count: 50, Bytes: 1 << 20, Period: 200 * time.Millisecond},
		MaxMessageBytes: 4096, DrainTimeout: opts.drain,
		BackoffMin: 50 * time.Millisecond, BackoffMax: 500 * time.Millisecond,
	}, src, dlq, scorer, w, zaptest.NewLogger(t), m)
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	run := &inProcess{metrics: m, cancel: cancel, done: make(chan error, 1)}
	go func() {
		err := p.Run(ctx)
		reader.Close()
		dlq.Close()
		run.done <- err
	}()
	t.Cleanup(func() { run.stop(t) })
	return run
}

// stop cancels the run and waits for its drain; it is safe to call twice.
func (r *inProcess) stop(t testing.TB) error {
	t.Helper()
	r.cancel()
	err, ok := <-r.done
	if ok {
		close(r.done)
	}
	return err
}

func counter(c prometheus.Collector) float64 { return testutil.ToFloat64(c) }

func openStore(t testing.TB, dsn string) *clickhouse.Store {
	t.Helper()
	s, err := clickhouse.Open(context.Background(), dsn)
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func createTopics(t testing.TB, brokerAddr string, topics ...string) {
	t.Helper()
	adm, err := kafka.NewAdmin(kafka.Options{Brokers: []string{brokerAddr}})
	must(t, err)
	defer adm.Close()
	must(t, adm.EnsureTopics(context.Background(), 3, topics...))
}

// committed returns the sum over partitions of the group's committed offsets.
func committed(t testing.TB, brokerAddr, group, topic string) int64 {
	t.Helper()
	adm, err := kafka.NewAdmin(kafka.Options{Brokers: []string{brokerAddr}})
	must(t, err)
	defer adm.Close()
	sum, err := adm.Committed(context.Background(), group, topic)
	must(t, err)
	return sum
}
