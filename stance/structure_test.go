package stance

import "testing"

// TestScoreStructure: the source is the subject of the verb group and the
// target its object, whatever stands between them (issue: actors and cue
// found but not linked).
func TestScoreStructure(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"relative clause between subject and verb", "The US, which has long backed Israel, condemned Iran.", []string{"USA>IRN-", "USA>ISR+"}},
		{"adverbs in the verb group", "Chile has once again flatly rejected a Peruvian proposal.", []string{"CHL>PER-"}},
		{"parenthetical", "Turkish jets, including several F-16s, struck Syrian positions.", []string{"TUR>SYR-"}},
		{"after clause", "After Russia invaded Ukraine, Poland criticised Moscow.", []string{"POL>RUS-", "RUS>UKR-"}},
		{"before clause", "Before Iraq attacked Kuwait, Egypt warned Baghdad.", []string{"EGY>IRQ-", "IRQ>KWT-"}},
		{"while clause", "While Japan criticised China, Vietnam praised Beijing.", []string{"JPN>CHN-", "VNM>CHN+"}},
		{"appositive official", "Sergei Lavrov, Russia's foreign minister, criticised Washington.", []string{"RUS>USA-"}},
		{"which clause with a passive", "Iran, which was hit by new sanctions last year, accused Britain.", []string{"IRN>GBR-"}},
	})
}

// TestScoreCoordinationAndObjects: titled officials joined by "and",
// indirect objects of giving verbs, and the cues added for them.
func TestScoreCoordinationAndObjects(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"titled officials between", "A meeting between U.S. Treasury Secretary James Baker and West German Finance Minister Hans Weber calmed markets.", []string{"DEU>USA+", "USA>DEU+"}},
		{"titled officials agreed", "U.S. Trade Representative Clayton Yeutter and Japanese Trade Minister Hajime Tamura agreed on chips.", []string{"JPN>USA+", "USA>JPN+"}},
		{"untitled second is no official", "U.S. Treasury Secretary James Baker and analysts criticised Japan.", []string{"USA>JPN-"}},
		{"indirect object", "Finland will give Kenya a grant of 40 million euros.", []string{"FIN>KEN+"}},
		{"indirect object aid", "The United States gave Egypt 2 billion dlrs in aid.", []string{"USA>EGY+"}},
		{"possessive is no receiver", "Japan gave Kenya's army a grant.", nil},
		{"settled", "The United States and Argentina have settled a trade dispute.", []string{"ARG>USA+", "USA>ARG+"}},
		{"pressed", "The United States pressed Japan to open its markets.", []string{"USA>JPN-"}},
		{"announced tariffs", "The White House announced 100 pct tariffs on Japanese electronic goods.", []string{"USA>JPN-"}},
		{"announced that is reported", "Officials announced that an attack on Iran had failed.", nil},
		{"company of a state", "The subsidiary of Honda Motor Co Ltd of Japan shipped cars to Taiwan under a deal.", nil},
		{"after talks with", "Cuba freed 50 political prisoners after talks with Spain.", []string{"CUB>ESP+", "ESP>CUB+"}},
		{"during a meeting with", "Iran released two sailors during a meeting with Turkey.", []string{"IRN>TUR+"}},
		{"pulled back", "Vietnam pulled back its troops from Cambodia.", []string{"VNM>KHM+"}},
	})
}

// TestScoreFallback: a verb the lexicon does not know still links two
// states as subject and object, with the sentence's tone; never for teams,
// organisations, statistics or verbs the lexicon weighed and left.
func TestScoreFallback(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"unknown verb", "Japan wooed South Korea with new proposals on Tuesday.", []string{"JPN>KOR+"}},
		{"unknown verb in a hostile sentence", "Iran harassed Kuwait despite the criticism.", []string{"IRN>KWT-"}},
		{"valence of an unknown verb", "Iran coerced Kuwait on Monday.", []string{"IRN>KWT-"}},
		{"sports", "Spain beat Italy 4-2 on penalties.", nil},
		{"organisation", "Libya abstained in the Security Council vote.", nil},
		{"statistics", "The U.S. Agriculture Department forecast the Soviet wheat crop at 92 mln tonnes.", nil},
		{"commerce", "Egypt bought 200,000 tonnes of U.S. wheat.", nil},
		{"movement", "Bush left Iraq on Monday.", nil},
		{"comparison", "China overtook Japan as the second largest economy.", nil},
		{"negated", "Japan has not wooed South Korea.", nil},
		{"conditional", "If Japan wooed South Korea, China would object.", nil},
	})
}
