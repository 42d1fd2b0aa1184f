package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	neturl "net/url"
	"strings"
	"time"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/internal/redact"
	"github.com/stancemon/stancemon/store"
)

// Retry is the retry policy of the HTTP notifiers: 5xx, 429 and network
// errors are retried with exponential backoff; other 4xx are not.
type Retry struct {
	// Attempts is the number of tries in all. Default: 5
	Attempts int
	// Backoff is the wait after the first failure, doubled after each
	// further one. Default: 500ms
	Backoff time.Duration
	// MaxBackoff caps the wait. Default: 30s
	MaxBackoff time.Duration
}

func (r Retry) withDefaults() Retry {
	if r.Attempts <= 0 {
		r.Attempts = 5
	}
	if r.Backoff <= 0 {
		r.Backoff = 500 * time.Millisecond
	}
	if r.MaxBackoff <= 0 {
		r.MaxBackoff = 30 * time.Second
	}
	return r
}

// errPermanent marks a failure that retrying cannot fix.
var errPermanent = errors.New("permanent failure")

// errRedirect refuses every redirect: a notifier posts its alerts (and
// headers such as Authorization) to the configured URL and nowhere else.
var errRedirect = errors.New("redirects are not followed: configure the final URL")

// newClient returns client (nil: a client with a 10s timeout) as a copy
// that refuses redirects.
func newClient(client *http.Client) *http.Client {
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// postJSON posts body to url, retrying as r says. Errors show url with
// its secrets redacted (redact.URL).
func postJSON(ctx context.Context, client *http.Client, url string, header http.Header, body any, r Retry) error {
	b, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encoding alerts: %w", err)
	}
	wait := r.Backoff
	for attempt := 1; ; attempt++ {
		err = postOnce(ctx, client, url, header, b)
		if err == nil || errors.Is(err, errPermanent) || attempt >= r.Attempts {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (then %w)", err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, r.MaxBackoff)
	}
}

func postOnce(ctx context.Context, client *http.Client, url string, header http.Header, b []byte) error {
	shown := redact.URL(url)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("building request to %s: %w: %w", shown, errPermanent, redact.Error(err))
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		// A *url.Error carries the whole URL: redact.Error hides its secrets.
		return fmt.Errorf("posting alerts to %s: %w", shown, redact.Error(err))
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	text := redact.Text(strings.TrimSpace(string(msg)))
	switch {
	case resp.StatusCode/100 == 2:
		return nil
	case resp.StatusCode/100 == 3:
		return fmt.Errorf("posting alerts to %s: %w: %s: %w", shown, errPermanent, resp.Status, errRedirect)
	case resp.StatusCode/100 == 5 || resp.StatusCode == http.StatusTooManyRequests:
		return fmt.Errorf("posting alerts to %s: %s: %s", shown, resp.Status, text)
	default:
		return fmt.Errorf("posting alerts to %s: %w: %s: %s", shown, errPermanent, resp.Status, text)
	}
}

// Alertmanager sends alerts to a Prometheus Alertmanager's API
// (POST /api/v2/alerts).
type Alertmanager struct {
	url    string
	client *http.Client
	retry  Retry
}

// NewAlertmanager returns a notifier for the Alertmanager at baseURL (such
// as http://127.0.0.1:9093). client nil means a client with a 10s timeout;
// redirects are never followed (a 3xx is a permanent error).
func NewAlertmanager(baseURL string, client *http.Client, r Retry) (*Alertmanager, error) {
	if !strings.HasPrefix(baseURL, "http://") && !strings.HasPrefix(baseURL, "https://") {
		return nil, fmt.Errorf("creating Alertmanager notifier: URL %q must start with http:// or https://", redact.URL(baseURL))
	}
	u, err := neturl.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("creating Alertmanager notifier: %w", redact.Error(err))
	}
	// JoinPath keeps a query (such as a token) after the path.
	return &Alertmanager{url: u.JoinPath("api/v2/alerts").String(), client: newClient(client), retry: r.withDefaults()}, nil
}

// Name returns "alertmanager".
func (*Alertmanager) Name() string { return "alertmanager" }

// amAlert is an alert of Alertmanager's API v2 (postableAlert).
type amAlert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	StartsAt     string            `json:"startsAt,omitempty"`
	EndsAt       string            `json:"endsAt,omitempty"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
}

// Notify posts the alerts; resolved alerts carry their end time.
func (a *Alertmanager) Notify(ctx context.Context, as []alerts.Alert) error {
	body := make([]amAlert, len(as))
	for i, al := range as {
		ann := maps.Clone(al.Annotations)
		if al.Evidence != "" {
			if ann == nil {
				ann = map[string]string{}
			}
			if _, ok := ann["evidence"]; !ok {
				ann["evidence"] = al.Evidence
			}
		}
		starts := al.FiredAt
		if starts.IsZero() {
			starts = al.ActiveAt
		}
		body[i] = amAlert{Labels: al.Labels, Annotations: ann, StartsAt: starts.UTC().Format(time.RFC3339), GeneratorURL: al.GeneratorURL}
		if al.State == store.AlertResolved {
			body[i].EndsAt = al.ResolvedAt.UTC().Format(time.RFC3339)
		}
	}
	return postJSON(ctx, a.client, a.url, nil, body, a.retry)
}

// Webhook posts alerts as JSON to any URL:
// {"version": "1", "alerts": [Alert, ...]}.
type Webhook struct {
	url    string
	header http.Header
	client *http.Client
	retry  Retry
}

// WebhookMessage is the body a Webhook posts.
type WebhookMessage struct {
	Version string         `json:"version"`
	Alerts  []alerts.Alert `json:"alerts"`
}

// NewWebhook returns a notifier posting to url with the given extra
// headers (such as Authorization). client nil means a client with a 10s
// timeout; redirects are never followed, not even to the same host (a
// 3xx is a permanent error), so the alerts and headers go to url only.
func NewWebhook(url string, header http.Header, client *http.Client, r Retry) (*Webhook, error) {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return nil, fmt.Errorf("creating webhook notifier: URL %q must start with http:// or https://", redact.URL(url))
	}
	return &Webhook{url: url, header: header.Clone(), client: newClient(client), retry: r.withDefaults()}, nil
}

// Name returns "webhook".
func (*Webhook) Name() string { return "webhook" }

// Notify posts the alerts.
func (w *Webhook) Notify(ctx context.Context, as []alerts.Alert) error {
	return postJSON(ctx, w.client, w.url, w.header, WebhookMessage{Version: "1", Alerts: as}, w.retry)
}
