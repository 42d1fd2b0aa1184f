package stance

import (
	"strings"
	"testing"
	"time"
)

// TestFindPhoenixOfficials checks the office holders generated from the
// Phoenix country dictionary (data/actors/officials_phoenix.yaml, strict)
// and the bare surnames of hand entries (surnames: count only at a date).
func TestFindPhoenixOfficials(t *testing.T) {
	g := testGazetteer(t)
	var zero time.Time
	d87 := day(1987, 3, 1)
	tests := []struct {
		name, text string
		at         time.Time
		want       string
	}{
		// Hand entry (officials_usa.yaml) with its Treasury term; Phoenix's
		// James Baker is left out for it.
		{"baker treasury", "Treasury Secretary James Baker said the dollar was stable.", d87,
			"James Baker:USA:finance_minister"},
		{"baker surname", "Baker said the dollar was stable.", d87, "Baker:USA:finance_minister"},
		{"baker surname 2020", "Baker said the dollar was stable.", day(2020, 3, 1), ""},
		{"baker surname undated", "Baker said the dollar was stable.", zero, ""},
		{"baker full name undated", "James Baker said so.", zero, "James Baker:USA:chief_of_staff"},
		{"baker state", "Baker met Shevardnadze.", day(1990, 5, 1),
			"Baker:USA:foreign_minister Shevardnadze:RUS:foreign_minister"},
		// A Phoenix office holder: [USAGOVBUS 850701-890120].
		{"yeutter full", "U.S. Trade Representative Clayton Yeutter said Japan must open its markets.", d87,
			"U.S.:USA Clayton Yeutter:USA:economy_official Japan:JPN"},
		{"yeutter initial", "Clayton K. Yeutter said so.", d87, "Clayton K. Yeutter:USA:economy_official"},
		{"yeutter surname", "Yeutter said so.", d87, "Yeutter:USA:economy_official"},
		{"yeutter caps headline", "YEUTTER BLASTS EC OILS TAX", d87, "YEUTTER:USA:economy_official"},
		{"yeutter before term", "Yeutter said so.", day(1985, 6, 1), ""},
		{"yeutter after term", "Yeutter said so.", day(1995, 1, 1), ""},
		{"yeutter undated", "Clayton Yeutter said so.", zero, ""},
		{"yeutter misspelt", "Clayton Yeuter said so.", d87, ""},
		// GOV codes and ELI codes by date: [AFGGOV 331108-730717], then
		// [AFGELI 730717-070723].
		{"king in office", "Mohammad Zahir Shah opened the session.", day(1960, 1, 1),
			"Mohammad Zahir Shah:AFG:official"},
		{"king deposed", "Mohammad Zahir Shah opened the session.", day(1990, 1, 1), ""},
		// The GDR keeps its code: [DDRGOV 761029-891024].
		{"honecker", "East German leader Erich Honecker said so.", d87, "East German:DDR Erich Honecker:DDR:official"},
		// Non-state persons: a rebel leader ([AFGREB 19790706-20110909]).
		{"rebel", "Ahmed Shah Massoud said his forces held the valley.", day(1995, 1, 1), ""},
		// Strict names: an all-caps word in mixed-case text is no
		// surname (Austin Gatt, MLT, 2003-2013), nor is a name followed
		// by a surname (King Juan Carlos, ESP).
		{"gatt acronym", "The GATT talks resumed.", day(2005, 1, 1), ""},
		{"gatt surname", "Gatt said the talks resumed.", day(2005, 1, 1), "Gatt:MLT:economy_official"},
		{"juan carlos", "King Juan Carlos opened parliament.", d87, "King Juan Carlos:ESP:official"},
		{"juan carlos other", "Juan Carlos Pugliese, speaker of the lower house, said.", d87, ""},
		// The hand 1980s economic officials (officials_economy.yaml).
		{"stoltenberg 1987", "Stoltenberg said the mark was firm.", d87, "Stoltenberg:DEU:finance_minister"},
		{"stoltenberg undated", "Stoltenberg said so.", zero, "Stoltenberg:NATO:secretary_general"},
		{"poehl", "Bundesbank President Karl Otto Poehl said so.", d87, "Karl Otto Poehl:DEU:central_bank_governor"},
		{"lawson", "Chancellor of the Exchequer Nigel Lawson said so.", d87, "Nigel Lawson:GBR:finance_minister"},
		{"lyng", "Agriculture Secretary Richard Lyng said so.", d87, "Richard Lyng:USA:agriculture_minister"},
		{"funaro", "Finance Minister Dilson Funaro said Brazil would pay.", d87,
			"Dilson Funaro:BRA:finance_minister Brazil:BRA"},
		{"funaro after", "Funaro said Brazil would pay.", day(1988, 1, 1), "Brazil:BRA"},
		{"miyazawa finance", "Miyazawa said so.", d87, "Miyazawa:JPN:finance_minister"},
		{"nakasone", "Nakasone said so.", d87, "Nakasone:JPN:head_of_government"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.text, g.Find(tt.text, tt.at, nil)); got != tt.want {
				t.Errorf("Find(%q, %v)\n got: %s\nwant: %s", tt.text, tt.at.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}

// TestLoadGazetteerSurnames checks surnames and strict officials of an
// override: two holders of a surname in office for different countries
// at one date give nothing (holdersClash), the same country is fine.
func TestLoadGazetteerSurnames(t *testing.T) {
	good := []byte(`
officials:
  - name: Rufus T. Firefly
    surnames: [Firefly]
    strict: true
    terms: [{country: FRA, role: finance_minister, from: 1930-01-01, to: 1939-12-31}]
  - name: Ambassador Trentino
    surnames: [Firefly]
    strict: true
    terms: [{country: ITA, role: official, from: 1935-01-01, to: 1945-12-31}]
  - name: Chicolini Firefly
    surnames: [Chicolini]
    terms: [{country: ITA, role: official, from: 1950-01-01, to: 1955-12-31}]
`)
	g, err := LoadGazetteer(good)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		at   time.Time
		want string
	}{
		{"Firefly spoke.", day(1932, 1, 1), "Firefly:FRA:finance_minister"},
		{"Firefly spoke.", day(1936, 1, 1), ""}, // FRA and ITA holders at once
		{"Firefly spoke.", day(1941, 1, 1), "Firefly:ITA:official"},
		{"Firefly spoke.", time.Time{}, ""},
		{"Rufus T. Firefly spoke.", time.Time{}, ""}, // strict: a date is needed
		{"Chicolini Firefly spoke.", time.Time{}, "Chicolini Firefly:ITA:official"},
		{"Chicolini spoke.", time.Time{}, ""}, // a surname needs a date
		{"Chicolini spoke.", day(1951, 1, 1), "Chicolini:ITA:official"},
	}
	for _, tt := range tests {
		if got := render(tt.text, g.Find(tt.text, tt.at, nil)); got != tt.want {
			t.Errorf("Find(%q, %v)\n got: %s\nwant: %s", tt.text, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
	_, err = LoadGazetteer([]byte(`
officials:
  - name: Rufus T. Firefly
    aliases: [Firefly]
    surnames: [Firefly]
    terms: [{country: FRA, role: official, from: 1930-01-01}]
`))
	if err == nil || !strings.Contains(err.Error(), `surnames[0]: "Firefly" is also the name or an alias`) {
		t.Errorf("surname and alias: %v", err)
	}
}

// TestPhoenixOfficialsLoaded checks the generated officials are in and
// strict, and never fuzzy targets.
func TestPhoenixOfficialsLoaded(t *testing.T) {
	g := testGazetteer(t)
	strict := 0
	for _, o := range g.offs {
		if o.strict {
			strict++
		}
	}
	if strict < 10000 {
		t.Errorf("%d strict officials, want the Phoenix office holders (over 10000)", strict)
	}
	for _, w := range []string{"yeutter", "greenspan", "babangida"} {
		for _, tg := range g.m.fuzzy.targets {
			if tg == w {
				t.Errorf("%q is a fuzzy target", w)
			}
		}
	}
}
