// Command pipebench measures the pipeline end to end on a JSON Lines corpus:
// it starts `stancemon broker`, publishes the corpus, measures the raw
// consume rate of the topic with a kafka-go consumer group (the ceiling),
// then runs `stancemon run` into a fresh ClickHouse database and measures
// articles/s and MB/s until every offset is committed, with the peak RSS of
// the stancemon process.
//
//	go run ./cmd/pipebench --bin bin/stancemon --corpus ../shared/data/reuters21578.jsonl.gz
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/stancemon/stancemon/internal/jsonl"
	"github.com/stancemon/stancemon/kafka"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "pipebench:", err)
		os.Exit(1)
	}
}

type options struct {
	bin, corpus, clickhouse, topic string
	partitions, copies             int
}

func run() error {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/stancemon", "the stancemon binary")
	flag.StringVar(&o.corpus, "corpus", "../shared/data/reuters21578.jsonl.gz", "JSON Lines corpus (plain or .gz)")
	flag.StringVar(&o.clickhouse, "clickhouse", "clickhouse://default:@127.0.0.1:9000/", "ClickHouse server DSN (a fresh database is created)")
	flag.StringVar(&o.topic, "topic", "bench", "topic")
	flag.IntVar(&o.partitions, "partitions", 3, "partitions of the topic")
	flag.IntVar(&o.copies, "copies", 1, "publish the corpus this many times (a larger backlog)")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()

	tmp, err := os.MkdirTemp("", "pipebench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	brokerCmd := exec.CommandContext(ctx, o.bin, "broker", "--addr", addr, "--data", filepath.Join(tmp, "broker"),
		"--partitions", strconv.Itoa(o.partitions))
	brokerCmd.Stderr = os.Stderr
	if err := brokerCmd.Start(); err != nil {
		return fmt.Errorf("starting broker: %w", err)
	}
	defer func() { _ = brokerCmd.Process.Kill(); _ = brokerCmd.Wait() }()
	if err := waitDial(ctx, addr); err != nil {
		return err
	}
	brokers := []string{addr}
	adm, err := kafka.NewAdmin(kafka.Options{Brokers: brokers})
	if err != nil {
		return err
	}
	defer adm.Close()
	if err := adm.EnsureTopics(ctx, o.partitions, o.topic, o.topic+".dlq"); err != nil {
		return err
	}

	n, size, err := publishCorpus(ctx, brokers, o.topic, o.corpus, o.copies)
	if err != nil {
		return err
	}
	fmt.Printf("machine: %d CPUs (%s), %s\n", runtime.NumCPU(), cpuModel(), runtime.Version())
	fmt.Printf("corpus: %s x%d: %d messages, %.1f MB\n", filepath.Base(o.corpus), o.copies, n, float64(size)/1e6)

	rawDur, err := rawConsume(ctx, brokers, o.topic, n)
	if err != nil {
		return err
	}
	report("raw consume (franz-go group consumer, the ceiling)", n, size, rawDur)

	dsn, drop, err := freshDatabase(ctx, o.clickhouse)
	if err != nil {
		return err
	}
	defer drop()
	e2e, err := endToEnd(ctx, o.bin, adm, brokers, o.topic, dsn, n)
	if err != nil {
		return err
	}
	report("end to end, from process start (broker -> scorer -> ClickHouse, committed)", n, size, e2e.total)
	steadyN := n - int(e2e.firstCommitted)
	report("end to end, steady state (first commit to last)", steadyN, size*steadyN/n, e2e.steady)
	fmt.Printf("end-to-end / raw: %.3f from start, %.3f steady\n", rawDur.Seconds()/e2e.total.Seconds(),
		(float64(steadyN)/e2e.steady.Seconds())/(float64(n)/rawDur.Seconds()))
	rss := e2e.rss
	fmt.Printf("peak RSS of stancemon run: %.0f MB with a backlog of %d messages\n", float64(rss)/1e6, n)
	return nil
}

func report(what string, n, size int, d time.Duration) {
	fmt.Printf("%-58s %8.0f articles/s %7.2f MB/s (%d in %s)\n", what+":",
		float64(n)/d.Seconds(), float64(size)/1e6/d.Seconds(), n, d.Round(time.Millisecond))
}

func publishCorpus(ctx context.Context, brokers []string, topic, path string, copies int) (n, size int, err error) {
	w, err := kafka.NewProducer(kafka.Options{Brokers: brokers}, topic)
	if err != nil {
		return 0, 0, err
	}
	defer w.Close()
	for range copies {
		f, err := os.Open(path)
		if err != nil {
			return 0, 0, fmt.Errorf("opening corpus: %w", err)
		}
		r, err := jsonl.NewReader(f)
		if err != nil {
			f.Close()
			return 0, 0, err
		}
		var last int
		c, err := kafka.PublishLines(ctx, w, r, func(_, bytes int) { last = bytes })
		f.Close()
		if err != nil {
			return 0, 0, err
		}
		n += c
		size += last
	}
	return n, size, nil
}

// rawConsume reads n messages with a fresh consumer group and commits them.
func rawConsume(ctx context.Context, brokers []string, topic string, n int) (time.Duration, error) {
	r, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: kafka.Options{Brokers: brokers}, Topic: topic,
		Group: "pipebench-raw", MaxBytes: 1 << 20, MaxWait: 3 * time.Second})
	if err != nil {
		return 0, err
	}
	defer r.Close()
	start := time.Now()
	batch := make([]kafka.Message, 0, 2000)
	for i := 0; i < n; i++ {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return 0, fmt.Errorf("raw consume after %d messages: %w", i, err)
		}
		batch = append(batch, m)
		if len(batch) == cap(batch) || i == n-1 {
			if err := r.CommitMessages(ctx, batch...); err != nil {
				return 0, fmt.Errorf("raw commit: %w", err)
			}
			batch = batch[:0]
		}
	}
	return time.Since(start), nil
}

// e2eResult is what endToEnd measures.
type e2eResult struct {
	total          time.Duration // process start to the last commit
	steady         time.Duration // first commit seen to the last commit
	firstCommitted int64         // offsets committed when the first commit was seen
	rss            int64         // peak RSS of the process, bytes
}

// endToEnd runs `stancemon run` until the group has committed n offsets.
func endToEnd(ctx context.Context, bin string, adm *kafka.Admin, brokers []string, topic, dsn string, n int) (e2eResult, error) {
	var res e2eResult
	cmd := exec.CommandContext(ctx, bin, "run", "--brokers", strings.Join(brokers, ","), "--topic", topic,
		"--group", "pipebench-e2e", "--clickhouse", dsn, "--http", "off")
	cmd.Env = append(os.Environ(), "STANCEMON_LOG_LEVEL=warn")
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return res, fmt.Errorf("starting stancemon run: %w", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	var first time.Time
	for {
		c, err := adm.Committed(ctx, "pipebench-e2e", topic)
		if err != nil {
			return res, err
		}
		if c > 0 && first.IsZero() {
			first, res.firstCommitted = time.Now(), c
		}
		if c >= int64(n) {
			break
		}
		select {
		case <-ctx.Done():
			return res, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	res.total, res.steady = time.Since(start), time.Since(first)
	var err error
	res.rss, err = peakRSS(cmd.Process.Pid)
	return res, err
}

// peakRSS reads VmHWM of a process (Linux).
func peakRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("reading peak RSS: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("no VmHWM in /proc status")
}

func freshDatabase(ctx context.Context, server string) (string, func(), error) {
	u, err := url.Parse(server)
	if err != nil {
		return "", nil, fmt.Errorf("parsing --clickhouse: %w", err)
	}
	db := fmt.Sprintf("pipebench_%d", time.Now().UnixNano())
	u.Path = "/" + db
	opts, err := ch.ParseDSN(server)
	if err != nil {
		return "", nil, fmt.Errorf("parsing --clickhouse: %w", err)
	}
	drop := func() {
		conn, err := ch.Open(opts)
		if err != nil {
			return
		}
		defer conn.Close()
		_ = conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+db)
	}
	return u.String(), drop, nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitDial(ctx context.Context, addr string) error {
	for i := 0; ; i++ {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		if i == 100 {
			return fmt.Errorf("broker at %s does not answer: %w", addr, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
		}
	}
	return "unknown CPU"
}
