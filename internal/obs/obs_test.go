package obs

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

func TestMux(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "stancemon_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Add(3)
	var ready atomic.Bool
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := Serve(ctx, "127.0.0.1:0", Mux(reg, ready.Load), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		path   string
		ready  bool
		status int
		body   string
	}{
		{"/healthz", false, 200, "ok"},
		{"/readyz", true, 200, "ready"},
		{"/readyz", false, 503, "not ready"},
		{"/metrics", true, 200, "stancemon_test_total 3"},
		{"/nothing", true, 404, ""},
		{"/debug/pprof/", true, 200, "goroutine"},
	}
	for _, tt := range tests {
		ready.Store(tt.ready)
		status, body := get(tt.path)
		if status != tt.status || !strings.Contains(body, tt.body) {
			t.Errorf("GET %s (ready %v) = %d %q, want %d containing %q", tt.path, tt.ready, status, body, tt.status, tt.body)
		}
	}
}

func TestNewLogger(t *testing.T) {
	for _, tt := range []struct {
		format, level string
		ok            bool
	}{
		{"json", "info", true}, {"console", "debug", true}, {"auto", "warn", true},
		{"xml", "info", false}, {"json", "loud", false},
	} {
		_, err := NewLogger(tt.format, tt.level)
		if (err == nil) != tt.ok {
			t.Errorf("NewLogger(%q, %q) error = %v", tt.format, tt.level, err)
		}
	}
}
