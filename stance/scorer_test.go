package stance

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// buildTestScorer builds the Scorer of the embedded data once for all tests.
var buildTestScorer = sync.OnceValues(func() (*Scorer, error) { return NewScorer() })

// newTestScorer returns a Scorer with the embedded data.
func newTestScorer(t testing.TB) *Scorer {
	t.Helper()
	s, err := buildTestScorer()
	if err != nil {
		t.Fatalf("NewScorer: %v", err)
	}
	return s
}

// dyadSet renders dyads as sorted "SRC>TGT+" / "SRC>TGT-" strings.
func dyadSet(ds []Dyad) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		sign := "+"
		if d.Score < 0 {
			sign = "-"
		}
		out = append(out, d.Source+">"+d.Target+sign)
	}
	slices.Sort(out)
	return out
}

// directionCase is one sentence and the exact dyads it must give.
type directionCase struct {
	name string
	text string
	want []string
}

// runDirectionCases scores each case as an article body.
func runDirectionCases(t *testing.T, cases []directionCase) {
	t.Helper()
	s := newTestScorer(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := dyadSet(s.Score(Article{Body: tc.text}).Dyads)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s\n got  %v\n want %v", tc.text, got, want)
			}
		})
	}
}

func TestScoreDirection(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"subject verb object", "China warned Japan on Tuesday over its plans for the disputed islands.", []string{"CHN>JPN-"}},
		{"subject verb object positive", "Germany praised Poland for its handling of the border crisis.", []string{"DEU>POL+"}},
		{"auxiliaries and time between subject and verb", "Israel on Wednesday released 20 Palestinian prisoners.", []string{"ISR>PSE+"}},
		{"demonym subject", "A Turkish court has jailed a Greek journalist for three years.", []string{"TUR>GRC-"}},
		{"possessive subject", "Iraq's foreign minister met with his Syrian counterpart in Damascus.", []string{"IRQ>SYR+"}},
		{"people from a country", "Bush will meet exiled dissidents from Myanmar.", []string{"USA>MMR+"}},
		{"object after preposition", "The United States imposed new sanctions against Iran on Monday.", []string{"USA>IRN-"}},
		{"target behind a relation noun", "Moscow suspended its participation in the arms treaty with Washington.", []string{"RUS>USA-"}},
		{"noun with possessive source", "Venezuela rejected Colombia's accusations against Caracas.", []string{"COL>VEN-", "VEN>COL-"}},
		{"passive with agent", "Evidence against Russia was presented by the United States.", []string{"USA>RUS-"}},
		{"passive with agent and name", "Russia was condemned by France for the attack.", []string{"FRA>RUS-"}},
		{"passive object of building", "The Russian embassy was attacked by Ukrainian soldiers.", []string{"UKR>RUS-"}},
		{"active evidence against", "The US presented evidence against Russia.", []string{"USA>RUS-"}},
		{"joint subjects agree", "Brazil and Argentina agreed to deepen their trade partnership.", []string{"ARG>BRA+", "BRA>ARG+"}},
		{"joint subjects list", "China, Russia and South Africa will hold a joint naval exercise this week.", []string{
			"CHN>RUS+", "CHN>ZAF+", "RUS>CHN+", "RUS>ZAF+", "ZAF>CHN+", "ZAF>RUS+"}},
		{"hyphenated pair", "Officials hailed the new China-Russia partnership.", []string{"CHN>RUS+", "RUS>CHN+"}},
		{"between pair", "Ties between India and Pakistan are straining again.", []string{"IND>PAK-", "PAK>IND-"}},
		{"symmetric talks with", "Egypt held talks with Jordan on water sharing.", []string{"EGY>JOR+", "JOR>EGY+"}},
		{"organisation as actor", "NATO warned China against arming Russia.", []string{"NATO>CHN-"}},
		{"joint subjects exchange fire", "Thai and Cambodian soldiers exchanged fire near the border.", []string{"KHM>THA-", "THA>KHM-"}},
		{"verb through the act it names", "Russia cut off gas supplies to Ukraine.", []string{"RUS>UKR-"}},
		{"welcoming a pact between two", "Saudi Arabia welcomed the agreement between Lebanon and Syria.", []string{
			"LBN>SYR+", "SAU>LBN+", "SAU>SYR+", "SYR>LBN+"}},
		{"rejecting what came from someone", "Kenya has rejected calls from Britain for a new inquiry.", []string{"KEN>GBR-"}},
		{"apology to, not raid by", "Colombia apologised to Ecuador for the raid on a rebel camp.", []string{"COL>ECU+"}},
		{"relative clause subject is not the actor before", "The US struck a group that has seized parts of Iraq.", nil},
		{"despite starts a new clause", "Russian troops advanced on Tuesday despite a ceasefire deal with Georgia.", nil},
		{"self dyad dropped", "Russian officials criticised Moscow's own statistics office.", nil},
		{"no cue no dyad", "France and Italy are both members of the European Union.", nil},
	})
}

// TestScoreWireSentences checks sentences written in the style of wire
// copy, each exercising several rules at once.
func TestScoreWireSentences(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"accused of", "Pakistan on Thursday accused India of violating a ceasefire along the border, the foreign ministry said.", []string{"PAK>IND-"}},
		{"joint agreement to restore", "Sudan and Chad agreed to restore diplomatic relations, the Libyan mediator said.", []string{"SDN>TCD+", "TCD>SDN+"}},
		{"purpose infinitive", "Saudi Arabia pledged 500 million dollars to help rebuild Lebanon.", []string{"SAU>LBN+"}},
		{"protest against after a place", "Hundreds of Iraqis marched through Baghdad to protest against the US occupation.", []string{"IRQ>USA-"}},
		{"bombed positions in a country", "Turkish warplanes bombed rebel positions in northern Iraq overnight, the army said.", []string{"TUR>IRQ-"}},
		{"arrival for talks", "A Chinese delegation arrived in Taipei on Monday for landmark talks.", []string{"CHN>TWN+"}},
		{"passive agent noun", "Nine Afghan civilians were killed by a NATO air strike, officials said.", []string{"NATO>AFG-"}},
		{"fighting to regain is no assault", "President Reagan, fighting to regain confidence after the Iran affair, spoke on Tuesday.", nil},
		{"economic demand is no demand", "Officials in Switzerland expect domestic demand to grow faster than in Germany.", nil},
		{"each other", "Ukraine and Russia accused each other of breaking the deal.", []string{"RUS>UKR-", "UKR>RUS-"}},
		{"its own troops", `"We support Georgia," the American president said, adding that Russia must withdraw its troops.`, []string{"USA>GEO+"}},
		{"relative clause after a name", "Lebanese Prime Minister Fuad Siniora, who met Syrian President Bashar al-Assad, said relations would improve.", []string{"LBN>SYR+"}},
		{"recalled its ambassador", "Morocco recalled its ambassador to Venezuela over the dispute.", []string{"MAR>VEN-"}},
		{"no stance in a list of places", "Oil prices rose in Asia as traders in Singapore and Tokyo awaited data from the United States.", nil},
		{"people from places", "The festival, held in France each year, attracts visitors from Germany, Italy and Spain.", nil},
		{"long list of beneficiaries", "The new accord increases aid to the states, Tunisia, Israel, Jordan, Lebanon, Morocco and Egypt, by 60 percent.", nil},
		{"long list as joint subject", "The United States, Japan, Germany, France, Britain and Canada agreed on Sunday to stabilise currencies.", []string{
			"CAN>DEU+", "CAN>FRA+", "CAN>GBR+", "CAN>JPN+", "CAN>USA+", "DEU>CAN+", "DEU>FRA+", "DEU>GBR+", "DEU>JPN+", "DEU>USA+",
			"FRA>CAN+", "FRA>DEU+", "FRA>GBR+", "FRA>JPN+", "FRA>USA+", "GBR>CAN+", "GBR>DEU+", "GBR>FRA+", "GBR>JPN+", "GBR>USA+",
			"JPN>CAN+", "JPN>DEU+", "JPN>FRA+", "JPN>GBR+", "JPN>USA+", "USA>CAN+", "USA>DEU+", "USA>FRA+", "USA>GBR+", "USA>JPN+"}},
		{"company name", "Great American Industrial Group Inc agreed to acquire the British assets of Pfaudler.", nil},
		{"joint actors declining a plan", "Mexico, Brazil and Argentina had declined to accept the plan.", nil},
		{"list after a preposition", "After travelling to France, Germany and Italy, the minister hopes to visit Canada.", nil},
	})
}

func TestScoreSpeech(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"speaker with pronoun", "Germany said it would not provide weapons to Ukraine.", []string{"DEU>UKR-"}},
		{"speaker with pronoun and support", "Obama said he would not provide support to Israel.", []string{"USA>ISR-"}},
		{"speaker after quote", `"We condemn Russia's aggression against Georgia," the French foreign minister said.`, []string{"FRA>RUS-", "RUS>GEO-"}},
		{"condemning an attack on a country", "Jordan condemned the attack on Egypt.", nil},
		{"speaker at end without own subject", "Arrest warrants were issued for two Brazilian smugglers, a senior Bolivian police officer said.", []string{"BOL>BRA-"}},
		{"according to", "According to Japanese officials, any Chinese incursion would be a serious threat.", []string{"JPN>CHN-"}},
		{"reported clause keeps its own subject", "Kenya said Somalia had attacked its border posts.", []string{"SOM>KEN-"}},
		{"reported clause with non-actor subject", "Kenya said militants had attacked Somalia.", nil},
		{"reported clause with the speaker's troops", "The Israeli army said troops had shot dead a Palestinian gunman.", []string{"ISR>PSE-"}},
		{"speaker judges subject", "The Kremlin said Poland's decision was a grave provocation.", []string{"RUS>POL-"}},
		{"speaker after quote with audience", `"We will never accept the independence of Kosovo," the Serbian president told reporters in Belgrade.`, []string{"SRB>XKX-"}},
	})
}

func TestScoreNegationAndHedges(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"negated cooperation turns negative", "Hungary did not support Ukraine's membership bid.", []string{"HUN>UKR-"}},
		{"refused to criticise is no criticism", "India refused to criticize Russia over the war.", nil},
		{"did not condemn", "Brazil did not condemn Venezuela.", nil},
		{"negated symmetric cue is one-sided", "Syria has not agreed to Israel's conditions for peace talks.", []string{"SYR>ISR-"}},
		{"relation predicate", "Tensions between Ethiopia and Eritrea have eased since the ruling.", []string{"ERI>ETH+", "ETH>ERI+"}},
		{"never", "Pakistan has never threatened Afghanistan, the minister said.", nil},
		{"asked someone else to act", "Congress asked the president to help Iran.", nil},
		{"wants to act", "Obama wants to attack Switzerland.", []string{"USA>CHE-"}},
	})
	s := newTestScorer(t)
	plain := s.Score(Article{Body: "Sweden will support Finland."}).Dyads
	hedged := s.Score(Article{Body: "Sweden may reportedly support Finland."}).Dyads
	if len(plain) != 1 || len(hedged) != 1 {
		t.Fatalf("got %v and %v, want one dyad each", dyadSet(plain), dyadSet(hedged))
	}
	if hedged[0].Confidence >= plain[0].Confidence {
		t.Errorf("hedged confidence %.2f, want below plain %.2f", hedged[0].Confidence, plain[0].Confidence)
	}
}

func TestScoreLocationAndMetonymy(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"said in a capital", "NATO condemned Russia at a news conference in Warsaw, Poland.", []string{"NATO>RUS-"}},
		{"at a place", "Putin praised Russia's soldiers at a Moscow stadium.", nil},
		{"in a country", "The Chinese president met the French president in Spain.", []string{"CHN>FRA+"}},
		{"capital as actor", "Washington accused Beijing of cyber attacks.", []string{"USA>CHN-"}},
		{"seat as actor", "The Kremlin condemned Ukraine's offensive.", []string{"RUS>UKR-"}},
		{"official merged with demonym", "Russian Foreign Minister Sergey Lavrov praised Chinese President Xi Jinping.", []string{"RUS>CHN+"}},
		{"institution in a country", "A court in Guyana has issued arrest warrants for two Brazilian men.", []string{"GUY>BRA-"}},
		{"institution with its own actor", "The French military in Rwanda helped to plan the operation.", nil},
		{"speaker with an institution word", "Israel's army chief said on Monday that Iran remained the biggest threat to the region.", []string{"ISR>IRN-"}},
		{"war in a country", "Russia's war in Ukraine has lasted three years.", []string{"RUS>UKR-"}},
		{"fired at a country", "The United States fired missiles at Syria this week.", []string{"USA>SYR-"}},
		{"protest in a capital", "Turkey's embassy staged a protest in Stockholm.", []string{"TUR>SWE-"}},
	})
}

func TestScoreCategories(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		text string
		want Category
		sign float64
	}{
		{"Chile and Peru signed a trade agreement.", Agree, 1},
		{"Vietnam held consultations with Laos.", Consult, 1},
		{"Canada praised Mexico.", Support, 1},
		{"Iran released three British sailors.", Concede, 1},
		{"Norway and Denmark will cooperate on fisheries.", Cooperate, 1},
		{"Japan sent humanitarian aid to the Philippines.", Aid, 1},
		{"Armenia withdrew its troops from Azerbaijan.", Retreat, 1},
		{"France opened an inquiry into Rwanda's role.", Investigate, 1},
		{"Germany demanded an apology from Belarus.", Demand, -1},
		{"France condemned Mali.", Disapprove, -1},
		{"Serbia rejected Kosovo's proposal.", Reject, -1},
		{"North Korea threatened South Korea.", Threaten, -1},
		{"The European Union imposed sanctions on Belarus.", Sanction, -1},
		{"Greek officials demonstrated against Turkey.", Protest, -1},
		{"Russia deployed troops against Georgia.", Mobilize, -1},
		{"Egyptian police arrested three Sudanese traders.", Coerce, -1},
		{"Ethiopia attacked Eritrea.", Assault, -1},
	}
	for _, tc := range cases {
		t.Run(string(tc.want), func(t *testing.T) {
			ds := s.Score(Article{Body: tc.text}).Dyads
			if len(ds) == 0 {
				t.Fatalf("%s: no dyad", tc.text)
			}
			for _, d := range ds {
				if d.Category != tc.want || d.Score*tc.sign <= 0 {
					t.Errorf("%s: %s>%s %s %.2f, want %s with sign %+.0f", tc.text, d.Source, d.Target, d.Category, d.Score, tc.want, tc.sign)
				}
			}
		})
	}
}

func TestScoreOfficialInOffice(t *testing.T) {
	s := newTestScorer(t)
	text := "Blinken warned Iran over its nuclear programme."
	cases := []struct {
		name string
		at   time.Time
		want []string
	}{
		{"in office", time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), []string{"USA>IRN-"}},
		{"before office", time.Date(2005, 5, 1, 0, 0, 0, 0, time.UTC), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := dyadSet(s.Score(Article{Body: text, PublishedAt: tc.at}).Dyads)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// seedLike is an article written for the tests in the style of the seed
// article: wire story, curly quotes, spaced abbreviations, a statement made
// in a capital, officials and site boilerplate at the end.
const seedLike = `Moscow, Beijing Pledge Closer Ties as War Grinds On

Russia and China promised on Monday to strengthen their partnership, while Western capitals watched for signs that Beijing may be supplying the Kremlin with arms.

The visit of Wang Yi, China’s top diplomat, to Moscow comes as relations between China and the U. S. keep deteriorating.

Speaking at talks with Wang, Russian President Vladimir Putin praised the friendship between the two countries.

Earlier, the United States accused China of helping Russia’s invasion of Ukraine.

Beijing rejected the U. S. accusations as “groundless.”

NATO Secretary-General Jens Stoltenberg told reporters in Warsaw, Poland, that the alliance condemned China’s support for Moscow’s war.

Leave a Comment

Your email address will not be published. Required fields are marked *`

func TestScoreSeedLikeArticle(t *testing.T) {
	s := newTestScorer(t)
	res := s.Score(Article{Title: "", Body: seedLike, PublishedAt: time.Date(2023, 2, 22, 0, 0, 0, 0, time.UTC)})
	got := map[string]float64{}
	for _, d := range res.Dyads {
		got[d.Source+">"+d.Target] = d.Score
		if d.Source == "POL" || d.Target == "POL" {
			t.Errorf("dyad %s>%s involves Poland, named only as a place", d.Source, d.Target)
		}
		for _, e := range d.Evidence {
			if strings.Contains(e.Text, "Comment") || strings.Contains(e.Text, "email") {
				t.Errorf("evidence from boilerplate: %q", e.Text)
			}
		}
	}
	for _, w := range []struct {
		pair string
		sign float64
	}{
		{"RUS>CHN", 1}, {"CHN>RUS", 1}, {"USA>CHN", -1}, {"CHN>USA", -1}, {"NATO>CHN", -1}, {"RUS>UKR", -1},
	} {
		score, ok := got[w.pair]
		if !ok {
			t.Errorf("no %s dyad; got %v", w.pair, dyadSet(res.Dyads))
			continue
		}
		if score*w.sign <= 0 {
			t.Errorf("%s score %.2f, want sign %+.0f", w.pair, score, w.sign)
		}
	}
	if res.Actors["POL"] == 0 {
		t.Errorf("actors %v: Poland is still a mention", res.Actors)
	}
}

func TestScoreResultShape(t *testing.T) {
	s := newTestScorer(t)
	res := s.Score(Article{
		Title: "Japan Warns China",
		Body:  "Japan warned China on Friday. China condemned Japan's remarks. Tokyo later praised Beijing's restraint.",
	})
	if !slices.IsSortedFunc(res.Dyads, func(a, b Dyad) int {
		return strings.Compare(a.Source+" "+a.Target, b.Source+" "+b.Target)
	}) {
		t.Errorf("dyads not sorted: %v", dyadSet(res.Dyads))
	}
	for _, d := range res.Dyads {
		for i := 1; i < len(d.Evidence); i++ {
			prev, cur := d.Evidence[i-1], d.Evidence[i]
			if absf(prev.Score)*prev.Confidence < absf(cur.Score)*cur.Confidence {
				t.Errorf("%s>%s evidence not strongest first", d.Source, d.Target)
			}
		}
	}
	jpn := findDyad(res.Dyads, "JPN", "CHN")
	if jpn == nil || len(jpn.Evidence) != 3 || jpn.Evidence[0].Sentence != 0 && jpn.Evidence[1].Sentence != 0 {
		t.Fatalf("JPN>CHN = %+v, want evidence from the title (sentence 0) and 2 more", jpn)
	}
	if res.Tone >= 0 {
		t.Errorf("tone %.2f, want negative", res.Tone)
	}
}

// findDyad returns the dyad src>tgt or nil.
func findDyad(ds []Dyad, src, tgt string) *Dyad {
	for i := range ds {
		if ds[i].Source == src && ds[i].Target == tgt {
			return &ds[i]
		}
	}
	return nil
}

// absf returns |x|.
func absf(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestScoreDeterministicConcurrent(t *testing.T) {
	s := newTestScorer(t)
	a := Article{Body: seedLike}
	want := dyadSet(s.Score(a).Dyads)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := dyadSet(s.Score(a).Dyads); !slices.Equal(got, want) {
					errs <- strings.Join(got, ",")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent result %s differs from %v", e, want)
	}
}

func TestNewScorerOptions(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatalf("LoadGazetteer: %v", err)
	}
	cases := []struct {
		name    string
		opts    []Option
		wantErr string
	}{
		{"default", nil, ""},
		{"gazetteer", []Option{WithGazetteer(g)}, ""},
		{"nil gazetteer", []Option{WithGazetteer(nil)}, "gazetteer is nil"},
		{"both", []Option{WithGazetteer(g), WithOverrides([]byte("states: []"))}, "exclude each other"},
		{"bad override", []Option{WithOverrides([]byte("states: [{code: xx}]"))}, "building scorer"},
		{"bad lexicon", []Option{WithCueLexicon([]byte("cues: {NOPE: [x]}"))}, "unknown category"},
		{"bad weight", []Option{WithCueLexicon([]byte("categories: {AGREE: 1}\ncues: {AGREE: [agree 2]}"))}, "outside (0, 1]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewScorer(tc.opts...)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("NewScorer: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("NewScorer error %v, want one containing %q", err, tc.wantErr)
			case tc.wantErr == "" && s == nil:
				t.Fatal("NewScorer returned nil")
			}
		})
	}
}

func TestScoreOverrides(t *testing.T) {
	doc := []byte("states:\n  - code: XAN\n    name: Xanadu\n    names: [Xanadu]\n    demonyms: [Xanaduan]\n")
	s, err := NewScorer(WithOverrides(doc))
	if err != nil {
		t.Fatalf("NewScorer: %v", err)
	}
	got := dyadSet(s.Score(Article{Body: "Xanadu threatened France."}).Dyads)
	if want := []string{"XAN>FRA-"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestScoreWireStyle covers wire-news shapes: titles between a preposition
// and an official, participles describing an actor, verbs that look like
// participles, territories and factions coded as states, and names of
// companies that hold a state's name. Articles are undated, so officials
// read as their most recent term.
func TestScoreWireStyle(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"title after with", "Chancellor Angela Merkel held talks with President Lech Kaczynski in Warsaw.", []string{"DEU>POL+", "POL>DEU+"}},
		{"two-word title after with", "Bush held talks with Prime Minister Gordon Brown on Monday.", []string{"GBR>USA+", "USA>GBR+"}},
		{"visiting before an official", "Egypt's president held talks with visiting Jordanian Prime Minister Nader Dahabi.", []string{"EGY>JOR+", "JOR>EGY+"}},
		{"visiting before a demonym", "Japan held talks with visiting Chinese officials in Tokyo.", []string{"CHN>JPN+", "JPN>CHN+"}},
		{"lash out at", "Venezuela lashed out at Colombia over the border raid.", []string{"VEN>COL-"}},
		{"participle with an object is active", "Kuwait welcomed the offer by Iraq to reopen the border.", nil},
		{"participle before by is an agent", "Somali troops backed by Ethiopia attacked the town.", []string{"ETH>SOM+"}},
		{"faction as state", "Israel and Hamas agreed to extend the truce.", []string{"ISR>PSE+", "PSE>ISR+"}},
		{"hezbollah as lebanon", "Israel accused Hezbollah of smuggling rockets.", []string{"ISR>LBN-"}},
		{"hamas-run gaza", "Egypt urged Israel to ease the blockade of Hamas-run Gaza.", []string{"EGY>ISR-"}},
		{"company is no state", "Malaysia Airlines criticised the decision by regulators in Jakarta to ban its flights to Indonesia.", nil},
		{"dateless official who changed office", "Aboul Gheit said Egypt condemned the Israeli raid.", []string{"EGY>ISR-"}},
		{"office of a state as subject", "The prime minister of Thailand criticised Cambodia over the temple row.", []string{"THA>KHM-"}},
		{"office of joint states as subject", "The defence ministers of Greece and Turkey agreed to cut tensions in the Aegean.", []string{"GRC>TUR+", "TUR>GRC+"}},
		{"of after an act is no subject", "The bombing of Serbia angered Russia.", nil},
		{"delegation from a state", "Qatar hosted a delegation from Sudan for two days.", []string{"QAT>SDN+"}},
		{"return from a place", "The envoy of Norway returned from Sri Lanka to brief Oslo.", nil},
	})
}

// TestScoreEconomicWire covers economic wire news: banks, firms, traders
// and investors named by their country are private parties, not the state
// ("Japanese banks", "French and Italian firms"); currencies and rates
// named after a state or city are no actors ("U.S. dlrs", "London
// Interbank Offered Rates"); "strike a deal" is an agreement, not an
// assault; a government's purchase under a deal still is cooperation.
func TestScoreEconomicWire(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"banks of a state", "Chinese banks agreed to lend Brazil two billion dollars.", nil},
		{"firms of joint states", "Kenya signed a deal with French and Italian firms to build a port.", nil},
		{"exporters of listed states", "Indian, Thai and Korean exporters met Vietnam's trade minister on Monday.", nil},
		{"investors of a state", "Spanish investors bought a stake in an Argentine bank.", nil},
		{"creditors of a state", "Greek creditors rejected a Turkish offer.", nil},
		{"headline banks", "JAPAN TO LET U.S. BANKS DEAL BONDS", nil},
		{"currency of a state", "Morocco received a grant of 40 mln U.S. Dlrs.", nil},
		{"interbank rate of a city", "Pakistan will pay a spread over London Interbank Offered Rates.", nil},
		{"strike an agreement", "Peru will strike an agreement with Chile on fishing rights.", []string{"CHL>PER+", "PER>CHL+"}},
		{"struck a deal", "Brazil struck a deal with Argentina.", []string{"ARG>BRA+", "BRA>ARG+"}},
		{"government purchase", "Egypt agreed to buy one mln tonnes of Canadian wheat.", []string{"EGY>CAN+"}},
		{"agreed to lend is the lender's", "Nigeria agreed to lend Ghana two mln barrels of crude.", []string{"NGA>GHA+"}},
		{"agreed to act with a partner", "Nigeria agreed to build a railway with Ghana.", []string{"GHA>NGA+", "NGA>GHA+"}},
		{"agreed with is still joint", "Nigeria agreed with Ghana on a new border post.", []string{"GHA>NGA+", "NGA>GHA+"}},
		{"trade agreement between states", "Canada signed a trade agreement with Mexico.", []string{"CAN>MEX+", "MEX>CAN+"}},
		{"meet obligations", "Ecuador will meet its financial obligations to Spain.", nil},
		{"met demand", "Dutch and Danish dairies met strong demand from Italy.", nil},
		{"received a contract", "A French subsidiary received a contract from Nigeria.", nil},
		{"capital names the venue of a pact", "Canada praised the Rome pact on farm subsidies.", nil},
		{"capital names the venue of talks", "Chile and Peru backed Bolivia at the Lima talks.", []string{"CHL>BOL+", "PER>BOL+"}},
		{"question put to an official", "Asked if Chile would retaliate against Peruvian goods, the minister said no decision was taken.", nil},
		{"question with whether", "Reporters asked whether Ghana would sanction Togo.", nil},
		{"states excepted from the subject", "All exporters except Ghana and Nigeria agreed to cut sales to Britain.", nil},
		{"collapse of talks", "Officials in Lima confirmed the collapse of Peru's negotiations with Ecuador.", []string{"PER>ECU-"}},
		{"breakdown of talks between", "The breakdown of the talks between Chile and Bolivia surprised diplomats.", nil},
		{"talks between still agree", "The talks between Chile and Bolivia surprised diplomats.", []string{"BOL>CHL+", "CHL>BOL+"}},
		{"meet an official still meets", "Portugal's finance minister will meet Angolan officials on Monday.", []string{"PRT>AGO+"}},
	})
}
