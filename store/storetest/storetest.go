// Package storetest is the contract that every store.Store backend passes:
// exact rows, aggregates over windows and idempotent redelivery, with the
// contracts of store.Analyst and store.AlertLog. Each backend's tests call
// RunBackend.
package storetest

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
)

// Inspector is what the contract needs from a backend beyond store.Store.
// A backend's test implements it on a wrapper of its Store, with access to
// the backend's internals.
type Inspector interface {
	// Rows returns every row of the articles and stance_events tables.
	Rows(ctx context.Context) (Rows, error)
	// WriteArticlesOnly stores the articles of b as WriteBatch does but not
	// their stance events: what a crash between the two leaves behind.
	WriteArticlesOnly(ctx context.Context, b store.Batch) error
	// Reopen returns a new store on the same database, as a restarted
	// process would open it. The test closes it.
	Reopen(ctx context.Context) (store.Store, error)
}

// ArticleRow is a row of the articles table.
type ArticleRow struct {
	ID          string
	PublishedAt time.Time
	Outlet      string
	URL         string
	Title       string
	Lang        string
	Tone        float64
	Countries   []string
	Actors      []string
	Pos         store.Position
}

// EventRow is a row of the stance_events table.
type EventRow struct {
	ArticleID   string
	PublishedAt time.Time
	Outlet      string
	URL         string
	Event       store.Event
	Pos         store.Position
}

// Rows are the rows of a store, in any order.
type Rows struct {
	Articles []ArticleRow
	Events   []EventRow
}

// RunBackend runs every contract of the package (Run, RunAnalyst and
// RunAlertLog) against the backends that open returns: a new, empty
// backend on each call, which also implements Inspector. Each backend's
// tests call it.
func RunBackend(t *testing.T, open func(t *testing.T) store.Backend) {
	t.Run("Store", func(t *testing.T) {
		Run(t, func(t *testing.T) store.Store { return open(t) })
	})
	t.Run("Analyst", func(t *testing.T) {
		RunAnalyst(t, func(t *testing.T) AnalystStore { return open(t) })
	})
	t.Run("AlertLog", func(t *testing.T) {
		RunAlertLog(t, func(t *testing.T) store.AlertLog { return open(t) })
	})
}

// Run runs the contract against the stores that open returns: a new,
// empty store on each call, which also implements Inspector.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	scenarios := []struct {
		name string
		run  func(t *testing.T, s backend)
	}{
		{"ExactRows", testExactRows},
		{"DyadStatsWindows", testDyadStatsWindows},
		{"Redelivery", testRedelivery},
		{"RedeliveryAfterRestart", testRedeliveryAfterRestart},
		{"ArticlesStoredEventsNot", testArticlesStoredEventsNot},
		{"ArticlesStoredEventsNotAfterRestart", testArticlesStoredEventsNotAfterRestart},
		{"AnotherInstanceWroteMeanwhile", testAnotherInstanceWroteMeanwhile},
		{"PartialInsert", testPartialInsert},
		{"EmptyBatch", testEmptyBatch},
		{"ArticlesWithoutDyads", testArticlesWithoutDyads},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := open(t)
			in, ok := s.(Inspector)
			if !ok {
				t.Fatalf("the store %T does not implement storetest.Inspector", s)
			}
			sc.run(t, backend{Store: s, Inspector: in})
		})
	}
}

// backend is a store under test.
type backend struct {
	store.Store
	Inspector
}

// t0 is the start of an hour; the fixtures are published in this hour and
// the next.
var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

const topic = "articles"

// fixture returns the item at offset off of partition part, published at
// t0+at, with the given dyads.
func fixture(part int, off int64, at time.Duration, dyads ...stance.Dyad) store.Item {
	id := fmt.Sprintf("a-%d-%d", part, off)
	actors := map[string]int{}
	var countries []string
	for _, d := range dyads {
		actors[d.Source]++
		actors[d.Target]++
	}
	for code := range actors {
		if len(code) == 3 {
			countries = append(countries, code)
		}
	}
	slices.Sort(countries)
	return store.Item{
		Pos: store.Position{Topic: topic, Partition: part, Offset: off},
		Article: store.Article{
			ID:          id,
			PublishedAt: t0.Add(at),
			Title:       "Title " + id,
			URL:         "https://news.example/" + id,
			Outlet:      "example",
			Lang:        "en",
			Countries:   countries,
		},
		Result: stance.Result{Tone: -0.25, Actors: actors, Dyads: dyads},
	}
}

// dyad returns a dyad with one evidence sentence and one cue.
func dyad(source, target string, score float64) stance.Dyad {
	cat := stance.Cooperate
	if score < 0 {
		cat = stance.Threaten
	}
	return stance.Dyad{
		Source: source, Target: target, Score: score, Category: cat, Confidence: 0.75,
		Evidence: []stance.Evidence{
			{Sentence: 2, Text: source + " warns " + target + ".", Score: score, Confidence: 0.75,
				Cues: []stance.Cue{{Text: "warns", Start: 4, End: 9, Category: cat}}},
			{Sentence: 5, Text: "weaker", Score: score / 2, Confidence: 0.5},
		},
	}
}

// batch returns a batch of items.
func batch(items ...store.Item) store.Batch {
	return store.Batch{Items: items}
}

// nato is an organisation: not a country.
const nato = "NATO"

// standard is a batch over two partitions and two hours:
//
//	p0/0 t0+10m   USA->CHN -0.5, CHN->USA 0.5
//	p0/1 t0+70m   USA->CHN -1, NATO->RUS -0.25
//	p1/7 t0+20m   USA->CHN 0.25
func standard() store.Batch {
	return batch(
		fixture(0, 0, 10*time.Minute, dyad("CHN", "USA", 0.5), dyad("USA", "CHN", -0.5)),
		fixture(0, 1, 70*time.Minute, dyad(nato, "RUS", -0.25), dyad("USA", "CHN", -1)),
		fixture(1, 7, 20*time.Minute, dyad("USA", "CHN", 0.25)),
	)
}

// standardStats are the DyadStats of standard over all time.
var standardStats = []store.DyadStat{
	{Source: "USA", Target: "CHN", Articles: 3, MeanScore: (-0.5 - 1 + 0.25) / 3},
	{Source: "CHN", Target: "USA", Articles: 1, MeanScore: 0.5},
	{Source: nato, Target: "RUS", Articles: 1, MeanScore: -0.25},
}

func testExactRows(t *testing.T, s backend) {
	write(t, s.Store, standard())
	got := rows(t, s)
	pos := func(part int, off int64) store.Position {
		return store.Position{Topic: topic, Partition: part, Offset: off}
	}
	article := func(part int, off int64, at time.Duration, countries, actors []string) ArticleRow {
		id := fmt.Sprintf("a-%d-%d", part, off)
		return ArticleRow{ID: id, PublishedAt: t0.Add(at), Outlet: "example", URL: "https://news.example/" + id,
			Title: "Title " + id, Lang: "en", Tone: -0.25, Countries: countries, Actors: actors, Pos: pos(part, off)}
	}
	event := func(part int, off int64, at time.Duration, source, target string, score float64) EventRow {
		id := fmt.Sprintf("a-%d-%d", part, off)
		cat := stance.Cooperate
		if score < 0 {
			cat = stance.Threaten
		}
		return EventRow{ArticleID: id, PublishedAt: t0.Add(at), Outlet: "example", URL: "https://news.example/" + id,
			Event: store.Event{Source: source, Target: target, Score: score, Category: cat, Confidence: 0.75,
				Sentence: 2, Evidence: source + " warns " + target + ".", Cues: []string{"warns"}},
			Pos: pos(part, off)}
	}
	want := Rows{
		Articles: []ArticleRow{
			article(0, 0, 10*time.Minute, []string{"CHN", "USA"}, []string{"CHN", "USA"}),
			article(0, 1, 70*time.Minute, []string{"CHN", "RUS", "USA"}, []string{"CHN", nato, "RUS", "USA"}),
			article(1, 7, 20*time.Minute, []string{"CHN", "USA"}, []string{"CHN", "USA"}),
		},
		Events: []EventRow{
			event(0, 0, 10*time.Minute, "CHN", "USA", 0.5),
			event(0, 0, 10*time.Minute, "USA", "CHN", -0.5),
			event(0, 1, 70*time.Minute, nato, "RUS", -0.25),
			event(0, 1, 70*time.Minute, "USA", "CHN", -1),
			event(1, 7, 20*time.Minute, "USA", "CHN", 0.25),
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows after one batch:\n got %s\nwant %s", dump(got), dump(want))
	}
}

func testDyadStatsWindows(t *testing.T, s backend) {
	write(t, s.Store, standard())
	usaCHN := func(n uint64, mean float64) store.DyadStat {
		return store.DyadStat{Source: "USA", Target: "CHN", Articles: n, MeanScore: mean}
	}
	chnUSA := store.DyadStat{Source: "CHN", Target: "USA", Articles: 1, MeanScore: 0.5}
	natoRUS := store.DyadStat{Source: nato, Target: "RUS", Articles: 1, MeanScore: -0.25}
	tests := []struct {
		name string
		w    store.Window
		want []store.DyadStat
	}{
		{"open", store.Window{}, standardStats},
		{"first hour", store.Window{From: t0, To: t0.Add(time.Hour)}, []store.DyadStat{usaCHN(2, (-0.5+0.25)/2), chnUSA}},
		{"from second hour", store.Window{From: t0.Add(time.Hour)}, []store.DyadStat{natoRUS, usaCHN(1, -1)}},
		{"until second hour", store.Window{To: t0.Add(time.Hour)}, []store.DyadStat{usaCHN(2, (-0.5+0.25)/2), chnUSA}},
		{"inside the first hour counts it whole", store.Window{From: t0, To: t0.Add(time.Minute)}, []store.DyadStat{usaCHN(2, (-0.5+0.25)/2), chnUSA}},
		{"from mid first hour skips it", store.Window{From: t0.Add(30 * time.Minute)}, []store.DyadStat{natoRUS, usaCHN(1, -1)}},
		{"before", store.Window{To: t0}, nil},
		{"after", store.Window{From: t0.Add(2 * time.Hour)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkStats(t, s.Store, tt.w, tt.want)
		})
	}
}

func testRedelivery(t *testing.T, s backend) {
	b := standard()
	write(t, s.Store, b)
	want := rows(t, s)
	// The same batch again, then one overlapping it: p0/1 again with
	// p0/2 new, and p1/7 again with p1/8 new.
	write(t, s.Store, b)
	overlap := batch(b.Items[1], fixture(0, 2, 5*time.Minute, dyad("USA", "CHN", 1)), b.Items[2], fixture(1, 8, 5*time.Minute))
	write(t, s.Store, overlap)
	got := rows(t, s)
	if n := len(got.Articles); n != len(want.Articles)+2 {
		t.Errorf("got %d articles, want %d (3 once, and 2 new)", n, len(want.Articles)+2)
	}
	if n := len(got.Events); n != len(want.Events)+1 {
		t.Errorf("got %d stance events, want %d (5 once, and 1 new)", n, len(want.Events)+1)
	}
	checkStats(t, s.Store, store.Window{}, []store.DyadStat{
		{Source: "USA", Target: "CHN", Articles: 4, MeanScore: (-0.5 - 1 + 0.25 + 1) / 4},
		{Source: "CHN", Target: "USA", Articles: 1, MeanScore: 0.5},
		{Source: nato, Target: "RUS", Articles: 1, MeanScore: -0.25},
	})
}

func testRedeliveryAfterRestart(t *testing.T, s backend) {
	b := standard()
	write(t, s.Store, b)
	want := rows(t, s)
	restarted := reopen(t, s)
	write(t, restarted, b)
	// Redelivered from an earlier offset than the batch: p0/0 .. p0/1.
	write(t, restarted, batch(b.Items[0], b.Items[1]))
	if got := rows(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("rows after redelivery to a restarted store:\n got %s\nwant %s", dump(got), dump(want))
	}
	checkStats(t, restarted, store.Window{}, standardStats)
}

func testArticlesStoredEventsNot(t *testing.T, s backend) {
	articlesStoredEventsNot(t, s, s.Store)
}

func testArticlesStoredEventsNotAfterRestart(t *testing.T, s backend) {
	articlesStoredEventsNot(t, s, reopen(t, s))
}

// articlesStoredEventsNot stores the articles of a batch but not its
// stance events, then redelivers the batch to w.
func articlesStoredEventsNot(t *testing.T, s backend, w store.Writer) {
	b := standard()
	if err := s.WriteArticlesOnly(t.Context(), b); err != nil {
		t.Fatalf("WriteArticlesOnly: %v", err)
	}
	partial := rows(t, s)
	if len(partial.Articles) != 3 || len(partial.Events) != 0 {
		t.Fatalf("after WriteArticlesOnly: %d articles and %d events, want 3 and 0", len(partial.Articles), len(partial.Events))
	}
	checkStats(t, s.Store, store.Window{}, nil)
	write(t, w, b)
	got := rows(t, s)
	if !reflect.DeepEqual(got.Articles, partial.Articles) {
		t.Errorf("articles changed by redelivery:%s\nwant%s", dump(Rows{Articles: got.Articles}), dump(Rows{Articles: partial.Articles}))
	}
	if len(got.Events) != 5 {
		t.Errorf("after redelivery: %d stance events, want 5", len(got.Events))
	}
	checkStats(t, s.Store, store.Window{}, standardStats)
}

// testAnotherInstanceWroteMeanwhile hands two partitions to another
// instance and back, as consumer group rebalances do: the other instance
// stores offsets 2..5 and commits less, then this one is redelivered from
// offset 4 (partition 0: a gap after its last batch) or from offset 2
// (partition 1: contiguous with its last batch).
func testAnotherInstanceWroteMeanwhile(t *testing.T, s backend) {
	offsets := func(part int, from, to int64) store.Batch {
		var b store.Batch
		for off := from; off <= to; off++ {
			b.Items = append(b.Items, fixture(part, off, time.Duration(off)*time.Minute, dyad("USA", "CHN", -0.5)))
		}
		return b
	}
	both := func(b0, b1 store.Batch) store.Batch {
		return batch(append(b0.Items, b1.Items...)...)
	}
	write(t, s.Store, both(offsets(0, 0, 1), offsets(1, 0, 1)))
	write(t, reopen(t, s), both(offsets(0, 2, 5), offsets(1, 2, 5)))
	write(t, s.Store, both(offsets(0, 4, 6), offsets(1, 2, 6)))
	got := rows(t, s)
	if len(got.Articles) != 14 || len(got.Events) != 14 {
		t.Errorf("got %d articles and %d events, want 14 and 14 (offsets 0..6 of two partitions once)", len(got.Articles), len(got.Events))
	}
	checkStats(t, s.Store, store.Window{}, []store.DyadStat{{Source: "USA", Target: "CHN", Articles: 14, MeanScore: -0.5}})
}

// testPartialInsert: a failed insert left some rows of a batch stored and
// not others, not in offset order (a Distributed table whose one shard
// took its part of the block and the other refused; a crash between the
// parts of a block that spans months): the redelivered batch stores
// exactly the missing rows, not only those above the highest one stored.
func testPartialInsert(t *testing.T, s backend) {
	var full store.Batch
	for off := int64(0); off < 8; off++ {
		for part := range 2 {
			full.Items = append(full.Items, fixture(part, off, time.Duration(off)*time.Minute, dyad("USA", "CHN", -0.5)))
		}
	}
	// Partition 1 whole, and offsets 5 and 7 of partition 0.
	var partial store.Batch
	for _, it := range full.Items {
		if it.Pos.Partition == 1 || it.Pos.Offset == 5 || it.Pos.Offset == 7 {
			partial.Items = append(partial.Items, it)
		}
	}
	write(t, s.Store, partial)
	write(t, s.Store, full)
	got := rows(t, s)
	if len(got.Articles) != 16 || len(got.Events) != 16 {
		t.Errorf("got %d articles and %d events, want 16 and 16 (offsets 0..7 of two partitions once)", len(got.Articles), len(got.Events))
	}
	checkStats(t, s.Store, store.Window{}, []store.DyadStat{{Source: "USA", Target: "CHN", Articles: 16, MeanScore: -0.5}})
}

func testEmptyBatch(t *testing.T, s backend) {
	for _, b := range []store.Batch{{}, {Items: []store.Item{}}} {
		write(t, s.Store, b)
	}
	if got := rows(t, s); len(got.Articles) != 0 || len(got.Events) != 0 {
		t.Errorf("after empty batches: %d articles and %d events, want none", len(got.Articles), len(got.Events))
	}
	checkStats(t, s.Store, store.Window{}, nil)
}

func testArticlesWithoutDyads(t *testing.T, s backend) {
	first := batch(fixture(0, 0, 0), fixture(0, 1, time.Minute))
	write(t, s.Store, first)
	got := rows(t, s)
	if len(got.Articles) != 2 || len(got.Events) != 0 {
		t.Fatalf("after articles without dyads: %d articles and %d events, want 2 and 0", len(got.Articles), len(got.Events))
	}
	if a := got.Articles[0]; len(a.Actors) != 0 || len(a.Countries) != 0 {
		t.Errorf("article without actors has actors %q and countries %q", a.Actors, a.Countries)
	}
	checkStats(t, s.Store, store.Window{}, nil)
	// A later article with a dyad, then everything again after a restart:
	// the stance_events table holds no offset of the first two.
	second := batch(fixture(0, 2, 2*time.Minute, dyad("USA", "CHN", -0.5)))
	write(t, s.Store, second)
	write(t, reopen(t, s), batch(append(first.Items, second.Items...)...))
	got = rows(t, s)
	if len(got.Articles) != 3 || len(got.Events) != 1 {
		t.Errorf("after redelivery: %d articles and %d events, want 3 and 1", len(got.Articles), len(got.Events))
	}
	checkStats(t, s.Store, store.Window{}, []store.DyadStat{{Source: "USA", Target: "CHN", Articles: 1, MeanScore: -0.5}})
}

func write(t *testing.T, w store.Writer, b store.Batch) {
	t.Helper()
	if err := w.WriteBatch(t.Context(), b); err != nil {
		t.Fatalf("WriteBatch: %v", err)
	}
}

func reopen(t *testing.T, s backend) store.Store {
	t.Helper()
	r, err := s.Reopen(t.Context())
	if err != nil {
		t.Fatalf("Reopen: %v", err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Errorf("closing reopened store: %v", err)
		}
	})
	return r
}

// rows returns the rows of s, sorted by position, then source and target,
// with nil slices made empty.
func rows(t *testing.T, s backend) Rows {
	t.Helper()
	r, err := s.Rows(t.Context())
	if err != nil {
		t.Fatalf("reading rows: %v", err)
	}
	for i := range r.Articles {
		a := &r.Articles[i]
		a.PublishedAt = a.PublishedAt.UTC()
		a.Countries = nonNil(a.Countries)
		a.Actors = nonNil(a.Actors)
	}
	for i := range r.Events {
		e := &r.Events[i]
		e.PublishedAt = e.PublishedAt.UTC()
		e.Event.Cues = nonNil(e.Event.Cues)
	}
	slices.SortFunc(r.Articles, func(a, b ArticleRow) int { return comparePos(a.Pos, b.Pos) })
	slices.SortFunc(r.Events, func(a, b EventRow) int {
		if c := comparePos(a.Pos, b.Pos); c != 0 {
			return c
		}
		return strings.Compare(a.Event.Source+" "+a.Event.Target, b.Event.Source+" "+b.Event.Target)
	})
	return r
}

func comparePos(a, b store.Position) int {
	if c := strings.Compare(a.Topic, b.Topic); c != 0 {
		return c
	}
	if a.Partition != b.Partition {
		return a.Partition - b.Partition
	}
	return int(a.Offset - b.Offset)
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func checkStats(t *testing.T, q store.Querier, w store.Window, want []store.DyadStat) {
	t.Helper()
	got, err := q.DyadStats(t.Context(), w)
	if err != nil {
		t.Fatalf("DyadStats: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("DyadStats(%v .. %v):\n got %+v\nwant %+v", w.From, w.To, got, want)
	}
	for i := range want {
		g, x := got[i], want[i]
		if g.Source != x.Source || g.Target != x.Target || g.Articles != x.Articles || math.Abs(g.MeanScore-x.MeanScore) > 1e-6 {
			t.Errorf("DyadStats(%v .. %v)[%d] = %+v, want %+v", w.From, w.To, i, g, x)
		}
	}
}

func dump(r Rows) string {
	var b strings.Builder
	for _, a := range r.Articles {
		fmt.Fprintf(&b, "\n  article %+v", a)
	}
	for _, e := range r.Events {
		fmt.Fprintf(&b, "\n  event %+v", e)
	}
	return b.String()
}
