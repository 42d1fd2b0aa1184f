package tests

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stancemon/stancemon/tests/testenv"
)

// process is a `stancemon run` child process.
type process struct {
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	done   chan error
}

// startRun starts `stancemon run` with small batches so that a stream has
// many commits to be interrupted between.
func startRun(t *testing.T, brokerAddr, topic, group, dsn string) *process {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "stancemon.yaml")
	must(t, os.WriteFile(cfg, []byte("batch:\n  count: 50\n  period: 200ms\nlog:\n  format: json\nshutdown_timeout: 20s\n"), 0o600))
	cmd := exec.Command(stancemonBinary(t), "run", "--config", cfg, "--brokers", brokerAddr, "--topic", topic,
		"--group", group, "--clickhouse", dsn, "--http", "off")
	p := &process{cmd: cmd, stderr: &bytes.Buffer{}, done: make(chan error, 1)}
	cmd.Stderr = p.stderr
	must(t, cmd.Start())
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			t.Logf("stancemon stderr:\n%s", p.stderr.String())
		}
	})
	return p
}

// signal sends sig and waits for the process to exit.
func (p *process) signal(t *testing.T, sig syscall.Signal) error {
	t.Helper()
	must(t, p.cmd.Process.Signal(sig))
	return <-p.done
}

// TestSIGKILLMidStream kills `stancemon run` with SIGKILL while it works
// through a stream, restarts it, and checks that the stored counts and sums
// equal those of a clean run, to the last article.
func TestSIGKILLMidStream(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "articles", "articles.dlq")
	msgs := testenv.Articles(4000, day)
	values := testenv.JSON(t, msgs)
	produce(t, b.Addr(), "articles", values[:3000])

	first := startRun(t, b.Addr(), "articles", "g-kill", dsn)
	waitFor(t, "first rows", func() bool { return countArticles(t, dsn) > 0 })
	err := first.signal(t, syscall.SIGKILL)
	if ws, ok := err.(*exec.ExitError); !ok || ws.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("first run ended with %v, want killed", err)
	}
	atKill := countArticles(t, dsn)
	if atKill >= 3000 {
		t.Fatalf("the stream was over (%d articles stored) before the kill: not mid-stream", atKill)
	}
	t.Logf("killed with %d of 3000 articles stored, %d offsets committed", atKill, committed(t, b.Addr(), "g-kill", "articles"))

	produce(t, b.Addr(), "articles", values[3000:])
	t.Log("restarting")
	second := startRun(t, b.Addr(), "articles", "g-kill", dsn)
	waitFor(t, "first commit after restart", func() bool { return committed(t, b.Addr(), "g-kill", "articles") > 0 })
	t.Log("first commit after restart")
	waitFor(t, "all 4000 committed", func() bool { return committed(t, b.Addr(), "g-kill", "articles") == 4000 })
	t.Log("all committed")
	if err := second.signal(t, syscall.SIGTERM); err != nil {
		t.Fatalf("second run: %v", err)
	}
	checkExact(t, dsn, msgs)
}

// TestSIGTERMDrains stops `stancemon run` with SIGTERM mid-stream: it must
// exit 0 with everything it stored committed and nothing committed that is
// not stored; a restart then finishes the stream exactly.
func TestSIGTERMDrains(t *testing.T) {
	b := testenv.Broker(t)
	dsn := testenv.ClickHouseDSN(t)
	createTopics(t, b.Addr(), "articles", "articles.dlq")
	msgs := testenv.Articles(3000, day)
	produce(t, b.Addr(), "articles", testenv.JSON(t, msgs))

	first := startRun(t, b.Addr(), "articles", "g-term", dsn)
	waitFor(t, "first rows", func() bool { return countArticles(t, dsn) > 0 })
	if err := first.signal(t, syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: stancemon exited with %v, want 0", err)
	}
	stored1, committed1 := countArticles(t, dsn), committed(t, b.Addr(), "g-term", "articles")
	if int64(stored1) != committed1 {
		t.Errorf("after the drain %d articles are stored but %d offsets committed", stored1, committed1)
	}
	if !bytes.Contains(first.stderr.Bytes(), []byte(`"stopped cleanly"`)) {
		t.Errorf("no clean stop in the log")
	}
	t.Logf("drained with %d of 3000 articles stored and committed", stored1)

	second := startRun(t, b.Addr(), "articles", "g-term", dsn)
	waitFor(t, "all committed", func() bool { return committed(t, b.Addr(), "g-term", "articles") == 3000 })
	must(t, second.signal(t, syscall.SIGTERM))
	checkExact(t, dsn, msgs)
}

// TestKcatToClickHouse publishes with kcat (a client we did not write) to
// `stancemon broker`, runs `stancemon run`, and finds the rows in ClickHouse.
func TestKcatToClickHouse(t *testing.T) {
	kcat, err := exec.LookPath("kcat")
	if err != nil {
		t.Fatal("kcat is not installed: run `make services` (it installs Debian's kcat)")
	}
	dsn := testenv.ClickHouseDSN(t)
	addr := freeAddr(t)
	brokerCmd := exec.Command(stancemonBinary(t), "broker", "--addr", addr, "--data", t.TempDir())
	must(t, brokerCmd.Start())
	t.Cleanup(func() { _ = brokerCmd.Process.Kill(); _ = brokerCmd.Wait() })
	waitFor(t, "the broker", func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
	msgs := testenv.Articles(120, day)
	var in bytes.Buffer
	for i, v := range testenv.JSON(t, msgs) {
		in.WriteString(msgs[i].ID + "\t")
		in.Write(v)
		in.WriteByte('\n')
	}
	pub := exec.Command(kcat, "-b", addr, "-t", "articles", "-P", "-K", "\t")
	pub.Stdin = &in
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("kcat: %v\n%s", err, out)
	}
	run := startRun(t, addr, "articles", "g-kcat", dsn)
	waitFor(t, "all committed", func() bool { return committed(t, addr, "g-kcat", "articles") == 120 })
	must(t, run.signal(t, syscall.SIGTERM))
	checkExact(t, dsn, msgs)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer ln.Close()
	return ln.Addr().String()
}
