package alerts

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"github.com/stancemon/stancemon/store"
)

// memoryAnalyst is a store.Analyst over stance events held in memory: the
// input of rule unit tests.
type memoryAnalyst struct {
	events []store.EvidenceRow
}

var _ store.Analyst = (*memoryAnalyst)(nil)

func inWindow(t time.Time, w store.Window) bool {
	return (w.From.IsZero() || !t.Before(w.From)) && (w.To.IsZero() || t.Before(w.To))
}

func matchFilter(f store.DyadFilter, source, target string) bool {
	if f.Source != "" && f.Source != source || f.Target != "" && f.Target != target {
		return false
	}
	return len(f.Actors) == 0 || slices.Contains(f.Actors, source) || slices.Contains(f.Actors, target)
}

// Summaries implements store.Analyst.
func (m *memoryAnalyst) Summaries(_ context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	type acc struct {
		n, sum, sumSq float64
		outlets       map[string]bool
	}
	accs := map[[2]string]*acc{}
	for _, e := range m.events {
		if !inWindow(e.PublishedAt, w) || !matchFilter(f, e.Source, e.Target) {
			continue
		}
		k := [2]string{e.Source, e.Target}
		a := accs[k]
		if a == nil {
			a = &acc{outlets: map[string]bool{}}
			accs[k] = a
		}
		a.n++
		a.sum += e.Score
		a.sumSq += e.Score * e.Score
		a.outlets[e.Outlet] = true
	}
	out := make([]store.DyadSummary, 0, len(accs))
	for k, a := range accs {
		mean := a.sum / a.n
		out = append(out, store.DyadSummary{
			Source: k[0], Target: k[1], Articles: uint64(a.n), Outlets: uint64(len(a.outlets)),
			MeanScore: mean, StdDev: math.Sqrt(max(0, a.sumSq/a.n-mean*mean)),
		})
	}
	slices.SortFunc(out, func(a, b store.DyadSummary) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return out, nil
}

// Series implements store.Analyst.
func (m *memoryAnalyst) Series(_ context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	type acc struct{ n, sum float64 }
	accs := map[time.Time]*acc{}
	for _, e := range m.events {
		if e.Source != source || e.Target != target || !inWindow(e.PublishedAt, w) {
			continue
		}
		b := e.PublishedAt.Truncate(step)
		a := accs[b]
		if a == nil {
			a = &acc{}
			accs[b] = a
		}
		a.n++
		a.sum += e.Score
	}
	out := make([]store.SeriesPoint, 0, len(accs))
	for t, a := range accs {
		out = append(out, store.SeriesPoint{Time: t, Articles: uint64(a.n), MeanScore: a.sum / a.n})
	}
	slices.SortFunc(out, func(a, b store.SeriesPoint) int { return a.Time.Compare(b.Time) })
	return out, nil
}

// Evidence implements store.Analyst.
func (m *memoryAnalyst) Evidence(_ context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	var out []store.EvidenceRow
	for _, e := range m.events {
		if e.Source == source && e.Target == target && inWindow(e.PublishedAt, w) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b store.EvidenceRow) int {
		return cmp.Compare(math.Abs(b.Score)*b.Confidence, math.Abs(a.Score)*a.Confidence)
	})
	return out[:min(len(out), limit)], nil
}

// Latest implements store.Analyst.
func (m *memoryAnalyst) Latest(context.Context) (time.Time, error) {
	var t time.Time
	for _, e := range m.events {
		if e.PublishedAt.After(t) {
			t = e.PublishedAt
		}
	}
	return t, nil
}
