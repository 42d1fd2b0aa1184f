package app

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/config"
)

// TestServeHTTPConfig: the configuration reaches the server: auth from
// the environment, /metrics behind it, pprof off by default, probes open.
func TestServeHTTPConfig(t *testing.T) {
	env := map[string]string{"STANCEMON_HTTP": "127.0.0.1:0", "STANCEMON_HTTP_BEARER_TOKEN": "0123456789abcdef0123"}
	cfg, err := config.Load("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reg := prometheus.NewRegistry()
	root := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "dashboard") })
	addr, err := ServeHTTP(ctx, cfg.HTTP, reg, reg, root, zap.NewNop(), func() bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, token string
		status      int
		body        string
	}{
		{"/healthz", "", 200, "ok"},
		{"/readyz", "", 200, "ready"},
		{"/", "", 401, ""},
		{"/", "0123456789abcdef0123", 200, "dashboard"},
		{"/metrics", "", 401, ""},
		{"/metrics", "0123456789abcdef0123", 200, "stancemon_http_requests_rejected_total"},
		{"/debug/pprof/", "0123456789abcdef0123", 200, "dashboard"}, // off: the dashboard's 404 in real use
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", "http://"+addr+tt.path, nil)
		if tt.token != "" {
			req.Header.Set("Authorization", "Bearer "+tt.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.body) {
			t.Errorf("GET %s (token %v) = %d %q, want %d containing %q", tt.path, tt.token != "", resp.StatusCode, b, tt.status, tt.body)
		}
	}

	// A bad token file stops the start with an error naming it.
	bad := cfg.HTTP
	bad.Auth = config.HTTPAuth{BearerTokenFile: t.TempDir() + "/missing"}
	if _, err := ServeHTTP(ctx, bad, reg, reg, root, zap.NewNop()); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing token file: %v", err)
	}
}
