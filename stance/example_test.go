package stance_test

import (
	"fmt"
	"log"

	"github.com/stancemon/stancemon/stance"
)

func ExampleScorer_Score() {
	s, err := stance.NewScorer()
	if err != nil {
		log.Fatal(err)
	}
	res := s.Score(stance.Article{
		Title: "Russia, China Promote Ties",
		Body: "Russia and China agreed on Wednesday to deepen their cooperation. " +
			"The United States warned China against supplying arms to Russia, " +
			"a State Department spokesman said in Washington.",
	})
	for _, d := range res.Dyads {
		fmt.Printf("%s -> %s %+.2f %s (%d sentences)\n", d.Source, d.Target, d.Score, d.Category, len(d.Evidence))
	}
	// Output:
	// CHN -> RUS +0.75 AGREE (2 sentences)
	// RUS -> CHN +0.75 AGREE (2 sentences)
	// USA -> CHN -0.50 DISAPPROVE (1 sentences)
}
