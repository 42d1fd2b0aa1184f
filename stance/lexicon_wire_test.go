package stance

import (
	"slices"
	"strings"
	"testing"
)

// TestScoreGivingAndWithholding covers the acts of wire news the hand
// lexicon missed before the generated one (data/cues_cameo.yaml) and the
// hand entries added with it: giving, granting, lending, sending arms or
// troops, offering and contributing troops, lifting an embargo, asylum,
// torture, curfews, hostages, embassies, and halting or cutting aid.
func TestScoreGivingAndWithholding(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		name string
		text string
		want []string // dyads as in runDirectionCases
		cat  Category // category of the first dyad
		gen  bool     // its strongest cue comes from the generated lexicon
	}{
		{"grant to", "Finland will give a grant of 40 million euros to Kenya.", []string{"FIN>KEN+"}, Aid, false},
		{"granted a loan", "Japan granted Indonesia a loan of 1 billion dollars.", []string{"JPN>IDN+"}, Aid, false},
		{"granted asylum", "Russia granted asylum to the former Ukrainian president.", []string{"RUS>UKR+"}, Aid, false},
		{"gave asylum", "Ecuador gave asylum to the former Peruvian president.", []string{"ECU>PER+"}, Aid, true},
		{"give money", "Japan will give 10 million dollars to Myanmar.", []string{"JPN>MMR+"}, Aid, true},
		{"lend", "China will lend 500 million dollars to Pakistan.", []string{"CHN>PAK+"}, Aid, false},
		{"donated", "Kuwait donated 10 million dollars to Lebanon.", []string{"KWT>LBN+"}, Aid, false},
		{"sent arms", "The United States sent arms to Georgia.", []string{"USA>GEO+"}, Aid, false},
		{"sent troops", "Russia sent troops into Georgia.", []string{"RUS>GEO-"}, Mobilize, false},
		{"offered troops", "Brazil offered troops for the UN mission in Haiti.", []string{"BRA>UN+"}, Agree, false},
		{"contributed troops", "Fiji contributed troops to the UN force in Lebanon.", []string{"FJI>UN+"}, Aid, true},
		{"lifted an arms embargo", "The European Union lifted its arms embargo on Libya.", []string{"EU>LBY+"}, Concede, false},
		{"tortured", "Israeli troops tortured Palestinian prisoners.", []string{"ISR>PSE-"}, Assault, true},
		{"imposed a curfew", "Israel imposed a curfew on the Palestinian town of Hebron.", []string{"ISR>PSE-"}, Coerce, true},
		{"lifted a curfew", "Israel lifted the curfew on the Palestinian town of Hebron.", []string{"ISR>PSE+"}, Concede, true},
		{"took hostage", "Iraqi troops took hostage 20 Kuwaiti soldiers.", []string{"IRQ>KWT-"}, Assault, true},
		{"closed embassy in", "Russia closed its embassy in Georgia.", []string{"RUS>GEO-"}, Sanction, true},
		{"halted aid", "The United States halted aid to Uganda.", []string{"USA>UGA-"}, Sanction, false},
		{"suspended aid", "The United States suspended aid to Uganda.", []string{"USA>UGA-"}, Sanction, false},
		{"cut aid", "The United States cut aid to Uganda.", []string{"USA>UGA-"}, Sanction, false},
		{"cut off aid", "Germany cut off aid to Rwanda.", []string{"DEU>RWA-"}, Sanction, false},
		{"withheld aid", "Britain withheld aid to Malawi.", []string{"GBR>MWI-"}, Sanction, true},
		{"ended the war", "Iraq and Iran agreed to end the war.", []string{"IRN>IRQ+", "IRQ>IRN+"}, Agree, false},
		{"not send troops", "Brazil will not send troops to Bolivia, the defence minister said.", nil, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ds := s.Score(Article{Body: tc.text}).Dyads
			got := dyadSet(ds)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("%s\n got  %v\n want %v", tc.text, got, want)
			}
			if len(ds) == 0 {
				return
			}
			d := ds[0]
			if d.Category != tc.cat {
				t.Errorf("category %s, want %s", d.Category, tc.cat)
			}
			if gen := s.lx.sources[cueAt(t, s, d)] != ""; gen != tc.gen {
				t.Errorf("cue %q from the generated lexicon: %v, want %v", d.Evidence[0].Cues[0].Text, gen, tc.gen)
			}
		})
	}
}

// cueAt returns the lexicon cue id of the first cue of the strongest
// evidence of d whose category is d's.
func cueAt(t *testing.T, s *Scorer, d Dyad) int {
	t.Helper()
	e := d.Evidence[0]
	sc := new(scratch)
	an := analyser{lx: s.lx, gaz: s.gaz, ag: s.ag, sc: sc}
	an.analyse(e.Text, false)
	for _, c := range e.Cues {
		if c.Category != d.Category {
			continue
		}
		for _, cm := range sc.cues {
			if int(sc.toks[cm.t0].start) == c.Start {
				return int(cm.def)
			}
		}
	}
	t.Fatalf("no cue of %s in %q", d.Category, e.Text)
	return -1
}

// TestGeneratedCueModes checks cues whose act the test sentences cannot
// show with state actors (rioters are no state): the category and PLOVER
// mode recorded for them.
func TestGeneratedCueModes(t *testing.T) {
	lx := newTestScorer(t).lx
	cases := []struct {
		words, mode string
		cat         Category
	}{
		{"riot", "PROTEST mode riot", Protest},
		{"torture", "ASSAULT mode torture", Assault},
		{"evacuate", "AID mode -", Aid},
		{"give asylum", "AID mode -", Aid},
		{"end hostilities", "RETREAT mode", Retreat},
		{"cancel visit", "SANCTION mode", Sanction},
		{"impose curfew", "COERCE mode curfew", Coerce},
	}
	for _, tc := range cases {
		t.Run(tc.words, func(t *testing.T) {
			ids := cuesOf(lx, tc.words)
			if len(ids) != 1 {
				t.Fatalf("got %d cues, want one", len(ids))
			}
			if d, src := lx.cues[ids[0]], lx.sources[ids[0]]; d.cat != tc.cat || !strings.Contains(src, "-> "+tc.mode) {
				t.Errorf("got %s from %q, want %s with %q", d.cat, src, tc.cat, tc.mode)
			}
		})
	}
}
