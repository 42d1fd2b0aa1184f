package stance

import "testing"

// TestScoreReversals: a reversal verb turns the act it governs around; a
// failure verb cancels it; "X said Y must" is X's demand on Y.
func TestScoreReversals(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"halted aid", "The United States halted aid to Egypt.", []string{"USA>EGY-"}},
		{"suspended military aid", "The United States suspended military aid to Pakistan.", []string{"USA>PAK-"}},
		{"lifted blockade", "Israel lifted the blockade of Gaza.", []string{"ISR>PSE+"}},
		{"ended boycott", "Britain ended its boycott of Libya.", []string{"GBR>LBY+"}},
		{"lifted embargo", "The United States lifted its embargo on Vietnam.", []string{"USA>VNM+"}},
		{"cancelled visit", "France cancelled a visit to Algeria.", []string{"FRA>DZA-"}},
		{"cancelled planned summit", "Japan cancelled a planned summit with South Korea.", []string{"JPN>KOR-"}},
		{"called off talks", "India called off talks with Pakistan.", []string{"IND>PAK-"}},
		{"ruled out deal", "India ruled out a deal with Pakistan.", []string{"IND>PAK-"}},
		{"talks collapsed", "Talks between Iran and Iraq collapsed.", nil},
		{"plan for talks failed", "The plan for talks between India and Pakistan failed.", nil},
		{"talks broke down", "Talks between Greece and Turkey broke down on Monday.", nil},
		{"must", "Iran said Britain must hand over the sailors.", []string{"IRN>GBR-"}},
		{"should after", "Japan should open its markets, the United States said.", []string{"USA>JPN-"}},
		{"must of oneself is nothing", "Iran said it must defend itself.", nil},
		{"neither nor both", "Neither Britain nor France supported the American plan.", []string{"FRA>USA-", "GBR>USA-"}},
		{"may impose", "Turkey may impose new sanctions on Armenia.", nil},
	})
}

// TestScoreCommonVerbs: verbs of wire news the lexicon now covers, each a
// documented act of its PLOVER category.
func TestScoreCommonVerbs(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"annexed", "Iraq annexed Kuwait in 1990.", []string{"IRQ>KWT-"}},
		{"insulted", "Turkey insulted Greece on Monday.", []string{"TUR>GRC-"}},
		{"harassed", "Chinese ships harassed Philippine vessels.", []string{"CHN>PHL-"}},
		{"captured", "Iraqi forces captured Iranian soldiers.", []string{"IRQ>IRN-"}},
		{"spied on", "Israel spied on the United States.", []string{"ISR>USA-"}},
		{"funded", "Saudi Arabia funded Pakistan's nuclear programme.", []string{"SAU>PAK+"}},
		{"reconciled", "Egypt and Qatar reconciled after years of rivalry.", []string{"EGY>QAT+", "QAT>EGY+"}},
		{"broke with", "Cuba broke with the United States in 1961.", []string{"CUB>USA-"}},
	})
}

// TestScoreHeadlinesAndReactions: title-case headlines join their actors
// as titles do; a reaction drawn "from X" is X's act toward the subject;
// the object of "discuss" is a topic.
func TestScoreHeadlinesAndReactions(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"headline comma", "US, China Agree to Resume Trade Talks", []string{"CHN>USA+", "USA>CHN+"}},
		{"sentence is no headline", "After Russia invaded Ukraine, Poland criticised Moscow.", []string{"POL>RUS-", "RUS>UKR-"}},
		{"drawing condemnation from", "Pyongyang fired two missiles into the sea, drawing condemnation from Washington.", []string{"USA>PRK-"}},
		{"sparked protests from", "Japan's visit to the shrine sparked protests from China.", []string{"CHN>JPN-"}},
		{"pressure from is no reaction of a later actor", "Obama faces pressure from Congress to help Iran.", nil},
		{"discuss a topic", "Turkish and Greek leaders met in Brussels to discuss Cyprus.", []string{"GRC>TUR+", "TUR>GRC+"}},
		{"discuss with", "Japan discussed trade with China.", []string{"JPN>CHN+", "CHN>JPN+"}},
	})
}

// TestScoreAskedTo: "X asked/told Y to ..." is X's demand on Y; adverbs
// before a verb and adjectives before a plural gerund keep the cue.
func TestScoreAskedTo(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"asked to", "The United States asked Japan to open its farm market.", []string{"USA>JPN-"}},
		{"told to", "Iraq told Kuwait to cut its oil output.", []string{"IRQ>KWT-"}},
		{"asked for aid is no demand", "Egypt asked the United States for more aid.", []string{"EGY>USA+"}},
		{"wants is a wish", "Obama wants Putin to attack Switzerland.", nil},
		{"adverb before verb", "Soviet and U.S. officials normally meet in the summer.", []string{"RUS>USA+", "USA>RUS+"}},
		{"adjective before plural gerund", "U.S. and Japanese negotiators will hold emergency meetings next week.", []string{"JPN>USA+", "USA>JPN+"}},
	})
}
