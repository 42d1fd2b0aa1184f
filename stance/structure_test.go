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
