package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/stancemon/stancemon/store"
)

// RunAlertLog is the contract of store.AlertLog: every backend's tests
// call it with a function that opens an empty log.
func RunAlertLog(t *testing.T, open func(t *testing.T) store.AlertLog) {
	t0 := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	rec := func(fp, source, target string, state store.AlertState, active, updated int) store.AlertRecord {
		r := store.AlertRecord{
			Fingerprint: fp, Rule: "RelationshipTurnedHostile", Source: source, Target: target,
			State: state, Value: -0.42, ActiveAt: at(active), UpdatedAt: at(updated),
			Labels:      map[string]string{"alertname": "RelationshipTurnedHostile", "source": source, "target": target, "severity": "warning"},
			Annotations: map[string]string{"summary": source + " turned hostile toward " + target + ": \"quotes\", ünïcode"},
		}
		if state != store.AlertPending {
			r.FiredAt = at(active + 30)
		}
		if state == store.AlertResolved {
			r.ResolvedAt = at(updated)
		}
		return r
	}
	save := func(t *testing.T, l store.AlertLog, recs ...store.AlertRecord) {
		t.Helper()
		for _, r := range recs {
			if err := l.SaveAlert(t.Context(), r); err != nil {
				t.Fatalf("SaveAlert(%s %s): %v", r.Fingerprint, r.State, err)
			}
		}
	}
	active := func(t *testing.T, l store.AlertLog) []store.AlertRecord {
		t.Helper()
		got, err := l.ActiveAlerts(t.Context())
		if err != nil {
			t.Fatalf("ActiveAlerts: %v", err)
		}
		return got
	}
	equal := func(t *testing.T, what string, got, want []store.AlertRecord) {
		t.Helper()
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\n got %+v\nwant %+v", what, got, want)
		}
	}
	byFingerprint := func(recs []store.AlertRecord) map[string]store.AlertRecord {
		m := map[string]store.AlertRecord{}
		for _, r := range recs {
			m[r.Fingerprint] = r
		}
		return m
	}

	t.Run("Empty", func(t *testing.T) {
		l := open(t)
		equal(t, "ActiveAlerts", active(t, l), nil)
		got, err := l.Alerts(t.Context(), store.Window{}, store.DyadFilter{}, 10)
		if err != nil {
			t.Fatalf("Alerts: %v", err)
		}
		equal(t, "Alerts", got, nil)
	})

	t.Run("NewestStateWins", func(t *testing.T) {
		l := open(t)
		pending := rec("a1", "CHN", "PHL", store.AlertPending, 0, 0)
		firing := rec("a1", "CHN", "PHL", store.AlertFiring, 0, 30)
		firing.Value = -0.61
		save(t, l, pending, firing)
		equal(t, "after pending then firing", active(t, l), []store.AlertRecord{firing})
		// A stale state saved late does not win.
		save(t, l, pending)
		equal(t, "after a stale pending", active(t, l), []store.AlertRecord{firing})
	})

	t.Run("ResolvedIsNotActive", func(t *testing.T) {
		l := open(t)
		save(t, l,
			rec("a1", "CHN", "PHL", store.AlertFiring, 0, 30),
			rec("a1", "CHN", "PHL", store.AlertResolved, 0, 120),
			rec("b1", "USA", "CHN", store.AlertPending, 60, 60),
		)
		equal(t, "ActiveAlerts", active(t, l), []store.AlertRecord{rec("b1", "USA", "CHN", store.AlertPending, 60, 60)})
	})

	t.Run("Reactivation", func(t *testing.T) {
		l := open(t)
		first := rec("a1", "CHN", "PHL", store.AlertResolved, 0, 120)
		second := rec("a1", "CHN", "PHL", store.AlertFiring, 600, 630)
		save(t, l, rec("a1", "CHN", "PHL", store.AlertFiring, 0, 30), first, second)
		equal(t, "ActiveAlerts", active(t, l), []store.AlertRecord{second})
		got, err := l.Alerts(t.Context(), store.Window{}, store.DyadFilter{}, 10)
		if err != nil {
			t.Fatalf("Alerts: %v", err)
		}
		equal(t, "Alerts (both activations, newest first)", got, []store.AlertRecord{second, first})
	})

	t.Run("ManyInstances", func(t *testing.T) {
		l := open(t)
		want := []store.AlertRecord{
			rec("a1", "CHN", "PHL", store.AlertFiring, 0, 30),
			rec("b1", "USA", "CHN", store.AlertPending, 5, 5),
			rec("c1", "RUS", "UKR", store.AlertFiring, 10, 50),
		}
		want[1].Labels = nil
		want[1].Annotations = map[string]string{}
		save(t, l, want...)
		got := byFingerprint(active(t, l))
		want[1].Labels = map[string]string{}
		if len(got) != 3 {
			t.Fatalf("ActiveAlerts returned %d instances, want 3", len(got))
		}
		for _, w := range want {
			equal(t, "instance "+w.Fingerprint, []store.AlertRecord{got[w.Fingerprint]}, []store.AlertRecord{w})
		}
	})

	t.Run("AlertsWindowAndFilter", func(t *testing.T) {
		l := open(t)
		early := rec("a1", "CHN", "PHL", store.AlertResolved, 0, 60)    // active [0, 60)
		mid := rec("b1", "USA", "CHN", store.AlertFiring, 100, 130)     // active from 100 on
		late := rec("c1", "CHN", "VNM", store.AlertPending, 300, 300)   // active from 300 on
		other := rec("d1", "RUS", "UKR", store.AlertResolved, 120, 200) // active [120, 200)
		save(t, l, early, mid, late, other)
		for _, tc := range []struct {
			name  string
			w     store.Window
			f     store.DyadFilter
			limit int
			want  []store.AlertRecord
		}{
			{"all", store.Window{}, store.DyadFilter{}, 10, []store.AlertRecord{late, other, mid, early}},
			{"limit", store.Window{}, store.DyadFilter{}, 2, []store.AlertRecord{late, other}},
			{"window", store.Window{From: at(70), To: at(300)}, store.DyadFilter{}, 10, []store.AlertRecord{other, mid}},
			{"window includes the resolution minute", store.Window{From: at(60), To: at(61)}, store.DyadFilter{}, 10, []store.AlertRecord{early}},
			{"window before", store.Window{To: at(1)}, store.DyadFilter{}, 10, []store.AlertRecord{early}},
			{"source", store.Window{}, store.DyadFilter{Source: "CHN"}, 10, []store.AlertRecord{late, early}},
			{"source and target", store.Window{}, store.DyadFilter{Source: "CHN", Target: "PHL"}, 10, []store.AlertRecord{early}},
			{"target", store.Window{}, store.DyadFilter{Target: "CHN"}, 10, []store.AlertRecord{mid}},
			{"actors", store.Window{}, store.DyadFilter{Actors: []string{"UKR", "PHL"}}, 10, []store.AlertRecord{other, early}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := l.Alerts(t.Context(), tc.w, tc.f, tc.limit)
				if err != nil {
					t.Fatalf("Alerts: %v", err)
				}
				equal(t, "Alerts", got, tc.want)
			})
		}
	})
}
