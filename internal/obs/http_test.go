package obs

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

const (
	testToken = "0123456789abcdef-token"
	testPass  = "correct horse battery"
)

// appHandler stands for the dashboard: it answers "app" to GET and HEAD.
var appHandler = methods(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "app") }))

// serve starts a server of hc on a loopback port and returns its base URL.
func serve(t *testing.T, hc HandlerConfig, sc ServerConfig) string {
	t.Helper()
	h, err := NewHandler(hc)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Addr == "" {
		sc.Addr = "127.0.0.1:0"
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	addr, err := Serve(ctx, sc, h, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	scheme := "http"
	if sc.CertFile != "" {
		scheme = "https"
	}
	return scheme + "://" + addr
}

type response struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, client *http.Client, method, url string, header http.Header) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, string(b)}
}

func testRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "stancemon_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Add(3)
	return reg
}

func TestHandlerRoutes(t *testing.T) {
	var ready atomic.Bool
	tests := []struct {
		name   string
		hc     HandlerConfig
		method string
		path   string
		ready  bool
		status int
		body   string
		allow  string
	}{
		{"healthz", HandlerConfig{}, "GET", "/healthz", false, 200, "ok", ""},
		{"healthz HEAD", HandlerConfig{}, "HEAD", "/healthz", false, 200, "", ""},
		{"readyz ready", HandlerConfig{}, "GET", "/readyz", true, 200, "ready", ""},
		{"readyz not ready", HandlerConfig{}, "GET", "/readyz", false, 503, "not ready", ""},
		{"metrics on", HandlerConfig{Gatherer: testRegistry()}, "GET", "/metrics", true, 200, "stancemon_test_total 3", ""},
		{"metrics off", HandlerConfig{}, "GET", "/metrics", true, 404, "", ""},
		{"metrics off, app", HandlerConfig{App: http.NotFoundHandler()}, "GET", "/metrics", true, 404, "", ""},
		{"pprof off by default", HandlerConfig{Gatherer: testRegistry()}, "GET", "/debug/pprof/", true, 404, "", ""},
		{"pprof on", HandlerConfig{Pprof: true}, "GET", "/debug/pprof/", true, 200, "goroutine", ""},
		{"pprof heap", HandlerConfig{Pprof: true}, "GET", "/debug/pprof/heap?debug=1", true, 200, "heap profile", ""},
		{"pprof cmdline hidden", HandlerConfig{Pprof: true}, "GET", "/debug/pprof/cmdline", true, 404, "", ""},
		{"app", HandlerConfig{App: appHandler}, "GET", "/anything", true, 200, "app", ""},
		{"nothing", HandlerConfig{}, "GET", "/nothing", true, 404, "", ""},
		{"POST healthz", HandlerConfig{App: appHandler}, "POST", "/healthz", true, 405, "", "GET, HEAD"},
		{"DELETE readyz", HandlerConfig{App: appHandler}, "DELETE", "/readyz", true, 405, "", "GET, HEAD"},
		{"POST metrics", HandlerConfig{Gatherer: testRegistry(), App: appHandler}, "POST", "/metrics", true, 405, "", "GET, HEAD"},
		{"PUT pprof", HandlerConfig{Pprof: true, App: appHandler}, "PUT", "/debug/pprof/profile", true, 405, "", "GET, HEAD"},
		{"POST app", HandlerConfig{App: appHandler}, "POST", "/", true, 405, "", "GET, HEAD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.hc.Ready = []Check{ready.Load}
			base := serve(t, tt.hc, ServerConfig{})
			ready.Store(tt.ready)
			r := do(t, http.DefaultClient, tt.method, base+tt.path, nil)
			if r.status != tt.status || !strings.Contains(r.body, tt.body) {
				t.Errorf("%s %s = %d %q, want %d containing %q", tt.method, tt.path, r.status, r.body, tt.status, tt.body)
			}
			if got := r.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
		})
	}
}

func basicHeader(user, pass string) http.Header {
	req, _ := http.NewRequest("GET", "/", nil)
	req.SetBasicAuth(user, pass)
	return req.Header
}

func bearerHeader(token string) http.Header {
	return http.Header{"Authorization": {"Bearer " + token}}
}

func TestHandlerAuth(t *testing.T) {
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	usersFile := filepath.Join(dir, "users")
	if err := os.WriteFile(tokenFile, []byte(testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(usersFile, []byte("# operators\nalice:"+testPass+"\n\nbob:another password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const bearerChallenge, basicChallenge = `Bearer realm="stancemon"`, `Basic realm="stancemon", charset="UTF-8"`
	configs := map[string]AuthConfig{
		"none":         {},
		"bearer file":  {BearerTokenFile: tokenFile},
		"bearer env":   {BearerToken: testToken},
		"basic file":   {BasicUsersFile: usersFile},
		"basic env":    {BasicUsers: "alice:" + testPass},
		"bearer+basic": {BearerTokenFile: tokenFile, BasicUsersFile: usersFile},
	}
	type cred struct {
		name   string
		header http.Header
	}
	creds := []cred{
		{"missing", nil},
		{"right token", bearerHeader(testToken)},
		{"wrong token", bearerHeader(testToken + "x")},
		{"short token", bearerHeader("0123")},
		{"right basic", basicHeader("alice", testPass)},
		{"wrong password", basicHeader("alice", testPass+"!")},
		{"unknown user", basicHeader("mallory", testPass)},
		{"other user's password", basicHeader("bob", testPass)},
		{"garbage", http.Header{"Authorization": {"Basic %%%"}}},
	}
	accepts := func(cfg, c string) bool {
		switch c {
		case "right token":
			return cfg == "none" || strings.HasPrefix(cfg, "bearer")
		case "right basic":
			return cfg == "none" || strings.Contains(cfg, "basic")
		}
		return cfg == "none"
	}
	for cfgName, ac := range configs {
		t.Run(cfgName, func(t *testing.T) {
			auth, err := NewAuth(ac)
			if err != nil {
				t.Fatal(err)
			}
			if (auth == nil) != (cfgName == "none") {
				t.Fatalf("NewAuth = %v", auth)
			}
			reg := prometheus.NewRegistry()
			base := serve(t, HandlerConfig{Gatherer: testRegistry(), Registerer: reg, Pprof: true, Auth: auth, App: appHandler}, ServerConfig{})
			rejected := 0
			for _, c := range creds {
				for _, path := range []string{"/", "/api/meta", "/metrics", "/debug/pprof/"} {
					r := do(t, http.DefaultClient, "GET", base+path, c.header)
					want := 200
					if !accepts(cfgName, c.name) {
						want = 401
						rejected++
					}
					if r.status != want {
						t.Errorf("%s with %s credentials: %d, want %d", path, c.name, r.status, want)
					}
					if want == 401 {
						got := strings.Join(r.header.Values("WWW-Authenticate"), "; ")
						if strings.Contains(cfgName, "bearer") != strings.Contains(got, bearerChallenge) ||
							strings.Contains(cfgName, "basic") != strings.Contains(got, basicChallenge) {
							t.Errorf("%s: WWW-Authenticate = %q", path, got)
						}
					}
				}
				// Probes stay open.
				for _, path := range []string{"/healthz", "/readyz"} {
					if r := do(t, http.DefaultClient, "GET", base+path, c.header); r.status != 200 {
						t.Errorf("%s with %s credentials: %d, want 200", path, c.name, r.status)
					}
				}
			}
			if got := rejectedCount(t, reg, "unauthorized"); int(got) != rejected {
				t.Errorf("unauthorized counter = %v, want %d", got, rejected)
			}
		})
	}
}

// rejectedCount returns stancemon_http_requests_rejected_total{reason} of reg.
func rejectedCount(t *testing.T, reg *prometheus.Registry, reason string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "stancemon_http_requests_rejected_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			if m.GetLabel()[0].GetValue() == reason {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

func TestMetricsWithoutAuth(t *testing.T) {
	auth, err := NewAuth(AuthConfig{BearerToken: testToken})
	if err != nil {
		t.Fatal(err)
	}
	base := serve(t, HandlerConfig{Gatherer: testRegistry(), Auth: auth, MetricsWithoutAuth: true, App: appHandler}, ServerConfig{})
	if r := do(t, http.DefaultClient, "GET", base+"/metrics", nil); r.status != 200 {
		t.Errorf("/metrics without credentials: %d, want 200", r.status)
	}
	if r := do(t, http.DefaultClient, "GET", base+"/", nil); r.status != 401 {
		t.Errorf("/ without credentials: %d, want 401", r.status)
	}
}

func TestNewAuthErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		c    AuthConfig
		want string
	}{
		{"missing token file", AuthConfig{BearerTokenFile: filepath.Join(dir, "none")}, "reading the bearer token: open"},
		{"empty token file", AuthConfig{BearerTokenFile: write("empty", "\n")}, "is empty"},
		{"short token", AuthConfig{BearerToken: "short"}, "at least 16 bytes"},
		{"token with space", AuthConfig{BearerToken: "0123456789 abcdef"}, "without white space"},
		{"missing users file", AuthConfig{BasicUsersFile: filepath.Join(dir, "none")}, "reading the basic-auth users: open"},
		{"no colon", AuthConfig{BasicUsersFile: write("nocolon", "alice\n")}, "line 1: want user:password"},
		{"short password", AuthConfig{BasicUsers: "# c\nalice:short"}, `line 2: the password of "alice" is shorter than 8 bytes`},
		{"duplicate", AuthConfig{BasicUsers: "a:12345678\na:87654321"}, `line 2: user "a" appears twice`},
		{"empty user", AuthConfig{BasicUsers: ":12345678"}, "line 1: the user name is empty"},
		{"only comments", AuthConfig{BasicUsersFile: write("comments", "# nobody\n")}, "no user:password line"},
		{"large file", AuthConfig{BasicUsersFile: write("large", strings.Repeat("a", maxSecretFileBytes+1))}, "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewAuth(tt.c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewAuth error = %v, want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "87654321") || strings.Contains(err.Error(), "short\"") {
				t.Errorf("error shows a password: %v", err)
			}
		})
	}
}

// TestConcurrencyLimit: with every slot busy, a further request gets 503
// at once (counted), while probes still answer.
func TestConcurrencyLimit(t *testing.T) {
	const slots = 3
	release := make(chan struct{})
	var entered sync.WaitGroup
	entered.Add(slots)
	app := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		entered.Done()
		<-release
		io.WriteString(w, "done")
	})
	reg := prometheus.NewRegistry()
	base := serve(t, HandlerConfig{Registerer: reg, MaxConcurrent: slots, App: app}, ServerConfig{})
	var wg sync.WaitGroup
	statuses := make(chan int, slots)
	for range slots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(base + "/slow")
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	entered.Wait()
	start := time.Now()
	r := do(t, http.DefaultClient, "GET", base+"/slow", nil)
	if r.status != 503 || r.header.Get("Retry-After") == "" {
		t.Errorf("request over the limit: %d (Retry-After %q), want 503", r.status, r.header.Get("Retry-After"))
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("the 503 took %s", d)
	}
	if r := do(t, http.DefaultClient, "GET", base+"/healthz", nil); r.status != 200 {
		t.Errorf("/healthz while saturated: %d", r.status)
	}
	if v := rejectedCount(t, reg, "overload"); v != 1 {
		t.Errorf("overload counter = %v, want 1", v)
	}
	close(release)
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != 200 {
			t.Errorf("a request within the limit got %d", s)
		}
	}
}

// TestIdleTimeout: the server closes a keep-alive connection left idle.
func TestIdleTimeout(t *testing.T) {
	base := serve(t, HandlerConfig{}, ServerConfig{IdleTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err = br.ReadByte()
	if err != io.EOF {
		t.Fatalf("idle connection: read returned %v, want EOF (closed by the server)", err)
	}
	if d := time.Since(start); d < 150*time.Millisecond || d > 2*time.Second {
		t.Errorf("closed after %s, want about 200ms", d)
	}
}

// TestReadHeaderTimeout: a client that never finishes its header is cut.
func TestReadHeaderTimeout(t *testing.T) {
	base := serve(t, HandlerConfig{}, ServerConfig{ReadHeaderTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	b, _ := io.ReadAll(conn)
	if d := time.Since(start); d > 2*time.Second || strings.Contains(string(b), "200 OK") {
		t.Errorf("half a header: answered %q after %s", b, d)
	}
}

func TestMaxHeaderBytes(t *testing.T) {
	base := serve(t, HandlerConfig{}, ServerConfig{MaxHeaderBytes: 4096})
	r := do(t, http.DefaultClient, "GET", base+"/healthz", http.Header{"X-Big": {strings.Repeat("a", 16<<10)}})
	if r.status != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("16 KiB header: %d, want 431", r.status)
	}
}

// writeTestCert writes a self-signed certificate for 127.0.0.1 and its
// key, and returns their paths and a pool trusting the certificate.
func writeTestCert(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "stancemon test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestTLS(t *testing.T) {
	certFile, keyFile, pool := writeTestCert(t)
	auth, err := NewAuth(AuthConfig{BearerToken: testToken})
	if err != nil {
		t.Fatal(err)
	}
	base := serve(t, HandlerConfig{Auth: auth, App: appHandler}, ServerConfig{CertFile: certFile, KeyFile: keyFile})
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	if r := do(t, client, "GET", base+"/", bearerHeader(testToken)); r.status != 200 || r.body != "app" {
		t.Errorf("HTTPS with the token: %d %q", r.status, r.body)
	}
	if r := do(t, client, "GET", base+"/", nil); r.status != 401 {
		t.Errorf("HTTPS without the token: %d, want 401", r.status)
	}
	// Plain HTTP to the TLS port gets no dashboard.
	resp, err := http.Get("http://" + strings.TrimPrefix(base, "https://") + "/")
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || strings.Contains(string(b), "app") {
			t.Errorf("plain HTTP to the TLS port: %d %q", resp.StatusCode, b)
		}
	}
	// TLS 1.1 is refused.
	old := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: tls.VersionTLS11}}}
	if _, err := old.Get(base + "/"); err == nil {
		t.Error("TLS 1.1 accepted")
	}
	// A missing key is an error at start, before listening.
	_, err = Serve(context.Background(), ServerConfig{Addr: "127.0.0.1:0", CertFile: certFile, KeyFile: certFile + ".none"}, http.NotFoundHandler(), zap.NewNop())
	if err == nil || !strings.Contains(err.Error(), "loading the TLS certificate") {
		t.Errorf("missing key: %v", err)
	}
}

// TestExposureWarning: a non-loopback address without authentication is
// logged as a warning; loopback or authenticated (with TLS) ones are not.
func TestExposureWarning(t *testing.T) {
	certFile, keyFile, _ := writeTestCert(t)
	tests := []struct {
		name string
		sc   ServerConfig
		want string
	}{
		{"loopback", ServerConfig{Addr: "127.0.0.1:0"}, ""},
		{"every interface", ServerConfig{Addr: ":0"}, "without authentication"},
		{"0.0.0.0", ServerConfig{Addr: "0.0.0.0:0"}, "without authentication"},
		{"auth without TLS", ServerConfig{Addr: ":0", Authenticated: true}, "without TLS"},
		{"auth with TLS", ServerConfig{Addr: ":0", Authenticated: true, CertFile: certFile, KeyFile: keyFile}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			core, logs := observer.New(zapcore.WarnLevel)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if _, err := Serve(ctx, tt.sc, http.NotFoundHandler(), zap.New(core)); err != nil {
				t.Fatal(err)
			}
			var got string
			for _, e := range logs.All() {
				got += e.Message
			}
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("warnings %q, want %q", got, tt.want)
			}
		})
	}
	for addr, want := range map[string]bool{"127.0.0.1:80": true, "[::1]:80": true, "localhost:80": true, ":80": false, "[::]:80": false, "10.0.0.1:80": false, "example.com:80": false} {
		if Loopback(addr) != want {
			t.Errorf("Loopback(%q) = %v", addr, !want)
		}
	}
}

// BenchmarkHandler measures the path of an authenticated request through
// the concurrency limit and basic auth to a trivial app.
func BenchmarkHandler(b *testing.B) {
	auth, err := NewAuth(AuthConfig{BasicUsers: "alice:" + testPass})
	if err != nil {
		b.Fatal(err)
	}
	h, err := NewHandler(HandlerConfig{Auth: auth, MaxConcurrent: 64, App: appHandler, Registerer: prometheus.NewRegistry()})
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/api/meta", nil)
	req.SetBasicAuth("alice", testPass)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}

// FuzzParseBasicUsers: no panic; what is accepted has user names without
// colons or surrounding spaces and passwords of the minimum length.
func FuzzParseBasicUsers(f *testing.F) {
	f.Add("# ops\nalice:" + testPass + "\n\nbob:another password\n")
	f.Add("alice\n")
	f.Add(":12345678")
	f.Fuzz(func(t *testing.T, s string) {
		users, err := ParseBasicUsers(strings.NewReader(s))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		for u, p := range users {
			if u == "" || strings.Contains(u, ":") || strings.TrimSpace(u) != u || len(p) < MinPasswordBytes {
				t.Fatalf("accepted user %q password %q", u, p)
			}
		}
	})
}
