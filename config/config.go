// Package config reads stancemon's YAML configuration: defaults first, then
// the file decoded strictly (unknown keys are errors), then environment
// overrides, then Validate.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"github.com/stancemon/stancemon/internal/redact"
	"github.com/stancemon/stancemon/internal/strictyaml"
)

// MaxFileBytes is the size limit of a configuration file.
const MaxFileBytes = 1 << 20

// Config is the whole configuration of `stancemon run`.
type Config struct {
	Kafka      Kafka      `yaml:"kafka"`
	ClickHouse ClickHouse `yaml:"clickhouse"`
	Embedded   Embedded   `yaml:"embedded"`
	Batch      Batch      `yaml:"batch"`
	Scorer     Scorer     `yaml:"scorer"`
	HTTP       HTTP       `yaml:"http"`
	Log        Log        `yaml:"log"`
	Alerts     Alerts     `yaml:"alerts"`
	// ShutdownTimeout bounds the drain on SIGTERM: flush, commit, close.
	// Default: 30s
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	// StallTimeout makes /readyz answer 503 when fetched messages wait and
	// no batch has been committed for this long. Default: 2m
	StallTimeout time.Duration `yaml:"stall_timeout"`
}

// Kafka configures the input.
type Kafka struct {
	// Brokers are the bootstrap addresses. Env: STANCEMON_BROKERS (comma-separated).
	// Default: [127.0.0.1:9092]
	Brokers []string `yaml:"brokers"`
	// Topic is the input topic. Env: STANCEMON_TOPIC. Default: articles
	Topic string `yaml:"topic"`
	// Group is the consumer group. Env: STANCEMON_GROUP. Default: stancemon
	Group string `yaml:"group"`
	// DLQTopic receives the messages that cannot be decoded.
	// Default: <topic>.dlq
	DLQTopic string `yaml:"dlq_topic"`
	// Partitions is the partition count used when stancemon creates the
	// topic because it is missing. Default: 3
	Partitions int `yaml:"partitions"`
	// MaxMessageBytes is the size limit of one article message; larger ones
	// are dead-lettered. Default: 1048576
	MaxMessageBytes int `yaml:"max_message_bytes"`
	// MaxWait is the longest a fetch waits for new data. Default: 3s
	MaxWait time.Duration `yaml:"max_wait"`
	// SessionTimeout is how long the group waits for a silent member (a
	// crashed instance) before handing its partitions to others. Default: 10s
	SessionTimeout time.Duration `yaml:"session_timeout"`
	// RevokeTimeout bounds how long an instance losing a partition in a
	// rebalance waits for the messages it has of it to be stored and
	// committed before the new owner reads it. Default: 30s
	RevokeTimeout time.Duration `yaml:"revoke_timeout"`
	// ClientID names this instance to the brokers. Env: STANCEMON_KAFKA_CLIENT_ID.
	// Default: stancemon-<hostname>-<pid>
	ClientID string `yaml:"client_id"`
	// InstanceID makes this instance a static group member: restarted
	// within session_timeout with the same id, it gets its partitions back
	// without a rebalance. Unique per instance (e.g. the pod name of a
	// StatefulSet). Env: STANCEMON_KAFKA_INSTANCE_ID. Default: "" (dynamic)
	InstanceID string `yaml:"instance_id"`
	// CreateTopics creates the input and dead-letter topics at start when
	// they are missing (needs the Create permission); when false, missing
	// topics are an error. Default: true
	CreateTopics bool `yaml:"create_topics"`
	// TLS encrypts the connections to the brokers.
	TLS KafkaTLS `yaml:"tls"`
	// SASL authenticates to the brokers.
	SASL KafkaSASL `yaml:"sasl"`
}

// KafkaTLS configures TLS to the brokers.
type KafkaTLS struct {
	// Enabled turns TLS on. Default: false
	Enabled bool `yaml:"enabled"`
	// CAFile is a PEM file of the CAs that sign the brokers' certificates.
	// Default: "" (the system's)
	CAFile string `yaml:"ca_file"`
	// CertFile and KeyFile are a client certificate and key (PEM) for
	// brokers that require one. Default: ""
	CertFile string `yaml:"cert_file"`
	KeyFile  string `yaml:"key_file"`
	// ServerName overrides the name checked in the brokers' certificates.
	// Default: ""
	ServerName string `yaml:"server_name"`
	// InsecureSkipVerify accepts any certificate (tests only). Default: false
	InsecureSkipVerify bool `yaml:"insecure_skip_verify"`
}

// KafkaSASL configures SASL authentication to the brokers. The password is
// never part of the file: it comes from PasswordFile or the environment.
type KafkaSASL struct {
	// Mechanism is PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; empty disables
	// SASL. Default: ""
	Mechanism string `yaml:"mechanism"`
	// Username is the SASL user. Env: STANCEMON_KAFKA_USERNAME. Default: ""
	Username string `yaml:"username"`
	// PasswordFile holds the password (trailing newline ignored).
	// Env STANCEMON_KAFKA_PASSWORD gives the password itself instead.
	// Default: ""
	PasswordFile string `yaml:"password_file"`
	// Password is set from STANCEMON_KAFKA_PASSWORD only.
	Password string `yaml:"-"`
}

// String hides the password.
func (s KafkaSASL) String() string {
	return fmt.Sprintf("{Mechanism:%s Username:%s PasswordFile:%s Password:[%d bytes]}", s.Mechanism, s.Username, s.PasswordFile, len(s.Password))
}

// GoString hides the password in %#v too.
func (s KafkaSASL) GoString() string { return s.String() }

// ClickHouse configures the ClickHouse store.
type ClickHouse struct {
	// DSN is a clickhouse-go DSN, e.g. clickhouse://default:@127.0.0.1:9000/stancemon.
	// Empty selects the embedded store. Env: STANCEMON_CLICKHOUSE. Default: ""
	DSN string `yaml:"dsn"`
	// Migrate applies the schema at start. Default: true
	Migrate bool `yaml:"migrate"`
}

// Embedded configures the embedded store used when no ClickHouse DSN is set.
type Embedded struct {
	// Path is the database file. Env: STANCEMON_STORE. Default: stancemon.db
	Path string `yaml:"path"`
}

// Batch is the batching policy: a batch closes on whichever limit comes first.
type Batch struct {
	// Count is the most messages in a batch. Default: 10000
	Count int `yaml:"count"`
	// Bytes is the most message bytes in a batch. Default: 16777216
	Bytes int `yaml:"bytes"`
	// Period is the longest a batch stays open. Default: 1s
	Period time.Duration `yaml:"period"`
}

// Scorer configures the stance scorer.
type Scorer struct {
	// Workers score articles in parallel; 0 means one per CPU. Default: 0
	Workers int `yaml:"workers"`
	// ActorsFile is a YAML file that extends or overrides the embedded
	// gazetteer. Default: ""
	ActorsFile string `yaml:"actors_file"`
}

// HTTP configures the server of /metrics, /healthz, /readyz, /debug/pprof/
// and the dashboard.
type HTTP struct {
	// Addr is the listen address; empty or "off" disables the server.
	// Env: STANCEMON_HTTP. Default: 127.0.0.1:8080
	Addr string `yaml:"addr"`
	// Metrics serves /metrics. Default: true
	Metrics bool `yaml:"metrics"`
	// Pprof serves Go's profiles under /debug/pprof/ (behind the
	// authentication when there is one). Default: false
	Pprof bool `yaml:"pprof"`
	// Auth requires credentials for everything but /healthz and /readyz.
	Auth HTTPAuth `yaml:"auth"`
	// TLS serves HTTPS when a certificate and key are set.
	TLS HTTPTLS `yaml:"tls"`
	// ReadHeaderTimeout bounds the reading of a request header. Default: 10s
	ReadHeaderTimeout time.Duration `yaml:"read_header_timeout"`
	// ReadTimeout bounds the reading of a whole request. Default: 30s
	ReadTimeout time.Duration `yaml:"read_timeout"`
	// WriteTimeout bounds a response (API queries stop at 30s; CPU
	// profiles longer than it are refused). Default: 60s
	WriteTimeout time.Duration `yaml:"write_timeout"`
	// IdleTimeout closes keep-alive connections idle this long. Default: 30s
	IdleTimeout time.Duration `yaml:"idle_timeout"`
	// MaxHeaderBytes bounds a request header. Default: 65536
	MaxHeaderBytes int `yaml:"max_header_bytes"`
	// MaxConcurrentRequests is the most requests served at once
	// (/healthz and /readyz aside); the excess gets 503 at once.
	// Default: 64
	MaxConcurrentRequests int `yaml:"max_concurrent_requests"`
}

// HTTPAuth configures the authentication of the HTTP server: a bearer
// token, basic-auth users, or both (a request may use either). With
// neither, the server is open. Secrets come from files or the environment,
// never from this file.
type HTTPAuth struct {
	// BearerTokenFile holds the token clients send as "Authorization:
	// Bearer TOKEN" (at least 16 bytes). Env STANCEMON_HTTP_BEARER_TOKEN
	// (the token itself) overrides it. Default: ""
	BearerTokenFile string `yaml:"bearer_token_file"`
	// BearerToken is the token from STANCEMON_HTTP_BEARER_TOKEN.
	BearerToken string `yaml:"-"`
	// BasicUsersFile holds "user:password" lines (passwords of at least 8
	// bytes; # comments). Env STANCEMON_HTTP_BASIC_USERS (the same lines)
	// overrides it. Default: ""
	BasicUsersFile string `yaml:"basic_users_file"`
	// BasicUsers are the lines from STANCEMON_HTTP_BASIC_USERS.
	BasicUsers string `yaml:"-"`
	// MetricsWithoutAuth leaves /metrics open to scrapers without
	// credentials. Default: false
	MetricsWithoutAuth bool `yaml:"metrics_without_auth"`
}

// Enabled reports whether credentials are configured.
func (a HTTPAuth) Enabled() bool {
	return a.BearerTokenFile != "" || a.BearerToken != "" || a.BasicUsersFile != "" || a.BasicUsers != ""
}

// HTTPTLS configures HTTPS.
type HTTPTLS struct {
	// CertFile is the PEM certificate (chain). Default: ""
	CertFile string `yaml:"cert_file"`
	// KeyFile is the PEM private key of CertFile. Default: ""
	KeyFile string `yaml:"key_file"`
}

// Log configures logging.
type Log struct {
	// Format is json, console or auto (console on a terminal). Default: auto
	Format string `yaml:"format"`
	// Level is debug, info, warn or error. Default: info
	Level string `yaml:"level"`
}

// Alerts configures alert evaluation inside `stancemon run` and
// `stancemon alerts run`.
type Alerts struct {
	// Rules are rule files ("builtin" is the built-in rule set); empty
	// disables alerting in `run`. Default: []
	Rules []string `yaml:"rules"`
	// Clock is wall (evaluate at the current time: live use) or data (at
	// the newest stored article: replays of old news). Default: wall
	Clock string `yaml:"clock"`
	// Alertmanager is the base URL of a Prometheus Alertmanager that gets
	// the alerts (POST /api/v2/alerts). Default: ""
	Alertmanager string `yaml:"alertmanager"`
	// Webhook is a URL that gets alerts as JSON. Default: ""
	Webhook string `yaml:"webhook"`
	// KafkaTopic publishes alerts to this topic on kafka.brokers; empty
	// disables it. Default: ""
	KafkaTopic string `yaml:"kafka_topic"`
	// ResendDelay resends firing alerts this often (Alertmanager resolves
	// alerts that are not resent). Default: 1m with an Alertmanager, else 0
	ResendDelay time.Duration `yaml:"resend_delay"`
	// GeneratorURL is the link sent with alerts, e.g. the dashboard. Default: ""
	GeneratorURL string `yaml:"generator_url"`
}

// Default returns the configuration used when nothing else is given.
func Default() Config {
	return Config{
		Kafka: Kafka{
			Brokers:         []string{"127.0.0.1:9092"},
			Topic:           "articles",
			Group:           "stancemon",
			Partitions:      3,
			MaxMessageBytes: 1 << 20,
			MaxWait:         3 * time.Second,
			SessionTimeout:  10 * time.Second,
			RevokeTimeout:   30 * time.Second,
			CreateTopics:    true,
		},
		ClickHouse:      ClickHouse{Migrate: true},
		Embedded:        Embedded{Path: "stancemon.db"},
		Batch:           Batch{Count: 10000, Bytes: 16 << 20, Period: time.Second},
		HTTP:            defaultHTTP(),
		Log:             Log{Format: "auto", Level: "info"},
		Alerts:          Alerts{Clock: "wall"},
		ShutdownTimeout: 30 * time.Second,
		StallTimeout:    2 * time.Minute,
	}
}

// defaultHTTP returns the defaults of the HTTP section.
func defaultHTTP() HTTP {
	return HTTP{
		Addr: "127.0.0.1:8080", Metrics: true,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 30 * time.Second,
		MaxHeaderBytes: 64 << 10, MaxConcurrentRequests: 64,
	}
}

// Load reads the file at path (none when path is empty) over the defaults,
// applies the environment and validates the result.
func Load(path string, env func(string) string) (Config, error) {
	cfg := Default()
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return Config{}, fmt.Errorf("opening config: %w", err)
		}
		defer f.Close()
		if err := Decode(f, &cfg); err != nil {
			return Config{}, fmt.Errorf("reading config %s: %w", path, err)
		}
	}
	cfg.ApplyEnv(env)
	if err := cfg.Validate(); err != nil {
		return Config{}, fmt.Errorf("config %s: %w", displayName(path), err)
	}
	return cfg, nil
}

func displayName(path string) string {
	if path == "" {
		return "(defaults)"
	}
	return path
}

// Decode decodes YAML strictly into cfg (unknown keys are errors, reported
// with line and column, as *strictyaml.Error), keeping the values of cfg
// for the keys the document does not set. cfg is unchanged on error.
func Decode(r io.Reader, cfg *Config) error {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return fmt.Errorf("reading: %w", err)
	}
	if len(b) > MaxFileBytes {
		return fmt.Errorf("file is larger than %d bytes", MaxFileBytes)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	decoded := *cfg
	if err := strictyaml.Unmarshal(b, &decoded); err != nil {
		return err
	}
	if decoded.HTTP.Addr == "off" {
		decoded.HTTP.Addr = ""
	}
	*cfg = decoded
	return nil
}

// ApplyEnv overrides addresses and secrets from the environment:
// STANCEMON_BROKERS, STANCEMON_TOPIC, STANCEMON_GROUP,
// STANCEMON_KAFKA_CLIENT_ID, STANCEMON_KAFKA_INSTANCE_ID,
// STANCEMON_KAFKA_USERNAME, STANCEMON_KAFKA_PASSWORD, STANCEMON_CLICKHOUSE,
// STANCEMON_STORE, STANCEMON_HTTP ("off" disables the server),
// STANCEMON_LOG_LEVEL, STANCEMON_LOG_FORMAT, STANCEMON_HTTP_BEARER_TOKEN
// and STANCEMON_HTTP_BASIC_USERS.
func (c *Config) ApplyEnv(env func(string) string) {
	if env == nil {
		return
	}
	if v := env("STANCEMON_BROKERS"); v != "" {
		c.Kafka.Brokers = splitList(v)
	}
	setIf(&c.Kafka.Topic, env("STANCEMON_TOPIC"))
	setIf(&c.Kafka.Group, env("STANCEMON_GROUP"))
	setIf(&c.Kafka.ClientID, env("STANCEMON_KAFKA_CLIENT_ID"))
	setIf(&c.Kafka.InstanceID, env("STANCEMON_KAFKA_INSTANCE_ID"))
	setIf(&c.Kafka.SASL.Username, env("STANCEMON_KAFKA_USERNAME"))
	setIf(&c.Kafka.SASL.Password, env("STANCEMON_KAFKA_PASSWORD"))
	setIf(&c.ClickHouse.DSN, env("STANCEMON_CLICKHOUSE"))
	setIf(&c.Embedded.Path, env("STANCEMON_STORE"))
	setIf(&c.Log.Level, env("STANCEMON_LOG_LEVEL"))
	setIf(&c.Log.Format, env("STANCEMON_LOG_FORMAT"))
	setIf(&c.HTTP.Auth.BearerToken, env("STANCEMON_HTTP_BEARER_TOKEN"))
	setIf(&c.HTTP.Auth.BasicUsers, env("STANCEMON_HTTP_BASIC_USERS"))
	switch v := env("STANCEMON_HTTP"); v {
	case "":
	case "off":
		c.HTTP.Addr = ""
	default:
		c.HTTP.Addr = v
	}
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// DLQ returns the dead-letter topic.
func (k Kafka) DLQ() string {
	if k.DLQTopic != "" {
		return k.DLQTopic
	}
	return k.Topic + ".dlq"
}

// Validate checks the configuration and names the first wrong field.
func (c *Config) Validate() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	check(len(c.Kafka.Brokers) > 0, "kafka.brokers must list at least one broker address")
	for _, b := range c.Kafka.Brokers {
		_, _, err := net.SplitHostPort(b)
		check(err == nil, "kafka.brokers: %q is not a host:port address", b)
	}
	check(c.Kafka.Topic != "", "kafka.topic must not be empty")
	check(c.Kafka.Group != "", "kafka.group must not be empty")
	check(c.Kafka.DLQ() != c.Kafka.Topic, "kafka.dlq_topic must differ from kafka.topic")
	check(c.Kafka.Partitions >= 1, "kafka.partitions must be at least 1, got %d", c.Kafka.Partitions)
	check(c.Kafka.MaxMessageBytes >= 1024, "kafka.max_message_bytes must be at least 1024, got %d", c.Kafka.MaxMessageBytes)
	check(c.Kafka.MaxWait >= 100*time.Millisecond, "kafka.max_wait must be at least 100ms, got %s", c.Kafka.MaxWait)
	check(c.Kafka.SessionTimeout >= 6*time.Second, "kafka.session_timeout must be at least 6s (the group minimum), got %s", c.Kafka.SessionTimeout)
	check(c.Kafka.RevokeTimeout >= time.Second, "kafka.revoke_timeout must be at least 1s, got %s", c.Kafka.RevokeTimeout)
	check(oneOf(strings.ToUpper(c.Kafka.SASL.Mechanism), "", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
		"kafka.sasl.mechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, got %q", c.Kafka.SASL.Mechanism)
	check(c.Kafka.SASL.Mechanism == "" || c.Kafka.SASL.Username != "", "kafka.sasl.username (or STANCEMON_KAFKA_USERNAME) must be set with kafka.sasl.mechanism")
	check(c.Kafka.SASL.Mechanism == "" || c.Kafka.SASL.PasswordFile != "" || c.Kafka.SASL.Password != "",
		"kafka.sasl.password_file (or STANCEMON_KAFKA_PASSWORD) must be set with kafka.sasl.mechanism")
	check((c.Kafka.TLS.CertFile == "") == (c.Kafka.TLS.KeyFile == ""), "kafka.tls.cert_file and kafka.tls.key_file go together")
	check(c.ClickHouse.DSN != "" || c.Embedded.Path != "", "either clickhouse.dsn or embedded.path must be set")
	check(c.Batch.Count >= 1, "batch.count must be at least 1, got %d", c.Batch.Count)
	check(c.Batch.Bytes >= 1024, "batch.bytes must be at least 1024, got %d", c.Batch.Bytes)
	check(c.Batch.Period > 0, "batch.period must be positive, got %s", c.Batch.Period)
	check(c.Scorer.Workers >= 0, "scorer.workers must not be negative, got %d", c.Scorer.Workers)
	if c.HTTP.Addr != "" {
		_, _, err := net.SplitHostPort(c.HTTP.Addr)
		check(err == nil, "http.addr: %q is not a host:port address", c.HTTP.Addr)
	}
	errs = append(errs, c.HTTP.validate()...)
	check(oneOf(c.Log.Format, "auto", "json", "console"), "log.format must be auto, json or console, got %q", c.Log.Format)
	check(oneOf(c.Log.Level, "debug", "info", "warn", "error"), "log.level must be debug, info, warn or error, got %q", c.Log.Level)
	check(oneOf(c.Alerts.Clock, "wall", "data"), "alerts.clock must be wall or data, got %q", c.Alerts.Clock)
	for _, u := range []struct{ field, v string }{{"alerts.alertmanager", c.Alerts.Alertmanager}, {"alerts.webhook", c.Alerts.Webhook}} {
		check(u.v == "" || strings.HasPrefix(u.v, "http://") || strings.HasPrefix(u.v, "https://"),
			"%s must be an http:// or https:// URL, got %q", u.field, redact.URL(u.v))
	}
	check(c.Alerts.ResendDelay >= 0, "alerts.resend_delay must not be negative, got %s", c.Alerts.ResendDelay)
	check(c.ShutdownTimeout > 0, "shutdown_timeout must be positive, got %s", c.ShutdownTimeout)
	check(c.StallTimeout >= time.Second, "stall_timeout must be at least 1s, got %s", c.StallTimeout)
	return errors.Join(errs...)
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

// validate checks the HTTP section but for the address.
func (h HTTP) validate() []error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	for _, d := range []struct {
		field    string
		v, least time.Duration
	}{
		{"read_header_timeout", h.ReadHeaderTimeout, 100 * time.Millisecond},
		{"read_timeout", h.ReadTimeout, 100 * time.Millisecond},
		{"write_timeout", h.WriteTimeout, time.Second},
		{"idle_timeout", h.IdleTimeout, 100 * time.Millisecond},
	} {
		check(d.v >= d.least && d.v <= time.Hour, "http.%s must be between %s and 1h, got %s", d.field, d.least, d.v)
	}
	check(h.MaxHeaderBytes >= 4096 && h.MaxHeaderBytes <= 1<<20, "http.max_header_bytes must be between 4096 and 1048576, got %d", h.MaxHeaderBytes)
	check(h.MaxConcurrentRequests >= 1 && h.MaxConcurrentRequests <= 100000, "http.max_concurrent_requests must be between 1 and 100000, got %d", h.MaxConcurrentRequests)
	check((h.TLS.CertFile == "") == (h.TLS.KeyFile == ""), "http.tls.cert_file and http.tls.key_file must be set together")
	check(!h.Auth.MetricsWithoutAuth || h.Auth.Enabled(), "http.auth.metrics_without_auth needs a bearer token or basic users")
	return errs
}
