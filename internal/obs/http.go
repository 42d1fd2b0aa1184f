package obs

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// HandlerConfig configures NewHandler.
type HandlerConfig struct {
	// Gatherer is served at /metrics; nil leaves /metrics out (404).
	Gatherer prometheus.Gatherer
	// Registerer gets the server's own metrics; nil: none.
	Registerer prometheus.Registerer
	// Ready are the checks of /readyz: 200 when all pass, else 503.
	Ready []Check
	// Pprof serves Go's profiles under /debug/pprof/ (index, profile,
	// trace, and the named profiles; not cmdline, which may show secrets
	// given as flags).
	Pprof bool
	// Auth protects everything but /healthz and /readyz; nil: open.
	Auth *Auth
	// MetricsWithoutAuth leaves /metrics open when Auth is set.
	MetricsWithoutAuth bool
	// MaxConcurrent is the most requests served at once, /healthz and
	// /readyz aside; the excess is answered 503 at once. 0: no limit.
	MaxConcurrent int
	// App serves every other path (the dashboard and its API); nil: 404.
	App http.Handler
}

// NewHandler returns the handler of the HTTP server: /healthz (the
// process is alive) and /readyz (every check passes), always open and
// never limited, so that probes work; /metrics, /debug/pprof/ and App
// behind the authentication and the concurrency limit. Wrong methods get
// 405 with an Allow header. The server's metrics are
// stancemon_http_requests_rejected_total{reason="unauthorized"|"overload"}
// and stancemon_http_requests_in_flight.
func NewHandler(c HandlerConfig) (http.Handler, error) {
	rejected := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "stancemon_http_requests_rejected_total",
		Help: "HTTP requests refused before their handler: unauthorized (401) or overload (503, too many concurrent requests).",
	}, []string{"reason"})
	inFlight := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "stancemon_http_requests_in_flight",
		Help: "HTTP requests being served, /healthz and /readyz aside.",
	})
	if c.Registerer != nil {
		if err := register(c.Registerer, rejected, inFlight); err != nil {
			return nil, fmt.Errorf("registering the HTTP metrics: %w", err)
		}
	}
	unauthorized, overload := rejected.WithLabelValues("unauthorized"), rejected.WithLabelValues("overload")
	protect := func(h http.Handler) http.Handler { return c.Auth.Wrap(h, unauthorized.Inc) }

	mux := http.NewServeMux()
	mux.Handle("/healthz", methods(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})))
	mux.Handle("/readyz", methods(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for _, ready := range c.Ready {
			if !ready() {
				http.Error(w, "not ready", http.StatusServiceUnavailable)
				return
			}
		}
		fmt.Fprintln(w, "ready")
	})))
	limited := http.NewServeMux()
	if c.Gatherer != nil {
		h := methods(promhttp.HandlerFor(c.Gatherer, promhttp.HandlerOpts{}))
		if !c.MetricsWithoutAuth {
			h = protect(h)
		}
		limited.Handle("/metrics", h)
	}
	if c.Pprof {
		limited.Handle("/debug/pprof/", protect(methods(http.HandlerFunc(servePprof))))
	}
	if c.App != nil {
		limited.Handle("/", protect(c.App))
	}
	mux.Handle("/", limit(limited, c.MaxConcurrent, inFlight, overload.Inc))
	return mux, nil
}

// register registers cs, reusing the collectors already registered (a
// second server on the same registry).
func register(r prometheus.Registerer, cs ...prometheus.Collector) error {
	for _, c := range cs {
		if err := r.Register(c); err != nil {
			if are := (prometheus.AlreadyRegisteredError{}); errors.As(err, &are) {
				continue
			}
			return err
		}
	}
	return nil
}

// servePprof serves the profiles of net/http/pprof by name.
func servePprof(w http.ResponseWriter, r *http.Request) {
	switch strings.TrimPrefix(r.URL.Path, "/debug/pprof/") {
	case "profile":
		pprof.Profile(w, r)
	case "trace":
		pprof.Trace(w, r)
	case "cmdline", "symbol":
		http.NotFound(w, r)
	default:
		pprof.Index(w, r)
	}
}

// methods answers requests other than GET and HEAD with 405 and an Allow
// header.
func methods(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limit serves at most n requests at once through next and answers the
// others 503 with Retry-After at once; n <= 0 means no limit.
func limit(next http.Handler, n int, inFlight prometheus.Gauge, onReject func()) http.Handler {
	var slots chan struct{}
	if n > 0 {
		slots = make(chan struct{}, n)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slots != nil {
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
			default:
				onReject()
				w.Header().Set("Retry-After", "1")
				http.Error(w, "too many concurrent requests", http.StatusServiceUnavailable)
				return
			}
		}
		inFlight.Inc()
		defer inFlight.Dec()
		next.ServeHTTP(w, r)
	})
}

// Server timeouts and limits used when a ServerConfig leaves them zero.
const (
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 30 * time.Second
	DefaultWriteTimeout      = 60 * time.Second
	DefaultIdleTimeout       = 30 * time.Second
	DefaultMaxHeaderBytes    = 64 << 10
)

// ServerConfig configures Serve.
type ServerConfig struct {
	// Addr is the listen address, host:port.
	Addr string
	// CertFile and KeyFile, both set, serve HTTPS (TLS 1.2 or later).
	CertFile, KeyFile string
	// ReadHeaderTimeout bounds the reading of a request's header.
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds the reading of a whole request.
	ReadTimeout time.Duration
	// WriteTimeout bounds a response, from the end of the request
	// header; CPU profiles longer than it are refused.
	WriteTimeout time.Duration
	// IdleTimeout closes keep-alive connections idle this long.
	IdleTimeout time.Duration
	// MaxHeaderBytes bounds a request header.
	MaxHeaderBytes int
	// Authenticated tells that the handler requires credentials; binding
	// a non-loopback address without them is logged as a warning.
	Authenticated bool
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Serve listens on c.Addr and serves h until ctx is done, then shuts down
// within five seconds. It returns once the listener is open (the
// certificate is loaded before); errors after that are logged. The
// returned address is the one actually bound.
func Serve(ctx context.Context, c ServerConfig, h http.Handler, log *zap.Logger) (string, error) {
	var tlsCfg *tls.Config
	if c.CertFile != "" || c.KeyFile != "" {
		cert, err := tls.LoadX509KeyPair(c.CertFile, c.KeyFile)
		if err != nil {
			return "", fmt.Errorf("loading the TLS certificate: %w", err)
		}
		tlsCfg = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return "", fmt.Errorf("listening on %s: %w", c.Addr, err)
	}
	if !Loopback(c.Addr) {
		switch {
		case !c.Authenticated:
			log.Warn("the HTTP server listens on a non-loopback address without authentication: anyone who reaches it can read the dashboard, the API and the metrics; set http.auth or bind 127.0.0.1",
				zap.String("addr", c.Addr))
		case tlsCfg == nil:
			log.Warn("the HTTP server listens on a non-loopback address with authentication but without TLS: credentials cross the network in clear; set http.tls",
				zap.String("addr", c.Addr))
		}
	}
	srv := &http.Server{
		Handler:           h,
		TLSConfig:         tlsCfg,
		ReadHeaderTimeout: orDefault(c.ReadHeaderTimeout, DefaultReadHeaderTimeout),
		ReadTimeout:       orDefault(c.ReadTimeout, DefaultReadTimeout),
		WriteTimeout:      orDefault(c.WriteTimeout, DefaultWriteTimeout),
		IdleTimeout:       orDefault(c.IdleTimeout, DefaultIdleTimeout),
		MaxHeaderBytes:    orDefault(c.MaxHeaderBytes, DefaultMaxHeaderBytes),
	}
	// The server's own errors (TLS handshakes, bad requests) are many
	// under a scan: debug level.
	if l, err := zap.NewStdLogAt(log.Named("http"), zapcore.DebugLevel); err == nil {
		srv.ErrorLog = l
	}
	go func() {
		var err error
		if tlsCfg != nil {
			err = srv.ServeTLS(ln, "", "")
		} else {
			err = srv.Serve(ln)
		}
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", zap.Error(err))
		}
	}()
	context.AfterFunc(ctx, func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	})
	return ln.Addr().String(), nil
}

// Loopback reports whether the host of addr (host:port) names only the
// loopback interface: localhost or a loopback IP. An empty host, 0.0.0.0
// or :: listen on every interface.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
