package stance

import "testing"

// benchArticle is a realistic wire story of about 3 KB.
var benchArticle = Article{
	Title: "Russia, China Promote Ties as Ukraine Concerns Grow",
	Body: seedLike + `

Officials in Brussels said the European Union was preparing new sanctions against Moscow over the war, while Hungary warned it would veto any measure that hurt its energy supplies.

"We will not accept threats from anyone," the Chinese foreign ministry spokesman told reporters in Beijing on Thursday, adding that China and Russia would hold joint naval exercises with South Africa next month.

Japan and South Korea agreed to deepen security cooperation with the United States, according to a statement issued after talks in Tokyo. North Korea condemned the talks as a provocation and threatened to respond.

In Kyiv, Ukrainian President Volodymyr Zelensky praised Poland for its support and urged Germany to send more tanks. Russian forces shelled Ukrainian positions near Bakhmut overnight, the Ukrainian military said.

Turkey's president met his Iranian counterpart in Ankara to discuss trade and the conflict in Syria. Israel struck targets in Syria on Tuesday, Syrian state media reported.`,
}

func BenchmarkScore(b *testing.B) {
	s := newTestScorer(b)
	b.SetBytes(int64(len(benchArticle.Title) + len(benchArticle.Body)))
	b.ReportAllocs()
	for b.Loop() {
		s.Score(benchArticle)
	}
}

func BenchmarkScoreParallel(b *testing.B) {
	s := newTestScorer(b)
	b.SetBytes(int64(len(benchArticle.Title) + len(benchArticle.Body)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.Score(benchArticle)
		}
	})
}
