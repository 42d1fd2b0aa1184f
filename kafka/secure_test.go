package kafka_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/stancemon/stancemon/kafka"
)

// testCA is a certificate authority for tests, with a server certificate
// for 127.0.0.1 and a client certificate, written as PEM files to dir.
type testCA struct {
	dir               string
	serverCert        tls.Certificate
	pool              *x509.CertPool
	caFile            string
	certFile, keyFile string
}

func newTestCA(t *testing.T) testCA {
	t.Helper()
	dir := t.TempDir()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "stancemon test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	issue := func(serial int64, usage x509.ExtKeyUsage, name string) ([]byte, *ecdsa.PrivateKey) {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
			ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		return der, key
	}
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	keyDER := func(k *ecdsa.PrivateKey) []byte {
		b, err := x509.MarshalECPrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	srvDER, srvKey := issue(2, x509.ExtKeyUsageServerAuth, "broker")
	cliDER, cliKey := issue(3, x509.ExtKeyUsageClientAuth, "stancemon")
	ca := testCA{dir: dir, pool: x509.NewCertPool(), caFile: write("ca.pem", "CERTIFICATE", caDER),
		certFile: write("client.pem", "CERTIFICATE", cliDER), keyFile: write("client-key.pem", "EC PRIVATE KEY", keyDER(cliKey))}
	ca.pool.AddCert(caCert)
	ca.serverCert = tls.Certificate{Certificate: [][]byte{srvDER}, PrivateKey: srvKey}
	return ca
}

// secureBroker starts a kfake cluster with opts and returns its address.
func secureBroker(t *testing.T, opts ...kfake.Opt) string {
	t.Helper()
	c, err := kfake.NewCluster(append([]kfake.Opt{kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(), kfake.DefaultNumPartitions(1)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs()[0]
}

// roundTrip creates a topic, publishes one message and reads it back in a
// group with o; it returns the first error.
func roundTrip(ctx context.Context, o kafka.Options) error {
	a, err := kafka.NewAdmin(o)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.EnsureTopics(ctx, 1, "secure"); err != nil {
		return err
	}
	p, err := kafka.NewProducer(o, "secure")
	if err != nil {
		return err
	}
	defer p.Close()
	if err := p.WriteMessages(ctx, kafka.Message{Key: []byte("k"), Value: []byte("v")}); err != nil {
		return err
	}
	c, err := kafka.NewConsumer(kafka.ConsumerConfig{Options: o, Topic: "secure", Group: "g", MaxWait: time.Second, SessionTimeout: 6 * time.Second})
	if err != nil {
		return err
	}
	defer c.Close()
	m, err := c.FetchMessage(ctx)
	if err != nil {
		return err
	}
	return c.CommitMessages(ctx, m)
}

// TestSASL connects with each mechanism, with the right and a wrong
// password; the wrong one fails with an error that does not hold it.
func TestSASL(t *testing.T) {
	for _, mech := range []string{kafka.Plain, kafka.ScramSHA256, kafka.ScramSHA512} {
		t.Run(mech, func(t *testing.T) {
			addr := secureBroker(t, kfake.EnableSASL(), kfake.Superuser(mech, "stancemon", "s3cret-pw"))
			for _, tc := range []struct {
				name, password string
				ok             bool
			}{{"right password", "s3cret-pw", true}, {"wrong password", "wrong-pw-123", false}} {
				t.Run(tc.name, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
					defer cancel()
					err := roundTrip(ctx, kafka.Options{Brokers: []string{addr}, RetryTimeout: 2 * time.Second,
						SASL: kafka.SASL{Mechanism: mech, Username: "stancemon", Password: tc.password}})
					if (err == nil) != tc.ok {
						t.Fatalf("round trip: %v, want success %v", err, tc.ok)
					}
					if err != nil && strings.Contains(err.Error(), tc.password) {
						t.Errorf("the error shows the password: %v", err)
					}
				})
			}
		})
	}
}

// TestTLS connects over TLS with the CA, without it, and to a broker that
// requires a client certificate with and without one.
func TestTLS(t *testing.T) {
	ca := newTestCA(t)
	server := &tls.Config{Certificates: []tls.Certificate{ca.serverCert}, MinVersion: tls.VersionTLS12}
	mutual := server.Clone()
	mutual.ClientAuth, mutual.ClientCAs = tls.RequireAndVerifyClientCert, ca.pool
	for _, tc := range []struct {
		name   string
		server *tls.Config
		tls    kafka.TLS
		ok     bool
	}{
		{"with the CA", server, kafka.TLS{Enabled: true, CAFile: ca.caFile}, true},
		{"without the CA", server, kafka.TLS{Enabled: true}, false},
		{"mutual with a client certificate", mutual, kafka.TLS{Enabled: true, CAFile: ca.caFile, CertFile: ca.certFile, KeyFile: ca.keyFile}, true},
		{"mutual without a client certificate", mutual, kafka.TLS{Enabled: true, CAFile: ca.caFile}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr := secureBroker(t, kfake.TLS(tc.server))
			ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
			defer cancel()
			err := roundTrip(ctx, kafka.Options{Brokers: []string{addr}, TLS: tc.tls, RetryTimeout: 2 * time.Second})
			if (err == nil) != tc.ok {
				t.Fatalf("round trip: %v, want success %v", err, tc.ok)
			}
			if err != nil {
				t.Logf("error: %v", err)
			}
		})
	}
	if _, err := kafka.NewProducer(kafka.Options{Brokers: []string{"127.0.0.1:1"}, TLS: kafka.TLS{Enabled: true, CAFile: filepath.Join(ca.dir, "missing.pem")}}, "x"); err == nil ||
		!strings.Contains(err.Error(), "reading Kafka TLS CA file") {
		t.Errorf("a missing CA file: %v", err)
	}
}
