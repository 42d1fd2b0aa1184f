package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancemon/stancemon/alerts"
	"github.com/stancemon/stancemon/alerts/notify"
	"github.com/stancemon/stancemon/simulate"
	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/sqlite"
)

func runCmd(ctx context.Context, args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	root := newRootCmd()
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err = root.ExecuteContext(ctx)
	return out.String(), errOut.String(), err
}

func TestAlertsCheck(t *testing.T) {
	out, errOut, err := runCmd(t.Context(), "alerts", "check", "../../alerts/testdata/full.good.yaml", "../../alerts/testdata/wrong_param.bad.yaml")
	if err == nil || err.Error() != "1 of 2 rule files have errors" {
		t.Errorf("error = %v", err)
	}
	if out != "../../alerts/testdata/full.good.yaml: ok, 2 groups, 3 rules\n" {
		t.Errorf("stdout %q", out)
	}
	if !strings.HasPrefix(errOut, "../../alerts/testdata/wrong_param.bad.yaml:6:48: ") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestAlertsTest(t *testing.T) {
	out, _, err := runCmd(t.Context(), "alerts", "test", "../../alerts/testdata/tests/default.yaml")
	if err != nil || out != "PASS ../../alerts/testdata/tests/default.yaml\n" {
		t.Errorf("out %q, error %v", out, err)
	}
}

// TestAlertsRun scores a simulated turn into an embedded store, then runs
// `stancemon alerts run` on it with the data clock and a webhook, and waits
// for the alert.
func TestAlertsRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alerts.db")
	st, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := simulate.DefaultConfig()
	cfg.Duration = 56 * time.Hour
	cfg.Rate = 20
	cfg.Filler = 0
	cfg.Dyads = []simulate.Dyad{{Source: "CHN", Target: "PHL", Base: -0.2, Shifts: []simulate.Shift{{At: 50 * time.Hour, To: -0.7}}}}
	g, err := simulate.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := stance.NewScorer()
	if err != nil {
		t.Fatal(err)
	}
	var b store.Batch
	for m, ok := g.Next(); ok; m, ok = g.Next() {
		b.Items = append(b.Items, store.Item{
			Pos:     store.Position{Topic: "articles", Offset: int64(len(b.Items))},
			Article: store.Article{ID: m.ID, PublishedAt: m.PublishedAt, Title: m.Title, Outlet: m.Outlet},
			Result:  sc.Score(m.Stance()),
		})
	}
	if err := st.WriteBatch(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	st.Close()

	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	var (
		mu  sync.Mutex
		got []alerts.Alert
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m notify.WebhookMessage
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		got = append(got, m.Alerts...)
		mu.Unlock()
		cancel()
	}))
	defer hook.Close()
	_, _, err = runCmd(ctx, "alerts", "run", "--store", path, "--clock", "data",
		"--from", cfg.Start.Add(48*time.Hour).Format(time.RFC3339), "--webhook", hook.URL, "--log-format", "json")
	if err != nil {
		t.Fatalf("alerts run: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) == 0 {
		t.Fatal("no alert reached the webhook")
	}
	a := got[0]
	if a.Rule != "RelationshipTurnedHostile" || a.Source != "CHN" || a.Target != "PHL" || a.State != store.AlertFiring || a.FiredAt.Before(cfg.Start.Add(50*time.Hour)) {
		t.Errorf("alert %+v", a)
	}

	// The alert log kept it: a second run restores it and sends nothing new.
	st, err = sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	active, err := st.ActiveAlerts(t.Context())
	if err != nil || len(active) != 1 || active[0].Fingerprint != a.Fingerprint {
		t.Errorf("active alerts %+v, %v", active, err)
	}
}
