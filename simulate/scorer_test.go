package simulate

import (
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
)

// TestScorerReadsTemplates checks the generated text against the
// project's scorer: hostile articles score negative for the configured
// direction and cooperative ones positive, and a hostile article does not
// make the target hostile toward the source.
func TestScorerReadsTemplates(t *testing.T) {
	sc, err := stance.NewScorer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		base float64
		sign float64
	}{
		{"strongly hostile", -0.9, -1},
		{"hostile", -0.45, -1},
		{"cooperative", 0.45, 1},
		{"strongly cooperative", 0.9, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Noise, cfg.Filler, cfg.Duration = 0, 0, 10*time.Hour
			cfg.Dyads = []Dyad{{Source: "CHN", Target: "PHL", Base: tc.base}}
			g, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for m, ok := g.Next(); ok; m, ok = g.Next() {
				n++
				res := sc.Score(m.Stance())
				found := false
				for _, d := range res.Dyads {
					switch {
					case d.Source == "CHN" && d.Target == "PHL":
						found = true
						if d.Score*tc.sign <= 0 {
							t.Errorf("%s: CHN->PHL scored %+.2f\n%s\n%s", m.ID, d.Score, m.Title, m.Body)
						}
					case d.Source == "PHL" && d.Target == "CHN" && d.Score < 0:
						t.Errorf("%s: a hostile article gave PHL->CHN %+.2f (%v)", m.ID, d.Score, d.Evidence)
					}
				}
				if !found {
					t.Errorf("%s: no CHN->PHL dyad in\n%s\n%s", m.ID, m.Title, m.Body)
				}
			}
			if n < 100 {
				t.Fatalf("only %d articles", n)
			}
		})
	}
}
