package stance

import (
	"strings"
	"testing"
	"time"
)

// Tests of what unseen news needs: misspelt names, former names read by
// date, cities and their context, datelines.

// findDatedCase is a text, a date and the mentions Find must render.
type findDatedCase = struct {
	name, text string
	at         time.Time
	want       string
}

func runFindDated(t *testing.T, g *Gazetteer, tests []findDatedCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text, tt.at, nil)
			if got := render(tt.text, ms); got != tt.want {
				t.Errorf("Find(%q, %s)\n got: %s\nwant: %s", tt.text, tt.at.Format(time.DateOnly), got, tt.want)
			}
			checkMentions(t, tt.text, ms)
			for _, m := range ms {
				if m.Kind != g.Kind(m.Code) || m.rule != 0 {
					t.Errorf("mention %+v: kind or rule left", m)
				}
			}
		})
	}
}

func TestFindTolerant(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 6, 1)
	tests := []findCase{
		// One edit in a long name.
		{"deletion", "Troops left Afganistan.", "Afganistan:AFG"},
		{"deletion and insertion", "Philipines and Phillippines.", "Philipines:PHL Phillippines:PHL"},
		{"two edits", "Phillipines said.", ""},
		{"insertion", "Pakistian protested.", "Pakistian:PAK"},
		{"transposition", "Veitnam and Cmabodia agreed.", "Veitnam:VNM Cmabodia:KHM"},
		{"substitution", "Venezuala and Equador.", "Venezuala:VEN Equador:ECU"},
		{"in capitals", "AFGANISTAN TALKS", "AFGANISTAN:AFG"},
		{"multi-word name", "New Zeeland and Great Britian.", "New Zeeland:NZL Great Britian:GBR"},
		{"possessive", "Afganistan's army.", "Afganistan:AFG"},
		// Officials' surnames of 7 or more letters, in office at the date.
		{"official", "Netanyhu met Zelensky.", "Netanyhu:ISR:head_of_government Zelensky:UKR:head_of_state"},
		{"official full name", "Benjamin Netanyhu spoke.", "Benjamin Netanyhu:ISR:head_of_government"},
		// Exact names always win; a word one edit from two names is neither.
		{"austria australia", "Austria and Australia.", "Austria:AUT Australia:AUS"},
		{"near both", "Austrlia said.", ""},
		{"iran iraq", "Iran and Iraq; Nigeria and Niger; Gambia and Zambia.",
			"Iran:IRN Iraq:IRQ Nigeria:NGA Niger:NER Gambia:GMB Zambia:ZMB"},
		{"slovenia slovakia", "Slovenia and Slovakia, but not Slovania.", "Slovenia:SVN Slovakia:SVK"},
		// Short names, lower case, words and other names are never read.
		{"short", "Irak, Irann, Cubba, Chle.", ""},
		{"lower case", "afganistan and philipines", ""},
		{"english words", "A Prussian grenade, the Americas, Siberia and Georgina.", ""},
		{"camel case", "The Chrysler LeBaron sold well.", ""},
		{"demonym not corrected", "Istituto Mobiliare Italiano said.", ""},
		{"known demonym", "Austrian and Australian troops.", "Austrian:AUT Australian:AUS"},
		{"common word in a name", "The Repulbic said.", ""},
		{"exclude hides", "Goergia Tech won.", ""},
	}
	runFind(t, g, at, tests)
	// An official out of office is not read, misspelt or not.
	if got := render("Netanyhu", g.Find("Netanyhu", day(2008, 1, 1), nil)); got != "" {
		t.Errorf("Netanyhu in 2008: %s", got)
	}
}

func TestFindHistorical(t *testing.T) {
	g := testGazetteer(t)
	var zero time.Time
	y1985, y1995, y2008 := day(1985, 6, 1), day(1995, 6, 1), day(2008, 6, 1)
	runFindDated(t, g, []findDatedCase{
		{"soviet", "The Soviet Union, the USSR, the U.S.S.R. and Soviet troops.", y1985,
			"Soviet Union:RUS USSR:RUS U.S.S.R.:RUS Soviet:RUS"},
		{"ussr long", "The Union of Soviet Socialist Republics.", zero, "Union of Soviet Socialist Republics:RUS"},
		{"kampuchea", "Kampuchea and Democratic Kampuchea.", y1985, "Kampuchea:KHM Democratic Kampuchea:KHM"},
		{"burma", "Burma and Myanmar.", y1985, "Burma:MMR Myanmar:MMR"},
		{"zaire", "Zaire and the Republic of Zaire.", y1985, "Zaire:COD Republic of Zaire:COD"},
		{"zaire later", "The former Zaire.", y2008, "Zaire:COD"},
		{"zaire before", "Zaire.", day(1965, 1, 1), ""},
		{"west germany", "West Germany and the Federal Republic of Germany.", y1985,
			"West Germany:DEU Federal Republic of Germany:DEU"},
		{"bonn 1985", "Bonn protested.", y1985, "Bonn:DEU"},
		{"bonn 1995", "Bonn protested.", y1995, "Bonn:DEU"},
		{"bonn 2008", "Climate talks in Bonn.", y2008, ""},
		{"bonn undated", "Bonn protested.", zero, "Bonn:DEU"},
		{"gdr 1985", "East Germany, the GDR, the German Democratic Republic, East German and East Berlin.", y1985,
			"East Germany:DDR GDR:DDR German Democratic Republic:DDR East German:DDR East Berlin:DDR"},
		{"gdr day before", "East Germany.", day(1990, 10, 2), "East Germany:DDR"},
		{"gdr reunified", "East Germany.", day(1990, 10, 3), "East Germany:DEU"},
		{"gdr 2008", "Unemployment in East Germany.", y2008, "East Germany:DEU"},
		{"gdr undated", "East Germany.", zero, "East Germany:DEU"},
		{"renamed", "Rhodesia, Ceylon, Siam, Persia, Dahomey and Upper Volta.", y1985,
			"Rhodesia:ZWE Ceylon:LKA Siam:THA Persia:IRN Dahomey:BEN Upper Volta:BFA"},
		{"rhodesias", "Southern Rhodesia and Northern Rhodesia.", zero, "Southern Rhodesia:ZWE Northern Rhodesia:ZMB"},
		{"yugoslavia", "Yugoslavia, Yugoslav and Yugoslavian troops, the SFRY.", y1985,
			"Yugoslavia:SRB Yugoslav:SRB Yugoslavian:SRB SFRY:SRB"},
		{"czechoslovakia", "Czechoslovakia and Czechoslovak troops.", y1985, "Czechoslovakia:CZE Czechoslovak:CZE"},
		{"czechoslovakia later", "The former Czechoslovakia.", y2008, "Czechoslovakia:CZE"},
		{"vietnams", "South Vietnam and North Vietnam; North Vietnamese troops.", day(1970, 1, 1),
			"South Vietnam:VNM North Vietnam:VNM North Vietnamese:VNM"},
		{"current forms", "Ivory Coast, Swaziland, Macedonia and FYROM.", y2008,
			"Ivory Coast:CIV Swaziland:SWZ Macedonia:MKD FYROM:MKD"},
		{"persian gulf", "Ships in the Persian Gulf.", y1985, ""},
	})
	if !g.IsState("DDR") || g.Name("DDR") != "German Democratic Republic" {
		t.Errorf("DDR: state %v, name %q", g.IsState("DDR"), g.Name("DDR"))
	}
}

func TestFindPlaces(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 6, 1)
	tests := []findCase{
		{"israel seats", "Tel Aviv and Jerusalem.", "Tel Aviv:ISR Jerusalem:ISR"},
		{"palestinian cities", "Jericho, Ramallah and Gaza.", "Jericho:PSE Ramallah:PSE Gaza:PSE"},
		{"ukrainian cities", "Kharkiv, Kharkov, Kyiv and Kiev.", "Kharkiv:UKR Kharkov:UKR Kyiv:UKR Kiev:UKR"},
		// Tripoli: Libya, or Lebanon in a text that names it.
		{"tripoli libya", "Tripoli rejected the plan.", "Tripoli:LBY"},
		{"tripoli lebanon", "Clashes in Tripoli in northern Lebanon.", "Tripoli:LBN Lebanon:LBN"},
		{"tripoli lebanese", "The Lebanese port of Tripoli.", "Lebanese:LBN Tripoli:LBN"},
		{"tripoli whole text", "Tripoli was calm. Later, Beirut said so.", "Tripoli:LBN Beirut:LBN"},
		{"tripoli comma", "Tripoli, Lebanon.", "Tripoli:LBN Lebanon:LBN"},
		// Brussels: the EU, or Belgium in a sentence that names it.
		{"brussels eu", "Brussels fined Google.", "Brussels:EU"},
		{"brussels belgian", "The Belgian government in Brussels said.", "Belgian:BEL Brussels:BEL"},
		{"brussels belgium's", "Brussels and Belgium's government.", "Brussels:BEL Belgium:BEL"},
		{"brussels other sentence", "Belgium voted. Brussels fined Google.", "Belgium:BEL Brussels:EU"},
		{"brussels abbreviation", "Belgium's Mr. Michel left Brussels.", "Belgium:BEL Brussels:BEL"},
		// Congo.
		{"congo bare", "Congo said so.", "Congo:COD"},
		{"congo brazzaville", "Congo and Brazzaville.", "Congo:COG Brazzaville:COG"},
		{"congo republic", "The Republic of Congo said Congo would vote.", "Republic of Congo:COG Congo:COG"},
		{"congo drc", "DR Congo and Congo.", "DR Congo:COD Congo:COD"},
		{"congo kinshasa", "Kinshasa said Congo would vote.", "Kinshasa:COD Congo:COD"},
		// Georgia.
		{"georgia us", "Atlanta, Georgia; Georgia's governor.", ""},
		{"georgia country", "The Georgian President met officials in Tbilisi.", "Georgian:GEO Tbilisi:GEO"},
		// "X-member": the state is found; "-based" places are left as they are.
		{"members", "NATO-member Turkey, EU-member Greece and fellow OPEC member Iraq.",
			"NATO:NATO Turkey:TUR EU:EU Greece:GRC OPEC:OPEC Iraq:IRQ"},
		{"based", "U.S.-based and Paris-based firms.", "U.S.:USA Paris:FRA"},
	}
	runFind(t, g, at, tests)
}

func TestFindDatelines(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 6, 1)
	tests := []findCase{
		{"agency", "SEOUL (Reuters) - North Korea fired a missile.", "North Korea:PRK"},
		{"date", "WASHINGTON, March 2 - The United States said.", "United States:USA"},
		{"date and agency", "MOSCOW, Feb 24 (Reuters) - Russia said.", "Russia:RUS"},
		{"dotted date", "BEIJING, Aug. 6 (AFP) - Japan's exports fell.", "Japan:JPN"},
		{"em dash", "BEIJING — China said.", "China:CHN"},
		{"em dash no space", "BEIJING—China said.", "China:CHN"},
		{"double hyphen", "LONDON -- Britain said.", "Britain:GBR"},
		{"region", "TRIPOLI, Lebanon (AP) — Lebanese troops moved.", "Lebanese:LBN"},
		{"two words", "UNITED NATIONS (Reuters) - Iran said.", "Iran:IRN"},
		{"dotted place", "WASHINGTON, D.C., May 1 - Israel said.", "Israel:ISR"},
		{"line start", "Headline\nKABUL, May 1 (Reuters) - Pakistan said.", "Pakistan:PAK"},
		// No dateline.
		{"no dash", "SEOUL fired back at Tokyo.", "SEOUL:KOR Tokyo:JPN"},
		{"hyphenated", "U.S.-China talks resumed.", "U.S.:USA China:CHN"},
		{"mid sentence", "He said MOSCOW - not Kyiv - would pay.", "MOSCOW:RUS Kyiv:UKR"},
		{"short place", "US - China talks.", "US:USA China:CHN"},
		{"all caps text", "RUSSIA - UKRAINE TALKS END", "RUSSIA:RUS UKRAINE:UKR"},
		{"lower case", "Seoul (Reuters) - Japan said.", "Seoul:KOR Japan:JPN"},
	}
	runFind(t, g, at, tests)
}

// TestFindNewsLinear checks that misspelt words, context rules and
// datelines keep Find linear and allocation-free.
func TestFindNewsLinear(t *testing.T) {
	g := testGazetteer(t)
	at := day(2024, 6, 1)
	units := []struct{ name, unit string }{
		{"unknown long words", "Abcdefghij Klmnopqrst Afganistann "},
		{"misspelt names", "Afganistan Philipines "},
		{"brussels one sentence", "Brussels and Belgium, "},
		{"tripoli", "Tripoli and Lebanon. "},
		{"brussels many sentences", "Brussels said. Belgium and Brussels agreed. "},
		{"dateline lines", "SEOUL, March 2 (Reuters) -\n"},
		{"dateline near misses", "SEOUL SEOUL SEOUL, March 2, May 3 (Reuters "},
	}
	for _, u := range units {
		t.Run(u.name, func(t *testing.T) {
			small := strings.Repeat(u.unit, 100)
			big := strings.Repeat(u.unit, 10000)
			var ws, wb int
			g.find(small, at, nil, &ws)
			g.find(big, at, nil, &wb)
			if ratio := float64(wb) / float64(ws); ratio > 101 {
				t.Errorf("work ratio %.1f for 100x input", ratio)
			}
			start := time.Now()
			g.Find(big, at, nil)
			if d := time.Since(start); d > time.Second {
				t.Errorf("Find took %v on %d bytes", d, len(big))
			}
		})
	}
	sentence := "BRUSSELS, May 2 (Reuters) - Belgian officials in Brussels said Afganistan and Tripoli in Lebanon, " +
		"and Congo, not Brazzaville, would join Netanyhu."
	dst := make([]Mention, 0, 16)
	allocs := testing.AllocsPerRun(100, func() { dst = g.Find(sentence, at, dst[:0]) })
	if allocs != 0 {
		t.Errorf("Find allocates %.1f times per call", allocs)
	}
	want := "Belgian:BEL Brussels:BEL Afganistan:AFG Tripoli:LBN Lebanon:LBN Congo:COG Brazzaville:COG " +
		"Netanyhu:ISR:head_of_government"
	if got := render(sentence, dst); got != want {
		t.Errorf("sentence\n got: %s\nwant: %s", got, want)
	}
}

func TestLoadGazetteerNewsOverride(t *testing.T) {
	doc := []byte(`
states:
  - {code: FRE, name: Freedonia, names: [Freedonia], capitals: [Fredville]}
  - {code: SYL, name: Sylvania, names: [Sylvania]}
historical:
  - names: [Old Freedonia]
    terms:
      - {country: SYL, to: 1932-12-31}
      - {country: FRE, from: 1933-01-01}
context:
  - {phrase: Fredville, when: [SYL], scope: sentence, country: SYL, form: capital}
not_typos: [Freedonian]
`)
	g, err := LoadGazetteer(doc)
	if err != nil {
		t.Fatalf("LoadGazetteer: %v", err)
	}
	runFindDated(t, g, []findDatedCase{
		{"old before", "Old Freedonia.", day(1920, 1, 1), "Old Freedonia:SYL"},
		{"old after", "Old Freedonia.", day(1940, 1, 1), "Old Freedonia:FRE"},
		{"context", "Sylvania took Fredville. Fredville fell.", day(1940, 1, 1), "Sylvania:SYL Fredville:SYL Fredville:FRE"},
		{"fuzzy", "Freedomia and Freedonian.", day(1940, 1, 1), "Freedomia:FRE"},
	})
	// A later document may take a rule's phrase away: the rule is dropped.
	drop := []byte(`
states:
  - {code: FRE, replace: true, names: [Freedonia]}
`)
	if _, err := LoadGazetteer(doc, drop); err != nil {
		t.Errorf("rule phrase taken away: %v", err)
	}
}
