//go:build shared

package stance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sharedDir is the shared material beside the project checkout.
var sharedDir = filepath.Join("..", "..", "shared", "data")

// TestSeedArticle scores the seed article the product was specified from.
// Run it with: go test -tags shared ./stance/
func TestSeedArticle(t *testing.T) {
	body, err := os.ReadFile(filepath.Join(sharedDir, "seed-article.txt"))
	if err != nil {
		t.Fatalf("reading the seed article (the shared tag needs ../shared): %v", err)
	}
	s := newTestScorer(t)
	for _, tc := range []struct {
		name string
		at   time.Time
	}{
		{"dated", time.Date(2023, 2, 22, 0, 0, 0, 0, time.UTC)},
		{"dateless", time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSeedArticle(t, s.Score(Article{Body: string(body), PublishedAt: tc.at}))
		})
	}
}

// checkSeedArticle checks the dyads the seed article must give, and those
// it must not.
func checkSeedArticle(t *testing.T, res Result) {
	t.Helper()
	got := map[string]Dyad{}
	for _, d := range res.Dyads {
		got[d.Source+">"+d.Target] = d
		if d.Source == "POL" || d.Target == "POL" {
			t.Errorf("dyad %s>%s: Poland is only where a statement was made", d.Source, d.Target)
		}
		for _, e := range d.Evidence {
			for _, bad := range []string{"Leave a Comment", "email address", "Required fields", "Information for this article"} {
				if strings.Contains(e.Text, bad) {
					t.Errorf("%s>%s evidence from boilerplate: %q", d.Source, d.Target, e.Text)
				}
			}
		}
	}
	want := []struct {
		pair string
		sign float64
	}{
		{"RUS>CHN", 1}, {"CHN>RUS", 1}, {"USA>CHN", -1}, {"NATO>CHN", -1},
		{"CHN>USA", -1}, {"RUS>UKR", -1}, {"RUS>USA", -1},
	}
	for _, w := range want {
		t.Run(w.pair, func(t *testing.T) {
			d, ok := got[w.pair]
			if !ok {
				t.Fatalf("no %s dyad; got %v", w.pair, dyadSet(res.Dyads))
			}
			if d.Score*w.sign <= 0 {
				t.Errorf("%s score %.2f, want sign %+.0f", w.pair, d.Score, w.sign)
			}
		})
	}
}
