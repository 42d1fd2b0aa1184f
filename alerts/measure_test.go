package alerts_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/simulate"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/memstore"
	"github.com/stancemon/stancemon/store/sqlite"
)

// transition is a notification seen during a replay.
type transition struct {
	Rule, Source, Target string
	State                store.AlertState
	At                   time.Time // evaluation time of the change
}

func (tr transition) String() string {
	return fmt.Sprintf("%s %s->%s %s at %s", tr.Rule, tr.Source, tr.Target, tr.State, tr.At.Format(time.RFC3339))
}

// replayStore is what a replay writes to and evaluates against.
type replayStore interface {
	store.Writer
	store.Analyst
}

// sqliteStore returns a fresh embedded store and its alert log: a replay
// through the store `stancemon demo` uses.
func sqliteStore(t *testing.T) (replayStore, store.AlertLog) {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "replay.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, st
}

// memoryStore returns a store in memory and no alert log: the same
// answers as the embedded store (both pass storetest.RunAnalyst) for
// replays too long to run through SQLite in a unit test. Without an alert
// log the evaluator keeps its states in memory, as it does anyway.
func memoryStore(*testing.T) (replayStore, store.AlertLog) {
	return memstore.New(), nil
}

// replay scores the simulated stream of cfg into the store that open
// returns, then evaluates the built-in rules at every interval of their
// group from the start of the stream to its end, as a live evaluator would
// have, and returns the firing and resolved notifications in order.
func replay(t *testing.T, cfg simulate.Config, open func(*testing.T) (replayStore, store.AlertLog)) ([]transition, store.Analyst) {
	t.Helper()
	ctx := t.Context()
	st, alog := open(t)
	load(t, ctx, st, cfg)

	var (
		mu   sync.Mutex
		seen []transition
	)
	record := alerts.NotifierFunc(func(_ context.Context, as []alerts.Alert) error {
		mu.Lock()
		defer mu.Unlock()
		for _, a := range as {
			at := a.FiredAt
			if a.State == store.AlertResolved {
				at = a.ResolvedAt
			}
			seen = append(seen, transition{a.Rule, a.Source, a.Target, a.State, at})
		}
		return nil
	})
	rules := alerts.DefaultRules()
	m, err := alerts.NewManager(alerts.Config{Rules: rules, Clock: alerts.ClockData}, st, alog, record)
	if err != nil {
		t.Fatal(err)
	}
	interval := time.Duration(rules.Groups[0].Interval)
	end := cfg.Start.Add(cfg.Duration)
	for at := cfg.Start; !at.After(end); at = at.Add(interval) {
		if err := m.Evaluate(ctx, at); err != nil {
			t.Fatalf("Evaluate(%s): %v", at, err)
		}
		m.Flush(ctx)
	}
	return seen, st
}

// load scores the stream of cfg and writes it to st.
func load(t *testing.T, ctx context.Context, st store.Writer, cfg simulate.Config) {
	t.Helper()
	g, err := simulate.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := stance.NewScorer()
	if err != nil {
		t.Fatal(err)
	}
	var b store.Batch
	flush := func() {
		if err := st.WriteBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
		b.Items = b.Items[:0]
	}
	var offset int64
	for msg, ok := g.Next(); ok; msg, ok = g.Next() {
		res := sc.Score(msg.Stance())
		b.Items = append(b.Items, store.Item{
			Pos: store.Position{Topic: "articles", Offset: offset},
			Article: store.Article{ID: msg.ID, PublishedAt: msg.PublishedAt, Title: msg.Title,
				URL: msg.URL, Outlet: msg.Outlet, Lang: msg.Lang},
			Result: res,
		})
		offset++
		if len(b.Items) == 500 {
			flush()
		}
	}
	flush()
}

// TestDemoStreamAlerts checks that the built-in rules fire on the demo
// stream's turns (China toward the Philippines at 48h, the Philippines
// toward China at 50h), soon after them, and on nothing else.
func TestDemoStreamAlerts(t *testing.T) {
	cfg := simulate.DemoConfig()
	got, _ := replay(t, cfg, sqliteStore)
	for _, tr := range got {
		t.Log(tr)
	}
	want := []struct {
		source, target string
		shift          time.Duration
	}{{"CHN", "PHL", 48 * time.Hour}, {"PHL", "CHN", 50 * time.Hour}}
	if len(got) != len(want) {
		t.Fatalf("got %d notifications, want %d (one firing per turn)", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		delay := g.At.Sub(cfg.Start.Add(w.shift))
		if g.Rule != "RelationshipTurnedHostile" || g.Source != w.source || g.Target != w.target || g.State != store.AlertFiring || delay < 0 || delay > 4*time.Hour {
			t.Errorf("notification %d = %s, want RelationshipTurnedHostile %s->%s firing within 4h of %s", i, g, w.source, w.target, cfg.Start.Add(w.shift).Format(time.RFC3339))
		}
	}
}

// Detection delay: a dyad whose mean score drops from about -0.1 to about
// -0.6 (simulated stances -0.21 and -0.65 with noise 0.2, as the scorer
// reads them) at 20 articles per hour from 8 outlets, three simulated days
// in. The built-in RelationshipTurnedHostile rule (recent 3h against the
// 48h before, min_delta 0.3, z 4, for 30m, evaluated every 5m) must fire
// within maxDelay of the shift, and nothing else may fire.
func TestDetectionDelay(t *testing.T) {
	const maxDelay = 3*time.Hour + 30*time.Minute
	shift := 72 * time.Hour
	var delays []time.Duration
	for seed := uint64(1); seed <= 5; seed++ {
		cfg := simulate.DefaultConfig()
		cfg.Seed = seed
		cfg.Duration = shift + 24*time.Hour
		cfg.Rate = 20
		cfg.Filler = 0
		cfg.Dyads = []simulate.Dyad{{Source: "CHN", Target: "PHL", Base: -0.21, Shifts: []simulate.Shift{{At: shift, To: -0.65}}}}
		got, a := replay(t, cfg, memoryStore)
		at := cfg.Start.Add(shift)
		before := summary(t, a, store.Window{From: cfg.Start, To: at})
		after := summary(t, a, store.Window{From: at, To: cfg.Start.Add(cfg.Duration)})
		if len(got) == 0 || got[0].Rule != "RelationshipTurnedHostile" || got[0].Source != "CHN" || got[0].State != store.AlertFiring {
			t.Errorf("seed %d: notifications %v, want RelationshipTurnedHostile CHN->PHL firing first", seed, got)
			continue
		}
		for _, tr := range got[1:] {
			if tr.Rule != "RelationshipTurnedHostile" || tr.State != store.AlertResolved {
				t.Errorf("seed %d: unexpected notification %s", seed, tr)
			}
		}
		delay := got[0].At.Sub(at)
		delays = append(delays, delay)
		t.Logf("seed %d: mean score %+.3f (%d articles/h) -> %+.3f; fired %s after the shift", seed,
			before.MeanScore, before.Articles/uint64(shift/time.Hour), after.MeanScore, delay)
		if delay < 0 || delay > maxDelay {
			t.Errorf("seed %d: fired %s after the shift, want within %s", seed, delay, maxDelay)
		}
	}
	t.Logf("detection delays: %v (bound %s)", delays, maxDelay)
}

// False alerts: seven simulated days of stationary streams must fire
// nothing: the demo's dyads without their turns (28 articles per hour in
// all, 2 to 9 per dyad; two seeds), and the dyad of TestDetectionDelay
// without its shift (20 articles per hour at a mean score of about -0.1).
func TestNoFalseAlerts(t *testing.T) {
	var streams []simulate.Config
	for seed := uint64(1); seed <= 2; seed++ {
		cfg := simulate.DemoConfig()
		cfg.Seed = seed
		for i := range cfg.Dyads {
			cfg.Dyads[i].Shifts = nil
		}
		streams = append(streams, cfg)
	}
	single := simulate.DefaultConfig()
	single.Rate, single.Filler = 20, 0
	single.Dyads = []simulate.Dyad{{Source: "CHN", Target: "PHL", Base: -0.21}}
	streams = append(streams, single)
	for i, cfg := range streams {
		cfg.Duration = 7 * 24 * time.Hour
		got, _ := replay(t, cfg, memoryStore)
		for _, tr := range got {
			t.Errorf("stream %d: false alert: %s", i, tr)
		}
		t.Logf("stream %d (%d dyads, %v articles/h, seed %d): %d false alerts over 7 simulated days", i, len(cfg.Dyads), cfg.Rate, cfg.Seed, len(got))
	}
}

func summary(t *testing.T, a store.Analyst, w store.Window) store.DyadSummary {
	t.Helper()
	s, err := a.Summaries(t.Context(), w, store.DyadFilter{Source: "CHN", Target: "PHL"})
	if err != nil || len(s) != 1 {
		t.Fatalf("Summaries(%v) = %v, %v", w, s, err)
	}
	return s[0]
}
