package stance

import (
	"strings"
	"testing"
)

// TestCueEntryMode checks the mode= token of the cue entry syntax.
func TestCueEntryMode(t *testing.T) {
	cases := []struct {
		entry, mode string
		words       int
		err         string // "" for none
	}{
		{"hunger strike 0.5 noun loc mode=hunger", "hunger", 2, ""},
		{"shell 0.7 verb loc mode=heavy-weapons", "heavy-weapons", 1, ""},
		{"disperse mode=pro_autocracy 0.5 verb", "pro_autocracy", 1, ""},
		{"attack 0.8 loc", "", 1, ""},
		{"strike mode=", "", 0, `mode "" is not lower-case letters`},
		{"strike mode=Hunger", "", 0, `mode "Hunger" is not lower-case letters`},
		{"strike mode=hunger mode=boycott", "", 0, "more than one mode"},
		{"mode=hunger 0.5", "", 0, "no cue word"},
	}
	for _, tc := range cases {
		t.Run(tc.entry, func(t *testing.T) {
			d, words, err := parseCueEntry(tc.entry)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.mode != tc.mode || len(words) != tc.words {
				t.Errorf("got mode %q and words %q, want %q and %d words", d.mode, words, tc.mode, tc.words)
			}
		})
	}
}

// TestCueModes checks the PLOVER mode the compiled lexicon keeps per cue:
// hand entries by their mode= token, generated ones by theirs, which is
// the mode their sources record.
func TestCueModes(t *testing.T) {
	lx := newTestScorer(t).lx
	cases := []struct {
		words string
		cat   Category
		mode  string
		hand  bool
	}{
		{"hunger strike", Protest, "hunger", true},
		{"release prisoner", Retreat, "release", true},
		{"release", Concede, "", true},
		{"bombard", Assault, "heavy-weapons", true},
		{"roadside bomb", Assault, "explosives", true},
		{"withdraw diplomat", Sanction, "withdraw", true},
		{"threaten sanction", Threaten, "restrict", true},
		{"martial law", Coerce, "martial-law", true},
		{"indirect talks", Consult, "third-party", true},
		{"tension", Disapprove, "", true},
		{"impose curfew", Coerce, "curfew", false},
		{"riot", Protest, "riot", false},
		{"give asylum", Aid, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.words, func(t *testing.T) {
			ids := cuesOf(lx, tc.words)
			if len(ids) != 1 {
				t.Fatalf("got %d cues, want one", len(ids))
			}
			d, src := lx.cues[ids[0]], lx.sources[ids[0]]
			if d.cat != tc.cat || d.mode != tc.mode || (src == "") != tc.hand {
				t.Errorf("got %s mode %q (source %q), want %s mode %q (hand %v)", d.cat, d.mode, src, tc.cat, tc.mode, tc.hand)
			}
		})
	}
	// Every generated cue's mode is one its sources record.
	for id, d := range lx.cues {
		src := lx.sources[id]
		if src == "" {
			continue
		}
		mode := d.mode
		if mode == "" {
			mode = "-"
		}
		if want := " -> " + string(d.cat) + " mode " + mode + " ("; !strings.Contains(src, want) {
			t.Errorf("generated cue %d (%s mode %q) has source %q", id, d.cat, d.mode, src)
		}
	}
}
