package main

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseDictionaryBlocks checks verb blocks: header codes, synonyms,
// phrasal verbs, irregular forms and own codes.
func TestParseDictionaryBlocks(t *testing.T) {
	cases := []struct {
		name string
		text string
		// want: block name, block code, then "key words|forms|code" per verb
		want []string
	}{
		{"block with a default code", "---  AID   [060]  ---\nAID\nHELP [070]\n",
			[]string{"AID [060]", "AID aid||", "HELP help||070"}},
		{"block without a code", "---  SEND   [---]  ---\nSEND {SENDS SENDING SENT }\n",
			[]string{"SEND [---]", "SEND send|sends sending sent|"}},
		{"phrasal verb with forms", "---  KILL   [190]  ---\n+SHOOT_DOWN {+SHOOTS_DOWN +SHOT_DOWN }\n",
			[]string{"KILL [190]", "SHOOT_DOWN shoot down|shoots down,shot down|"}},
		{"empty forms, code and comment", "---  KILL   [190]  ---\n+KILLED_AND {} [180] # note\n",
			[]string{"KILL [190]", "KILLED_AND killed and||180"}},
		{"code glued to the verb", "---  ASSEMBLE   [040]  ---\nRECONVENE[---]\n",
			[]string{"ASSEMBLE [040]", "RECONVENE reconvene||---"}},
		{"odd header tail", "---  DELAY   [120]---  ---\nDELAY\n",
			[]string{"DELAY [120]", "DELAY delay||"}},
		{"target-side block code", "---  OFFEND   [:110]  ---\nOFFEND\n",
			[]string{"OFFEND [:110]", "OFFEND offend||"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parseDictionary(strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.problems) > 0 {
				t.Fatalf("problems: %+v", d.problems)
			}
			if len(d.blocks) != 1 {
				t.Fatalf("got %d blocks, want 1", len(d.blocks))
			}
			b := d.blocks[0]
			got := []string{b.name + " [" + b.code.String() + "]"}
			for _, v := range b.verbs {
				var forms []string
				for _, f := range v.forms {
					forms = append(forms, strings.Join(f, " "))
				}
				sep := " "
				if len(v.words) > 1 {
					sep = ","
				}
				got = append(got, v.key+" "+strings.Join(v.words, " ")+"|"+strings.Join(forms, sep)+"|"+v.code.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestParseDictionaryPatterns checks pattern lines: the items before and
// after the verb, codes and the source verbs of the comment.
func TestParseDictionaryPatterns(t *testing.T) {
	cases := []struct {
		name      string
		line      string
		pre, post string // items rendered by renderItems
		code      string
		verbs     []string
	}{
		{"object", "- * AID   [070]   # GIVE , PROVIDE", "", "aid", "070", []string{"GIVE", "PROVIDE"}},
		{"phrase in braces", "- * {HUMANITARIAN AID}  [073]  # SEND", "", "humanitarian aid", "073", []string{"SEND"}},
		{"noun set and parentheses", "- * &MILITARY (TO BORDER)  [154]  # RUSH", "", "&MILITARY ( to border )", "154", []string{"RUSH"}},
		{"subject constraint", "- &AIRCRAFT * RAID  [195]  # STAGE", "&AIRCRAFT", "raid", "195", []string{"STAGE"}},
		{"actors and skips", "- $ * ^ &OPPOSITION TO +  [110]", "$", "^ &OPPOSITION to +", "110", nil},
		{"two-sided code", "- * CONTRACT  [031:031]  # AWARD", "", "contract", "031:031", []string{"AWARD"}},
		{"target-side code", "- * (BEFORE COURT)  [:173]  # APPEAR", "", "( before court )", ":173", []string{"APPEAR"}},
		{"null code, no comment", "- * PLAN  [---]", "", "plan", "---", nil},
		{"annotator comment is no verb", "- * SANCTIONS [163] # OY 14 Mar 2006", "", "sanctions", "163", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parseDictionary(strings.NewReader("---  X   [---]  ---\n" + tc.line + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.problems) > 0 {
				t.Fatalf("problems: %+v", d.problems)
			}
			p := d.blocks[0].patterns[0]
			if got := renderItems(p.pre); got != tc.pre {
				t.Errorf("pre %q, want %q", got, tc.pre)
			}
			if got := renderItems(p.post); got != tc.post {
				t.Errorf("post %q, want %q", got, tc.post)
			}
			if p.code.String() != tc.code {
				t.Errorf("code %q, want %q", p.code.String(), tc.code)
			}
			if !reflect.DeepEqual(p.verbs, tc.verbs) {
				t.Errorf("verbs %q, want %q", p.verbs, tc.verbs)
			}
			if p.line != 2 {
				t.Errorf("line %d, want 2", p.line)
			}
		})
	}
}

// renderItems renders pattern items for the tests.
func renderItems(items []item) string {
	var out []string
	for _, it := range items {
		switch it.kind {
		case itWord:
			out = append(out, it.text)
		case itSet:
			out = append(out, "&"+it.text)
		case itSource:
			out = append(out, "$")
		case itTarget:
			out = append(out, "+")
		case itSkip:
			out = append(out, "^")
		case itCompound:
			out = append(out, "%")
		case itOpen:
			out = append(out, "(")
		case itClose:
			out = append(out, ")")
		}
	}
	return strings.Join(out, " ")
}

// TestParseDictionaryProblems checks that unusable lines are counted with a
// reason and their line, and that parsing goes on after them.
func TestParseDictionaryProblems(t *testing.T) {
	cases := []struct {
		name   string
		line   string
		reason string
	}{
		{"header without code", "---  BROKEN  ---", "malformed block header"},
		{"header with a bad code", "---  BROKEN  [07x]  ---", "bad code [07x]"},
		{"pattern without code", "- * AID", "pattern: no [code]"},
		{"pattern without verb", "- AID [070]", "no '*' for the verb"},
		{"two verbs", "- * AID * [070]", "more than one '*'"},
		{"unbalanced parenthesis", "- * (TO BORDER [154]", "unbalanced parentheses"},
		{"stray closing parenthesis", "- * TO) [154]", "')' without '('"},
		{"unbalanced brace", "- * {ARMS SHIPMENT [072]", "unbalanced braces"},
		{"bad pattern code", "- * BACK [080!]", "bad code [080!]"},
		{"verb glued to a word", "- *SCEPTICAL [110]", `unexpected "*SCEPTICAL"`},
		{"text after code", "- * AID [070] extra", "text after the code"},
		{"irregular form of another length", "+SHOOT_DOWN {+SHOT}", "has 1 words, the verb 2"},
		{"phrase without plus", "SHOOT_DOWN", "without '+'"},
		{"irregular form that is no word", "SPEAK {SPOKE , SPOKEN}", `irregular form ","`},
		{"transformation rule", "~ a (a b ATTACK) SAY = a b 015", "transformation rule"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := "---  X   [---]  ---\n" + tc.line + "\nKILL\n"
			d, err := parseDictionary(strings.NewReader(text))
			if err != nil {
				t.Fatal(err)
			}
			// A broken header leaves its verbs outside any block.
			if len(d.problems) == 0 || len(d.problems) > 1 && !strings.HasPrefix(tc.line, "---") {
				t.Fatalf("got problems %+v, want one", d.problems)
			}
			p := d.problems[0]
			if p.line != 2 || !strings.Contains(p.reason, tc.reason) {
				t.Errorf("got line %d %q, want line 2 containing %q", p.line, p.reason, tc.reason)
			}
		})
	}
	t.Run("line outside any block", func(t *testing.T) {
		d, err := parseDictionary(strings.NewReader("KILL\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.problems) != 1 || d.problems[0].reason != "line outside any noun set or verb block" {
			t.Errorf("got %+v", d.problems)
		}
	})
}

// TestParseDictionarySets checks noun sets: members, phrases, the trailing
// "_" of PETRARCH and the end of a set at a blank line.
func TestParseDictionarySets(t *testing.T) {
	d, err := parseDictionary(strings.NewReader("&MILITARY\n# a comment\n+TROOPS\n+ARMED_FORCES\n+CASH_\n+AK-47\n\n&ASYLUM\n+ASYLUM\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.problems) > 0 {
		t.Fatalf("problems: %+v", d.problems)
	}
	var got []string
	for _, m := range d.sets["MILITARY"].members {
		got = append(got, strings.Join(m.words, " "))
	}
	want := []string{"troops", "armed forces", "cash", "ak-47"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MILITARY = %q, want %q", got, want)
	}
	if n := len(d.sets["ASYLUM"].members); n != 1 {
		t.Errorf("ASYLUM has %d members, want 1", n)
	}
}

// TestParseSample parses the sample dictionary in testdata.
func TestParseSample(t *testing.T) {
	d := sampleDictionary(t)
	if len(d.problems) > 0 || len(d.blocks) != 3 || len(d.sets) != 2 || countPatterns(d) != 8 {
		t.Errorf("got %d problems, %d blocks, %d sets, %d patterns; want 0, 3, 2, 8", len(d.problems), len(d.blocks), len(d.sets), countPatterns(d))
	}
}
