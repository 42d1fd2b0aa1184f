package app

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/stancemon/stancemon/config"
	"github.com/stancemon/stancemon/internal/obs"
)

// ServeHTTP starts the HTTP server of c (c.Addr must not be empty):
// /healthz, /readyz with the ready checks, /metrics from g when
// c.Metrics, /debug/pprof/ when c.Pprof, and root under "/" when not nil,
// with c's authentication, TLS, timeouts and concurrency limit. The
// server's own metrics go to r. It returns the address bound once the
// listener is open; the server stops when ctx is done.
func ServeHTTP(ctx context.Context, c config.HTTP, g prometheus.Gatherer, r prometheus.Registerer, root http.Handler, log *zap.Logger, ready ...obs.Check) (string, error) {
	auth, err := obs.NewAuth(obs.AuthConfig{
		BearerToken: c.Auth.BearerToken, BearerTokenFile: c.Auth.BearerTokenFile,
		BasicUsers: c.Auth.BasicUsers, BasicUsersFile: c.Auth.BasicUsersFile,
	})
	if err != nil {
		return "", err
	}
	hc := obs.HandlerConfig{
		Registerer: r, Ready: ready, Pprof: c.Pprof, Auth: auth,
		MetricsWithoutAuth: c.Auth.MetricsWithoutAuth, MaxConcurrent: c.MaxConcurrentRequests, App: root,
	}
	if c.Metrics {
		hc.Gatherer = g
	}
	h, err := obs.NewHandler(hc)
	if err != nil {
		return "", err
	}
	return obs.Serve(ctx, obs.ServerConfig{
		Addr: c.Addr, CertFile: c.TLS.CertFile, KeyFile: c.TLS.KeyFile,
		ReadHeaderTimeout: c.ReadHeaderTimeout, ReadTimeout: c.ReadTimeout,
		WriteTimeout: c.WriteTimeout, IdleTimeout: c.IdleTimeout, MaxHeaderBytes: c.MaxHeaderBytes,
		Authenticated: auth != nil,
	}, h, log)
}
