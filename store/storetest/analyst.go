package storetest

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
)

// AnalystStore is a backend that stores batches and answers the analyst's
// queries.
type AnalystStore = interface {
	store.Store
	store.Analyst
}

// analystBase is the start of the hour of the first article of the
// contract's data.
var analystBase = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// event is a directed dyad of a test article.
type event struct {
	source, target string
	score, conf    float64
	category       stance.Category
	sentence       string
	cues           []string
}

// analystItem builds a scored article at analystBase+at.
func analystItem(offset int64, id string, at time.Duration, outlet string, events ...event) store.Item {
	res := stance.Result{Actors: map[string]int{}}
	for _, e := range events {
		res.Actors[e.source]++
		res.Actors[e.target]++
		var cues []stance.Cue
		for _, c := range e.cues {
			cues = append(cues, stance.Cue{Text: c, Category: e.category})
		}
		res.Dyads = append(res.Dyads, stance.Dyad{
			Source: e.source, Target: e.target, Score: e.score, Category: e.category, Confidence: e.conf,
			Evidence: []stance.Evidence{{Sentence: 1, Text: e.sentence, Score: e.score, Confidence: e.conf, Cues: cues}},
		})
	}
	return store.Item{
		Pos: store.Position{Topic: "articles", Partition: 0, Offset: offset},
		Article: store.Article{
			ID: id, PublishedAt: analystBase.Add(at), Title: "Title of " + id,
			URL: "https://news.example/" + id, Outlet: outlet, Lang: "en",
		},
		Result: res,
	}
}

// analystBatch is the contract's data. Over [base, base+2d), CHN->USA has
// the scores -0.5 (Reuters), -0.3 (AP), 0.1 (Reuters), -0.7 (BBC): mean
// -0.35, population standard deviation sqrt(0.0875). DEU->FRA is two days
// before base.
func analystBatch() store.Batch {
	return store.Batch{Items: []store.Item{
		analystItem(0, "a0", -48*time.Hour, "Le Monde",
			event{"DEU", "FRA", 0.6, 0.7, stance.Cooperate, "Berlin and Paris agreed to cooperate.", []string{"agreed", "cooperate"}}),
		analystItem(1, "a1", 10*time.Minute, "Reuters",
			event{"CHN", "USA", -0.5, 0.8, stance.Disapprove, "China condemned the US sanctions.", []string{"condemned", "sanctions"}},
			event{"USA", "CHN", 0.2, 0.5, stance.Consult, "Washington called for talks.", []string{"talks"}}),
		analystItem(2, "a2", 20*time.Minute, "AP",
			event{"CHN", "USA", -0.3, 0.6, stance.Reject, "Beijing rejected the proposal.", []string{"rejected"}}),
		analystItem(3, "a3", 90*time.Minute, "Reuters",
			event{"CHN", "USA", 0.1, 0.9, stance.Consult, "China met US envoys.", []string{"met"}}),
		analystItem(4, "a4", 25*time.Hour, "BBC",
			event{"RUS", "UKR", -0.9, 1.0, stance.Assault, "Russia shelled Ukrainian positions.", []string{"shelled"}},
			event{"CHN", "USA", -0.7, 0.4, stance.Threaten, "China warned the US of retaliation.", []string{"warned", "retaliation"}}),
	}}
}

// tolerance absorbs the float32 columns of ClickHouse.
const tolerance = 1e-5

// RunAnalyst runs the contract of store.Analyst against stores made by
// open, which must return an empty store and close it at the end of the
// test.
func RunAnalyst(t *testing.T, open func(t *testing.T) AnalystStore) {
	ctx := context.Background()
	s := open(t)
	latest, err := s.Latest(ctx)
	if err != nil {
		t.Fatalf("Latest of an empty store: %v", err)
	}
	if !latest.IsZero() {
		t.Errorf("Latest of an empty store = %v, want the zero time", latest)
	}
	if err := s.WriteBatch(ctx, analystBatch()); err != nil {
		t.Fatalf("writing the contract's data: %v", err)
	}
	t.Run("Latest", func(t *testing.T) {
		got, err := s.Latest(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := analystBase.Add(25 * time.Hour); !got.Equal(want) {
			t.Errorf("Latest = %v, want %v", got, want)
		}
	})
	t.Run("Summaries", func(t *testing.T) { testSummaries(t, s) })
	t.Run("Series", func(t *testing.T) { testSeries(t, s) })
	t.Run("Evidence", func(t *testing.T) { testEvidence(t, s) })
}

func testSummaries(t *testing.T, s store.Analyst) {
	twoDays := store.Window{From: analystBase, To: analystBase.Add(48 * time.Hour)}
	chnUSA := store.DyadSummary{Source: "CHN", Target: "USA", Articles: 4, Outlets: 3, MeanScore: -0.35, StdDev: math.Sqrt(0.0875)}
	rusUKR := store.DyadSummary{Source: "RUS", Target: "UKR", Articles: 1, Outlets: 1, MeanScore: -0.9}
	usaCHN := store.DyadSummary{Source: "USA", Target: "CHN", Articles: 1, Outlets: 1, MeanScore: 0.2}
	deuFRA := store.DyadSummary{Source: "DEU", Target: "FRA", Articles: 1, Outlets: 1, MeanScore: 0.6}
	for _, tc := range []struct {
		name string
		w    store.Window
		f    store.DyadFilter
		want []store.DyadSummary
	}{
		{"window, most articles first then by source", twoDays, store.DyadFilter{}, []store.DyadSummary{chnUSA, rusUKR, usaCHN}},
		{"open window", store.Window{}, store.DyadFilter{}, []store.DyadSummary{chnUSA, deuFRA, rusUKR, usaCHN}},
		{"open end", store.Window{From: analystBase.Add(25 * time.Hour)}, store.DyadFilter{}, []store.DyadSummary{
			{Source: "CHN", Target: "USA", Articles: 1, Outlets: 1, MeanScore: -0.7}, rusUKR}},
		{"end excluded", store.Window{To: analystBase.Add(10 * time.Minute)}, store.DyadFilter{}, []store.DyadSummary{deuFRA}},
		{"source", twoDays, store.DyadFilter{Source: "CHN"}, []store.DyadSummary{chnUSA}},
		{"target", twoDays, store.DyadFilter{Target: "CHN"}, []store.DyadSummary{usaCHN}},
		{"source and target", twoDays, store.DyadFilter{Source: "USA", Target: "CHN"}, []store.DyadSummary{usaCHN}},
		{"actor as source or target", twoDays, store.DyadFilter{Actors: []string{"USA"}}, []store.DyadSummary{chnUSA, usaCHN}},
		{"actors", twoDays, store.DyadFilter{Actors: []string{"UKR", "FRA"}}, []store.DyadSummary{rusUKR}},
		{"no match", twoDays, store.DyadFilter{Source: "XYZ"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Summaries(context.Background(), tc.w, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d summaries %+v, want %+v", len(got), got, tc.want)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Source != w.Source || g.Target != w.Target || g.Articles != w.Articles || g.Outlets != w.Outlets ||
					!near(g.MeanScore, w.MeanScore) || !near(g.StdDev, w.StdDev) {
					t.Errorf("summary %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func testSeries(t *testing.T, s store.Analyst) {
	twoDays := store.Window{From: analystBase, To: analystBase.Add(48 * time.Hour)}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name           string
		source, target string
		w              store.Window
		step           time.Duration
		want           []store.SeriesPoint
	}{
		{"hours, empty buckets omitted", "CHN", "USA", twoDays, time.Hour, []store.SeriesPoint{
			{Time: analystBase, Articles: 2, MeanScore: -0.4},
			{Time: analystBase.Add(time.Hour), Articles: 1, MeanScore: 0.1},
			{Time: analystBase.Add(25 * time.Hour), Articles: 1, MeanScore: -0.7},
		}},
		{"days at midnight UTC", "CHN", "USA", twoDays, 24 * time.Hour, []store.SeriesPoint{
			{Time: day, Articles: 3, MeanScore: -0.7 / 3},
			{Time: day.Add(24 * time.Hour), Articles: 1, MeanScore: -0.7},
		}},
		{"window cuts hours", "CHN", "USA", store.Window{From: analystBase.Add(time.Hour), To: analystBase.Add(25 * time.Hour)}, time.Hour, []store.SeriesPoint{
			{Time: analystBase.Add(time.Hour), Articles: 1, MeanScore: 0.1},
		}},
		{"directed", "USA", "CHN", twoDays, time.Hour, []store.SeriesPoint{
			{Time: analystBase, Articles: 1, MeanScore: 0.2},
		}},
		{"no data", "USA", "RUS", twoDays, time.Hour, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Series(context.Background(), tc.source, tc.target, tc.w, tc.step)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d points %+v, want %+v", len(got), got, tc.want)
			}
			for i, w := range tc.want {
				g := got[i]
				if !g.Time.Equal(w.Time) || g.Articles != w.Articles || !near(g.MeanScore, w.MeanScore) {
					t.Errorf("point %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
	t.Run("step not whole hours", func(t *testing.T) {
		if _, err := s.Series(context.Background(), "CHN", "USA", twoDays, 90*time.Minute); err == nil {
			t.Error("step 90m: no error")
		}
	})
}

func testEvidence(t *testing.T, s store.Analyst) {
	twoDays := store.Window{From: analystBase, To: analystBase.Add(48 * time.Hour)}
	a1 := store.EvidenceRow{
		PublishedAt: analystBase.Add(10 * time.Minute), ArticleID: "a1", Title: "Title of a1",
		URL: "https://news.example/a1", Outlet: "Reuters", Source: "CHN", Target: "USA", Score: -0.5,
		Category: "DISAPPROVE", Confidence: 0.8, Sentence: "China condemned the US sanctions.",
		Cues: []string{"condemned", "sanctions"},
	}
	for _, tc := range []struct {
		name           string
		source, target string
		w              store.Window
		limit          int
		want           []string // article IDs, strongest first
	}{
		{"strongest first", "CHN", "USA", twoDays, 10, []string{"a1", "a4", "a2", "a3"}},
		{"limit", "CHN", "USA", twoDays, 2, []string{"a1", "a4"}},
		{"window", "CHN", "USA", store.Window{From: analystBase.Add(15 * time.Minute), To: analystBase.Add(2 * time.Hour)}, 10, []string{"a2", "a3"}},
		{"open window", "DEU", "FRA", store.Window{}, 10, []string{"a0"}},
		{"no data", "USA", "RUS", twoDays, 10, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Evidence(context.Background(), tc.source, tc.target, tc.w, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range got {
				ids = append(ids, r.ArticleID)
				if r.Source != tc.source || r.Target != tc.target {
					t.Errorf("row of %s is %s->%s, want %s->%s", r.ArticleID, r.Source, r.Target, tc.source, tc.target)
				}
			}
			if !slices.Equal(ids, tc.want) {
				t.Fatalf("articles = %v, want %v", ids, tc.want)
			}
			if len(got) > 0 && got[0].ArticleID == "a1" {
				checkEvidenceRow(t, got[0], a1)
			}
		})
	}
}

func checkEvidenceRow(t *testing.T, got, want store.EvidenceRow) {
	t.Helper()
	if !got.PublishedAt.Equal(want.PublishedAt) || got.Title != want.Title || got.URL != want.URL ||
		got.Outlet != want.Outlet || got.Category != want.Category || got.Sentence != want.Sentence ||
		!near(got.Score, want.Score) || !near(got.Confidence, want.Confidence) || !slices.Equal(got.Cues, want.Cues) {
		t.Errorf("evidence row = %+v, want %+v", got, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= tolerance }
