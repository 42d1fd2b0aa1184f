//go:build browser

package browsertest

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"go.uber.org/zap/zaptest"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/sqlite"
	"github.com/stancemon/stancemon/store/storetest"
	"github.com/stancemon/stancemon/web"
)

var (
	screenshotDir = flag.String("screenshots", filepath.Join(os.TempDir(), "stancemon-screenshots"), "directory of the browser test's screenshots")
	dashboardPNG  = flag.String("dashboard-png", "", "also save the dashboard's screenshot as this PNG file (docs/dashboard.png)")
)

// chromium returns the browser to drive: $STANCEMON_CHROMIUM, or chromium
// on the PATH.
func chromium(t *testing.T) string {
	if p := os.Getenv("STANCEMON_CHROMIUM"); p != "" {
		return p
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("no chromium on the PATH (%v): install it with `apt-get install -y chromium` or set STANCEMON_CHROMIUM", err)
	}
	return p
}

// browser starts a headless Chromium with a fresh profile and returns its
// context; script errors and console errors of the page fail the test.
func browser(t *testing.T) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1250),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first Do starts the browser; it lives as long as ctx.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chromium(t), err)
	}
	messages := chromedp.Console(ctx)
	var (
		mu       sync.Mutex
		problems []string
		done     = make(chan struct{})
	)
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s %s:%d: %s", m.Type, m.URL, m.Line+1, m.Text))
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		cancelCtx()
		<-done
		for _, p := range problems {
			t.Errorf("page console: %s", p)
		}
	})
	tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	return tctx
}

// serve fills a fresh embedded store with the fixture ending at end and
// serves the dashboard over it under prefix ("/", or "/path/"); it returns
// the dashboard's URL.
func serve(t *testing.T, prefix string, end time.Time, alert *store.AlertRecord) string {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "stancemon.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.WriteBatch(ctx, storetest.Fixture(end)); err != nil {
		t.Fatal(err)
	}
	var alerts store.AlertLog
	if al, ok := any(s).(store.AlertLog); ok && alert != nil {
		if err := al.SaveAlert(ctx, *alert); err != nil {
			t.Fatal(err)
		}
		alerts = al
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), web.NewHandler(s, s, alerts, zaptest.NewLogger(t))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// waitReady waits until every panel of the page has loaded.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := poll(ctx, `[...document.querySelectorAll('.panel')].every(p => p.dataset.status === 'ready')`); err != nil {
		t.Fatalf("waiting for the panels to load: %v", err)
	}
}

// poll waits until the JavaScript expression is true.
func poll(ctx context.Context, expr string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second)))
	return err
}

// screenshot saves the page as a PNG under -screenshots and logs its path.
func screenshot(t *testing.T, ctx context.Context, name string) string {
	if err := chromedp.Do(ctx, chromedp.Sleep(700*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("taking screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(*screenshotDir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	t.Logf("screenshot: %s (%d KB)", abs, len(png)/1024)
	return path
}

// pageState is what the test reads back from the page.
type pageState struct {
	Actors        int      `json:"actors"`
	Cells         int      `json:"cells"`
	CellsValued   int      `json:"cellsValued"`
	LineSeries    []string `json:"lineSeries"`
	LinePoints    []int    `json:"linePoints"`
	BarPoints     []int    `json:"barPoints"`
	AlertMarks    int      `json:"alertMarks"`
	Movers        []string `json:"movers"`
	EvidenceRows  int      `json:"evidenceRows"`
	EvidenceMarks int      `json:"evidenceMarks"`
	EvidenceTitle string   `json:"evidenceTitle"`
	Replay        string   `json:"replay"`
	ReplayHidden  bool     `json:"replayHidden"`
	Hash          string   `json:"hash"`
	Window        string   `json:"window"`
	Step          string   `json:"step"`
}

const readState = `(() => {
  const m = echarts.getInstanceByDom(document.getElementById('matrix')).getOption();
  const s = echarts.getInstanceByDom(document.getElementById('series')).getOption();
  const heat = m.series[0].data;
  const lines = s.series.filter(x => x.type === 'line');
  return {
    actors: m.xAxis[0].data.length,
    cells: heat.length,
    cellsValued: heat.filter(d => typeof d.value[2] === 'number' && d.value[3] > 0).length,
    lineSeries: lines.map(x => x.name),
    linePoints: lines.map(x => x.data.length),
    barPoints: s.series.filter(x => x.type === 'bar').map(x => x.data.length),
    alertMarks: lines[0].markLine ? lines[0].markLine.data.length : 0,
    movers: [...document.querySelectorAll('#movers tbody tr.clickable td:first-child')].map(td => td.textContent),
    evidenceRows: document.querySelectorAll('#evidence tbody tr.evidence-row').length,
    evidenceMarks: document.querySelectorAll('#evidence tbody mark').length,
    evidenceTitle: document.getElementById('evidence-title').textContent,
    replay: document.getElementById('replay').textContent,
    replayHidden: document.getElementById('replay').hidden,
    hash: window.location.hash,
    window: document.getElementById('window').value,
    step: document.getElementById('step').value,
  };
})()`

func readPage(t *testing.T, ctx context.Context) pageState {
	waitReady(t, ctx)
	st, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readState))
	if err != nil {
		t.Fatalf("reading the page: %v", err)
	}
	return st
}

// clickChart clicks the data item at value (in the chart's coordinates) of
// the first series of the chart in element id.
func clickChart(t *testing.T, ctx context.Context, id, value string) {
	js := fmt.Sprintf(`(() => {
  const el = document.getElementById(%q);
  el.scrollIntoView({block: 'center'});
  const p = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, %s);
  const r = el.getBoundingClientRect();
  return [r.left + p[0], r.top + p[1]];
})()`, id, value)
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](js))
	if err != nil {
		t.Fatalf("locating %s in #%s: %v", value, id, err)
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(xy[0], xy[1])); err != nil {
		t.Fatalf("clicking #%s at %v: %v", id, xy, err)
	}
}

func TestBrowserDashboard(t *testing.T) {
	ctx := browser(t)
	now := time.Now().UTC()
	url := serve(t, "/", now, &store.AlertRecord{
		Fingerprint: "browser-test", Rule: "HostileTurn", Source: "CHN", Target: "USA", State: store.AlertFiring,
		Value: -0.7, ActiveAt: now.Add(-5 * 24 * time.Hour), FiredAt: now.Add(-4 * 24 * time.Hour), UpdatedAt: now.Add(-4 * 24 * time.Hour),
	})
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}

	t.Run("charts show data", func(t *testing.T) {
		st := readPage(t, ctx)
		t.Logf("page: %+v", st)
		if st.Actors != 14 || st.CellsValued < 24 || st.CellsValued != st.Cells {
			t.Errorf("matrix: %d actors, %d cells of which %d with values; want 14 actors and the 24 dyads", st.Actors, st.Cells, st.CellsValued)
		}
		// The default dyad is the one with the most articles, RUS->UKR.
		if len(st.LineSeries) != 2 || st.LineSeries[0] != "RUS → UKR" || st.LineSeries[1] != "UKR → RUS" {
			t.Errorf("series lines = %q, want RUS → UKR and UKR → RUS", st.LineSeries)
		}
		if len(st.LinePoints) != 2 || st.LinePoints[0] < 10 || st.LinePoints[1] < 10 || len(st.BarPoints) != 2 || st.BarPoints[0] != st.LinePoints[0] {
			t.Errorf("series points: lines %v, bars %v", st.LinePoints, st.BarPoints)
		}
		if len(st.Movers) < 2 || !slices.Contains(st.Movers[:2], "CHN → USA") || !slices.Contains(st.Movers[:2], "EU → CHN") {
			t.Errorf("movers = %q, want CHN → USA and EU → CHN first", st.Movers)
		}
		if st.EvidenceRows == 0 || st.EvidenceMarks < st.EvidenceRows || !strings.HasPrefix(st.EvidenceTitle, "RUS → UKR") {
			t.Errorf("evidence: %d rows, %d cue marks, title %q", st.EvidenceRows, st.EvidenceMarks, st.EvidenceTitle)
		}
		if !st.ReplayHidden {
			t.Errorf("replay notice shown for live data: %q", st.Replay)
		}
		screenshot(t, ctx, "dashboard")
		if *dashboardPNG != "" {
			// Scaled down for the README: it must stay under 300 KB.
			png, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.CSS("body"), 0.8))
			if err != nil {
				t.Fatal(err)
			}
			if len(png) > 300<<10 {
				t.Errorf("%s would be %d KB, limit 300 KB", *dashboardPNG, len(png)>>10)
			} else if err := os.WriteFile(*dashboardPNG, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s (%d KB)", *dashboardPNG, len(png)>>10)
		}
	})

	t.Run("matrix cell drills down", func(t *testing.T) {
		// Click the DEU (row) x FRA (column) cell.
		clickChart(t, ctx, "matrix", `['FRA', 'DEU']`)
		if err := poll(ctx, `document.getElementById('evidence-title').textContent.startsWith('DEU → FRA')`); err != nil {
			t.Fatalf("evidence did not switch to DEU → FRA: %v", err)
		}
		st := readPage(t, ctx)
		if st.EvidenceRows == 0 || st.LineSeries[0] != "DEU → FRA" || st.LinePoints[0] == 0 {
			t.Errorf("after clicking DEU x FRA: %d evidence rows, series %q with %v points", st.EvidenceRows, st.LineSeries, st.LinePoints)
		}
		if !strings.Contains(st.Hash, "source=DEU&target=FRA") {
			t.Errorf("URL fragment %q does not record the dyad", st.Hash)
		}
		screenshot(t, ctx, "drilldown-cell")
	})

	t.Run("movers row and series point drill down", func(t *testing.T) {
		clickRow := `[...document.querySelectorAll('#movers tbody tr.clickable')].find(tr => tr.cells[0].textContent === 'CHN → USA').click()`
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](clickRow)); err != nil {
			t.Fatal(err)
		}
		if err := poll(ctx, `document.getElementById('evidence-title').textContent.startsWith('CHN → USA')`); err != nil {
			t.Fatalf("the movers row did not select CHN → USA: %v", err)
		}
		st := readPage(t, ctx)
		if st.AlertMarks != 1 {
			if _, ok := any((*sqlite.Store)(nil)).(store.AlertLog); ok {
				t.Errorf("alert marks on CHN → USA = %d, want 1", st.AlertMarks)
			} else {
				t.Logf("the sqlite store has no alert log yet: no alert marks to check")
			}
		}
		// Click the newest point of CHN -> USA: the evidence narrows to its hour.
		clickChart(t, ctx, "series", `(() => { const d = echarts.getInstanceByDom(document.getElementById('series')).getOption().series[0].data; return d[d.length - 1].slice(0, 2); })()`)
		if err := poll(ctx, `(() => { const t = document.getElementById('evidence-title').textContent; return t.startsWith('CHN → USA') && t.includes(':00 UTC to ') && [...document.querySelectorAll('#evidence tbody tr.evidence-row')].length > 0; })()`); err != nil {
			title, _ := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(`#evidence-title`)))
			t.Fatalf("clicking a series point did not show its evidence (title %q): %v", title, err)
		}
		screenshot(t, ctx, "drilldown-point")
	})
}

// TestBrowserReplay opens a link to a view of a replay of 1987, served
// under a path prefix: the page says that the windows end at the newest
// article and restores the view.
func TestBrowserReplay(t *testing.T) {
	ctx := browser(t)
	url := serve(t, "/stancemon/", time.Date(1987, 10, 19, 16, 30, 0, 0, time.UTC), nil)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"#window=30d&actors=10&source=DEU&target=FRA&step=1d")); err != nil {
		t.Fatal(err)
	}
	st := readPage(t, ctx)
	if st.ReplayHidden || !strings.Contains(st.Replay, "newest article is from 1987-10-19 16:29 UTC") {
		t.Errorf("replay notice: hidden %v, %q", st.ReplayHidden, st.Replay)
	}
	if st.Window != "30d" || st.Step != "1d" || st.Actors != 10 || len(st.LineSeries) == 0 || st.LineSeries[0] != "DEU → FRA" {
		t.Errorf("view of the link: window %q, step %q, %d actors, series %q", st.Window, st.Step, st.Actors, st.LineSeries)
	}
	if st.CellsValued < 10 || st.EvidenceRows == 0 || st.LinePoints[0] < 10 {
		t.Errorf("replay page: %d cells, %d evidence rows, %v points", st.CellsValued, st.EvidenceRows, st.LinePoints)
	}
	screenshot(t, ctx, "replay-1987")
}
