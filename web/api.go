package web

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/stancemon/stancemon/store"
)

// The endpoints of the API: their parameters, defaults and bounds.
var (
	metaEndpoint   = endpoint{}
	matrixEndpoint = endpoint{
		accept:       fWindow | fFrom | fTo | fLimit | fMinArticles,
		defaultLimit: 20, maxLimit: 50, defaultMinArticles: 1,
	}
	seriesEndpoint = endpoint{
		accept:  fWindow | fFrom | fTo | fSource | fTarget | fStep,
		require: fSource | fTarget,
	}
	moversEndpoint = endpoint{
		accept:       fWindow | fFrom | fTo | fActor | fLimit | fMinArticles | fBaseline,
		defaultLimit: 20, maxLimit: 100, defaultMinArticles: 3,
	}
	evidenceEndpoint = endpoint{
		accept:       fWindow | fFrom | fTo | fSource | fTarget | fLimit,
		require:      fSource | fTarget,
		defaultLimit: 20, maxLimit: 200,
	}
	alertsEndpoint = endpoint{
		accept:       fWindow | fFrom | fTo | fSource | fTarget | fActor | fLimit,
		defaultLimit: 100, maxLimit: 500,
	}
)

// timeRange is the window of a response.
type timeRange struct {
	// Window is the name of the window, absent for from/to.
	Window string    `json:"window,omitempty"`
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
}

func rangeOf(p params) timeRange {
	return timeRange{Window: p.WindowName, From: p.Window.From, To: p.Window.To}
}

// metaResponse is the body of GET /api/meta.
type metaResponse struct {
	Now time.Time `json:"now"`
	// Latest is the publication time of the newest article, null if none.
	Latest *time.Time `json:"latest"`
	// End is where the named windows end.
	End time.Time `json:"end"`
	// Replay is true when End is the newest article rather than now.
	Replay  bool       `json:"replay"`
	Windows []nameSpan `json:"windows"`
	Steps   []nameSpan `json:"steps"`
	// Alerts is true when the server has an alert log.
	Alerts bool `json:"alerts"`
}

// nameSpan is a named window or step.
type nameSpan struct {
	Name    string `json:"name"`
	Seconds int64  `json:"seconds"`
}

func nameSpans(ws []namedSpan) []nameSpan {
	out := make([]nameSpan, len(ws))
	for i, w := range ws {
		out[i] = nameSpan{Name: w.Name, Seconds: int64(w.Span / time.Second)}
	}
	return out
}

func (h *handler) meta(_ context.Context, _ params, an anchorInfo) (any, error) {
	m := metaResponse{
		Now: h.now().UTC(), End: an.End, Replay: an.Replay,
		Windows: nameSpans(windows), Steps: nameSpans(steps), Alerts: h.alerts != nil,
	}
	if !an.Latest.IsZero() {
		m.Latest = &an.Latest
	}
	return m, nil
}

// matrixResponse is the body of GET /api/matrix.
type matrixResponse struct {
	timeRange
	// Actors are the actors with the most articles (as source or target),
	// most first, at most limit.
	Actors []string `json:"actors"`
	// Cells are the dyads between Actors with at least min_articles.
	Cells []store.DyadStat `json:"cells"`
	// Dyads is the number of dyads in the window, before the limits.
	Dyads int `json:"dyads"`
}

func (h *handler) matrix(ctx context.Context, p params, _ anchorInfo) (any, error) {
	stats, err := h.q.DyadStats(ctx, p.Window)
	if err != nil {
		return nil, fmt.Errorf("reading dyad stats: %w", err)
	}
	actors := topActors(stats, p.Limit)
	cells := []store.DyadStat{}
	for _, s := range stats {
		if s.Articles >= p.MinArticles && slices.Contains(actors, s.Source) && slices.Contains(actors, s.Target) {
			cells = append(cells, s)
		}
	}
	return matrixResponse{timeRange: rangeOf(p), Actors: actors, Cells: cells, Dyads: len(stats)}, nil
}

// topActors returns the n actors with the most articles as source or
// target, most first, then by code.
func topActors(stats []store.DyadStat, n int) []string {
	total := map[string]uint64{}
	for _, s := range stats {
		total[s.Source] += s.Articles
		total[s.Target] += s.Articles
	}
	actors := make([]string, 0, len(total))
	for a := range total {
		actors = append(actors, a)
	}
	slices.SortFunc(actors, func(a, b string) int {
		return cmp.Or(cmp.Compare(total[b], total[a]), cmp.Compare(a, b))
	})
	return actors[:min(n, len(actors))]
}

// seriesResponse is the body of GET /api/series.
type seriesResponse struct {
	timeRange
	Step        string `json:"step"`
	StepSeconds int64  `json:"step_seconds"`
	// Series holds the dyad source->target, then its reverse.
	Series []dyadSeries `json:"series"`
}

// dyadSeries is the series of one directed dyad.
type dyadSeries struct {
	Source string              `json:"source"`
	Target string              `json:"target"`
	Points []store.SeriesPoint `json:"points"`
}

func (h *handler) series(ctx context.Context, p params, _ anchorInfo) (any, error) {
	resp := seriesResponse{timeRange: rangeOf(p), Step: stepName(p.Step), StepSeconds: int64(p.Step / time.Second)}
	for _, d := range [][2]string{{p.Source, p.Target}, {p.Target, p.Source}} {
		pts, err := h.a.Series(ctx, d[0], d[1], p.Window, p.Step)
		if err != nil {
			return nil, fmt.Errorf("reading the series of %s->%s: %w", d[0], d[1], err)
		}
		resp.Series = append(resp.Series, dyadSeries{Source: d[0], Target: d[1], Points: orEmpty(pts)})
	}
	return resp, nil
}

// moversResponse is the body of GET /api/movers.
type moversResponse struct {
	timeRange
	BaselineFrom time.Time `json:"baseline_from"`
	BaselineTo   time.Time `json:"baseline_to"`
	MinArticles  uint64    `json:"min_articles"`
	Movers       []mover   `json:"movers"`
}

// mover is a dyad whose mean score moved between the baseline and the
// window.
type mover struct {
	Source            string  `json:"source"`
	Target            string  `json:"target"`
	Articles          uint64  `json:"articles"`
	Outlets           uint64  `json:"outlets"`
	MeanScore         float64 `json:"mean_score"`
	BaselineArticles  uint64  `json:"baseline_articles"`
	BaselineMeanScore float64 `json:"baseline_mean_score"`
	// Delta is MeanScore - BaselineMeanScore.
	Delta float64 `json:"delta"`
}

func (h *handler) movers(ctx context.Context, p params, _ anchorInfo) (any, error) {
	var f store.DyadFilter
	if p.Actor != "" {
		f.Actors = []string{p.Actor}
	}
	base := store.Window{From: notBefore(p.Window.From.Add(-time.Duration(p.Baseline)*p.Span()), minTime), To: p.Window.From}
	recent, err := h.a.Summaries(ctx, p.Window, f)
	if err != nil {
		return nil, fmt.Errorf("reading the window's summaries: %w", err)
	}
	before, err := h.a.Summaries(ctx, base, f)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline's summaries: %w", err)
	}
	minArticles := max(p.MinArticles, 1)
	baseline := map[[2]string]store.DyadSummary{}
	for _, s := range before {
		if s.Articles >= minArticles {
			baseline[[2]string{s.Source, s.Target}] = s
		}
	}
	movers := []mover{}
	for _, s := range recent {
		b, ok := baseline[[2]string{s.Source, s.Target}]
		if !ok || s.Articles < minArticles {
			continue
		}
		movers = append(movers, mover{
			Source: s.Source, Target: s.Target, Articles: s.Articles, Outlets: s.Outlets, MeanScore: s.MeanScore,
			BaselineArticles: b.Articles, BaselineMeanScore: b.MeanScore, Delta: s.MeanScore - b.MeanScore,
		})
	}
	slices.SortFunc(movers, func(a, b mover) int {
		return cmp.Or(cmp.Compare(math.Abs(b.Delta), math.Abs(a.Delta)), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return moversResponse{
		timeRange: rangeOf(p), BaselineFrom: base.From, BaselineTo: base.To,
		MinArticles: minArticles, Movers: movers[:min(p.Limit, len(movers))],
	}, nil
}

// evidenceResponse is the body of GET /api/evidence.
type evidenceResponse struct {
	timeRange
	Source   string              `json:"source"`
	Target   string              `json:"target"`
	Evidence []store.EvidenceRow `json:"evidence"`
}

func (h *handler) evidence(ctx context.Context, p params, _ anchorInfo) (any, error) {
	rows, err := h.a.Evidence(ctx, p.Source, p.Target, p.Window, p.Limit)
	if err != nil {
		return nil, fmt.Errorf("reading the evidence of %s->%s: %w", p.Source, p.Target, err)
	}
	for i := range rows {
		rows[i].Cues = orEmpty(rows[i].Cues)
	}
	return evidenceResponse{timeRange: rangeOf(p), Source: p.Source, Target: p.Target, Evidence: orEmpty(rows)}, nil
}

// alertsResponse is the body of GET /api/alerts.
type alertsResponse struct {
	timeRange
	// Enabled is false when the server has no alert log.
	Enabled bool                `json:"enabled"`
	Alerts  []store.AlertRecord `json:"alerts"`
}

func (h *handler) alertList(ctx context.Context, p params, _ anchorInfo) (any, error) {
	resp := alertsResponse{timeRange: rangeOf(p), Enabled: h.alerts != nil, Alerts: []store.AlertRecord{}}
	if h.alerts == nil {
		return resp, nil
	}
	f := store.DyadFilter{Source: p.Source, Target: p.Target}
	if p.Actor != "" {
		f.Actors = []string{p.Actor}
	}
	recs, err := h.alerts.Alerts(ctx, p.Window, f, p.Limit)
	if err != nil {
		return nil, fmt.Errorf("reading alerts: %w", err)
	}
	resp.Alerts = orEmpty(recs)
	return resp, nil
}

// orEmpty returns s, or an empty slice for nil, so that JSON has [] and
// not null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
