package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
)

// now is the clock of the handler under test.
var now = time.Date(2026, 3, 10, 12, 30, 0, 0, time.UTC)

// fake is an in-memory store.Querier, store.Analyst and store.AlertLog
// with canned answers; it records the windows and filters it is asked for.
type fake struct {
	latest    time.Time
	stats     []store.DyadStat
	summaries map[time.Time][]store.DyadSummary // by window start
	series    map[string][]store.SeriesPoint    // by "SRC->TGT"
	evidence  []store.EvidenceRow
	alerts    []store.AlertRecord
	err       error

	mu    sync.Mutex
	calls []string
}

func (f *fake) record(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

// fmtWindow formats a window as the fake records it.
func fmtWindow(w store.Window) string {
	return w.From.Format(time.RFC3339) + ".." + w.To.Format(time.RFC3339)
}

func (f *fake) DyadStats(_ context.Context, w store.Window) ([]store.DyadStat, error) {
	f.record("DyadStats %s", fmtWindow(w))
	return f.stats, f.err
}

func (f *fake) Summaries(_ context.Context, w store.Window, flt store.DyadFilter) ([]store.DyadSummary, error) {
	f.record("Summaries %s %v", fmtWindow(w), flt)
	return f.summaries[w.From], f.err
}

func (f *fake) Series(_ context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	f.record("Series %s->%s %s %s", source, target, fmtWindow(w), step)
	return f.series[source+"->"+target], f.err
}

func (f *fake) Evidence(_ context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	f.record("Evidence %s->%s %s %d", source, target, fmtWindow(w), limit)
	return f.evidence, f.err
}

func (f *fake) Latest(context.Context) (time.Time, error) {
	return f.latest, nil
}

func (f *fake) SaveAlert(context.Context, store.AlertRecord) error { return errors.New("not used") }

func (f *fake) ActiveAlerts(context.Context) ([]store.AlertRecord, error) {
	return nil, errors.New("not used")
}

func (f *fake) Alerts(_ context.Context, w store.Window, flt store.DyadFilter, limit int) ([]store.AlertRecord, error) {
	f.record("Alerts %s %v %d", fmtWindow(w), flt, limit)
	return f.alerts, f.err
}

func newFake() *fake {
	week := now.Add(-7 * 24 * time.Hour)
	return &fake{
		latest: now.Add(-time.Hour),
		stats: []store.DyadStat{
			{Source: "RUS", Target: "UKR", Articles: 50, MeanScore: -0.8},
			{Source: "UKR", Target: "RUS", Articles: 30, MeanScore: -0.6},
			{Source: "CHN", Target: "USA", Articles: 20, MeanScore: -0.3},
			{Source: "USA", Target: "UKR", Articles: 5, MeanScore: 0.6},
			{Source: "DEU", Target: "FRA", Articles: 1, MeanScore: 0.5},
		},
		summaries: map[time.Time][]store.DyadSummary{
			week: { // the window
				{Source: "CHN", Target: "USA", Articles: 10, Outlets: 4, MeanScore: -0.7},
				{Source: "RUS", Target: "UKR", Articles: 9, Outlets: 3, MeanScore: -0.8},
				{Source: "DEU", Target: "FRA", Articles: 2, Outlets: 1, MeanScore: 0.9},
				{Source: "EU", Target: "CHN", Articles: 5, Outlets: 2, MeanScore: 0.3},
			},
			week.Add(-7 * 7 * 24 * time.Hour): { // the baseline
				{Source: "CHN", Target: "USA", Articles: 40, Outlets: 5, MeanScore: -0.1},
				{Source: "RUS", Target: "UKR", Articles: 50, Outlets: 6, MeanScore: -0.75},
				{Source: "DEU", Target: "FRA", Articles: 9, Outlets: 2, MeanScore: 0.1},
				{Source: "EU", Target: "CHN", Articles: 7, Outlets: 2, MeanScore: -0.2},
			},
		},
		series: map[string][]store.SeriesPoint{
			"CHN->USA": {{Time: now.Add(-2 * time.Hour).Truncate(time.Hour), Articles: 3, MeanScore: -0.5}},
		},
		evidence: []store.EvidenceRow{{
			PublishedAt: now.Add(-2 * time.Hour), ArticleID: "a1", Title: "China warns", URL: "https://news.example/a1",
			Outlet: "Reuters", Source: "CHN", Target: "USA", Score: -0.5, Category: "THREATEN", Confidence: 0.8,
			Sentence: "China warned the US.",
		}},
		alerts: []store.AlertRecord{{Fingerprint: "f1", Rule: "HostileTurn", Source: "CHN", Target: "USA", State: store.AlertFiring}},
	}
}

// get serves one request and returns the status, the headers and the
// decoded JSON body (nil when the body is not JSON).
func get(t *testing.T, h http.Handler, method, target string) (int, http.Header, map[string]any, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	body, _ := io.ReadAll(rec.Body)
	var v map[string]any
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v\n%s", method, target, err, body)
		}
	}
	return rec.Code, rec.Header(), v, string(body)
}

func TestBadRequests(t *testing.T) {
	h := newHandler(newFake(), newFake(), newFake(), nil, func() time.Time { return now })
	for _, tc := range []struct {
		target string
		param  string
		msg    string
	}{
		{"/api/matrix?window=2w", "window", `"2w" is not one of 24h, 7d, 30d`},
		{"/api/matrix?window=", "window", "is not one of"},
		{"/api/matrix?limit=0", "limit", "0 is outside 1..50"},
		{"/api/matrix?limit=51", "limit", "outside 1..50"},
		{"/api/matrix?limit=ten", "limit", `"ten" is not an integer`},
		{"/api/matrix?min_articles=-1", "min_articles", "outside 0..1000000"},
		{"/api/matrix?windw=7d", "windw", "unknown parameter"},
		{"/api/matrix?source=USA", "source", "unknown parameter"},
		{"/api/matrix?window=7d&window=24h", "window", "given more than once"},
		{"/api/matrix?window=7d&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", "window", "not both"},
		{"/api/matrix?from=2026-01-01T00:00:00Z", "to", "is required with from"},
		{"/api/matrix?to=2026-01-01T00:00:00Z", "from", "is required with to"},
		{"/api/matrix?from=yesterday&to=2026-01-02T00:00:00Z", "from", "not an RFC 3339 time"},
		{"/api/matrix?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to", "must be after from"},
		{"/api/matrix?from=1969-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from", "outside 1970..2105"},
		{"/api/matrix?%zz", "query", "cannot be parsed"},
		{"/api/series?source=CHN", "target", "is required"},
		{"/api/series?target=USA", "source", "is required"},
		{"/api/series?source=chn&target=USA", "source", "is not an actor code"},
		{"/api/series?source=CHN&target=U", "target", "is not an actor code"},
		{"/api/series?source=CHN&target=USA%27%3B--", "target", "is not an actor code"},
		{"/api/series?source=CHN&target=ABCDEFGHIJK", "target", "is not an actor code"},
		{"/api/series?source=CHN&target=CHN", "target", "is the same as source"},
		{"/api/series?source=CHN&target=USA&step=5m", "step", `"5m" is not one of 1h, 6h, 1d`},
		{"/api/series?source=CHN&target=USA&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=1h", "step", "8760 buckets of 1h, limit 2160"},
		{"/api/series?source=CHN&target=USA&limit=5", "limit", "unknown parameter"},
		{"/api/movers?baseline=0", "baseline", "outside 1..30"},
		{"/api/movers?limit=101", "limit", "outside 1..100"},
		{"/api/movers?actor=nato", "actor", "is not an actor code"},
		{"/api/evidence?source=CHN&target=USA&limit=201", "limit", "outside 1..200"},
		{"/api/evidence?source=CHN", "target", "is required"},
		{"/api/alerts?limit=501", "limit", "outside 1..500"},
		{"/api/meta?window=7d", "window", "unknown parameter"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			code, hdr, body, raw := get(t, h, http.MethodGet, tc.target)
			if code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", code, raw)
			}
			if ct := hdr.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if body["param"] != tc.param {
				t.Errorf("param = %v, want %q (%s)", body["param"], tc.param, raw)
			}
			msg, _ := body["error"].(string)
			if !strings.HasPrefix(msg, tc.param+": ") || !strings.Contains(msg, tc.msg) {
				t.Errorf("error = %q, want %q and %q", msg, tc.param+": ", tc.msg)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	failing := newFake()
	failing.err = errors.New("connection refused to secret-host:9000")
	for _, tc := range []struct {
		name    string
		store   *fake
		method  string
		target  string
		code    int
		msg     string
		allowed string
	}{
		{"POST", newFake(), http.MethodPost, "/api/matrix", http.StatusMethodNotAllowed, "method POST is not allowed", "GET, HEAD"},
		{"DELETE", newFake(), http.MethodDelete, "/api/alerts", http.StatusMethodNotAllowed, "method DELETE is not allowed", "GET, HEAD"},
		{"unknown endpoint", newFake(), http.MethodGet, "/api/nope", http.StatusNotFound, "no such endpoint: /api/nope", ""},
		{"store failure", failing, http.MethodGet, "/api/matrix", http.StatusInternalServerError, "querying the store failed", ""},
		{"store failure, evidence", failing, http.MethodGet, "/api/evidence?source=CHN&target=USA", http.StatusInternalServerError, "querying the store failed", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHandler(tc.store, tc.store, tc.store, nil, func() time.Time { return now })
			code, hdr, body, raw := get(t, h, tc.method, tc.target)
			if code != tc.code {
				t.Fatalf("status %d, want %d: %s", code, tc.code, raw)
			}
			if msg, _ := body["error"].(string); !strings.Contains(msg, tc.msg) {
				t.Errorf("error = %q, want %q", msg, tc.msg)
			}
			if strings.Contains(raw, "secret-host") {
				t.Errorf("the body leaks the store error: %s", raw)
			}
			if got := hdr.Get("Allow"); got != tc.allowed {
				t.Errorf("Allow = %q, want %q", got, tc.allowed)
			}
		})
	}
}

// jsonPath walks decoded JSON by object keys and array indexes.
func jsonPath(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func TestAPI(t *testing.T) {
	week := now.Add(-7 * 24 * time.Hour)
	rfc := func(t time.Time) string { return t.Format(time.RFC3339) }
	type want struct {
		path  []any
		value any
	}
	for _, tc := range []struct {
		name      string
		target    string
		noAlerts  bool
		latest    *time.Time // the newest article, if not the fake's
		want      []want
		wantCalls []string
	}{
		{
			name: "meta, live", target: "/api/meta",
			want: []want{{[]any{"replay"}, false}, {[]any{"end"}, rfc(now)}, {[]any{"latest"}, rfc(now.Add(-time.Hour))},
				{[]any{"windows", 1, "name"}, "7d"}, {[]any{"windows", 1, "seconds"}, 604800.0}, {[]any{"alerts"}, true}},
		},
		{
			name: "meta, replay of 1987", target: "/api/meta", noAlerts: true,
			latest: ptr(time.Date(1987, 10, 19, 15, 45, 0, 0, time.UTC)),
			want:   []want{{[]any{"replay"}, true}, {[]any{"end"}, "1987-10-19T16:00:00Z"}, {[]any{"alerts"}, false}},
		},
		{
			name: "meta, empty store", target: "/api/meta", latest: ptr(time.Time{}),
			want: []want{{[]any{"replay"}, false}, {[]any{"latest"}, nil}, {[]any{"end"}, rfc(now)}},
		},
		{
			name: "matrix keeps the top actors", target: "/api/matrix?window=7d&limit=3",
			want: []want{
				{[]any{"window"}, "7d"}, {[]any{"from"}, rfc(week)}, {[]any{"to"}, rfc(now)},
				{[]any{"actors"}, []any{"UKR", "RUS", "USA"}}, {[]any{"dyads"}, 5.0},
				{[]any{"cells", 0, "source"}, "RUS"}, {[]any{"cells", 1, "source"}, "UKR"},
				{[]any{"cells", 2, "source"}, "USA"}, {[]any{"cells", 3}, nil},
			},
			wantCalls: []string{"DyadStats " + fmtWindow(store.Window{From: week, To: now})},
		},
		{
			name: "matrix min_articles", target: "/api/matrix?min_articles=40&window=24h",
			want: []want{{[]any{"cells", 0, "source"}, "RUS"}, {[]any{"cells", 1}, nil}, {[]any{"from"}, rfc(now.Add(-24 * time.Hour))}},
		},
		{
			name: "matrix replay windows end after the newest article", target: "/api/matrix?window=24h",
			latest: ptr(time.Date(1987, 10, 19, 15, 45, 0, 0, time.UTC)),
			want:   []want{{[]any{"from"}, "1987-10-18T16:00:00Z"}, {[]any{"to"}, "1987-10-19T16:00:00Z"}},
		},
		{
			name: "windows start in 1970 at the earliest", target: "/api/movers?window=30d",
			latest: ptr(time.Date(1970, 1, 3, 10, 0, 0, 0, time.UTC)),
			want: []want{
				{[]any{"from"}, "1970-01-01T00:00:01Z"}, {[]any{"to"}, "1970-01-03T11:00:00Z"},
				{[]any{"baseline_from"}, "1970-01-01T00:00:01Z"}, {[]any{"baseline_to"}, "1970-01-01T00:00:01Z"},
			},
		},
		{
			name: "matrix custom window", target: "/api/matrix?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00%2B01:00",
			want: []want{{[]any{"window"}, nil}, {[]any{"from"}, "2026-01-01T00:00:00Z"}, {[]any{"to"}, "2026-01-01T23:00:00Z"}},
		},
		{
			name: "series and its reverse, 6-hourly by default over 7 days", target: "/api/series?source=CHN&target=USA&window=7d",
			want: []want{
				{[]any{"step"}, "6h"}, {[]any{"step_seconds"}, 21600.0},
				{[]any{"series", 0, "source"}, "CHN"}, {[]any{"series", 0, "points", 0, "articles"}, 3.0},
				{[]any{"series", 1, "source"}, "USA"}, {[]any{"series", 1, "points"}, []any{}},
			},
			wantCalls: []string{
				"Series CHN->USA " + fmtWindow(store.Window{From: week, To: now}) + " 6h0m0s",
				"Series USA->CHN " + fmtWindow(store.Window{From: week, To: now}) + " 6h0m0s",
			},
		},
		{
			name: "series hourly by default over 24 hours", target: "/api/series?source=CHN&target=USA",
			want: []want{{[]any{"step"}, "1h"}, {[]any{"window"}, "24h"}},
		},
		{
			name: "series daily by default beyond 7 days", target: "/api/series?source=CHN&target=USA&window=30d",
			want: []want{{[]any{"step"}, "1d"}, {[]any{"step_seconds"}, 86400.0}},
		},
		{
			name: "series step", target: "/api/series?source=CHN&target=USA&window=30d&step=1h",
			want: []want{{[]any{"step"}, "1h"}},
		},
		{
			name: "movers against the 7 previous windows", target: "/api/movers?window=7d",
			want: []want{
				{[]any{"baseline_from"}, rfc(week.Add(-49 * 24 * time.Hour))}, {[]any{"baseline_to"}, rfc(week)},
				{[]any{"min_articles"}, 3.0},
				{[]any{"movers", 0, "source"}, "CHN"}, {[]any{"movers", 0, "delta"}, -0.6},
				{[]any{"movers", 0, "baseline_articles"}, 40.0}, {[]any{"movers", 0, "outlets"}, 4.0},
				{[]any{"movers", 1, "source"}, "EU"}, {[]any{"movers", 1, "delta"}, 0.5},
				{[]any{"movers", 2, "source"}, "RUS"}, {[]any{"movers", 3}, nil}, // DEU->FRA has 2 articles
			},
		},
		{
			name: "movers limit, actor and min_articles", target: "/api/movers?window=7d&limit=1&actor=CHN&min_articles=1",
			want: []want{{[]any{"min_articles"}, 1.0}, {[]any{"movers", 0, "source"}, "DEU"}, {[]any{"movers", 1}, nil}},
			wantCalls: []string{
				"Summaries " + fmtWindow(store.Window{From: week, To: now}) + " {  [CHN]}",
				"Summaries " + fmtWindow(store.Window{From: week.Add(-49 * 24 * time.Hour), To: week}) + " {  [CHN]}",
			},
		},
		{
			name: "evidence", target: "/api/evidence?source=CHN&target=USA&from=2026-03-10T10:00:00Z&to=2026-03-10T11:00:00Z&limit=5",
			want: []want{
				{[]any{"source"}, "CHN"}, {[]any{"evidence", 0, "title"}, "China warns"},
				{[]any{"evidence", 0, "cues"}, []any{}}, {[]any{"evidence", 0, "sentence"}, "China warned the US."},
			},
			wantCalls: []string{"Evidence CHN->USA 2026-03-10T10:00:00Z..2026-03-10T11:00:00Z 5"},
		},
		{
			name: "alerts", target: "/api/alerts?source=CHN&target=USA&window=30d",
			want:      []want{{[]any{"enabled"}, true}, {[]any{"alerts", 0, "rule"}, "HostileTurn"}},
			wantCalls: []string{"Alerts " + fmtWindow(store.Window{From: now.Add(-30 * 24 * time.Hour), To: now}) + " {CHN USA []} 100"},
		},
		{
			name: "alerts without an alert log", target: "/api/alerts?actor=CHN", noAlerts: true,
			want: []want{{[]any{"enabled"}, false}, {[]any{"alerts"}, []any{}}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			if tc.latest != nil {
				f.latest = *tc.latest
			}
			var alerts store.AlertLog = f
			if tc.noAlerts {
				alerts = nil
			}
			h := newHandler(f, f, alerts, nil, func() time.Time { return now })
			code, hdr, body, raw := get(t, h, http.MethodGet, tc.target)
			if code != http.StatusOK {
				t.Fatalf("status %d: %s", code, raw)
			}
			if hdr.Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control = %q", hdr.Get("Cache-Control"))
			}
			for _, w := range tc.want {
				got := jsonPath(body, w.path...)
				if g, ok := got.(float64); ok {
					if wf, ok := w.value.(float64); ok && math.Abs(g-wf) < 1e-9 {
						continue
					}
				}
				gb, _ := json.Marshal(got)
				wb, _ := json.Marshal(w.value)
				if string(gb) != string(wb) {
					t.Errorf("%v = %s, want %s\n%s", w.path, gb, wb, raw)
				}
			}
			for _, c := range tc.wantCalls {
				if !slices.Contains(f.calls, c) {
					t.Errorf("store not called with %q; calls: %q", c, f.calls)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestPage(t *testing.T) {
	h := NewHandler(newFake(), newFake(), nil, nil)
	for _, tc := range []struct {
		target, contentType, contains string
		code                          int
	}{
		{"/", "text/html; charset=utf-8", `src="assets/vendor/echarts.min.js"`, http.StatusOK},
		{"/assets/app.js", "text/javascript; charset=utf-8", "api/matrix", http.StatusOK},
		{"/assets/style.css", "text/css; charset=utf-8", ".panel", http.StatusOK},
		{"/assets/vendor/echarts.min.js", "text/javascript; charset=utf-8", "Apache Software Foundation", http.StatusOK},
		{"/assets/vendor/echarts.LICENSE", "", "Apache License", http.StatusOK},
		{"/nope", "text/plain; charset=utf-8", "404 page not found", http.StatusNotFound},
		{"/assets/", "text/plain; charset=utf-8", "404 page not found", http.StatusNotFound},
		{"/assets/nope.js", "text/plain; charset=utf-8", "404 page not found", http.StatusNotFound},
	} {
		t.Run(tc.target, func(t *testing.T) {
			code, hdr, _, body := get(t, h, http.MethodGet, tc.target)
			if code != tc.code {
				t.Fatalf("status %d, want %d", code, tc.code)
			}
			if tc.contentType != "" && hdr.Get("Content-Type") != tc.contentType {
				t.Errorf("Content-Type = %q, want %q", hdr.Get("Content-Type"), tc.contentType)
			}
			if !strings.Contains(body, tc.contains) {
				t.Errorf("body lacks %q", tc.contains)
			}
			if code == http.StatusOK && !strings.Contains(hdr.Get("Content-Security-Policy"), "script-src 'self'") {
				t.Errorf("Content-Security-Policy = %q", hdr.Get("Content-Security-Policy"))
			}
		})
	}
	t.Run("no CDN", func(t *testing.T) {
		for _, name := range []string{"assets/index.html", "assets/app.js", "assets/style.css"} {
			b, err := assets.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), "//cdn") || strings.Contains(string(b), "https://") {
				t.Errorf("%s loads something from another server", name)
			}
		}
	})
}

func TestAssetEncoding(t *testing.T) {
	h := NewHandler(newFake(), newFake(), nil, nil)
	plain, err := assets.ReadFile("assets/vendor/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	serve := func(method, target string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	first := serve(http.MethodGet, "/assets/vendor/echarts.min.js", map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	for _, tc := range []struct {
		name     string
		method   string
		header   map[string]string
		code     int
		encoding string
	}{
		{"identity", http.MethodGet, nil, http.StatusOK, ""},
		{"gzip", http.MethodGet, map[string]string{"Accept-Encoding": "gzip, deflate, br"}, http.StatusOK, "gzip"},
		{"gzip refused", http.MethodGet, map[string]string{"Accept-Encoding": "gzip;q=0, deflate"}, http.StatusOK, ""},
		{"gzip by star", http.MethodGet, map[string]string{"Accept-Encoding": "*;q=0.5"}, http.StatusOK, "gzip"},
		{"revalidated", http.MethodGet, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": first.Header().Get("ETag")}, http.StatusNotModified, ""},
		{"plain ETag does not match gzip", http.MethodGet, map[string]string{"If-None-Match": first.Header().Get("ETag")}, http.StatusOK, ""},
		{"HEAD", http.MethodHead, nil, http.StatusOK, ""},
		{"POST", http.MethodPost, nil, http.StatusMethodNotAllowed, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(tc.method, "/assets/vendor/echarts.min.js", tc.header)
			if rec.Code != tc.code || rec.Header().Get("Content-Encoding") != tc.encoding {
				t.Fatalf("status %d, Content-Encoding %q; want %d, %q", rec.Code, rec.Header().Get("Content-Encoding"), tc.code, tc.encoding)
			}
			if rec.Code != http.StatusOK || tc.method != http.MethodGet {
				return
			}
			body := rec.Body.Bytes()
			if tc.encoding == "gzip" {
				zr, err := gzip.NewReader(rec.Body)
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
				if rec.Body.Len() > len(plain)/2 {
					t.Errorf("gzipped to %d of %d bytes", rec.Body.Len(), len(plain))
				}
			}
			if !bytes.Equal(body, plain) {
				t.Errorf("served %d bytes, not the %d of the file", len(body), len(plain))
			}
			if rec.Header().Get("ETag") == "" || rec.Header().Get("Cache-Control") != "no-cache" || rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("headers %v", rec.Header())
			}
		})
	}
}

func TestAnchor(t *testing.T) {
	for _, tc := range []struct {
		name   string
		latest time.Time
		end    time.Time
		replay bool
	}{
		{"empty store", time.Time{}, now, false},
		{"live", now.Add(-time.Minute), now, false},
		{"quiet for a day", now.Add(-staleAfter), now, false},
		{"replay", now.Add(-staleAfter - time.Second), now.Add(-staleAfter - time.Second).Truncate(time.Hour).Add(time.Hour), true},
		{"1987", time.Date(1987, 10, 19, 9, 0, 0, 0, time.UTC), time.Date(1987, 10, 19, 10, 0, 0, 0, time.UTC), true},
		{"future", now.Add(time.Hour), now, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := anchor(now, tc.latest)
			if !got.End.Equal(tc.end) || got.Replay != tc.replay {
				t.Errorf("anchor = %+v, want end %v replay %v", got, tc.end, tc.replay)
			}
		})
	}
}
