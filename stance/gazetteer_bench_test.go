package stance

import (
	"strings"
	"testing"
	"time"
)

// benchSentence is a 200-byte news sentence with several mentions.
const benchSentence = "Russian Foreign Minister Sergei Lavrov told his Chinese counterpart Wang Yi in Beijing on Monday " +
	"that Moscow and NATO's members must talk, the Kremlin said, as U.S. officials met."

// benchMisspelt is a 200-byte sentence with misspelt names and long
// capitalised words that match nothing.
const benchMisspelt = "Officials in Afganistan and the Philipines told Reuters on Thursday that " +
	"Pakistian and Veitnam negotiators, meeting Netanyhu at the Intercontinental Hotel, wanted Washington to act."

// benchDateline is a 200-byte sentence with a dateline and context rules.
const benchDateline = "BRUSSELS, March 2 (Reuters) - Belgian ministers in Brussels said Tripoli and Beirut, " +
	"where Lebanese troops patrol, and Congo, not Brazzaville, would attend the Kinshasa talks."

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
		{"misspelt", benchMisspelt, at},
		{"dateline_context", benchDateline, at},
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
