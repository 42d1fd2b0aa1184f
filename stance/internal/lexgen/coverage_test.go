package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCoverageEveryMode checks that every PLOVER category and every mode
// the crosswalk gives it has a cue, generated or by hand: a cell of the
// coverage table without one is a kind of act the scorer cannot see. If
// it fails, add a hand entry with mode=NAME to data/cues.yaml (the PLOVER
// codebook's definition of the mode, PLOVER_MANUAL.tex, says what it
// covers) and run: go generate ./stance/
func TestCoverageEveryMode(t *testing.T) {
	needShared(t)
	g, err := generate(lexiconsDir, filepath.Join("..", "..", "data", "cues.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]int{}
	for _, c := range g.cells {
		cats[c.category] += c.generated + c.hand
		if !c.crosswalk || c.generated+c.hand > 0 {
			continue
		}
		mode := c.mode
		if mode == "" {
			mode = "(no mode)"
		}
		t.Errorf("%s %s: no entry; add one with mode=%s to data/cues.yaml", c.category, mode, c.mode)
	}
	for _, c := range categories {
		if cats[c.name] == 0 {
			t.Errorf("%s: no entry", c.name)
		}
	}
}

// sampleHandModes is the sample hand lexicon with modes.
const sampleHandModes = `
categories: {AID: 1, ASSAULT: -1, CONSULT: 1, COOPERATE: 1, DISAPPROVE: -1, MOBILIZE: -1}
cues:
  AID: [aid 0.6, humanitarian aid 0.7 noun]
  ASSAULT: [kill|killed 0.7 verb]
  CONSULT: [visit 0.4 mode=visit]
  MOBILIZE: [send troops 0.4 verb mode=troops]
words:
  light: [give|gave|given, offer, pledge]
  title: [envoy]
`

// TestCoverageSample checks the coverage cells of the sample: generated
// and hand entries by category and mode, generated entries a hand entry
// shadows left out, and the rows without a mode that no code gives.
func TestCoverageSample(t *testing.T) {
	d, cw, h := sampleDictionary(t), sampleCrosswalk(t), sampleHandLexicon(t, sampleHandModes)
	if err := checkHandModes(h, cw); err != nil {
		t.Fatal(err)
	}
	cells := coverage(build(d, cw, h), cw, h)
	cases := []struct {
		cat, mode       string
		crosswalk       bool
		generated, hand int
	}{
		{"CONSULT", "visit", true, 1, 1},        // send envoy; visit
		{"CONSULT", "", false, 0, 0},            // no code of the sample gives CONSULT no mode
		{"AID", "", true, 3, 2},                 // donate, give asylum, grant asylum; aid, humanitarian aid
		{"ASSAULT", "", true, 0, 1},             // generated "kill" is shadowed by the hand entry
		{"MOBILIZE", "troops", true, 0, 1},      // send troops
		{"SANCTION", "discontinue", true, 0, 0}, // an override (CAMEO 163)
		{"THREATEN", "relations", true, 0, 0},
		{"AGREE", "", false, 0, 0},
	}
	for _, tc := range cases {
		found := false
		for _, c := range cells {
			if c.category != tc.cat || c.mode != tc.mode {
				continue
			}
			found = true
			if c.crosswalk != tc.crosswalk || c.generated != tc.generated || c.hand != tc.hand {
				t.Errorf("%s %q: got crosswalk %v, %d generated, %d hand; want %v, %d, %d",
					tc.cat, tc.mode, c.crosswalk, c.generated, c.hand, tc.crosswalk, tc.generated, tc.hand)
			}
		}
		if !found {
			t.Errorf("%s %q: no cell", tc.cat, tc.mode)
		}
	}
	lines := strings.Join(coverageLines(cells), "\n")
	for _, want := range []string{
		"category     mode            generated  hand",
		"CONSULT      -                       0     0  (none in the crosswalk)",
		"CONSULT      visit                   1     1",
		"CONSULT      (all)                   1     1",
		"ASSAULT      -                       0     1",
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("coverage lines lack %q:\n%s", want, lines)
		}
	}
}

// TestHandModes checks how the generator reads the mode of a hand entry:
// the mode= token is no word of the entry, and a mode the crosswalk does
// not give the category is an error.
func TestHandModes(t *testing.T) {
	cw, err := parseCrosswalk(strings.NewReader("042: CONSULT, visit,\n1832: ASSAULT, explosives,\n190: ASSAULT, , military\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, cues string
		err        string // "" for none
	}{
		{"crosswalk mode", "{CONSULT: [visit 0.4 mode=visit], ASSAULT: [car bomb 0.8 noun loc mode=explosives]}", ""},
		{"no mode", "{ASSAULT: [attack 0.8 loc]}", ""},
		{"mode of another category", "{CONSULT: [car bomb 0.8 mode=explosives]}",
			`hand lexicon: cues.CONSULT "car bomb": mode "explosives" is no mode of CONSULT in the crosswalk (visit)`},
		{"misspelt mode", "{ASSAULT: [car bomb 0.8 mode=explosive]}",
			`mode "explosive" is no mode of ASSAULT in the crosswalk (explosives)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, err := parseHand([]byte("categories: {CONSULT: 1, ASSAULT: -1}\ncues: " + tc.cues + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range h.entries {
				if strings.Contains(e.key, "=") {
					t.Errorf("entry key %q has the mode token", e.key)
				}
			}
			for form := range h.known {
				if strings.HasPrefix(form, modePrefix) {
					t.Errorf("known word %q", form)
				}
			}
			err = checkHandModes(h, cw)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("got error %v, want %q", err, tc.err)
			}
		})
	}
	h, _ := parseHand([]byte("categories: {ASSAULT: -1}\ncues: {ASSAULT: [car bomb 0.8 noun loc mode=explosives]}\n"))
	if len(h.entries) != 1 || h.entries[0].key != "car bomb" || h.entries[0].mode != "explosives" || h.entries[0].category != "ASSAULT" {
		t.Errorf("entries %+v", h.entries)
	}
}

// TestHandShadows checks which generated words a hand entry shadows: the
// same words in any of their forms, as the scorer's loader decides.
func TestHandShadows(t *testing.T) {
	h, err := parseHand([]byte("categories: {AID: 1, CONSULT: 1}\ncues: {AID: [aid 0.6, lift sanctions 0.6], CONSULT: [meet|met 0.4 verb]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		words [][]string
		want  bool
	}{
		{[][]string{{"aid"}}, true},
		{[][]string{{"aids"}}, true},
		{[][]string{{"aide"}}, false},
		{[][]string{{"met"}}, true},
		{[][]string{{"lift"}, {"sanction"}}, true},
		{[][]string{{"lift"}}, false},
		{[][]string{{"lift"}, {"embargo"}}, false},
	}
	for _, tc := range cases {
		if got := h.shadows(tc.words); got != tc.want {
			t.Errorf("shadows(%q) = %v, want %v", tc.words, got, tc.want)
		}
	}
}
