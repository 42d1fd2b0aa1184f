package stance

import (
	"strings"
	"testing"
	"time"
)

// benchSentence is a 200-byte news sentence with several mentions.
const benchSentence = "Russian Foreign Minister Sergei Lavrov told his Chinese counterpart Wang Yi in Beijing on Monday " +
	"that Moscow and NATO's members must talk, the Kremlin said, as U.S. officials met."

func BenchmarkFind(b *testing.B) {
	g := testGazetteer(b)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, text string
		at         time.Time
	}{
		{"sentence", benchSentence, at},
		{"sentence_nodate", benchSentence, time.Time{}},
		{"caps_headline", strings.ToUpper(benchSentence), at},
		{"no_mentions", strings.Repeat("the quick brown fox jumps over the lazy dog ", 5), at},
		{"article_10KB", strings.Repeat(benchSentence+" ", 10240/len(benchSentence)), at},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			dst := make([]Mention, 0, 1024)
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = g.Find(c.text, c.at, dst[:0])
			}
		})
	}
}

func BenchmarkLoadGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadGazetteer(); err != nil {
			b.Fatal(err)
		}
	}
}
