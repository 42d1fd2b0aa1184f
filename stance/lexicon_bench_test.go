package stance

import "testing"

// BenchmarkLoadLexicon measures compiling the embedded cue lexicon, the
// hand file on top of the generated one (part of NewScorer).
func BenchmarkLoadLexicon(b *testing.B) {
	b.SetBytes(int64(len(cueData) + len(cueBaseData)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadLexicon(cueData); err != nil {
			b.Fatal(err)
		}
	}
}
