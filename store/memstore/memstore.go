// Package memstore is a store held in memory: stance events in a slice,
// answering store.Querier and store.Analyst as the ClickHouse and SQLite
// backends do, and passing the same contract (storetest.RunAnalyst). It is
// the input of alert rule unit tests (alerts.RunTestFile), which add
// events directly, and of fast alert replays in tests, which write
// batches. Every query scans every event, and nothing is persisted: it is
// not a production backend.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/stancemon/stancemon/store"
)

// Store holds stance events in memory. The zero value is an empty store;
// it is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	events []store.EvidenceRow
	latest time.Time
	stored map[store.Position]bool
}

var (
	_ store.Store   = (*Store)(nil)
	_ store.Analyst = (*Store)(nil)
)

// New returns an empty store.
func New() *Store { return &Store{} }

// From returns a store holding events.
func From(events ...store.EvidenceRow) *Store {
	s := New()
	s.Add(events...)
	return s
}

// Add adds stance events as they are, in order.
func (s *Store) Add(events ...store.EvidenceRow) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range events {
		if e.PublishedAt.After(s.latest) {
			s.latest = e.PublishedAt
		}
	}
	s.events = append(s.events, events...)
}

// WriteBatch implements store.Writer: one event per dyad of each item,
// with its strongest evidence sentence. An item whose Kafka position was
// written before is skipped.
func (s *Store) WriteBatch(_ context.Context, b store.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stored == nil {
		s.stored = map[store.Position]bool{}
	}
	for _, it := range b.Items {
		if s.stored[it.Pos] {
			continue
		}
		s.stored[it.Pos] = true
		a := it.Article
		if a.PublishedAt.After(s.latest) {
			s.latest = a.PublishedAt
		}
		for _, e := range it.Events() {
			s.events = append(s.events, store.EvidenceRow{
				PublishedAt: a.PublishedAt, ArticleID: a.ID, Title: a.Title, URL: a.URL, Outlet: a.Outlet,
				Source: e.Source, Target: e.Target, Score: e.Score, Category: string(e.Category),
				Confidence: e.Confidence, Sentence: e.Evidence, Cues: e.Cues,
			})
		}
	}
	return nil
}

// Close implements store.Store; it does nothing.
func (s *Store) Close() error { return nil }

func inWindow(t time.Time, w store.Window) bool {
	return (w.From.IsZero() || !t.Before(w.From)) && (w.To.IsZero() || t.Before(w.To))
}

func matchFilter(f store.DyadFilter, source, target string) bool {
	if f.Source != "" && f.Source != source || f.Target != "" && f.Target != target {
		return false
	}
	return len(f.Actors) == 0 || slices.Contains(f.Actors, source) || slices.Contains(f.Actors, target)
}

// byArticles orders by articles descending, then source and target.
func byArticles(an, bn uint64, as, at, bs, bt string) int {
	return cmp.Or(cmp.Compare(bn, an), cmp.Compare(as, bs), cmp.Compare(at, bt))
}

// DyadStats implements store.Querier with the backends' hourly
// resolution: an event counts when the start of the hour of its
// publication lies in w.
func (s *Store) DyadStats(_ context.Context, w store.Window) ([]store.DyadStat, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	type acc struct{ n, sum float64 }
	accs := map[[2]string]*acc{}
	for _, e := range s.events {
		if !inWindow(e.PublishedAt.Truncate(time.Hour), w) {
			continue
		}
		k := [2]string{e.Source, e.Target}
		if accs[k] == nil {
			accs[k] = &acc{}
		}
		accs[k].n++
		accs[k].sum += e.Score
	}
	out := make([]store.DyadStat, 0, len(accs))
	for k, a := range accs {
		out = append(out, store.DyadStat{Source: k[0], Target: k[1], Articles: uint64(a.n), MeanScore: a.sum / a.n})
	}
	slices.SortFunc(out, func(a, b store.DyadStat) int {
		return byArticles(a.Articles, b.Articles, a.Source, a.Target, b.Source, b.Target)
	})
	return out, nil
}

// Summaries implements store.Analyst.
func (s *Store) Summaries(_ context.Context, w store.Window, f store.DyadFilter) ([]store.DyadSummary, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	type acc struct {
		n, sum, sumSq float64
		outlets       map[string]bool
	}
	accs := map[[2]string]*acc{}
	for _, e := range s.events {
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
		return byArticles(a.Articles, b.Articles, a.Source, a.Target, b.Source, b.Target)
	})
	return out, nil
}

// Series implements store.Analyst. Buckets start at multiples of step
// since the zero time (days at midnight UTC); an event counts when its
// publication time lies in w.
func (s *Store) Series(_ context.Context, source, target string, w store.Window, step time.Duration) ([]store.SeriesPoint, error) {
	if step <= 0 || step%time.Hour != 0 {
		return nil, fmt.Errorf("reading series: step %s is not a whole number of hours", step)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	type acc struct{ n, sum float64 }
	accs := map[time.Time]*acc{}
	for _, e := range s.events {
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

// Evidence implements store.Analyst; events of equal strength keep the
// order they were added in.
func (s *Store) Evidence(_ context.Context, source, target string, w store.Window, limit int) ([]store.EvidenceRow, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("reading evidence: limit %d is not positive", limit)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []store.EvidenceRow
	for _, e := range s.events {
		if e.Source == source && e.Target == target && inWindow(e.PublishedAt, w) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b store.EvidenceRow) int {
		return cmp.Compare(math.Abs(b.Score)*b.Confidence, math.Abs(a.Score)*a.Confidence)
	})
	return out[:min(len(out), limit)], nil
}

// Latest implements store.Analyst: the newest publication time of the
// articles written and the events added.
func (s *Store) Latest(context.Context) (time.Time, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.latest, nil
}
