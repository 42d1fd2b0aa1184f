package config

import (
	"testing"
	"time"
)

func TestLoadHTTP(t *testing.T) {
	cfg, err := Load("testdata/http.good.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := HTTP{
		Addr: "0.0.0.0:8443", Metrics: false, Pprof: true,
		Auth:              HTTPAuth{BearerTokenFile: "/etc/stancemon/http-token", BasicUsersFile: "/etc/stancemon/http-users", MetricsWithoutAuth: true},
		TLS:               HTTPTLS{CertFile: "/etc/stancemon/tls.crt", KeyFile: "/etc/stancemon/tls.key"},
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 20 * time.Second, WriteTimeout: 2 * time.Minute,
		IdleTimeout: 45 * time.Second, MaxHeaderBytes: 32768, MaxConcurrentRequests: 128,
	}
	if cfg.HTTP != want {
		t.Errorf("http = %+v\nwant %+v", cfg.HTTP, want)
	}

	off, err := Load("testdata/http-off.good.yaml", nil)
	if err != nil || off.HTTP.Addr != "" {
		t.Errorf("addr: off = %q, %v; want the server disabled", off.HTTP.Addr, err)
	}

	def := Default().HTTP
	if def.Pprof || !def.Metrics || def.Auth.Enabled() || def.Addr != "127.0.0.1:8080" || def.IdleTimeout == 0 || def.MaxConcurrentRequests == 0 {
		t.Errorf("defaults not closed: %+v", def)
	}
}

func TestHTTPAuthEnv(t *testing.T) {
	env := map[string]string{
		"STANCEMON_HTTP_BEARER_TOKEN": "0123456789abcdef",
		"STANCEMON_HTTP_BASIC_USERS":  "alice:password1",
	}
	cfg, err := Load("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	a := cfg.HTTP.Auth
	if a.BearerToken != env["STANCEMON_HTTP_BEARER_TOKEN"] || a.BasicUsers != env["STANCEMON_HTTP_BASIC_USERS"] || !a.Enabled() {
		t.Errorf("auth from env = %+v", a)
	}
}
