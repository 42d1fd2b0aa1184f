package stance

import "testing"

// TestScoreSubStateActors: rebels, companies, ethnic groups, private people
// and compound adjectives make no state dyad as sources; as targets of a
// state's coercion the people of a state stand for it, its rebels and
// opposition do not (CONVENTIONS.md, "Who counts as a state").
func TestScoreSubStateActors(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"rebels as source", "Kurdish rebels attacked Turkish troops.", nil},
		{"ethnic group", "Ethnic Hungarians rallied in Slovakia against the government.", nil},
		{"companies", "Japanese car makers criticised the United States.", nil},
		{"company possessive", "Japan's chip makers accused the United States of protectionism.", nil},
		{"banks", "U.S. banks rejected Brazil's proposal.", nil},
		{"missionaries", "American missionaries criticised the Kenyan government.", nil},
		{"students", "Iranian students protested outside the British embassy.", nil},
		{"compound adjective", "The Soviet-backed Afghan government criticised Pakistan.", []string{"AFG>PAK-"}},
		{"backed rebels", "U.S.-backed rebels attacked Nicaraguan troops.", nil},
		{"led forces act", "U.S.-led forces attacked Iraqi positions.", []string{"USA>IRQ-"}},
		{"state agent", "Iranian officials criticised Britain.", []string{"IRN>GBR-"}},
		{"troops", "Iraqi troops attacked Iranian positions.", []string{"IRQ>IRN-"}},
		{"central bank", "Japan's central bank criticised the United States.", []string{"JPN>USA-"}},
		{"nationals as target of coercion", "Malaysian police arrested 30 Indonesian workers.", []string{"MYS>IDN-"}},
		{"rebels as target", "Sudanese troops attacked Chadian rebels.", nil},
		{"palestinian militants count", "Israeli troops killed two Palestinian militants.", []string{"ISR>PSE-"}},
		{"dissident as target of praise", "Sweden praised a Chinese dissident.", nil},
	})
}

// TestScoreModality: only acts reported as fact, intended or threatened
// give a stance; hypothetical, denied and doubly negated acts give nothing,
// and topics of talks are no parties to them.
func TestScoreModality(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"conditional", "If Iran attacks Kuwait, the United States will respond.", nil},
		{"unless", "Unless Syria withdraws, Israel said nothing would change.", nil},
		{"even if is factual", "Even if Iran attacked Kuwait yesterday, Kuwait did not respond.", []string{"IRN>KWT-"}},
		{"denied that", "Iraq denied that it had attacked Kuwait.", nil},
		{"denied gerund", "Iraq denied attacking Kuwait.", nil},
		{"rejected claim", "Israel rejected Iran's claim that Israel had attacked Syria.", []string{"ISR>IRN-"}},
		{"dismissed reports", "Moscow dismissed reports that Russia had bombed Georgia.", nil},
		{"neither nor", "Neither Egypt nor Jordan criticised Israel.", nil},
		{"talks about", "Japan and China held talks about North Korea.", []string{"CHN>JPN+", "JPN>CHN+"}},
		{"agreement on", "Vietnam and Thailand signed an agreement on Cambodia.", []string{"THA>VNM+", "VNM>THA+"}},
		{"sanctions on stay", "The United States imposed sanctions on Iran.", []string{"USA>IRN-"}},
		{"dispute over", "Britain and Argentina held talks over the Falklands dispute with Chile.", []string{"ARG>GBR+", "GBR>ARG+"}},
	})
}

// TestScoreMode: the evidence says whether the act is factual, intended or
// threatened.
func TestScoreMode(t *testing.T) {
	s := newTestScorer(t)
	for _, tc := range []struct {
		text string
		want Mode
	}{
		{"Japan criticised China.", ModeFactual},
		{"Japan will visit China next week.", ModeIntended},
		{"Japan plans to criticise China.", ModeIntended},
		{"Japan threatened to impose sanctions on China.", ModeThreatened},
	} {
		t.Run(tc.text, func(t *testing.T) {
			ds := s.Score(Article{Body: tc.text}).Dyads
			if len(ds) == 0 {
				t.Fatalf("no dyad")
			}
			if got := ds[0].Evidence[0].Mode; got != tc.want {
				t.Errorf("mode %q, want %q", got, tc.want)
			}
		})
	}
}

// TestScoreSubStateOutput: the sub-state actors are kept in the result with
// their agent type.
func TestScoreSubStateOutput(t *testing.T) {
	s := newTestScorer(t)
	res := s.Score(Article{Body: "Kurdish rebels attacked Turkish troops. Japanese car makers criticised the plan."})
	if got := res.SubState["JPN"]["BUS"]; got != 1 {
		t.Errorf("SubState[JPN][BUS] = %d, want 1 (%v)", got, res.SubState)
	}
	if len(res.Dyads) != 0 {
		t.Errorf("dyads %v, want none", dyadSet(res.Dyads))
	}
}
