package kafka

import (
	"cmp"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

// Options are the connection settings every client shares.
type Options struct {
	// Brokers are the bootstrap addresses. Required.
	Brokers []string
	// ClientID names this process to the brokers (logs, quotas, ACLs).
	// Default: stancemon
	ClientID string
	// TLS encrypts the connections when Enabled.
	TLS TLS
	// SASL authenticates the connections when Mechanism is set.
	SASL SASL
	// RetryTimeout bounds how long a request that fails on a broker that
	// cannot be reached or authenticated to is retried before its error is
	// returned. Default: 15s
	RetryTimeout time.Duration
}

// TLS configures TLS to the brokers.
type TLS struct {
	// Enabled turns TLS on. Default: false
	Enabled bool
	// CAFile is a PEM file of the certificate authorities that sign the
	// brokers' certificates. Default: "" (the system's)
	CAFile string
	// CertFile and KeyFile are the client certificate and key (PEM) for
	// brokers that require one (mutual TLS). Default: ""
	CertFile, KeyFile string
	// ServerName overrides the name checked in the brokers' certificates.
	// Default: "" (the host of the address)
	ServerName string
	// InsecureSkipVerify accepts any broker certificate (tests only).
	// Default: false
	InsecureSkipVerify bool
}

// SASL mechanisms.
const (
	Plain       = "PLAIN"
	ScramSHA256 = "SCRAM-SHA-256"
	ScramSHA512 = "SCRAM-SHA-512"
)

// SASL configures SASL authentication.
type SASL struct {
	// Mechanism is PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; empty disables
	// SASL. Default: ""
	Mechanism string
	// Username and Password are the credentials.
	Username, Password string
}

// String hides the password.
func (s SASL) String() string {
	return fmt.Sprintf("{Mechanism:%s Username:%s Password:[%d bytes]}", s.Mechanism, s.Username, len(s.Password))
}

// GoString hides the password in %#v too.
func (s SASL) GoString() string { return s.String() }

// Validate checks the options without reading files.
func (o Options) Validate() error {
	if len(o.Brokers) == 0 {
		return errors.New("no Kafka brokers given")
	}
	switch strings.ToUpper(o.SASL.Mechanism) {
	case "":
	case Plain, ScramSHA256, ScramSHA512:
		if o.SASL.Username == "" || o.SASL.Password == "" {
			return fmt.Errorf("SASL %s needs a username and a password", o.SASL.Mechanism)
		}
	default:
		return fmt.Errorf("unknown SASL mechanism %q (want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)", o.SASL.Mechanism)
	}
	if (o.TLS.CertFile == "") != (o.TLS.KeyFile == "") {
		return errors.New("TLS needs both a client certificate and its key, or neither")
	}
	return nil
}

// kgoOpts turns o into client options: seeds, client id, dial timeout,
// TLS and SASL.
func (o Options) kgoOpts() ([]kgo.Opt, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	id := o.ClientID
	if id == "" {
		id = "stancemon"
	}
	opts := []kgo.Opt{
		kgo.SeedBrokers(o.Brokers...),
		kgo.ClientID(id),
		kgo.DialTimeout(10 * time.Second),
		// Bounded reads: a broker that stops answering is noticed and the
		// request retried instead of waiting forever.
		kgo.RequestTimeoutOverhead(20 * time.Second),
		kgo.RetryTimeout(cmp.Or(o.RetryTimeout, 15*time.Second)),
	}
	if o.TLS.Enabled {
		cfg, err := o.TLS.config()
		if err != nil {
			return nil, err
		}
		opts = append(opts, kgo.DialTLSConfig(cfg))
	}
	if m := o.SASL.mechanism(); m != nil {
		opts = append(opts, kgo.SASL(m))
	}
	return opts, nil
}

func (s SASL) mechanism() sasl.Mechanism {
	switch strings.ToUpper(s.Mechanism) {
	case Plain:
		return plain.Auth{User: s.Username, Pass: s.Password}.AsMechanism()
	case ScramSHA256:
		return scram.Auth{User: s.Username, Pass: s.Password}.AsSha256Mechanism()
	case ScramSHA512:
		return scram.Auth{User: s.Username, Pass: s.Password}.AsSha512Mechanism()
	}
	return nil
}

// config builds the tls.Config: CA pool, client certificate, server name.
func (t TLS) config() (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName, InsecureSkipVerify: t.InsecureSkipVerify} //nolint:gosec // opt-in, documented as tests only
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("reading Kafka TLS CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("reading Kafka TLS CA file %s: no PEM certificate in it", t.CAFile)
		}
		cfg.RootCAs = pool
	}
	if t.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("loading Kafka TLS client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}
