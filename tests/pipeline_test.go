package tests

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancemon/stancemon/kafka"
	"github.com/stancemon/stancemon/pipeline"
	"github.com/stancemon/stancemon/store/clickhouse"
	"github.com/stancemon/stancemon/tests/testenv"
)

var day = time.Date(2023, 2, 22, 8, 0, 0, 0, time.UTC)

// TestProduceToClickHouse publishes articles and checks every row and sum
// in the raw tables and the hourly aggregates.
func TestProduceToClickHouse(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "articles", "articles.dlq")
	msgs := testenv.Articles(600, day)
	produce(t, b.Addr(), "articles", testenv.JSON(t, msgs))

	run := startPipeline(t, b.Addr(), "articles", "g1", openStore(t, dsn), runOpts{})
	waitFor(t, "600 articles", func() bool { return countArticles(t, dsn) == 600 })
	waitFor(t, "600 commits", func() bool { return committed(t, b.Addr(), "g1", "articles") == 600 })
	must(t, run.stop(t))

	checkExact(t, dsn, msgs)

	conn := openCH(t, dsn)
	defer conn.Close()
	var ids, outlets uint64
	var minT, maxT time.Time
	must(t, conn.QueryRow(context.Background(),
		"SELECT uniqExact(id), uniqExact(outlet), min(published_at), max(published_at) FROM articles").Scan(&ids, &outlets, &minT, &maxT))
	var countries []string
	must(t, conn.QueryRow(context.Background(), "SELECT countries FROM articles WHERE id = 'a-000000'").Scan(&countries))
	if strings.Join(countries, ",") != "CHN,JPN" {
		t.Errorf("countries of %q = %v, want [CHN JPN]", msgs[0].Body, countries)
	}
	if ids != 600 || outlets != 3 || !minT.Equal(day) || !maxT.Equal(day.Add(599*time.Minute)) {
		t.Errorf("articles: %d ids, %d outlets, times %s..%s", ids, outlets, minT, maxT)
	}
}

// TestDeadLetters sends bad messages between good ones: each bad one goes
// to the dead-letter topic with headers naming the error and its origin,
// and the stream goes on.
func TestDeadLetters(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "in", "in.dlq")
	good := testenv.JSON(t, testenv.Articles(6, day))
	bad := []struct {
		value []byte
		kind  string
	}{
		{[]byte(`{"id": "x1", "published_at": `), "malformed"},
		{[]byte(`{"published_at": "2023-02-22T10:00:00Z", "body": "China warned Japan."}`), "missing_field"},
		{[]byte(`{"id": "x3", "body": "China warned Japan."}`), "missing_field"},
		{[]byte(`{"id": "x4", "published_at": "22/02/2023", "body": "China warned Japan."}`), "invalid_field"},
		{[]byte(`{"id": "x5", "published_at": "2023-02-22T10:00:00Z"}`), "missing_field"},
		{append([]byte(`{"id": "x6", "published_at": "2023-02-22T10:00:00Z", "body": "`), append(bytes.Repeat([]byte("a"), 5000), '"', '}')...), "too_large"},
		{[]byte("{\"id\": \"x7\", \"published_at\": \"2023-02-22T10:00:00Z\", \"body\": \"caf\xe9\"}"), "not_utf8"},
	}
	// Partitions interleave: count dead letters per kind, not per offset.
	var values [][]byte
	for i, bm := range bad {
		values = append(values, good[i%len(good)], bm.value)
	}
	produce(t, b.Addr(), "in", values)
	produce(t, b.Addr(), "in", good) // good messages after the bad ones (new offsets)

	run := startPipeline(t, b.Addr(), "in", "g-dlq", openStore(t, dsn), runOpts{})
	total := int64(len(bad)*2 + len(good))
	waitFor(t, "all messages committed", func() bool { return committed(t, b.Addr(), "g-dlq", "in") == total })
	must(t, run.stop(t))

	if got := countArticles(t, dsn); got != uint64(len(bad)+len(good)) {
		t.Errorf("stored %d articles, want %d", got, len(bad)+len(good))
	}
	kinds := map[string]int{}
	dlq := testenv.ReadTopic(t, b.Addr(), "in.dlq", len(bad))
	for _, m := range dlq {
		h := headers(m)
		kinds[h[pipeline.HeaderErrorKind]]++
		if h[pipeline.HeaderError] == "" || h[pipeline.HeaderOriginalTopic] != "in" ||
			h[pipeline.HeaderOriginalPartition] == "" || h[pipeline.HeaderOriginalOffset] == "" {
			t.Errorf("dead letter lacks headers: %v", h)
		}
		if h[pipeline.HeaderErrorKind] == "too_large" && (h[pipeline.HeaderTruncated] != "true" || len(m.Value) != 4096) {
			t.Errorf("oversized dead letter: %d bytes, headers %v", len(m.Value), h)
		}
	}
	want := map[string]int{}
	for _, bm := range bad {
		want[bm.kind]++
	}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("dead letters of kind %s: %d, want %d (all: %v)", k, kinds[k], n, kinds)
		}
	}
	if got := counter(run.metrics.DeadLettered.WithLabelValues("missing_field")); got != 3 {
		t.Errorf("dead-lettered metric for missing_field = %v, want 3", got)
	}
}

func headers(m kafka.Message) map[string]string {
	h := map[string]string{}
	for _, x := range m.Headers {
		h[x.Key] = string(x.Value)
	}
	return h
}

// TestRestartResumesFromCommittedOffsets stops a consumer, publishes more,
// and checks that the next one reads only what is new.
func TestRestartResumesFromCommittedOffsets(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "articles", "articles.dlq")
	msgs := testenv.Articles(400, day)
	values := testenv.JSON(t, msgs)
	produce(t, b.Addr(), "articles", values[:200])
	st := openStore(t, dsn)

	first := startPipeline(t, b.Addr(), "articles", "g-restart", st, runOpts{})
	waitFor(t, "first 200 committed", func() bool { return committed(t, b.Addr(), "g-restart", "articles") == 200 })
	must(t, first.stop(t))

	produce(t, b.Addr(), "articles", values[200:])
	second := startPipeline(t, b.Addr(), "articles", "g-restart", st, runOpts{})
	waitFor(t, "all 400 committed", func() bool { return committed(t, b.Addr(), "g-restart", "articles") == 400 })
	must(t, second.stop(t))

	if got := counter(second.metrics.Consumed); got != 200 {
		t.Errorf("second consumer read %v messages, want only the 200 new ones", got)
	}
	checkExact(t, dsn, msgs)
}

// crashAfterStore fails every commit, as if the process died right after
// its first store write: nothing is ever committed.
type crashAfterStore struct {
	pipeline.Source
	crashed *atomic.Bool
}

func (c crashAfterStore) CommitMessages(context.Context, ...kafka.Message) error {
	c.crashed.Store(true)
	return errors.New("injected crash between store write and commit")
}

// TestCrashBetweenStoreAndCommit stores a batch, "crashes" before the
// commit, restarts, and checks that the redelivered batch is not counted
// twice in the raw tables nor in the aggregates.
func TestCrashBetweenStoreAndCommit(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "articles", "articles.dlq")
	msgs := testenv.Articles(300, day)
	produce(t, b.Addr(), "articles", testenv.JSON(t, msgs))

	var crashed atomic.Bool
	// The first run's store is a separate connection, as a crashed process's would be.
	first := startPipeline(t, b.Addr(), "articles", "g-crash", openStore(t, dsn), runOpts{
		wrap:  func(s pipeline.Source) pipeline.Source { return crashAfterStore{Source: s, crashed: &crashed} },
		drain: time.Second,
	})
	waitFor(t, "the injected crash", crashed.Load)
	err := first.stop(t)
	if err == nil || !strings.Contains(err.Error(), "injected crash") {
		t.Fatalf("first run ended with %v, want the injected crash", err)
	}
	if got := committed(t, b.Addr(), "g-crash", "articles"); got != 0 {
		t.Fatalf("%d offsets committed before the crash, want 0", got)
	}
	if countArticles(t, dsn) == 0 {
		t.Fatal("nothing was stored before the crash: the test would prove nothing")
	}

	second := startPipeline(t, b.Addr(), "articles", "g-crash", openStore(t, dsn), runOpts{})
	waitFor(t, "all committed", func() bool { return committed(t, b.Addr(), "g-crash", "articles") == 300 })
	must(t, second.stop(t))
	if got := counter(second.metrics.Consumed); got != 300 {
		t.Errorf("second run read %v messages, want all 300 redelivered", got)
	}
	checkExact(t, dsn, msgs)
}

// TestClickHouseOutage cuts ClickHouse away for a while: the consumer
// retries with backoff, loses nothing and catches up.
func TestClickHouseOutage(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "articles", "articles.dlq")
	proxy := testenv.NewProxy(t, hostOf(t, dsn))
	st, err := clickhouse.Open(context.Background(), strings.Replace(dsn, hostOf(t, dsn), proxy.Addr(), 1))
	must(t, err)
	defer st.Close()
	msgs := testenv.Articles(400, day)
	values := testenv.JSON(t, msgs)
	produce(t, b.Addr(), "articles", values[:200])
	run := startPipeline(t, b.Addr(), "articles", "g-outage", st, runOpts{})
	waitFor(t, "first 200 committed", func() bool { return committed(t, b.Addr(), "g-outage", "articles") == 200 })

	proxy.SetDown(true)
	produce(t, b.Addr(), "articles", values[200:])
	waitFor(t, "store retries", func() bool { return counter(run.metrics.Retries.WithLabelValues("store")) >= 3 })
	if got := committed(t, b.Addr(), "g-outage", "articles"); got != 200 {
		t.Errorf("%d offsets committed while ClickHouse was down, want 200", got)
	}
	proxy.SetDown(false)
	waitFor(t, "all 400 committed", func() bool { return committed(t, b.Addr(), "g-outage", "articles") == 400 })
	must(t, run.stop(t))
	checkExact(t, dsn, msgs)
}

func hostOf(t testing.TB, dsn string) string {
	t.Helper()
	rest := strings.TrimPrefix(dsn, "clickhouse://")
	if at := strings.Index(rest, "@"); at >= 0 {
		rest = rest[at+1:]
	}
	host, _, _ := strings.Cut(rest, "/")
	return host
}
