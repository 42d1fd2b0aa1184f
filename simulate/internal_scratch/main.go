package main

import (
	"fmt"
	"time"

	"github.com/stancemon/stancemon/simulate"
	"github.com/stancemon/stancemon/stance"
)

func main() {
	sc, err := stance.NewScorer()
	if err != nil { panic(err) }
	cfg := simulate.DefaultConfig()
	cfg.Filler = 0
	cfg.Noise = 0
	cfg.Duration = 10 * time.Hour
	cfg.Dyads = []simulate.Dyad{{Source: "CHN", Target: "PHL", Base: -0.9}}
	g, _ := simulate.New(cfg)
	seen := map[string]int{}
	for m, ok := g.Next(); ok; m, ok = g.Next() {
		r := sc.Score(stance.Article{Title: m.Title, Body: m.Body, PublishedAt: m.PublishedAt})
		for _, d := range r.Dyads {
			if d.Source == "PHL" {
				seen[fmt.Sprintf("%+.2f %d", d.Score, len(d.Evidence))]++
				if seen[fmt.Sprintf("%+.2f %d", d.Score, len(d.Evidence))] < 3 {
					fmt.Printf("%+.2f evidence=%+v\n  TITLE %s\n  BODY %s\n", d.Score, d.Evidence, m.Title, m.Body)
				}
			}
		}
	}
	fmt.Println(seen)
}
