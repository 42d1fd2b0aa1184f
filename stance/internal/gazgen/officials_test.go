package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	wordfn "github.com/stancemon/stancemon/stance/internal/words"
)

func TestParseGroups(t *testing.T) {
	const dict = `MIKHAIL_GORBACHEV_  # CountryInfo.txt
+GORBACHEV
PRESIDENT_MIKHAIL_S._GORBACHEV
MIKHAIL_S._GORBACHEV
	[RUSELI 480101-850311]
	[RUSGOV 850311-910824]
CELINE YODA_KONKOBO_  # a space inside
	[BFAGOVHRI >070701]

GUERNSEY_  [GGY]
+ST_PETER_PORT
LONE_ENTRY

OTHER_ENTRY [USA]
`
	gs, err := parseGroups(strings.NewReader(dict))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range gs {
		got = append(got, strings.Join(g.names, "+")+" "+strings.Join(g.codes, "|"))
	}
	want := []string{
		"MIKHAIL_GORBACHEV_+GORBACHEV+PRESIDENT_MIKHAIL_S._GORBACHEV+MIKHAIL_S._GORBACHEV RUSELI 480101-850311|RUSGOV 850311-910824",
		"CELINE_YODA_KONKOBO_ BFAGOVHRI >070701",
		"GUERNSEY_+ST_PETER_PORT GGY",
		"LONE_ENTRY ",
		"OTHER_ENTRY USA",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadCode(t *testing.T) {
	states := map[string]bool{"USA": true, "RUS": true, "DDR": true, "SRB": true, "XKX": true, "GBR": true}
	tests := []struct {
		code, want string // want: "country role from to" or the reason
	}{
		{"USAGOVBUS 850701-890120", "USA economy_official 1985-07-01 1989-01-20"},
		{"USAGOV 19890120-19920823", "USA official 1989-01-20 1992-08-23"},
		{"USAGOV >060201", "USA official 2006-02-01 2014-01-30"},
		{"USAGOV > 130701", "USA official 2013-07-01 2014-01-30"},
		{"USAMIL 070101-090101", "USA military_official 2007-01-01 2009-01-01"},
		{"USAGOVMIL 070101-090101", "USA military_official 2007-01-01 2009-01-01"},
		{"USAGOVMUS 070101-090101", "USA official 2007-01-01 2009-01-01"},
		{"USALEG 070101-090101", "USA legislator 2007-01-01 2009-01-01"},
		{"USR 600101-700101", codePlace},
		{"USRGOV 600101-700101", "RUS official 1960-01-01 1970-01-01"},
		{"SUNGOV 19171109-19911225", "RUS official 1917-11-09 1991-12-25"},
		{"DDRGOV 891113-900412", "DDR official 1989-11-13 1990-04-12"},
		{"YUGGOV 800101-900101", "SRB official 1980-01-01 1990-01-01"},
		{"KSVGOV 110222-110404", "XKX official 2011-02-22 2011-04-04"},
		{"USAELI 480101-850701", codeNotState},
		{"USAOPP 480101-850701", codeNotState},
		{"USAREB 480101-850701", codeNotState},
		{"USABUS 480101-850701", codeNotState},
		{"GBRVGBGOV 030101-050101", codeNotState},
		{"SUNRUS 19171109-19911225", codeNotState},
		{"USAGOV", codeUndated},
		{"USAGOV <911216", codeNoStart},
		{"USAGOV 9008223-911221", codeBadDate},
		{"USAGOV 911221-901221", codeBadDate},
		{"USAGOV >201005011", codeBadDate},
		{"USAGOV >150101", codeAfterSource},
		{"HKGGOV 970701-050101", codeNoCountry},
		{"KNTGOV 830101-850630", codeNoCountry},
	}
	for _, tt := range tests {
		st, why := readCode(tt.code, states)
		got := why
		if why == codeState {
			got = strings.Join([]string{st.country, st.role, st.from.Format(time.DateOnly), st.to.Format(time.DateOnly)}, " ")
		}
		if got != tt.want {
			t.Errorf("readCode(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct {
		raw, country, want string // want: "name | bare | surname", or "" for none
	}{
		{"JAMES_BAKER_", "USA", "James Baker | James Baker | Baker"},
		{"CLAYTON_K._YEUTTER_", "USA", "Clayton K. Yeutter | Clayton K. Yeutter | Yeutter"},
		{"JAMES_A._BAKER_III", "USA", "James A. Baker III | James A. Baker III | Baker"},
		{"GEORGE_W._BUSH_JR.", "USA", "George W. Bush Jr. | George W. Bush Jr. | Bush"},
		{"BASHAR_AL-ASSAD_", "SYR", "Bashar al-Assad | Bashar al-Assad | al-Assad"},
		{"CHARLES_DE_GAULLE", "FRA", "Charles de Gaulle | Charles de Gaulle | Gaulle"},
		{"ROBERT_MCNAMARA", "USA", "Robert McNamara | Robert McNamara | McNamara"},
		{"CONOR_O'BRIEN", "IRL", "Conor O'Brien | Conor O'Brien | O'Brien"},
		{"PRINCE_FATAFEHI_TU'IPELEHAKE_", "TON", "Prince Fatafehi Tu'ipelehake | Fatafehi Tu'ipelehake | Tu'ipelehake"},
		{"SIR_LYNDEN_PINDLING", "BHS", "Sir Lynden Pindling | Lynden Pindling | Pindling"},
		{"KIM_YOUNG-SAM", "KOR", "Kim Young-sam | Kim Young-sam | Young-sam"},
		{"JEAN-MARIE_LE_PEN", "FRA", "Jean-Marie le Pen | Jean-Marie le Pen | Pen"},
		{"CARL_XVI_GUSTAF", "SWE", "Carl XVI Gustaf | Carl XVI Gustaf | "},
		{"LI_XI", "CHN", "Li Xi | Li Xi | Xi"},
		{"SHEIKH_`ISA_IBN_SULMAN", "BHR", "Sheikh 'Isa ibn Sulman | 'Isa ibn Sulman | Sulman"},
		{"HASSAN_II", "MAR", ""},
		{"SUHARTO_", "IDN", ""},
		{"SECRETARY_OF_STATE_JAMES_A._BAKER", "USA", ""},
		{"GORBACHEV_ADMINISTRATION", "RUS", ""},
		{"JAMES_A._BAKER_3D", "USA", ""},
	}
	for _, tt := range tests {
		name, bare, sn, ok := personName(tt.raw, tt.country)
		got := ""
		if ok {
			got = name + " | " + bare + " | " + sn
		}
		if got != tt.want {
			t.Errorf("personName(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	if got := withoutInitials("Clayton K. Yeutter"); got != "Clayton Yeutter" {
		t.Errorf("withoutInitials: %q", got)
	}
	if got := withoutInitials("James Baker"); got != "" {
		t.Errorf("withoutInitials: %q", got)
	}
}

func TestMergeTerms(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse(time.DateOnly, s); return x }
	got := mergeTerms([]stateTerm{
		{"RUS", "official", d("1988-10-01"), d("1989-05-25")},
		{"RUS", "official", d("1985-03-11"), d("1991-08-24")},
		{"RUS", "official", d("1991-08-25"), d("1991-12-25")},
		{"RUS", "legislator", d("1989-05-25"), d("1990-03-15")},
	})
	var s []string
	for _, t := range got {
		s = append(s, t.country+" "+t.role+" "+t.from.Format(time.DateOnly)+" "+t.to.Format(time.DateOnly))
	}
	want := "RUS official 1985-03-11 1991-12-25, RUS legislator 1989-05-25 1990-03-15"
	if strings.Join(s, ", ") != want {
		t.Errorf("mergeTerms: %s\nwant %s", strings.Join(s, ", "), want)
	}
}

// TestOfficialsYAML runs the generator on a small world.
func TestOfficialsYAML(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "actors")
	lex := filepath.Join(dir, "lexicons")
	for _, d := range []string{data, lex} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, s string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(data, "states.yaml"), `
states:
  - {code: USA, name: United States, names: [United States]}
  - {code: JOR, name: Jordan, names: [Jordan]}
  - {code: FRE, name: Freedonia, names: [Freedonia], capitals: [Fredville]}
officials:
  - name: James Baker
    aliases: [James A. Baker]
    terms: [{country: USA, role: foreign_minister, from: 1989-01-25, to: 1992-08-23}]
`)
	write(filepath.Join(lex, "Phoenix.Countries.actors.txt"), `UNITED_STATES_ [USA]
JAMES_BAKER_  # hand entry
+SECRETARY_OF_STATE_JAMES_A._BAKER
	[USAGOV 890125-920823]
CLAYTON_K._YEUTTER_
	[USAELI 480101-850701]
	[USAGOVBUS 850701-890120]
RICHARD_LYNG_
+RICHARD_E._LYNG
	[USAGOVAGR 860307-890120]
HOWARD_BAKER_
	[USAGOV 870227-880701]
RUFUS_FIREFLY_
	[FREGOV 330101-450101]
CHICO_FIREFLY_
	[FREELI 330101-450101]
ABDUL_JORDAN_
	[FREGOV 330101-450101]
THOMAS_PINKY_
	[FREGOV 330101-450101]
PINKY_THOMAS_
	[FREGOV 330101-450101]
REBEL_LEADER_ONE
	[FREREB 330101-450101]
GEORGE_FENWICK_
	[FREGOV >100101]
`)
	write(filepath.Join(lex, "Phoenix.International.actors.txt"), "ALAN_YEUTTER_ [IGOUNO]\n")
	write(filepath.Join(lex, "Phoenix.MilNonState.actors.txt"), "FRONT_FOR_FREEDONIA [FREREB]\n")
	words := filepath.Join(dir, "words")
	write(words, "Fenwick\nlyng\n")
	out, cnt, err := officialsYAML(filepath.Join(lex, "Phoenix.Countries.actors.txt"), data, []string{words})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Officials []outOfficial `json:"officials"`
	}
	if err := json.Unmarshal(wordfn.SkipCommentLines(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var got []string
	for _, o := range doc.Officials {
		s := o.Name + " [" + strings.Join(o.Aliases, ", ") + "] [" + strings.Join(o.Surnames, ", ") + "] " + o.Source
		for _, t := range o.Terms {
			s += fmt.Sprintf(" %s/%s/%s/%s", t.Country, t.Role, t.From, t.To)
		}
		got = append(got, s)
	}
	want := []string{
		"Clayton K. Yeutter [Clayton Yeutter] [] Phoenix.Countries.actors.txt line 5 USA/economy_official/1985-07-01/1989-01-20",
		"Richard Lyng [Richard E. Lyng] [] Phoenix.Countries.actors.txt line 8 USA/agriculture_official/1986-03-07/1989-01-20",
		"Howard Baker [] [] Phoenix.Countries.actors.txt line 11 USA/official/1987-02-27/1988-07-01",
		"Rufus Firefly [] [] Phoenix.Countries.actors.txt line 13 FRE/official/1933-01-01/1945-01-01",
		"Abdul Jordan [] [] Phoenix.Countries.actors.txt line 17 FRE/official/1933-01-01/1945-01-01",
		"Thomas Pinky [] [] Phoenix.Countries.actors.txt line 19 FRE/official/1933-01-01/1945-01-01",
		"Pinky Thomas [] [] Phoenix.Countries.actors.txt line 21 FRE/official/1933-01-01/1945-01-01",
		"George Fenwick [] [] Phoenix.Countries.actors.txt line 25 FRE/official/2010-01-01/2014-01-30",
	}
	// No surname: Yeutter is another person's (international dictionary);
	// Lyng is an English word; Baker: Howard's surname is James's (hand);
	// Firefly: Chico's too (an ELI); Jordan: a state's name; Thomas and
	// Pinky: given names; Fenwick: a name of the word list.
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("officials:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, o := range doc.Officials {
		if !o.Strict {
			t.Errorf("%s is not strict", o.Name)
		}
	}
	if cnt.kept != 8 || cnt.skipped["hand-written official"] != 1 || cnt.skipped["no state agent code (ELI, OPP, REB, BUS, ...)"] != 2 {
		t.Errorf("counts %+v", cnt)
	}
	if !strings.Contains(string(out), "MIT License") {
		t.Error("no licence notice")
	}
	// A distinctive surname is taken.
	write(filepath.Join(lex, "Phoenix.International.actors.txt"), "")
	out, _, err = officialsYAML(filepath.Join(lex, "Phoenix.Countries.actors.txt"), data, []string{words})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"aliases":["Clayton Yeutter"],"surnames":["Yeutter"],"strict":true`) {
		t.Errorf("no surname Yeutter:\n%s", out)
	}
}
