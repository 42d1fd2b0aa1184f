// Package web serves the stancemon dashboard and the JSON API it reads.
//
// The page (GET /) shows a country x country matrix of stances over a
// window, the series of a dyad and its reverse with volume bars and alert
// markers, the top movers against a baseline, and the evidence sentences
// behind a cell or a point. Its scripts and the vendored Apache ECharts
// bundle are embedded: the dashboard works offline. The API under /api/ is
// documented in docs/api.md.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"go.uber.org/zap"

	"github.com/stancemon/stancemon/store"
)

//go:embed assets
var assets embed.FS

// queryTimeout bounds the store queries of one API request.
const queryTimeout = 30 * time.Second

// staleAfter is how much older than now the newest article must be for the
// named windows to end at it instead of now: the store then holds a replay
// of an old corpus (news of 1987, say), and windows relative to now would
// be empty.
const staleAfter = 24 * time.Hour

// handler serves the page and the API.
type handler struct {
	q      store.Querier
	a      store.Analyst
	alerts store.AlertLog
	log    *zap.Logger
	now    func() time.Time
}

// NewHandler returns the handler of the dashboard page (GET /), its assets
// (/assets/) and the JSON API (/api/). q and a must not be nil; alerts may
// be nil, in which case the page shows no alert markers and /api/alerts
// answers an empty list; log may be nil. The page uses relative URLs, so
// the handler may also be mounted under a path prefix with
// http.StripPrefix.
func NewHandler(q store.Querier, a store.Analyst, alerts store.AlertLog, log *zap.Logger) http.Handler {
	return newHandler(q, a, alerts, log, time.Now)
}

// newHandler is NewHandler with a clock.
func newHandler(q store.Querier, a store.Analyst, alerts store.AlertLog, log *zap.Logger, now func() time.Time) http.Handler {
	if log == nil {
		log = zap.NewNop()
	}
	h := &handler{q: q, a: a, alerts: alerts, log: log, now: now}
	mux := http.NewServeMux()
	static := pageHeaders(staticAssets())
	mux.Handle("/{$}", static)
	mux.Handle("/assets/", static)
	mux.Handle("/api/meta", h.api(metaEndpoint, h.meta))
	mux.Handle("/api/matrix", h.api(matrixEndpoint, h.matrix))
	mux.Handle("/api/series", h.api(seriesEndpoint, h.series))
	mux.Handle("/api/movers", h.api(moversEndpoint, h.movers))
	mux.Handle("/api/evidence", h.api(evidenceEndpoint, h.evidence))
	mux.Handle("/api/alerts", h.api(alertsEndpoint, h.alertList))
	mux.Handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+" (see docs/api.md)", "")
	}))
	return mux
}

// pageHeaders sets the security headers of the page and its assets: the
// page loads scripts only from this server.
func pageHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// apiFunc answers one API request with a value to encode as JSON.
type apiFunc func(ctx context.Context, p params, a anchorInfo) (any, error)

// anchorInfo tells where the named windows end.
type anchorInfo struct {
	// Latest is the publication time of the newest article, zero when none.
	Latest time.Time
	// End is the end of the named windows.
	End time.Time
	// Replay is true when End is set by Latest rather than by now.
	Replay bool
}

// anchor returns where the named windows end: now, or, when the newest
// article is more than staleAfter older than now, the start of the hour
// after it.
func anchor(now, latest time.Time) anchorInfo {
	if latest.IsZero() || now.Sub(latest) <= staleAfter {
		return anchorInfo{Latest: latest, End: now}
	}
	return anchorInfo{Latest: latest, End: latest.Truncate(time.Hour).Add(time.Hour), Replay: true}
}

// api wraps an API function: it checks the method, decodes the query for
// endpoint e and writes the result or the error as JSON.
func (h *handler) api(e endpoint, fn apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" is not allowed: use GET", "")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
		defer cancel()
		latest, err := h.a.Latest(ctx)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		an := anchor(h.now().UTC(), latest.UTC())
		p, err := decodeQuery(r.URL.RawQuery, e, an.End)
		if err != nil {
			param := ""
			if pe := (*paramError)(nil); errors.As(err, &pe) {
				param = pe.Param
			}
			writeError(w, http.StatusBadRequest, err.Error(), param)
			return
		}
		v, err := fn(ctx, p, an)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	})
}

// fail answers a failed store query: 504 on timeout, nothing when the
// client went away, else 500; the cause is logged, not sent.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case r.Context().Err() != nil:
		h.log.Debug("client went away", zap.String("path", r.URL.Path), zap.Error(err))
	case errors.Is(err, context.DeadlineExceeded):
		h.log.Warn("API query timed out", zap.String("path", r.URL.Path), zap.String("query", r.URL.RawQuery), zap.Error(err))
		writeError(w, http.StatusGatewayTimeout, "the query took longer than "+queryTimeout.String(), "")
	default:
		h.log.Error("API query failed", zap.String("path", r.URL.Path), zap.String("query", r.URL.RawQuery), zap.Error(err))
		writeError(w, http.StatusInternalServerError, "querying the store failed; see the server log", "")
	}
}

// errorBody is the JSON body of every API error.
type errorBody struct {
	Error string `json:"error"`
	// Param names the offending query parameter of a 400.
	Param string `json:"param,omitempty"`
}

func writeError(w http.ResponseWriter, status int, msg, param string) {
	writeJSON(w, status, errorBody{Error: msg, Param: param})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(errorBody{Error: "encoding the response: " + err.Error()})
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
