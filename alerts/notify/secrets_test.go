package notify

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/internal/obs"
	"github.com/stancemon/stancemon/store"
)

// The secrets of the URLs below; no error or log line may show them.
var secrets = []string{"hunter2pass", "tok3nvalue", "k3yvalue"}

// secretURL returns base (http://host:port) with a password and
// credential query parameters.
func secretURL(base string) string {
	return strings.Replace(base, "http://", "http://ops:hunter2pass@", 1) + "/hook?token=tok3nvalue&api_key=k3yvalue&team=ops"
}

// notifiers returns a webhook and an Alertmanager notifier posting to u.
func notifiers(t *testing.T, u string) map[string]alerts.Notifier {
	t.Helper()
	wh, err := NewWebhook(u, nil, nil, Retry{Attempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	am, err := NewAlertmanager(u, nil, Retry{Attempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]alerts.Notifier{"webhook": wh, "alertmanager": am}
}

// TestNotifierErrorsRedacted: the errors of a refused connection, a 500
// and a 404 never show the URL's secrets, in the error text or in the
// line a plain zap JSON logger writes for it (no redacting encoder), and
// nor in the line of obs's logger.
func TestNotifierErrorsRedacted(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := ln.Addr().String()
	ln.Close()
	echo := func(status int) *httptest.Server {
		// The server echoes the request URL (with its tokens) in its body.
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			io.WriteString(w, "bad request to http://ops:hunter2pass@x"+r.URL.RequestURI())
		}))
	}
	s500, s404 := echo(500), echo(404)
	defer s500.Close()
	defer s404.Close()
	for name, base := range map[string]string{"refused": "http://" + closedAddr, "500": s500.URL, "404": s404.URL} {
		for kind, n := range notifiers(t, secretURL(base)) {
			t.Run(name+"/"+kind, func(t *testing.T) {
				err := n.Notify(context.Background(), []alerts.Alert{testAlert(store.AlertFiring)})
				if err == nil {
					t.Fatal("Notify succeeded")
				}
				var plain, redacted bytes.Buffer
				plainLog := zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(&plain), zapcore.DebugLevel))
				plainLog.Error("notifying", zap.String("notifier", kind), zap.Error(err))
				obsLog, lerr := obs.NewLoggerTo(&redacted, "json", "info")
				if lerr != nil {
					t.Fatal(lerr)
				}
				obsLog.Error("notifying", zap.String("notifier", kind), zap.Error(err))
				for _, out := range []string{err.Error(), plain.String(), redacted.String()} {
					for _, s := range secrets {
						if strings.Contains(out, s) {
							t.Errorf("shows %q: %s", s, out)
						}
					}
					if !strings.Contains(out, "team=ops") || !strings.Contains(out, "ops:xxxxx@") {
						t.Errorf("the URL is not recognisable: %s", out)
					}
				}
			})
		}
	}
}

// TestNotifierRedirectRefused: a notifier answered with a redirect does
// not post to the new address (another host or the same) and fails
// permanently (no retry), naming the redirect.
func TestNotifierRedirectRefused(t *testing.T) {
	var elsewhere atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
	}))
	defer target.Close()
	var hits atomic.Int32
	for _, code := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect, http.StatusFound} {
		for _, to := range []string{target.URL + "/steal", "/same-host"} {
			redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/same-host" {
					elsewhere.Add(1)
					return
				}
				hits.Add(1)
				http.Redirect(w, r, to, code)
			}))
			for kind, n := range notifiers(t, redirector.URL) {
				// Retries allowed: a redirect must not be retried.
				switch v := n.(type) {
				case *Webhook:
					v.retry = Retry{Attempts: 3, Backoff: 1}.withDefaults()
				case *Alertmanager:
					v.retry = Retry{Attempts: 3, Backoff: 1}.withDefaults()
				}
				before := hits.Load()
				err := n.Notify(context.Background(), []alerts.Alert{testAlert(store.AlertFiring)})
				if err == nil || !errors.Is(err, errRedirect) || !errors.Is(err, errPermanent) {
					t.Errorf("%s, %d to %s: error %v, want a permanent redirect refusal", kind, code, to, err)
				}
				if got := hits.Load() - before; got != 1 {
					t.Errorf("%s, %d to %s: %d posts, want 1 (no retry)", kind, code, to, got)
				}
			}
			redirector.Close()
		}
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("the alert body followed a redirect %d times", n)
	}
}

// TestNotifierClientKeepsSettings: a caller's client keeps its timeout
// and transport but gets the redirect refusal; the caller's client is
// not modified.
func TestNotifierClientKeepsSettings(t *testing.T) {
	mine := &http.Client{Timeout: 3}
	wh, err := NewWebhook("http://127.0.0.1:1", nil, mine, Retry{})
	if err != nil {
		t.Fatal(err)
	}
	if wh.client == mine || wh.client.Timeout != 3 || wh.client.CheckRedirect == nil || mine.CheckRedirect != nil {
		t.Errorf("client = %+v, caller's = %+v", wh.client, mine)
	}
}

// TestAlertmanagerURLWithQuery: the API path goes before the query of the
// base URL.
func TestAlertmanagerURLWithQuery(t *testing.T) {
	for base, want := range map[string]string{
		"http://am:9093":              "http://am:9093/api/v2/alerts",
		"http://am:9093/":             "http://am:9093/api/v2/alerts",
		"http://am:9093/prefix/?k=v1": "http://am:9093/prefix/api/v2/alerts?k=v1",
	} {
		am, err := NewAlertmanager(base, nil, Retry{})
		if err != nil {
			t.Fatal(err)
		}
		if am.url != want {
			t.Errorf("NewAlertmanager(%q).url = %q, want %q", base, am.url, want)
		}
	}
}
