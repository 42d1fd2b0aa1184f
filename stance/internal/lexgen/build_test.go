package main

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// sampleHand is a small hand lexicon for the build tests.
const sampleHand = `
categories: {AID: 1, ASSAULT: -1, CONSULT: 1, COOPERATE: 1, DISAPPROVE: -1}
cues:
  AID: [aid 0.6, humanitarian aid 0.7 noun]
  ASSAULT: [kill 0.7 verb]
words:
  light: [give|gave|given, offer, pledge]
  title: [envoy]
`

// sampleDictionary parses testdata/sample.cameo.txt.
func sampleDictionary(t *testing.T) *dictionary {
	t.Helper()
	f, err := os.Open("testdata/sample.cameo.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := parseDictionary(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sampleCrosswalk parses testdata/sample.crosswalk.txt.
func sampleCrosswalk(t *testing.T) *crosswalk {
	t.Helper()
	cf, err := os.Open("testdata/sample.crosswalk.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	cw, err := parseCrosswalk(cf)
	if err != nil {
		t.Fatal(err)
	}
	return cw
}

// sampleHandLexicon parses a hand lexicon given inline.
func sampleHandLexicon(t *testing.T, doc string) *handLexicon {
	t.Helper()
	h, err := parseHand([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// buildSample builds the testdata sample with the sample hand lexicon.
func buildSample(t *testing.T) *result {
	t.Helper()
	return build(sampleDictionary(t), sampleCrosswalk(t), sampleHandLexicon(t, sampleHand))
}

// TestBuildSample checks the entries of the sample and why the other lines
// gave none.
func TestBuildSample(t *testing.T) {
	res := buildSample(t)
	var got []string
	for _, e := range res.entries {
		got = append(got, e.category+": "+e.text())
	}
	want := []string{
		"CONSULT: send|sent envoy 0.25 verb mode=visit",
		"COOPERATE: grant 0.35 verb",
		"AID: donate 0.40 verb",
		"AID: give|gave|given asylum 0.40 verb",
		"AID: grant asylum 0.40 verb",
		"ASSAULT: kill 0.45 verb loc",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries\n got  %q\n want %q", got, want)
	}
	skips := []struct {
		reason string
		n      int
	}{
		{"synonym without a code of its own (the block's code fits only its own verb)", 3}, // GIVE, SHOOT_DOWN, SLAY
		{"no code ([---] or none)", 2},                // SEND, "(IN ACCIDENT) [---]"
		{"phrase contains a hand cue of its sign", 1}, // give aid: "aid"
		{"actor or noun phrase between the words (the scorer's phrases cannot skip an actor)", 1},
		{"verb with only a preposition or particle: the verb alone decides", 1},
		{"words before the verb (a subject constraint)", 1},
	}
	for _, s := range skips {
		if res.skipped[s.reason] != s.n {
			t.Errorf("skipped %q: %d, want %d", s.reason, res.skipped[s.reason], s.n)
		}
	}
	excluded := 0
	for reason, n := range res.skipped {
		if strings.HasPrefix(reason, "excluded: sending troops") {
			excluded += n
		}
	}
	if excluded != 3 { // send military, send troops, send soldiers
		t.Errorf("excluded %d send phrases, want 3", excluded)
	}
	for _, e := range res.entries {
		if len(e.sources) == 0 || e.sources[0].line == 0 {
			t.Errorf("%s has no source", e.key())
		}
	}
	src := res.entries[3].sources[0].source(dictFile, crosswalkFile)
	if want := "CAMEO.2.0.txt:20 code 075 -> AID mode - (CAMEO2PLOVER-2021.txt:10)"; src != want {
		t.Errorf("source %q, want %q", src, want)
	}
}

// TestBuildRules checks single rules of the build on inline dictionaries.
func TestBuildRules(t *testing.T) {
	cw, _ := parseCrosswalk(strings.NewReader("070: AID, ,\n111: ACCUSE, disapprove,\n190: ASSAULT, , military\n042: CONSULT, visit,\n"))
	h, err := parseHand([]byte(sampleHand))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		dict   string
		want   []string // entries as "CATEGORY: text"
		reason string   // a skip reason that must occur
	}{
		{"lines that disagree on the sign are dropped",
			"---  HAIL   [070]  ---\nHAIL\n---  HAIL2   [---]  ---\nHAIL [111]\n", nil,
			"dictionary lines disagree on the sign"},
		{"the most frequent category wins",
			"---  X   [---]  ---\nRAM [190]\n---  Y   [---]  ---\nRAM [111]\n---  Z   [---]  ---\nRAM [190]\n", []string{"ASSAULT: ram 0.45 verb loc"}, ""},
		{"code override", "---  IMPOSE   [163]  ---\nIMPOSE\n", []string{"SANCTION: impose 0.35 verb mode=discontinue"}, ""},
		{"code missing from the crosswalk", "---  APPEAL   [020]  ---\nAPPEAL\n", nil,
			"code not in the crosswalk (CAMEO 01 statements, 02 appeals)"},
		{"target-side code", "---  OFFEND   [:110]  ---\nOFFEND\n", nil, "code for the target's act only ([:code])"},
		{"generic verb alone", "---  SERVE   [070]  ---\nSERVE\n", nil, "generic verb alone"},
		{"function word of the hand lexicon", "---  PLEDGE   [070]  ---\nPLEDGE\n", nil,
			"a function word of the hand lexicon (light, speech, request verb, ...)"},
		{"two-sided code is symmetric", "---  CALL   [---]  ---\nPHONE\n- * ENVOY [042:042] # PHONE\n", []string{"CONSULT: phone envoy 0.25 verb sym mode=visit"}, ""},
		{"a word the hand lexicon does not know", "---  SEND   [---]  ---\nSEND\n- * DELEGATION [042] # SEND\n", nil,
			"a word after the verb that the hand lexicon does not know"},
		{"positive phrase of a hand conflict verb", "---  KILL   [---]  ---\nKILL\n- * ENVOY [042] # KILL\n", nil,
			"positive phrase of a hand conflict verb (\"denounce detention\": the scorer aims the verb through its object itself)"},
		{"comment names no verb of a block of several", "---  X   [---]  ---\nHELP\nSERVE\n- * ENVOY [070]\n", nil,
			"comment names no verb of its block"},
		{"one verb needs no comment", "---  X   [---]  ---\nPHONE\n- * ENVOY [042]\n", []string{"CONSULT: phone envoy 0.25 verb mode=visit"}, ""},
		{"a flag name is no phrase word", "---  X   [---]  ---\nPHONE\n- * FROM ENVOY [042]\n", nil,
			"a word that is a cue flag name (\"from\") in the lexicon syntax"},
		{"plural joins singular", "---  X   [---]  ---\nPHONE\n- * ENVOY [042]\n- * ENVOYS [042]\n", []string{"CONSULT: phone envoy 0.25 verb mode=visit"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parseDictionary(strings.NewReader(tc.dict))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.problems) > 0 {
				t.Fatalf("problems: %+v", d.problems)
			}
			res := build(d, cw, h)
			var got []string
			for _, e := range res.entries {
				got = append(got, e.category+": "+e.text())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("entries %q, want %q", got, tc.want)
			}
			if tc.reason != "" && res.skipped[tc.reason] == 0 {
				t.Errorf("no skip %q; skipped %v", tc.reason, res.skipped)
			}
		})
	}
}

// TestHeadsOnly checks that noun modifiers are dropped from phrases.
func TestHeadsOnly(t *testing.T) {
	cases := []struct{ in, want string }{
		{"humanitarian aid", "aid"},
		{"of banned parties", "of parties"},
		{"aid", "aid"},
		{"to border", "to border"},
		{"state of emergency", "state of emergency"},
		{"", ""},
	}
	for _, tc := range cases {
		got := strings.Join(headsOnly(strings.Fields(tc.in)), " ")
		if got != tc.want {
			t.Errorf("headsOnly(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestVerbForms checks that only the irregular forms the scorer cannot
// derive are kept.
func TestVerbForms(t *testing.T) {
	cases := []struct{ line, want string }{
		{"GIVE {GIVES GIVING GAVE GIVEN}", "give|gave|given"},
		{"HURRY {HURRIES HURRYING HURRIED}", "hurry"},
		{"+SHOOT_DOWN {+SHOOTS_DOWN +SHOOTING_DOWN +SHOT_DOWN}", "shoot|shot down"},
		{"QUIT {QUITS QUITTING}", "quit|quitting"}, // the scorer doubles no "t" after "ui"
		{"+KILLED_AND {}", ""},
	}
	for _, tc := range cases {
		v, err := parseVerb(tc.line)
		if err != nil {
			t.Fatalf("%s: %v", tc.line, err)
		}
		words, why := verbForms(v)
		var parts []string
		for _, w := range words {
			parts = append(parts, strings.Join(w, "|"))
		}
		if got := strings.Join(parts, " "); got != tc.want || (tc.want == "") != (why != "") {
			t.Errorf("verbForms(%s) = %q (%s), want %q", tc.line, got, why, tc.want)
		}
	}
}

// TestSetCoreMembers checks that the core members listed for a noun set
// belong to it in the dictionary, so that none is silently lost.
func TestSetCoreMembers(t *testing.T) {
	d := sharedDictionary(t)
	for name, words := range setCore {
		s, ok := d.sets[name]
		if !ok {
			t.Errorf("setCore names unknown set &%s", name)
			continue
		}
		if got := len(s.core()); got != len(words) {
			t.Errorf("&%s: %d of the core members %q are members", name, got, words)
		}
	}
}
