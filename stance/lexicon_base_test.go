package stance

import (
	"strings"
	"testing"
)

// cuesOf returns the cues of lx for words, in any of their forms.
func cuesOf(lx *lexicon, words string) []int {
	ws := strings.Fields(words)
	var out []int
	for id, d := range lx.cues {
		if len(d.lemmas) != len(ws) {
			continue
		}
		same := true
		for i, l := range d.lemmas {
			same = same && sameWord(lx.lemmas[l], ws[i])
		}
		if same {
			out = append(out, id)
		}
	}
	return out
}

// TestBaseLexiconCategories checks that the generated lexicon alone
// loads, gives every category entries, and records a source for each.
func TestBaseLexiconCategories(t *testing.T) {
	lx, err := loadLexicon(cueBaseData)
	if err != nil {
		t.Fatalf("loading data/cues_cameo.yaml: %v", err)
	}
	n := map[Category]int{}
	for id, d := range lx.cues {
		n[d.cat]++
		if src := lx.sources[id]; !strings.HasPrefix(src, "CAMEO.2.0.txt:") || !strings.Contains(src, " -> "+string(d.cat)+" mode ") {
			t.Errorf("cue %d (%s) has source %q", id, d.cat, src)
		}
		if d.weight >= 0.5 {
			t.Errorf("cue %d (%s) weighs %.2f, a hand weight", id, d.cat, d.weight)
		}
	}
	for _, c := range knownCategories {
		t.Run(string(c), func(t *testing.T) {
			if n[c] == 0 {
				t.Errorf("no generated entries")
			}
		})
	}
	if n[Assault] == 0 || lx.cues[cuesOf(lx, "kill")[0]].weight <= lx.cues[cuesOf(lx, "investigate")[0]].weight {
		t.Errorf("ASSAULT should weigh most, INVESTIGATE least")
	}
}

// TestHandOverBase checks that a hand entry wins over a generated entry
// for the same words, whatever its category, inflected forms included,
// and that the other generated entries keep their sources.
func TestHandOverBase(t *testing.T) {
	s := newTestScorer(t)
	lx := s.lx
	cases := []struct {
		words string
		cat   Category // the category of the only cue for words
		hand  bool     // from the hand lexicon (no source)
	}{
		{"agree", Agree, true},       // generated: SUPPORT (CAMEO 050)
		{"summon", Disapprove, true}, // generated: CONSULT
		{"kill", Assault, true},      // generated too, same category
		{"grant", Aid, true},         // generated: COOPERATE (block GRANT [060])
		{"send troops", Mobilize, true},
		{"lift sanction", Concede, true}, // hand "lift sanctions", generated "lift sanction"
		{"torture", Assault, false},
		{"impose curfew", Coerce, false},
		{"halt aid", Sanction, true},
		{"grant asylum", "", false}, // dropped: "grant" is a hand AID cue
	}
	for _, tc := range cases {
		t.Run(tc.words, func(t *testing.T) {
			ids := cuesOf(lx, tc.words)
			if tc.cat == "" {
				if len(ids) != 0 {
					t.Fatalf("got %d cues, want none", len(ids))
				}
				return
			}
			if len(ids) != 1 {
				t.Fatalf("got %d cues, want one", len(ids))
			}
			d := lx.cues[ids[0]]
			if d.cat != tc.cat || (lx.sources[ids[0]] == "") != tc.hand {
				t.Errorf("got %s with source %q, want %s (hand %v)", d.cat, lx.sources[ids[0]], tc.cat, tc.hand)
			}
		})
	}
	if id := cuesOf(lx, "impose curfew"); len(id) == 1 && !strings.Contains(lx.sources[id[0]], "-> COERCE mode curfew") {
		t.Errorf("impose curfew has source %q", lx.sources[id[0]])
	}
}

// TestLexiconDocuments checks documents given to WithCueLexicon: with and
// without a base, and the errors of base, signs and sources.
func TestLexiconDocuments(t *testing.T) {
	const own = "categories: {AGREE: 1, ASSAULT: -1}\ncues: {AGREE: [agree 0.5 verb], ASSAULT: [torture 0.9 verb]}\n"
	cases := []struct {
		name     string
		doc      string
		err      string // error text, "" for none
		cues     int    // at least this many cues; -1 exactly 2
		torture  float64
		fromBase bool
	}{
		{"no base: the document alone", own, "", -1, 0.9, false},
		{"base beneath", "base: cues_cameo.yaml\n" + own, "", 400, 0.9, true},
		{"unknown base", "base: nope.yaml\n" + own, "base: unknown lexicon \"nope.yaml\"", 0, 0, false},
		{"base sign differs", "base: cues_cameo.yaml\ncategories: {AGREE: -1}\ncues: {AGREE: [agree]}\n", "categories: AGREE has sign 1, the lexicon on top -1", 0, 0, false},
		{"sources name no entry", own + "sources: {\"give aid\": [somewhere]}\n", "sources: \"give aid\" names no cue entry", 0, 0, false},
		{"unknown key", own + "basis: cues_cameo.yaml\n", "unknown field \"basis\"", 0, 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lx, err := loadLexicon([]byte(tc.doc))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.cues < 0 && len(lx.cues) != 2 || len(lx.cues) < tc.cues {
				t.Errorf("got %d cues, want %d", len(lx.cues), tc.cues)
			}
			ids := cuesOf(lx, "torture")
			if len(ids) != 1 || lx.cues[ids[0]].weight != tc.torture {
				t.Errorf("torture: cues %v, want one of weight %.1f", ids, tc.torture)
			}
			base := false
			for _, src := range lx.sources {
				base = base || src != ""
			}
			if base != tc.fromBase {
				t.Errorf("base cues present: %v, want %v", base, tc.fromBase)
			}
		})
	}
	t.Run("through WithCueLexicon", func(t *testing.T) {
		s, err := NewScorer(WithCueLexicon([]byte(own)))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.lx.cues) != 2 {
			t.Errorf("got %d cues, want the document's 2", len(s.lx.cues))
		}
	})
}

// TestSameWord checks which cue words count as the same.
func TestSameWord(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"sanction", "sanctions", true},
		{"sanctions", "sanction", true},
		{"meet|met", "met", true},
		{"strike|struck", "strike", true},
		{"supply", "supplies", true},
		{"aid", "aide", false},
		{"arm", "army", false},
	}
	for _, tc := range cases {
		if got := sameWord(tc.a, tc.b); got != tc.want {
			t.Errorf("sameWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
