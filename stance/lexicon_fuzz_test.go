package stance

import "testing"

// FuzzLoadLexicon checks that lexicon documents from outside
// (WithCueLexicon) never panic the loader and compile to sound cues.
func FuzzLoadLexicon(f *testing.F) {
	f.Add(cueData)
	f.Add(cueBaseData)
	f.Add([]byte("base: cues_cameo.yaml\ncategories: {AGREE: 1}\ncues: {AGREE: [agree 0.5 verb sym]}\n"))
	f.Add([]byte("categories: {AGREE: 1}\ncues: {AGREE: [\"a|b c\", x 1 noun]}\nsources: {a c: [s]}\n"))
	f.Add([]byte("categories: {PROTEST: -1}\ncues: {PROTEST: [hunger strike 0.5 noun mode=hunger, x mode=a-b_c]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lx, err := loadLexicon(data)
		if err != nil {
			return
		}
		if len(lx.sources) != len(lx.cues) {
			t.Fatalf("%d sources for %d cues", len(lx.sources), len(lx.cues))
		}
		for id, d := range lx.cues {
			if len(d.lemmas) == 0 || d.weight <= 0 || d.weight > 1 || d.sign != 1 && d.sign != -1 || d.mode != "" && !validModeName(d.mode) {
				t.Errorf("cue %d: %+v", id, d)
			}
		}
	})
}
