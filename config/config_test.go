package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/internal/fuzzseed"
)

func TestLoadGood(t *testing.T) {
	cfg, err := Load("testdata/full.good.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Kafka.Brokers; len(got) != 2 || got[1] != "kafka-2:9092" {
		t.Errorf("brokers = %v", got)
	}
	if cfg.Kafka.DLQ() != "news-dead" || cfg.Batch.Period != 2*time.Second || cfg.ShutdownTimeout != 45*time.Second ||
		cfg.ClickHouse.Migrate || cfg.Scorer.Workers != 8 || cfg.Alerts.Rules[0] != "/etc/stancemon/rules.yaml" {
		t.Errorf("unexpected config %+v", cfg)
	}

	def, err := Load("testdata/empty.good.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	if def.Kafka.Topic != want.Kafka.Topic || def.Kafka.DLQ() != "articles.dlq" || def.Batch != want.Batch || def.HTTP != want.HTTP {
		t.Errorf("empty file changed defaults: %+v", def)
	}
}

func TestLoadBad(t *testing.T) {
	tests := map[string]string{
		"unknown-key.bad.yaml":    `2:3: unknown field "topics"`,
		"bad-duration.bad.yaml":   `invalid duration "soon"`,
		"broker-no-port.bad.yaml": `kafka.brokers: "localhost" is not a host:port address`,
		"zero-batch.bad.yaml":     "batch.count must be at least 1, got 0",
		"log-level.bad.yaml":      `log.level must be debug, info, warn or error, got "loud"`,
		"dlq-same.bad.yaml":       "kafka.dlq_topic must differ from kafka.topic",
		"no-store.bad.yaml":       "either clickhouse.dsn or embedded.path must be set",
		"wrong-type.bad.yaml":     "1:8: sequence was used where mapping is expected",
		"http-tls.bad.yaml":       "http.tls.cert_file and http.tls.key_file must be set together",
		"http-idle.bad.yaml":      "http.idle_timeout must be between 100ms and 1h, got 0s",
		"http-conc.bad.yaml":      "http.max_concurrent_requests must be between 1 and 100000, got 0",
		"http-secret.bad.yaml":    `3:5: unknown field "bearer_token"`,
		"http-metrics.bad.yaml":   "http.auth.metrics_without_auth needs a bearer token or basic users",
		"http-header.bad.yaml":    "http.max_header_bytes must be between 4096 and 1048576, got 100000000",
		"webhook-scheme.bad.yaml": `alerts.webhook must be an http:// or https:// URL, got "ftp://u:xxxxx@h/x"`,
	}
	for file, want := range tests {
		t.Run(file, func(t *testing.T) {
			_, err := Load(filepath.Join("testdata", file), nil)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("Load error = %v, want it to contain %q", err, want)
			}
			if !strings.Contains(err.Error(), file) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	// Every bad file is in the table.
	files, _ := filepath.Glob("testdata/*.bad.yaml")
	if len(files) != len(tests) {
		t.Errorf("%d bad files, %d tested", len(files), len(tests))
	}
}

func TestLoadMissingAndLarge(t *testing.T) {
	if _, err := Load("testdata/none.yaml", nil); err == nil || !strings.Contains(err.Error(), "opening config") {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxFileBytes)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big, nil); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("large file: %v", err)
	}
}

func TestEnvOverrides(t *testing.T) {
	env := map[string]string{
		"STANCEMON_BROKERS":    " b1:9092, b2:9093 ,",
		"STANCEMON_TOPIC":      "t",
		"STANCEMON_GROUP":      "g",
		"STANCEMON_CLICKHOUSE": "clickhouse://u:p@h:9000/db",
		"STANCEMON_STORE":      "/tmp/x.db",
		"STANCEMON_HTTP":       "off",
		"STANCEMON_LOG_LEVEL":  "debug",
	}
	cfg, err := Load("testdata/full.good.yaml", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cfg.Kafka.Brokers, ",") != "b1:9092,b2:9093" || cfg.Kafka.Topic != "t" || cfg.Kafka.Group != "g" ||
		cfg.ClickHouse.DSN != "clickhouse://u:p@h:9000/db" || cfg.Embedded.Path != "/tmp/x.db" || cfg.HTTP.Addr != "" ||
		cfg.Log.Level != "debug" {
		t.Errorf("env not applied: %+v", cfg)
	}
	env["STANCEMON_HTTP"] = "127.0.0.1:9999"
	cfg, err = Load("", func(k string) string { return env[k] })
	if err != nil || cfg.HTTP.Addr != "127.0.0.1:9999" {
		t.Errorf("STANCEMON_HTTP: %v %q", err, cfg.HTTP.Addr)
	}
}

// FuzzDecode: no panic, and a document either decodes or names an error.
func FuzzDecode(f *testing.F) {
	fuzzseed.Files(f, "testdata/*.yaml")
	f.Add([]byte("kafka: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg := Default()
		if err := Decode(strings.NewReader(string(b)), &cfg); err != nil && err.Error() == "" {
			t.Fatal("empty error message")
		}
		_ = cfg.Validate()
	})
}

func TestDeployExampleLoads(t *testing.T) {
	cfg, err := Load("../deploy/stancemon.example.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ClickHouse.DSN == "" || len(cfg.Kafka.Brokers) != 3 || cfg.Log.Format != "json" {
		t.Errorf("unexpected example config %+v", cfg)
	}
}
