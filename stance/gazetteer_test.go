package stance

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// loadTestGazetteer loads the embedded gazetteer once for all tests.
var loadTestGazetteer = sync.OnceValues(func() (*Gazetteer, error) { return LoadGazetteer() })

// testGazetteer returns the embedded gazetteer.
func testGazetteer(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := loadTestGazetteer()
	if err != nil {
		tb.Fatalf("LoadGazetteer: %v", err)
	}
	return g
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
}

// render writes mentions as "text:CODE" or "text:CODE:role", space separated.
func render(text string, ms []Mention) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		s := text[m.Start:m.End] + ":" + m.Code
		if m.Role != "" {
			s += ":" + m.Role
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

var unMembers = strings.Fields(`DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ
ETH GAB GMB GHA GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF
SSD SDN TZA TGO TUN UGA ZMB ZWE ATG ARG BHS BRB BLZ BOL BRA CAN CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY
HTI HND JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO USA URY VEN ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK
EST FIN FRA DEU GRC HUN ISL IRL ITA LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK
SVN ESP SWE CHE UKR GBR AFG ARM AZE BHR BGD BTN BRN KHM CHN GEO IND IDN IRN IRQ ISR JPN JOR KAZ KWT KGZ LAO
LBN MYS MDV MNG MMR NPL PRK OMN PAK PHL QAT SAU SGP KOR LKA SYR TJK THA TLS TUR TKM ARE UZB VNM YEM AUS FJI
KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT`)

func TestLoadGazetteerCoverage(t *testing.T) {
	g := testGazetteer(t)
	if len(unMembers) != 193 {
		t.Fatalf("test list has %d UN members, want 193", len(unMembers))
	}
	for _, c := range append(slices.Clone(unMembers), "VAT", "PSE", "TWN", "XKX") {
		if !g.IsState(c) {
			t.Errorf("state %s missing", c)
		}
		if g.Name(c) == "" {
			t.Errorf("state %s has no name", c)
		}
	}
	for _, c := range strings.Fields(`NATO EU UN UNSC AU ASEAN G7 G20 OPEC IAEA WHO IMF WB ARL OSCE WTO ICC GCC SCO
		BRICS CIS OAS ECOWAS INTERPOL UNHCR UNICEF`) {
		if g.Kind(c) != KindOrg {
			t.Errorf("organisation %s missing", c)
		}
	}
	codes := g.Codes()
	if !slices.IsSorted(codes) {
		t.Error("Codes() not sorted")
	}
	codes[0] = "mutated"
	if g.Codes()[0] == "mutated" {
		t.Error("Codes() returns internal slice")
	}
	if g.Kind("XXX") != 0 || g.Name("XXX") != "" || g.IsState("NATO") {
		t.Error("unknown code or org reported as known state")
	}
	if got := g.Name("USA"); got != "United States" {
		t.Errorf("Name(USA) = %q", got)
	}
	// Every G20 member and permanent Security Council member has officials
	// in each of the four main roles at some date since 2000.
	roles := map[string]map[string]bool{}
	for _, o := range g.offs {
		for _, tm := range o.terms {
			c := g.actors[tm.actor].code
			if tm.until.IsZero() || tm.until.Year() >= 2000 {
				if roles[c] == nil {
					roles[c] = map[string]bool{}
				}
				roles[c][tm.role] = true
			}
		}
	}
	for _, c := range strings.Fields("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA") {
		for _, r := range []string{"foreign_minister", "defence_minister"} {
			if !roles[c][r] {
				t.Errorf("%s has no %s", c, r)
			}
		}
		if !roles[c]["head_of_state"] && !roles[c]["head_of_government"] {
			t.Errorf("%s has no leader", c)
		}
	}
	if !roles["UN"]["secretary_general"] || !roles["NATO"]["secretary_general"] {
		t.Error("missing UN or NATO secretaries-general")
	}
	t.Logf("%d states, %d orgs, %d officials, %d terms, %d phrases, %d excludes, %d dated phrases, %d fuzzy targets, %d context rules",
		g.stats.states, g.stats.orgs, g.stats.officials, g.stats.terms, g.stats.phrases, g.stats.excludes,
		g.stats.dated, g.stats.fuzzyTargets, len(g.rules))
}

func TestFindAmbiguity(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 6, 1)
	tests := []struct {
		name, text, want string
	}{
		// Georgia
		{"georgia us city", "It was hot in Atlanta, Georgia, on Sunday.", ""},
		{"georgia governor", "Georgia's governor signed the bill.", ""},
		{"georgia governor plain", "The Georgia governor signed the bill.", ""},
		{"georgia us suffix", "Police in Georgia, U.S. said so.", ""},
		{"georgia tech", "Georgia Tech won again.", ""},
		{"georgia capital", "Tbilisi protested.", "Tbilisi:GEO"},
		{"georgian government", "The Georgian government protested.", "Georgian:GEO"},
		{"georgia and russia", "Georgia and Russia signed a deal.", "Georgia:GEO Russia:RUS"},
		{"georgia person", "Georgia O'Keeffe painted flowers.", ""},
		// Jordan
		{"michael jordan", "Michael Jordan retired.", ""},
		{"jordan first name", "Jordan Peterson said it was fine.", ""},
		{"jordan said", "Jordan said on Monday it would reopen the crossing.", "Jordan:JOR"},
		{"jordan monday", "Jordan Monday reopened the crossing.", "Jordan:JOR"},
		{"jordan king", "Jordan's King Abdullah met Biden.", "Jordan:JOR King Abdullah:JOR:head_of_state Biden:USA:head_of_state"},
		{"jordan river", "Villages along the Jordan River flooded.", ""},
		{"jordan title case", "Jordan Rejects Israeli Plan For Gaza", "Jordan:JOR Israeli:ISR Gaza:PSE"},
		// Turkey, Chad
		{"turkey bird", "We ate roast turkey for Thanksgiving.", ""},
		{"thanksgiving turkey", "The Thanksgiving turkey was dry.", ""},
		{"turkey country", "Turkey and Greece held talks.", "Turkey:TUR Greece:GRC"},
		{"turkiye", "Türkiye and Turkiye are the same.", "Türkiye:TUR Turkiye:TUR"},
		{"chad person", "Chad Smith played the drums.", ""},
		{"chad country", "Chad closed its border with Sudan.", "Chad:TCD Sudan:SDN"},
		// Washington
		{"washington post", "The Washington Post reported it.", ""},
		{"washington state", "Washington State and Washington state agree.", ""},
		{"george washington", "George Washington crossed the river.", ""},
		{"washington government", "Washington warned Beijing.", "Washington:USA Beijing:CHN"},
		{"washington dc", "Talks in Washington, D.C. ended.", "Washington, D.C.:USA"},
		// Mexico, Guinea, Niger
		{"new mexico", "The New Mexico governor spoke.", ""},
		{"mexico city", "Mexico City and Mexico.", "Mexico City:MEX Mexico:MEX"},
		{"guineas", "Papua New Guinea, Guinea, Guinea-Bissau and Equatorial Guinea.",
			"Papua New Guinea:PNG Guinea:GIN Guinea-Bissau:GNB Equatorial Guinea:GNQ"},
		{"new guinea island", "New Guinea is an island.", ""},
		{"guinea pig", "A Guinea pig escaped.", ""},
		{"niger nigeria", "Niger and Nigeria; Nigerien and Nigerian troops.", "Niger:NER Nigeria:NGA Nigerien:NER Nigerian:NGA"},
		{"niger delta", "Oil spills in the Niger Delta.", ""},
		// China and Taiwan
		{"roc prc", "The Republic of China and the People's Republic of China.", "Republic of China:TWN People's Republic of China:CHN"},
		{"taipei", "Taipei and Taiwan.", "Taipei:TWN Taiwan:TWN"},
		{"chinese academy", "The Chinese Academy of Social Sciences said.", "Chinese:CHN"},
		{"south china sea", "Ships in the South China Sea.", ""},
		// Congo
		{"drc", "Democratic Republic of Congo, DR Congo, DRC and Kinshasa.", "Democratic Republic of Congo:COD DR Congo:COD DRC:COD Kinshasa:COD"},
		{"congo brazzaville", "Republic of Congo, Congo-Brazzaville and Brazzaville.", "Republic of Congo:COG Congo-Brazzaville:COG Brazzaville:COG"},
		{"bare congo", "Congo said so.", "Congo:COD"},
		// Dominica, Sudan, Korea, Ireland
		{"dominica", "Dominica and the Dominican Republic.", "Dominica:DMA Dominican Republic:DOM"},
		{"sudans", "Sudan and South Sudan.", "Sudan:SDN South Sudan:SSD"},
		{"koreas", "Korea, North Korea, South Korea and North Korean troops.", "Korea:KOR North Korea:PRK South Korea:KOR North Korean:PRK"},
		{"korea short", "DPRK, ROK, S. Korea.", "DPRK:PRK ROK:KOR S. Korea:KOR"},
		{"irelands", "Ireland and Northern Ireland.", "Ireland:IRL"},
		// India and America
		{"indian ocean", "Ships in the Indian Ocean.", ""},
		{"american indian", "American Indian tribes met.", ""},
		{"indian troops", "Indian troops moved.", "Indian:IND"},
		{"latin america", "Latin America and South America.", ""},
		{"anti american", "An anti-American protest.", "American:USA"},
		{"the states", "He moved to the States.", "the States:USA"},
		// Names and short forms
		{"usa forms", "U.S., US, U.S.A., USA, America and the United States of America.",
			"U.S.:USA US:USA U.S.A.:USA USA:USA America:USA United States of America:USA"},
		{"uk forms", "UK, U.K., Britain, Great Britain and the British.", "UK:GBR U.K.:GBR Britain:GBR Great Britain:GBR British:GBR"},
		{"hyphen", "U.S.-China trade and the Russia-Ukraine war.", "U.S.:USA China:CHN Russia:RUS Ukraine:UKR"},
		{"myanmar", "Burma, Myanmar, Ivory Coast, Côte d'Ivoire, Cote d'Ivoire, Czechia.",
			"Burma:MMR Myanmar:MMR Ivory Coast:CIV Côte d'Ivoire:CIV Cote d'Ivoire:CIV Czechia:CZE"},
		{"kyiv", "Kyiv and Kiev.", "Kyiv:UKR Kiev:UKR"},
		{"demonyms", "Chinese, Russian, Russians, British, Israeli and Israelis.",
			"Chinese:CHN Russian:RUS Russians:RUS British:GBR Israeli:ISR Israelis:ISR"},
		{"capitals", "Moscow, Beijing, London, Paris, Tehran, Pyongyang, Seoul.",
			"Moscow:RUS Beijing:CHN London:GBR Paris:FRA Tehran:IRN Pyongyang:PRK Seoul:KOR"},
		// Seats of power
		{"seats", "The Kremlin, the White House, the Pentagon, the State Department and Downing Street.",
			"Kremlin:RUS White House:USA Pentagon:USA State Department:USA Downing Street:GBR"},
		{"seats 2", "Whitehall, the Élysée, the Elysee, Zhongnanhai, the Quai d'Orsay, the Blue House, Foggy Bottom.",
			"Whitehall:GBR Élysée:FRA Elysee:FRA Zhongnanhai:CHN Quai d'Orsay:FRA Blue House:KOR Foggy Bottom:USA"},
		// Organisations
		{"unsc", "The U.N. Security Council, the UN Security Council and the Security Council.",
			"U.N. Security Council:UNSC UN Security Council:UNSC Security Council:UNSC"},
		{"national security council", "The National Security Council met.", ""},
		{"un", "The United Nations and the UN.", "United Nations:UN UN:UN"},
		{"brussels", "Brussels and the EU.", "Brussels:EU EU:EU"},
		{"orgs", "NATO, the African Union, ASEAN, the G7, the G20, OPEC+, the IAEA, the IMF, the World Bank, the Arab League.",
			"NATO:NATO African Union:AU ASEAN:ASEAN G7:G7 G20:G20 OPEC+:OPEC IAEA:IAEA IMF:IMF World Bank:WB Arab League:ARL"},
		{"who normal", "The WHO warned.", "WHO:WHO"},
		{"who pronoun", "Who warned whom?", ""},
		// Cities with other meanings
		{"paris hilton", "Paris Hilton arrived.", ""},
		{"east jerusalem", "Homes in East Jerusalem.", ""},
	}
	runFind(t, g, at, tests)
}

func TestFindCase(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 6, 1)
	tests := []struct {
		name, text, want string
	}{
		{"pronoun us", "Let us go and tell us.", ""},
		{"upper US", "US warns of risks.", "US:USA"},
		{"capitalised Us", "Us and them.", ""},
		{"reuters caps", "U.S. WARNS JAPAN ON CHIP PACT", "U.S.:USA JAPAN:JPN"},
		{"caps US", "US WARNS CHINA", "US:USA CHINA:CHN"},
		{"caps new mexico", "NEW MEXICO GOVERNOR SIGNS BILL", ""},
		{"caps michael jordan", "MICHAEL JORDAN RETIRES", ""},
		{"caps who pronoun", "LEADERS WHO MET IN PARIS", "PARIS:FRA"},
		{"caps official", "XI JINPING VISITS MOSCOW", "XI JINPING:CHN:head_of_state MOSCOW:RUS"},
		{"lowercase never", "fine china, roast turkey and chad.", ""},
		{"lowercase russia", "russia and france", ""},
		{"shouted in text", "He said RUSSIA would pay.", "RUSSIA:RUS"},
		{"title case", "The Georgian Government Protested", "Georgian:GEO"},
		{"accents folded", "Erdogan and Erdoğan met Zelenskyy.", "Erdogan:TUR:head_of_state Erdoğan:TUR:head_of_state Zelenskyy:UKR:head_of_state"},
	}
	runFind(t, g, at, tests)
}

func TestFindPossessive(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		text       string
		start, end int
		code       string
	}{
		{"China's navy", 0, 5, "CHN"},
		{"Russia’s army", 0, 6, "RUS"},
		{"in Moscow's view", 3, 9, "RUS"},
		{"the U.S.' view", 4, 8, "USA"},
		{"Putin's war", 0, 5, "RUS"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ms := g.Find(tt.text, day(2024, 1, 1), nil)
			if len(ms) != 1 {
				t.Fatalf("got %d mentions: %s", len(ms), render(tt.text, ms))
			}
			m := ms[0]
			if m.Start != tt.start || m.End != tt.end || m.Code != tt.code {
				t.Errorf("got %+v, want %d..%d %s", m, tt.start, tt.end, tt.code)
			}
		})
	}
}

// TestFindWireNews checks the forms wire news of 2008 needs: territories
// and factions coded as states, names of companies, papers and events
// that hold a state's name, and officials read without a date.
func TestFindWireNews(t *testing.T) {
	g := testGazetteer(t)
	var zero time.Time
	tests := []struct {
		name, text string
		at         time.Time
		want       string
	}{
		{"gaza strip", "Rockets were fired from the Gaza Strip.", zero, "Gaza Strip:PSE"},
		{"hamas-run gaza", "Israel sealed Hamas-run Gaza.", zero, "Israel:ISR Hamas-run Gaza:PSE"},
		{"west bank", "Troops raided the West Bank city of Nablus.", zero, "West Bank:PSE"},
		{"factions", "Hamas and Fatah met in Cairo.", zero, "Hamas:PSE Fatah:PSE Cairo:EGY"},
		{"hezbollah", "Hezbollah and Israel swapped prisoners.", zero, "Hezbollah:LBN Israel:ISR"},
		{"hong kong", "Shares fell in Hong Kong.", zero, ""},
		{"airlines", "Fares were cut by both Malaysia Airlines and Singapore Airlines this year.", zero, ""},
		{"airways", "British Airways and Qatar Airways merged routes.", zero, ""},
		{"air company", "Air France and Korean Air signed a deal.", zero, ""},
		{"air force", "The French Air Force flew over Chad.", zero, "French:FRA Chad:TCD"},
		{"papers", "The story was reported first by the Japan Times, later by the Jakarta Post and then by the Times of India.", zero, ""},
		{"china daily", "China Daily said so.", zero, "China:CHN"},
		{"events", "The French Open and the Davis Cup.", zero, ""},
		{"trade rounds", "The Uruguay Round and the Doha round of trade talks.", zero, ""},
		{"suffix lower case", "Russia and Japan open talks.", zero, "Russia:RUS Japan:JPN"},
		{"suffix title case", "Russia, Ukraine Open Talks On Gas", zero, "Russia:RUS Ukraine:UKR"},
		{"suffix all caps", "JAPAN TIMES", zero, "JAPAN:JPN"},
		{"ended terms count without a date", "Olmert met Siniora.", zero,
			"Olmert:ISR:head_of_government Siniora:LBN:head_of_government"},
		{"suleiman", "Suleiman met Haniya.", zero, "Suleiman:LBN:head_of_state Haniya:PSE:party_leader"},
		{"omar suleiman", "Omar Suleiman met Livni.", day(2008, 6, 1),
			"Omar Suleiman:EGY:intelligence_chief Livni:ISR:foreign_minister"},
		{"maliki", "Maliki met Riad Malki.", day(2008, 6, 1),
			"Maliki:IRQ:head_of_government Riad Malki:PSE:foreign_minister"},
		{"aboul gheit 2008", "Aboul Gheit spoke.", day(2008, 6, 1), "Aboul Gheit:EGY:foreign_minister"},
		{"aboul gheit zero", "Aboul Gheit spoke.", zero, "Aboul Gheit:ARL:secretary_general"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.text, g.Find(tt.text, tt.at, nil)); got != tt.want {
				t.Errorf("Find(%q)\n got: %s\nwant: %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindOfficials(t *testing.T) {
	g := testGazetteer(t)
	var zero time.Time
	tests := []struct {
		name, text string
		at         time.Time
		want       string
	}{
		{"putin pm", "Putin spoke.", day(2010, 1, 1), "Putin:RUS:head_of_government"},
		{"putin president", "Putin spoke.", day(2015, 1, 1), "Putin:RUS:head_of_state"},
		{"putin zero", "Putin spoke.", zero, "Putin:RUS:head_of_state"},
		{"full name", "Vladimir Putin spoke.", day(2024, 1, 1), "Vladimir Putin:RUS:head_of_state"},
		{"blinken 2023", "Blinken arrived.", day(2023, 5, 1), "Blinken:USA:foreign_minister"},
		{"blinken 2026", "Blinken arrived.", day(2026, 5, 1), ""},
		{"blinken zero", "Blinken arrived.", zero, "Blinken:USA:foreign_minister"},
		{"last day in office", "Blinken arrived.", time.Date(2025, 1, 20, 23, 0, 0, 0, time.UTC), "Blinken:USA:foreign_minister"},
		{"day after", "Blinken arrived.", day(2025, 1, 21), ""},
		{"rubio", "Rubio arrived.", day(2026, 11, 29), "Rubio:USA:foreign_minister"},
		{"bush zero", "Bush spoke.", zero, "Bush:USA:head_of_state"},
		{"bush 1990", "Bush spoke.", day(1990, 1, 1), "Bush:USA:head_of_state"},
		{"bush 2005", "Bush spoke.", day(2005, 1, 1), "Bush:USA:head_of_state"},
		{"bush 2015", "Bush spoke.", day(2015, 1, 1), ""},
		{"stoltenberg zero", "Stoltenberg spoke.", zero, "Stoltenberg:NATO:secretary_general"},
		{"two kings zero", "King Abdullah spoke.", zero, ""},
		{"stoltenberg nato", "Stoltenberg spoke.", day(2020, 1, 1), "Stoltenberg:NATO:secretary_general"},
		{"stoltenberg norway", "Stoltenberg spoke.", day(2010, 1, 1), "Stoltenberg:NOR:head_of_government"},
		{"guterres", "Guterres urged calm.", day(2024, 1, 1), "Guterres:UN:secretary_general"},
		{"rutte", "Rutte urged allies.", day(2025, 6, 1), "Rutte:NATO:secretary_general"},
		{"two kings", "King Abdullah spoke.", day(2010, 1, 1), ""},
		{"one king", "King Abdullah spoke.", day(2020, 1, 1), "King Abdullah:JOR:head_of_state"},
		{"xi before", "Xi spoke.", day(2010, 1, 1), ""},
		{"xi after", "Xi spoke.", day(2024, 1, 1), "Xi:CHN:head_of_state"},
		{"israel katz", "Israel Katz spoke.", day(2025, 1, 1), "Israel Katz:ISR:defence_minister"},
		{"israel katz out of office", "Israel Katz spoke.", day(2010, 1, 1), "Israel:ISR"},
		{"given name official", "Santiago Cafiero spoke.", day(2022, 1, 1), "Santiago Cafiero:ARG:foreign_minister"},
		{"given name official out", "Santiago Cafiero spoke.", day(2015, 1, 1), ""},
		{"gorbachev", "Gorbachev and Reagan met in Reykjavik.", day(1986, 10, 11),
			"Gorbachev:RUS:head_of_state Reagan:USA:head_of_state Reykjavik:ISL"},
		{"thatcher kohl", "Thatcher, Kohl and Mitterrand.", day(1989, 1, 1),
			"Thatcher:GBR:head_of_government Kohl:DEU:head_of_government Mitterrand:FRA:head_of_state"},
		{"relatives", "Jeb Bush and Donald Trump Jr. spoke.", day(2005, 1, 1), ""},
		{"no final dot", "Sanctions by the U.S", day(2005, 1, 1), "U.S:USA"},
		{"takaichi", "Takaichi met Lee Jae-myung.", day(2025, 11, 1),
			"Takaichi:JPN:head_of_government Lee Jae-myung:KOR:head_of_state"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text, tt.at, nil)
			got := render(tt.text, ms)
			if got != tt.want {
				t.Errorf("Find(%q, %v)\n got: %s\nwant: %s", tt.text, tt.at.Format(time.DateOnly), got, tt.want)
			}
			for _, m := range ms {
				if m.Role != "" && m.Form != FormOfficial {
					t.Errorf("role %q on form %v", m.Role, m.Form)
				}
				if m.Kind != g.Kind(m.Code) {
					t.Errorf("kind %v for %s", m.Kind, m.Code)
				}
			}
		})
	}
}

func TestZeroGazetteer(t *testing.T) {
	var g Gazetteer
	if ms := g.Find("China", time.Time{}, nil); len(ms) != 0 || g.Kind("CHN") != 0 || len(g.Codes()) != 0 {
		t.Errorf("zero Gazetteer found something: %v", ms)
	}
}

func TestFindConcurrent(t *testing.T) {
	g := testGazetteer(t)
	const text = "Putin told Xi in Beijing that NATO and the U.S. were wrong."
	want := render(text, g.Find(text, day(2024, 1, 1), nil))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := render(text, g.Find(text, day(2024, 1, 1), nil)); got != want {
					t.Errorf("concurrent Find: %s", got)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestFindForms(t *testing.T) {
	g := testGazetteer(t)
	text := "Russia, Russian, Moscow, the Kremlin, Putin and NATO."
	want := []MentionForm{FormName, FormDemonym, FormCapital, FormSeat, FormOfficial, FormOrgName}
	ms := g.Find(text, day(2024, 1, 1), nil)
	if len(ms) != len(want) {
		t.Fatalf("got %s", render(text, ms))
	}
	for i, m := range ms {
		if m.Form != want[i] {
			t.Errorf("%s: form %v, want %v", text[m.Start:m.End], m.Form, want[i])
		}
	}
	if ms[5].Kind != KindOrg || ms[0].Kind != KindState {
		t.Errorf("kinds: %v %v", ms[0].Kind, ms[5].Kind)
	}
	// dst is appended to.
	dst := []Mention{{Code: "X"}}
	dst = g.Find("Chad", time.Time{}, dst)
	if len(dst) != 2 || dst[0].Code != "X" || dst[1].Code != "TCD" {
		t.Errorf("append: %+v", dst)
	}
}

func TestLoadGazetteerOverride(t *testing.T) {
	good, err := os.ReadFile("testdata/gazetteer/freedonia.good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	extendUSA := []byte(`
states:
  - code: USA
    names: [Uncle Sam]
  - code: GEO
    name: Georgia (country)
  - code: FRE
    capitals: [Fredburg]
organisations:
  - code: EU
    replace: true
    names: [European Union]
officials:
  - name: Antony Blinken
    aliases: [Blinken]
    terms: [{country: FRE, role: foreign_minister, from: 2000-01-01}]
exclude: [Uncle Sam's Diner]
`)
	// A later document may take a phrase from another actor.
	takeGeorgia := []byte(`
states:
  - {code: GGA, name: Georgia (US state), names: [Georgia]}
`)
	g, err := LoadGazetteer(good, extendUSA, takeGeorgia)
	if err != nil {
		t.Fatalf("LoadGazetteer: %v", err)
	}
	at := day(2024, 1, 1)
	tests := []struct{ text, want string }{
		{"Freedonia and Sylvania.", "Freedonia:FRE Sylvania:SYL"},
		{"The Freedonian envoy left Fredville for Fredburg.", "Freedonian:FRE Fredville:FRE Fredburg:FRE"},
		{"The Freedonia Gazette said.", ""},
		{"The news was carried by the Sylvania Express and the Japan Times on that day.", ""},
		{"Firefly and the LFN.", "Firefly:FRE:head_of_state LFN:LFN"},
		{"Uncle Sam and the U.S.", "Uncle Sam:USA U.S.:USA"},
		{"Uncle Sam's Diner", ""},
		{"The EU and the European Commission.", ""},
		{"The European Union.", "European Union:EU"},
		{"Blinken spoke.", "Blinken:FRE:foreign_minister"},
		{"Georgia and Tbilisi.", "Georgia:GGA Tbilisi:GEO"},
	}
	for _, tt := range tests {
		if got := render(tt.text, g.Find(tt.text, at, nil)); got != tt.want {
			t.Errorf("Find(%q)\n got: %s\nwant: %s", tt.text, got, tt.want)
		}
	}
	if g.Name("GEO") != "Georgia (country)" || g.Kind("LFN") != KindOrg || !g.IsState("FRE") {
		t.Errorf("names/kinds: %q %v %v", g.Name("GEO"), g.Kind("LFN"), g.IsState("FRE"))
	}
	// The embedded gazetteer is unchanged.
	base := testGazetteer(t)
	if base.Kind("FRE") != 0 {
		t.Error("override leaked into another gazetteer")
	}
	if got := render("Freedonia", base.Find("Freedonia", at, nil)); got != "" {
		t.Errorf("base gazetteer found %s", got)
	}
	// Empty documents are fine.
	if _, err := LoadGazetteer(nil, []byte("  \n")); err != nil {
		t.Errorf("empty override: %v", err)
	}
}

func TestLoadGazetteerErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string // substrings of the error
	}{
		{"dup_code.bad.yaml", []string{"override 1: states[1] (code \"FRE\"): code: duplicate code", "states[0]"}},
		{"bad_date.bad.yaml", []string{"officials[0] (name \"Rufus T. Firefly\"): terms[0]: from: bad date \"1933-13-01\""}},
		{"to_before_from.bad.yaml", []string{"terms[0]: to: 1933-01-01 is before from 1933-11-17"}},
		{"unknown_country.bad.yaml", []string{"terms[0]: country: unknown country or organisation \"FRE\""}},
		{"empty_name.bad.yaml", []string{"states[0] (code \"FRE\"): name: empty name"}},
		{"empty_form.bad.yaml", []string{"states[0] (code \"FRE\"): names[1]: empty name"}},
		{"bad_state_code.bad.yaml", []string{"code: state code \"Fre\" must be 3 upper-case letters"}},
		{"bad_org_code.bad.yaml", []string{"organisations[0] (code \"league\"): code: organisation code \"league\" must be"}},
		{"unknown_field.bad.yaml", []string{"override 1: decoding YAML", "nmaes"}},
		{"dup_phrase.bad.yaml", []string{"states[1] (code \"SYL\"): names[1]: \"Freedonia\" names SYL, but it already names FRE"}},
		{"kind_change.bad.yaml", []string{"code: USA is already defined as a state"}},
		{"bad_role.bad.yaml", []string{"terms[0]: role: \"Head of State\" is not a lower_snake_case role"}},
		{"no_terms.bad.yaml", []string{"terms: an official needs at least one term"}},
		{"given_name_not_form.bad.yaml", []string{"given_names[0]: \"Fredonia\" is not a form of FRE"}},
		{"dup_official.bad.yaml", []string{"officials[1] (name \"Rufus T. Firefly\"): name: duplicate official, first defined at override 1: officials[0]"}},
		{"not_yaml.bad.yaml", []string{"override 1: decoding YAML"}},
		{"multiword_suffix.bad.yaml", []string{"override 1: name_suffixes[0]: \"Air Lines\" is not a single word"}},
		{"historical_bad_form.bad.yaml", []string{"override 1: historical[0]: form: \"official\" is not one of name, demonym, capital, seat"}},
		{"historical_role.bad.yaml", []string{"historical[0]: terms[0]: role: a historical term has no role"}},
		{"historical_unknown_country.bad.yaml", []string{"historical[0]: terms[0]: country: unknown country or organisation \"FRE\""}},
		{"historical_dup_phrase.bad.yaml", []string{"historical[0]: names[0]: \"Freedonia\" names a historical entry, but it already names FRE"}},
		{"context_not_form.bad.yaml", []string{"context[0] (phrase \"Fredville\"): phrase: \"Fredville\" is not a form of an actor"}},
		{"context_bad_scope.bad.yaml", []string{"context[0] (phrase \"Tripoli\"): scope: \"paragraph\" is not text or sentence"}},
		{"context_unknown_code.bad.yaml", []string{"context[0] (phrase \"Tripoli\"): when[0]: unknown country or organisation \"FRE\""}},
		{"not_typos_phrase.bad.yaml", []string{"override 1: not_typos[0]: \"Prussian army\" is not a single word"}},
		{"surname_alias.bad.yaml", []string{"officials[0] (name \"Rufus T. Firefly\"): surnames[0]: \"Firefly\" is also the name or an alias"}},
		{"json_unknown_field.bad.yaml", []string{"override 1: decoding JSON", "stict"}},
		{"json_source.bad.yaml", []string{"officials[0] (name \"Rufus T. Firefly\", from Phoenix.Countries.actors.txt line 7): terms[0]: country: unknown country or organisation \"FRE\""}},
	}
	files, err := filepath.Glob("testdata/gazetteer/*.bad.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d bad files, %d test cases", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/gazetteer", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			g, err := LoadGazetteer(data)
			if err == nil {
				t.Fatalf("no error, gazetteer with %d codes", len(g.Codes()))
			}
			if !strings.HasPrefix(err.Error(), "loading gazetteer: ") {
				t.Errorf("error %q lacks the gerund prefix", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestCheckPhraseLimits(t *testing.T) {
	long := strings.Repeat("a", maxTokenBytes+1)
	many := strings.TrimSpace(strings.Repeat("a ", maxPhraseTokens+1))
	for _, p := range []string{long, many, " ", ""} {
		doc := fmt.Appendf(nil, "states: [{code: FRE, name: Freedonia, names: [%q]}]", p)
		if _, err := LoadGazetteer(doc); err == nil {
			t.Errorf("phrase %.20q accepted", p)
		}
	}
}

// TestFindInvariants checks offsets on tricky inputs.
func TestFindInvariants(t *testing.T) {
	g := testGazetteer(t)
	inputs := []string{
		"", " ", "'", "U.S.", "U.S", "U. S.", "\xff\xfeChina\xff", "China\u0301", "Côte d\u2019Ivoire",
		"Cote d'Ivoire's", "e\u0301lyse\u0301e", "ÉLYSÉE", strings.Repeat("Guinea-", 50),
		strings.Repeat("x", 10000) + " China", "China" + strings.Repeat("\u200b", 10),
		"People's Republic of", "Washington,", "Washington, D", "Atlanta, Georgia",
	}
	for _, in := range inputs {
		checkMentions(t, in, g.Find(in, time.Time{}, nil))
		checkMentions(t, in, g.Find(in, day(2024, 1, 1), nil))
	}
	if got := render("ÉLYSÉE", g.Find("ÉLYSÉE", time.Time{}, nil)); got != "ÉLYSÉE:FRA" {
		t.Errorf("ÉLYSÉE: %s", got)
	}
	if got := render("Côte d\u2019Ivoire", g.Find("Côte d\u2019Ivoire", time.Time{}, nil)); got != "Côte d\u2019Ivoire:CIV" {
		t.Errorf("curly apostrophe: %s", got)
	}
}

func checkMentions(tb testing.TB, text string, ms []Mention) {
	tb.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			tb.Fatalf("bad offsets %d..%d (prev end %d, len %d) in %q", m.Start, m.End, prev, len(text), text)
		}
		if m.Code == "" || m.Kind == 0 || m.Form == 0 {
			tb.Fatalf("incomplete mention %+v", m)
		}
		prev = m.End
	}
}

// TestFindLinear checks that work (tokens scanned) grows linearly with the
// input, including on adversarial input, and that Find does not allocate.
func TestFindLinear(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 1, 1)
	cases := []struct {
		name string
		unit string
	}{
		{"names", "Papua New Guinea "},
		{"near misses", "People's Republic of "},
		{"long phrase prefix", "United Kingdom of Great Britain and Northern "},
		{"punctuation", ".'-,"},
		{"officials", "Vladimir Putin "},
		{"spaces", "          "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := 20000
			if c.name == "names" {
				n = 100000 // a name repeated 100,000 times
			}
			small := strings.Repeat(c.unit, n/100)
			big := strings.Repeat(c.unit, n)
			var ws, wb int
			g.find(small, at, nil, &ws)
			g.find(big, at, nil, &wb)
			// 100 times the text: about 100 times the work, never more
			// than 16 token scans per byte-level token.
			if ratio := float64(wb) / float64(ws); ratio > 101 {
				t.Errorf("work ratio %.1f for 100x input", ratio)
			}
			if wb > 2*maxPhraseTokens*len(big) {
				t.Errorf("work %d for %d bytes", wb, len(big))
			}
		})
	}
	// One 1 MB token, then a name.
	huge := strings.Repeat("a", 1<<20) + " China"
	var w int
	ms := g.find(huge, at, nil, &w)
	if len(ms) != 1 || w > 10 {
		t.Errorf("huge token: %d mentions, work %d", len(ms), w)
	}
	// No allocation beyond dst.
	sentence := "Russian Foreign Minister Sergei Lavrov told his Chinese counterpart Wang Yi in Beijing on Monday that Moscow and NATO's members in the Atlantic alliance must talk, the Kremlin said in a statement."
	dst := make([]Mention, 0, 16)
	allocs := testing.AllocsPerRun(100, func() { dst = g.Find(sentence, at, dst[:0]) })
	if allocs != 0 {
		t.Errorf("Find allocates %.1f times per call", allocs)
	}
	if len(dst) < 6 {
		t.Errorf("sentence: %s", render(sentence, dst))
	}
}

func ExampleGazetteer_Find() {
	g, err := LoadGazetteer()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "China's foreign ministry said Blinken and the Kremlin were wrong."
	for _, m := range g.Find(text, time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC), nil) {
		if m.Role != "" {
			fmt.Println(text[m.Start:m.End], m.Code, m.Form, m.Role)
		} else {
			fmt.Println(text[m.Start:m.End], m.Code, m.Form)
		}
	}
	// Output:
	// China CHN name
	// Blinken USA official foreign_minister
	// Kremlin RUS seat
}

// findCase is a text and the mentions Find must render for it.
type findCase = struct{ name, text, want string }

// runFind checks each case of tests with Find at time at.
func runFind(t *testing.T, g *Gazetteer, at time.Time, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(tt.text, g.Find(tt.text, at, nil))
			if got != tt.want {
				t.Errorf("Find(%q)\n got: %s\nwant: %s", tt.text, got, tt.want)
			}
		})
	}
}
