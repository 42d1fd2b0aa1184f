package web

import (
	"errors"
	"testing"
	"time"
)

// FuzzDecodeQuery checks that decodeQuery never panics and that what it
// accepts is within the bounds of the endpoint, and what it rejects is a
// *paramError naming a parameter.
func FuzzDecodeQuery(f *testing.F) {
	for _, seed := range []string{
		"",
		"window=7d&limit=20&min_articles=3",
		"source=CHN&target=USA&window=30d&step=1d",
		"source=CHN&target=USA&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00%2B02:00&step=6h",
		"actor=NATO&baseline=7&window=24h",
		"window=7d&window=24h",
		"%zz",
		"limit=99999999999999999999",
		"from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
		"source=%C3%A9&target=%00",
	} {
		f.Add(seed)
	}
	eps := []endpoint{metaEndpoint, matrixEndpoint, seriesEndpoint, moversEndpoint, evidenceEndpoint, alertsEndpoint}
	anchor := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, raw string) {
		for i, e := range eps {
			p, err := decodeQuery(raw, e, anchor)
			if err != nil {
				var pe *paramError
				if !errors.As(err, &pe) || pe.Param == "" || pe.Msg == "" {
					t.Fatalf("endpoint %d: error %v is not a *paramError naming a parameter", i, err)
				}
				continue
			}
			if !p.Window.From.Before(p.Window.To) {
				t.Errorf("endpoint %d: window %v..%v is empty", i, p.Window.From, p.Window.To)
			}
			if p.Window.From.Before(minTime.Add(-90*24*time.Hour)) || p.Window.To.After(maxTime) {
				t.Errorf("endpoint %d: window %v..%v out of range", i, p.Window.From, p.Window.To)
			}
			if p.Limit != e.defaultLimit && (p.Limit < 1 || p.Limit > e.maxLimit) {
				t.Errorf("endpoint %d: limit %d outside 1..%d", i, p.Limit, e.maxLimit)
			}
			if p.MinArticles > maxMinArticles || p.Baseline < 1 || p.Baseline > maxBaseline {
				t.Errorf("endpoint %d: min_articles %d or baseline %d out of range", i, p.MinArticles, p.Baseline)
			}
			for _, a := range []string{p.Source, p.Target, p.Actor} {
				if a != "" && !actorPattern.MatchString(a) {
					t.Errorf("endpoint %d: actor %q accepted", i, a)
				}
			}
			if e.require&fSource != 0 && (p.Source == "" || p.Target == "" || p.Source == p.Target) {
				t.Errorf("endpoint %d: dyad %q->%q accepted", i, p.Source, p.Target)
			}
			if e.accept&fStep != 0 && (p.Step <= 0 || p.Span()/p.Step > maxBuckets) {
				t.Errorf("endpoint %d: step %v over %v accepted", i, p.Step, p.Span())
			}
		}
	})
}
