package storetest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
)

// FixtureDays is how far back before its end the Fixture's articles go.
const FixtureDays = 60

// fixtureDyad is a directed dyad of the fixture with its usual mean score
// and, over the last 7 days, its new one.
type fixtureDyad struct {
	source, target string
	mean, recent   float64
	weight         int
}

// fixtureDyads are the dyads of the fixture. CHN->USA turns hostile and
// EU->CHN warms over the last 7 days: they are the top movers.
var fixtureDyads = []fixtureDyad{
	{"RUS", "UKR", -0.75, -0.75, 12},
	{"UKR", "RUS", -0.65, -0.65, 9},
	{"CHN", "USA", -0.15, -0.7, 8},
	{"USA", "CHN", -0.3, -0.45, 8},
	{"USA", "RUS", -0.5, -0.5, 6},
	{"RUS", "NATO", -0.6, -0.6, 5},
	{"NATO", "RUS", -0.45, -0.45, 4},
	{"DEU", "FRA", 0.6, 0.6, 4},
	{"FRA", "DEU", 0.55, 0.55, 3},
	{"USA", "ISR", 0.5, 0.5, 4},
	{"IRN", "ISR", -0.8, -0.8, 5},
	{"ISR", "IRN", -0.7, -0.7, 5},
	{"USA", "UKR", 0.6, 0.6, 5},
	{"GBR", "UKR", 0.55, 0.55, 3},
	{"CHN", "RUS", 0.5, 0.5, 3},
	{"RUS", "CHN", 0.6, 0.6, 3},
	{"JPN", "CHN", -0.3, -0.3, 3},
	{"IND", "CHN", -0.25, -0.25, 2},
	{"TUR", "NATO", 0.1, 0.1, 2},
	{"EU", "CHN", -0.2, 0.4, 3},
	{"USA", "IRN", -0.6, -0.6, 4},
	{"DEU", "RUS", -0.4, -0.4, 2},
	{"JPN", "USA", 0.5, 0.5, 2},
	{"IND", "USA", 0.3, 0.3, 2},
}

// fixtureNames are how the fixture's sentences name the actors.
var fixtureNames = map[string]string{
	"RUS": "Russia", "UKR": "Ukraine", "CHN": "China", "USA": "the United States", "NATO": "NATO",
	"DEU": "Germany", "FRA": "France", "ISR": "Israel", "IRN": "Iran", "GBR": "Britain",
	"JPN": "Japan", "IND": "India", "TUR": "Turkey", "EU": "the European Union",
}

// fixtureOrgs are the actors of the fixture that are not states.
var fixtureOrgs = []string{"NATO", "EU"}

// fixtureOutlets are the fixture's outlets, the first ones the busiest.
var fixtureOutlets = []string{"Reuters", "AP", "AFP", "BBC", "Le Monde", "Xinhua", "TASS", "Kyiv Independent"}

// fixtureCue is a sentence pattern for a band of scores: %[1]s is the
// source, %[2]s the target, cue the cue word in it.
type fixtureCue struct {
	upTo     float64 // the band is the scores up to this one
	category stance.Category
	pattern  string
	cues     []string
}

var fixtureCues = []fixtureCue{
	{-0.7, stance.Threaten, "%[1]s threatened %[2]s with retaliation after the border incident.", []string{"threatened", "retaliation"}},
	{-0.45, stance.Sanction, "%[1]s imposed new sanctions on %[2]s over the crisis.", []string{"sanctions"}},
	{-0.2, stance.Disapprove, "%[1]s condemned %[2]s for its latest move.", []string{"condemned"}},
	{0.05, stance.Reject, "%[1]s rejected the proposal put forward by %[2]s.", []string{"rejected"}},
	{0.2, stance.Consult, "%[1]s held talks with %[2]s on trade.", []string{"talks"}},
	{0.45, stance.Cooperate, "%[1]s agreed to cooperate with %[2]s on energy.", []string{"agreed", "cooperate"}},
	{1, stance.Support, "%[1]s praised %[2]s and pledged support.", []string{"praised", "support"}},
}

// Fixture returns realistic, deterministic data for dashboards and query
// tests: about 1500 articles from 8 outlets over the FixtureDays days
// before end, on 24 directed dyads of 14 actors (see fixtureDyads), with
// evidence sentences and cue words. The newest article is one minute
// before end. Items are in offset order on 3 partitions of topic
// "articles".
func Fixture(end time.Time) store.Batch {
	end = end.UTC().Truncate(time.Second)
	rng := rand.New(rand.NewPCG(1987, 10))
	totalWeight := 0
	for _, d := range fixtureDyads {
		totalWeight += d.weight
	}
	const articles = 1500
	items := make([]store.Item, 0, articles)
	for i := range articles {
		age := time.Duration(rng.Int64N(int64(FixtureDays * 24 * time.Hour)))
		if i == 0 {
			age = time.Minute
		}
		published := end.Add(-age).Truncate(time.Second)
		d := pickDyad(rng.IntN(totalWeight))
		dyads := []stance.Dyad{fixtureStance(rng, d, age)}
		if rng.IntN(4) == 0 { // a quarter of the articles also report the reply
			if r, ok := reverseOf(d); ok {
				dyads = append(dyads, fixtureStance(rng, r, age))
			}
		}
		slices.SortFunc(dyads, func(a, b stance.Dyad) int {
			return strings.Compare(a.Source+" "+a.Target, b.Source+" "+b.Target)
		})
		outlet := fixtureOutlets[min(rng.IntN(len(fixtureOutlets)), rng.IntN(len(fixtureOutlets)))]
		id := fmt.Sprintf("fx-%04d", i)
		items = append(items, store.Item{
			Article: store.Article{
				ID:          id,
				PublishedAt: published,
				Title:       fmt.Sprintf("%s and %s: %s", title(d.source), fixtureNames[d.target], dyads[0].Category),
				URL:         "https://news.example/" + strings.ToLower(strings.ReplaceAll(outlet, " ", "-")) + "/" + id,
				Outlet:      outlet,
				Lang:        "en",
				Countries:   states(d.source, d.target),
			},
			Result: stance.Result{
				Tone:   dyads[0].Score / 2,
				Actors: map[string]int{d.source: 2, d.target: 1},
				Dyads:  dyads,
			},
		})
	}
	slices.SortStableFunc(items, func(a, b store.Item) int { return a.Article.PublishedAt.Compare(b.Article.PublishedAt) })
	next := [3]int64{}
	for i := range items {
		p := i % 3
		items[i].Pos = store.Position{Topic: "articles", Partition: p, Offset: next[p]}
		next[p]++
	}
	return store.Batch{Items: items}
}

func pickDyad(n int) fixtureDyad {
	for _, d := range fixtureDyads {
		if n < d.weight {
			return d
		}
		n -= d.weight
	}
	return fixtureDyads[len(fixtureDyads)-1]
}

func reverseOf(d fixtureDyad) (fixtureDyad, bool) {
	i := slices.IndexFunc(fixtureDyads, func(r fixtureDyad) bool { return r.source == d.target && r.target == d.source })
	if i < 0 {
		return fixtureDyad{}, false
	}
	return fixtureDyads[i], true
}

// fixtureStance draws the stance of d in an article of the given age.
func fixtureStance(rng *rand.Rand, d fixtureDyad, age time.Duration) stance.Dyad {
	mean := d.mean
	if age < 7*24*time.Hour {
		mean = d.recent
	}
	score := math.Round(max(-1, min(1, mean+rng.NormFloat64()*0.2))*100) / 100
	conf := math.Round((0.4+rng.Float64()*0.6)*100) / 100
	i := slices.IndexFunc(fixtureCues, func(c fixtureCue) bool { return score <= c.upTo })
	c := fixtureCues[i]
	text := fmt.Sprintf(c.pattern, title(d.source), fixtureNames[d.target])
	var cues []stance.Cue
	for _, w := range c.cues {
		start := strings.Index(text, w)
		cues = append(cues, stance.Cue{Text: w, Start: start, End: start + len(w), Category: c.category})
	}
	return stance.Dyad{
		Source: d.source, Target: d.target, Score: score, Category: c.category, Confidence: conf,
		Evidence: []stance.Evidence{{Sentence: 1, Text: text, Score: score, Confidence: conf, Cues: cues}},
	}
}

// title returns the name of an actor with a capital first letter.
func title(code string) string {
	n := fixtureNames[code]
	return strings.ToUpper(n[:1]) + n[1:]
}

// states returns the codes among codes that are states, sorted.
func states(codes ...string) []string {
	var out []string
	for _, c := range codes {
		if !slices.Contains(fixtureOrgs, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}
