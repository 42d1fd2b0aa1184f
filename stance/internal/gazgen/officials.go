package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	wordfn "github.com/stancemon/stancemon/stance/internal/words"
)

// The officials file: persons of the Phoenix country dictionary with dated
// codes of state agents, as officials with terms.
//
// Entries. An entry line starts a person ("JAMES_BAKER_  # CountryInfo.txt"),
// "+NAME" lines add synonyms, and tab-indented "[CODE dates]" lines give
// its codes. Entry lines that follow one another before any code line are
// synonyms too (PETRARCH reads them so: "MIKHAIL_GORBACHEV_",
// "PRESIDENT_MIKHAIL_S._GORBACHEV", ... then the codes); a blank line or a
// code line ends a group.
//
// Codes. A code is a country code (3 letters) and agent codes (3 letters
// each): USAGOV, JPNELI, USAGOVBUS. Only state agents give terms: the first
// agent GOV, MIL, COP, JUD, LEG or SPY. A dated code of the state alone
// ("[IRQ >20060520]") gives none: the dictionary has such codes only on
// names of states and places (Iraqi Kurdistan with "+ERBIL", South Sudan,
// Timor-Leste), never on a person. A further agent names the sector (GOVBUS: economy, finance, trade and
// central bank; GOVAGR: agriculture) and gives the role (agentRoles).
// ELI (former officials, elites), OPP, REB, BUS, MED, CVL and all other
// first agents give nothing, nor do codes of territories (GBRVGBGOV: the
// British Virgin Islands) and undated codes.
//
// Dates. "yymmdd-yymmdd" (inclusive), ">yymmdd" (from), "<yymmdd"
// (until; no start, so no term); 8-digit years are read as written and
// two-digit years yy >= 30 as 19yy, below 30 as 20yy ("070723" is
// 2007-07-23). An open term (">yymmdd") ends on the date of the dictionary
// (2014-01-30, CountryInfo.140130): it knows nothing later.
//
// Countries. CAMEO codes are mapped to the gazetteer's (countryCodes): the
// Soviet Union (SUN, USR) is RUS, Czechoslovakia (CSK) CZE, Yugoslavia
// (YUG, FRY) and Serbia and Montenegro (SCG) SRB, Kosovo (KSV) XKX, East
// Timor (TMP) TLS; the GDR stays DDR. Codes the gazetteer does not have
// (territories, Hong Kong, Republika Srpska, the fictional Kinakuta) give
// no term.
//
// Names. The entry "CLAYTON_K._YEUTTER_" gives "Clayton K. Yeutter" and
// the alias "Clayton Yeutter"; particles are written in lower case (so
// that they match either way: "al-Assad", "de Gaulle"), honorifics (Sir,
// Sheikh, Prince) are kept in an alias only. A name (or synonym) with a
// title or an institution word ("SECRETARY_OF_STATE_JAMES_A._BAKER",
// "GORBACHEV_ADMINISTRATION") is no name of a person; entries whose first
// name is not a person's name of two or more words are skipped.
//
// Hand entries win: a person one of whose names is a name or alias of a
// hand-written official, or who has a hand official's surname and a term
// for the same country at overlapping dates, is left out. An alias
// naming a hand official is dropped. Persons of one name are merged.
//
// Surnames. The bare surname (the last word of the name, or a one-word
// synonym) is listed (under surnames) only where it is distinctive, as the
// hand-written aliases are: it has 4 or more letters; it is no word of the
// English word lists, in any case ("Baker", "Brown", "Said", and names:
// "Kent", "Audi", "Farsi", "Gemini", but also "Volcker", "Greenspan");
// no other person of the Phoenix dictionaries (countries, international,
// non-state armed groups; any code, any date) nor hand-written official
// has it as surname, and no person has it as a given name ("Thomas",
// "Ali"); it is no word of a state's or organisation's phrase, an exclude
// phrase, a non-surname or a name suffix ("Jordan", "Guinea"); the name
// has no regnal number ("Carl XVI Gustaf"); and the person serves no
// country whose names do not end in a surname in English news
// (noSurname: Chinese, Korean, Vietnamese, Burmese, Indonesian, Thai,
// Icelandic, Ethiopian, ...). Find then reads it only while the person is
// in office, and not when two holders of it serve different countries at
// that date.
//
// The officials are marked strict: Find reads them only at a known date
// within a term (never with the date unknown: about 8,000 surnames and
// 17,000 names of lesser officials would match anyone's), written as in
// the data, not followed by a word that looks like a surname, and never
// through a misspelt word (the tolerant matching is for well-known
// names).
//
// The body of the file is JSON (which is YAML), one official a line, each
// with its source lines: the loader reads it about twenty times faster
// than YAML.

const (
	officialsFile = "officials_phoenix.yaml"
	// dictDate is the date of the dictionary's source (CountryInfo.140130):
	// open terms end there.
	dictDate = "2014-01-30"
)

// countryCodes maps the CAMEO country codes of the dictionary that are not
// the gazetteer's codes.
var countryCodes = map[string]string{
	"SUN": "RUS", "USR": "RUS", "CSK": "CZE", "YUG": "SRB", "FRY": "SRB", "SCG": "SRB",
	"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "PAL": "PSE", "GDR": "DDR",
}

// agentRoles gives the role of a state agent code; sector agents after
// GOV refine it.
var agentRoles = map[string]string{
	"GOV": "official",
	"MIL": "military_official",
	"COP": "police_official",
	"JUD": "judicial_official",
	"LEG": "legislator",
	"SPY": "intelligence_official",
	"BUS": "economy_official",
	"AGR": "agriculture_official",
	"MED": "information_official",
	"EDU": "education_official",
	"HLH": "health_official",
	"DEV": "development_official",
	"LAB": "labour_official",
	"ENV": "environment_official",
	"HRI": "human_rights_official",
	"REL": "religious_affairs_official",
	"REF": "refugee_official",
	"PTY": "party_official",
}

// noSurname lists the countries whose officials get no bare-surname
// alias: English news names them by the family name written first (CHN,
// TWN, KOR, PRK, VNM), by the given name (THA, IDN, ISL, ETH, ERI, SOM,
// LAO, KHM) or they have no family name (MMR, MNG, BTN).
var noSurname = map[string]bool{
	"CHN": true, "TWN": true, "KOR": true, "PRK": true, "VNM": true, "THA": true, "IDN": true,
	"ISL": true, "ETH": true, "ERI": true, "SOM": true, "LAO": true, "KHM": true, "MMR": true,
	"MNG": true, "BTN": true,
}

// notNameWords are title and institution words: a name holding one is
// not a person's name ("SECRETARY_OF_STATE_JAMES_A._BAKER").
var notNameWords = setOf(`ACTING ADMINISTRATION ADMIRAL AFFAIRS AGENCY AMBASSADOR AND ARMY
	ASSEMBLY AUTHORITY BANK BUREAU CABINET CHAIRMAN CHAIRWOMAN CHARGE CITY COMMANDER COMMISSION
	COMMITTEE CONGRESS CONGRESSMAN COUNCIL COURT DEPARTMENT DEPUTY DIRECTOR EMBASSY ENVOY EX
	FEDERAL FOR FORCES FORMER FRONT GENERAL GEN. GOVERNMENT GOVERNOR GUARD IN INSTITUTE
	INTELLIGENCE JUNTA LEADER MAYOR MILITARY MIN. MINISTER MINISTERS MINISTRY MOVEMENT NATIONAL
	NAVY OF OFFICE OFFICIAL OFFICIALS PARLIAMENT PARTY POLICE PREMIER PRESIDENT PRIME PROVINCE
	REGIME REPRESENTATIVE REPUBLIC SEC. SECRETARY SECURITY SENATE SENATOR SERVICE SOLDIERS
	SPEAKER SPOKESMAN STATE THE TROOPS UNITED VICE`)

// honorifics are words before a name that are kept in an alias only.
var honorifics = setOf(`SIR DAME SHEIKH SHAIKH SHAYKH PRINCE PRINCESS KING QUEEN CHIEF DATO DATO'
	DATUK TUN DR DR. LORD LADY BARONESS MR MR. MRS MRS. MS MS.`)

// particles are written in lower case.
var particles = setOf(`AL EL BIN BINT IBN DE DA DI DEL DELLA DOS DAS DO DU VAN VON DER DEN LA LE Y`)

// suffixWords end a name without being its surname.
var suffixWords = setOf(`JR JR. SR SR. II III IV`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// group is one entry of a Phoenix dictionary: its names (entry lines and
// synonyms, as written) and its codes.
type group struct {
	names []string
	lines []int
	codes []string // "USAGOVBUS 850701-890120"
}

// fullCodeRE matches a code with its dates: "[USAGOVBUS 850701-890120]".
var fullCodeRE = regexp.MustCompile(`\[([A-Z]+)\s*([^\]]*)\]`)

// parseGroups reads the entry groups of a Phoenix .actors file.
func parseGroups(r io.Reader) ([]group, error) {
	var (
		groups []group
		open   bool // the last group takes more entry lines
		n      int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	addCodes := func(g *group, s string) {
		for _, m := range fullCodeRE.FindAllStringSubmatch(s, -1) {
			g.codes = append(g.codes, strings.TrimSpace(m[1]+" "+strings.TrimSpace(m[2])))
		}
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			open = false
			continue
		}
		switch line[0] {
		case '+':
			if len(groups) == 0 {
				return nil, fmt.Errorf("line %d: synonym before any entry", n)
			}
			g := &groups[len(groups)-1]
			if f := strings.Fields(line[1:]); len(f) > 0 {
				g.names = append(g.names, f[0])
				g.lines = append(g.lines, n)
			}
		case '\t', ' ', '[':
			if len(groups) > 0 {
				addCodes(&groups[len(groups)-1], line)
			}
			open = false
		default:
			name, codes, _ := strings.Cut(line, "[")
			name = strings.Join(strings.Fields(name), "_")
			if !open {
				groups = append(groups, group{})
			}
			g := &groups[len(groups)-1]
			g.names = append(g.names, name)
			g.lines = append(g.lines, n)
			open = true
			if codes != "" {
				addCodes(g, "["+codes)
				open = false
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading dictionary: %w", err)
	}
	return groups, nil
}

// stateTerm is one term of a state agent code.
type stateTerm struct {
	country, role string
	from, to      time.Time // inclusive
}

// code reasons, for the counts.
const (
	codeState       = "state"
	codeUndated     = "undated"
	codeNoStart     = "no start date"
	codeBadDate     = "bad date"
	codeNotState    = "not a state agent"
	codePlace       = "the state itself (names of states and places)"
	codeNoCountry   = "country not in the gazetteer"
	codeAfterSource = "starts after the dictionary"
)

// readCode reads one code. It returns the term and codeState, or the
// reason the code gives no term.
func readCode(code string, states map[string]bool) (stateTerm, string) {
	id, dates, _ := strings.Cut(code, " ")
	if len(id) < 3 || len(id)%3 != 0 {
		return stateTerm{}, codeNotState
	}
	agents := id[3:]
	first := ""
	if agents != "" {
		first = agents[:3]
	}
	switch first {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "":
	default:
		return stateTerm{}, codeNotState
	}
	role := agentRoles[first]
	if len(agents) > 3 {
		// A sector after GOV or MIL (GOVBUS, MILSPY) names the role; an
		// unknown one (GOVMUS) leaves it.
		if r, ok := agentRoles[agents[3:6]]; ok && r != "official" {
			role = r
		}
	}
	country := id[:3]
	if c, ok := countryCodes[country]; ok {
		country = c
	}
	dates = strings.ReplaceAll(dates, " ", "")
	if dates == "" {
		return stateTerm{}, codeUndated
	}
	if first == "" {
		// The state itself: in this dictionary only names of states
		// and places have such dated codes ("IRAQI_KURDISTAN [IRQ
		// >20060520]" with "+ERBIL"), no person.
		return stateTerm{}, codePlace
	}
	var fromS, toS string
	switch {
	case strings.HasPrefix(dates, ">"):
		fromS, toS = dates[1:], ""
	case strings.HasPrefix(dates, "<"):
		return stateTerm{}, codeNoStart
	default:
		var ok bool
		if fromS, toS, ok = strings.Cut(dates, "-"); !ok {
			return stateTerm{}, codeBadDate
		}
	}
	t := stateTerm{country: country, role: role}
	var ok bool
	if t.from, ok = parseCodeDate(fromS); !ok {
		return stateTerm{}, codeBadDate
	}
	source, _ := time.Parse(time.DateOnly, dictDate)
	if toS == "" {
		t.to = source
	} else if t.to, ok = parseCodeDate(toS); !ok {
		return stateTerm{}, codeBadDate
	}
	if t.from.After(source) {
		return stateTerm{}, codeAfterSource
	}
	if t.to.Before(t.from) {
		return stateTerm{}, codeBadDate
	}
	if !states[country] {
		return stateTerm{}, codeNoCountry
	}
	return t, codeState
}

// parseCodeDate reads yymmdd (yy >= 30: 19yy, else 20yy) or yyyymmdd.
func parseCodeDate(s string) (time.Time, bool) {
	d := phoenixDate(s)
	if d == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, d)
	return t, err == nil
}

// personName turns a dictionary name into a person's name, or reports
// that it is none. It returns the name, the honorific-free name (equal
// to the name if there is none) and the surname (the last word but
// suffixes).
func personName(raw, country string) (name, bare, surname string, ok bool) {
	raw = strings.Trim(strings.ReplaceAll(raw, "`", "'"), "_")
	words := strings.FieldsFunc(raw, func(r rune) bool { return r == '_' })
	if len(words) == 0 {
		return "", "", "", false
	}
	for _, w := range words {
		if notNameWords[w] || strings.ContainsAny(w, "0123456789()/,&\"") {
			return "", "", "", false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' {
				return "", "", "", false
			}
		}
	}
	var hon []string
	for len(words) > 0 && honorifics[words[0]] {
		hon, words = append(hon, words[0]), words[1:]
	}
	// Surname: the last word but suffixes and regnal numbers (no Roman
	// numbers in East Asian names: "Xi").
	asian := country == "KOR" || country == "PRK" || country == "CHN" || country == "TWN" || country == "VNM"
	roman := func(w string) bool { return !asian && isRoman(w) }
	last := len(words) - 1
	for last > 0 && (suffixWords[words[last]] || roman(words[last])) {
		last--
	}
	if last < 1 { // one word: no person's name here
		return "", "", "", false
	}
	regnal := false // "CARL_XVI_GUSTAF": no surname
	for _, w := range words[1:last] {
		regnal = regnal || roman(w)
	}
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = nameWord(w, asian)
	}
	bare = strings.Join(out, " ")
	name = bare
	if len(hon) > 0 {
		hs := make([]string, len(hon))
		for i, h := range hon {
			hs[i] = nameWord(h, false)
		}
		name = strings.Join(hs, " ") + " " + bare
	}
	if regnal {
		return name, bare, "", true
	}
	return name, bare, out[last], true
}

// romanRE matches a Roman number from 1 to 39.
var romanRE = regexp.MustCompile(`^X{0,3}(IX|IV|V?I{0,3})$`)

// isRoman reports whether w is a Roman number (a regnal number or a
// suffix: "XVI", "III").
func isRoman(w string) bool {
	return w != "" && romanRE.MatchString(w)
}

// nameWord writes one word of a name: capitalised ("Yeutter", "Jean-Marie",
// "O'Brien", "McNamara"), particles in lower case ("al-Assad", "de"),
// suffixes, Roman numbers and initials as is ("III", "XVI", "K."). In East
// Asian names (asian) there are no Roman numbers, and the parts after a
// hyphen are in lower case ("Kim Young-sam").
func nameWord(w string, asian bool) string {
	switch {
	case particles[w]:
		return strings.ToLower(w)
	case suffixWords[w] && (strings.HasPrefix(w, "J") || strings.HasPrefix(w, "S")):
		return w[:1] + strings.ToLower(strings.TrimSuffix(w[1:], ".")) + "."
	case suffixWords[w] || !asian && isRoman(w) && len(w) > 1:
		return w
	case len(w) <= 2 && strings.HasSuffix(w, "."):
		return w
	}
	parts := strings.Split(w, "-")
	for i, p := range parts {
		switch {
		case i == 0 && particles[p] && len(parts) > 1:
			parts[i] = strings.ToLower(p)
		case i > 0 && asian:
			parts[i] = strings.ToLower(p)
		default:
			parts[i] = capitalise(p)
		}
	}
	return strings.Join(parts, "-")
}

// capitalise writes a word part in lower case with a capital first letter;
// "O'BRIEN" and "D'ALEMA" keep the capital after the apostrophe, other
// apostrophes do not ("Tu'ipelehake"); "MCNAMARA" is "McNamara".
func capitalise(p string) string {
	rs := []rune(strings.ToLower(p))
	if len(rs) == 0 {
		return ""
	}
	for i, r := range rs {
		if unicode.IsLetter(r) { // "'Isa"
			rs[i] = unicode.ToUpper(r)
			break
		}
	}
	if len(rs) > 2 && rs[1] == '\'' && (rs[0] == 'O' || rs[0] == 'D') {
		rs[2] = unicode.ToUpper(rs[2])
	}
	if len(rs) > 3 && rs[0] == 'M' && rs[1] == 'c' {
		rs[2] = unicode.ToUpper(rs[2])
	}
	return string(rs)
}

// withoutInitials returns name without its middle initials ("Clayton K.
// Yeutter" -> "Clayton Yeutter"), or "" if it has none.
func withoutInitials(name string) string {
	ws := strings.Fields(name)
	var out []string
	for i, w := range ws {
		if i > 0 && i < len(ws)-1 && len(w) == 2 && w[1] == '.' {
			continue
		}
		out = append(out, w)
	}
	if len(out) == len(ws) || len(out) < 2 {
		return ""
	}
	return strings.Join(out, " ")
}

// nameKey is the letters of a name, folded: names that differ only in
// spacing, punctuation, case or accents have one key.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range fold(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// person is one official being built.
type person struct {
	name     string
	aliases  []string
	lines    []int
	terms    []stateTerm
	country  string // the country of its first term, for names
	bareName string // the name without honorifics
	// surnames are the candidate bare surnames, with their spelling;
	// bare are those taken.
	surnames []string
	bare     []string
}

// officialsCounts counts the entries read and what became of them.
type officialsCounts struct {
	groups, persons, kept, merged, surnames int
	skipped                                 map[string]int
	codes                                   map[string]int
}

// handOfficial is a hand-written official as gazgen reads it.
type handOfficial struct {
	name       string
	aliases    []string
	surnameKey string // nameKey of the last word of the name
	terms      []stateTerm
}

// officialsData is what the officials file needs from the rest of the data.
type officialsData struct {
	states map[string]bool // state codes
	hand   []handOfficial
	// actorWords are the folded words of every actor, exclude, historical,
	// not_surnames and name_suffixes phrase.
	actorWords map[string]bool
}

// readOfficialsData reads the data files of dir but the officials file.
func readOfficialsData(dir string) (*officialsData, error) {
	files, err := readData(dir, officialsFile)
	if err != nil {
		return nil, err
	}
	d := &officialsData{states: map[string]bool{}, actorWords: map[string]bool{}}
	addWords := func(ls ...[]string) {
		for _, l := range ls {
			for _, p := range l {
				for _, w := range strings.FieldsFunc(fold(p), func(r rune) bool { return !unicode.IsLetter(r) }) {
					d.actorWords[w] = true
				}
			}
		}
	}
	for _, f := range files {
		for _, s := range f.States {
			d.states[s.Code] = true
			addWords(s.Names, s.Demonyms, s.Capitals, s.Seats)
		}
		for _, o := range f.Organisations {
			addWords(o.Names, o.Seats)
		}
		for _, h := range f.Historical {
			addWords(h.Names)
		}
		addWords(f.Exclude, f.NotSurnames, f.NameSuffixes)
		for _, o := range f.Officials {
			ws := strings.Fields(o.Name)
			if len(ws) == 0 {
				continue // the loader reports it
			}
			h := handOfficial{name: o.Name, aliases: append(o.Aliases, o.Surnames...), surnameKey: nameKey(ws[len(ws)-1])}
			for _, t := range o.Terms {
				st := stateTerm{country: t.Country}
				st.from, _ = time.Parse(time.DateOnly, t.From)
				if t.To == "" {
					st.to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
				} else {
					st.to, _ = time.Parse(time.DateOnly, t.To)
				}
				h.terms = append(h.terms, st)
			}
			d.hand = append(d.hand, h)
		}
	}
	return d, nil
}

// officialsYAML writes the officials file from the country dictionary at
// path (and, for the surname check, the international and non-state
// dictionaries beside it, if there), given the data of dir and the
// English word lists.
func officialsYAML(path, dir string, dicts []string) ([]byte, officialsCounts, error) {
	cnt := officialsCounts{skipped: map[string]int{}, codes: map[string]int{}}
	data, err := readOfficialsData(dir)
	if err != nil {
		return nil, cnt, err
	}
	groups, err := readGroups(path)
	if err != nil {
		return nil, cnt, err
	}
	// Persons of every dictionary, for the surname check: folded surname
	// -> the keys of the persons with it; given names (words of a name
	// but its surname).
	surnameOf := map[string]map[string]bool{}
	given := map[string]bool{}
	notePerson := func(key string, names []string) {
		for _, raw := range names {
			words := strings.FieldsFunc(strings.Trim(raw, "_"), func(r rune) bool { return r == '_' })
			if len(words) == 1 {
				// A one-word synonym is a surname ("+GORBACHEV").
				if _, _, _, ok := personName("X_"+raw, ""); ok {
					addKey(surnameOf, fold(words[0]), key)
				}
				continue
			}
			if _, bare, sn, ok := personName(raw, ""); ok {
				addKey(surnameOf, fold(sn), key)
				for _, w := range strings.Fields(bare) {
					if fw := fold(w); fw != fold(sn) {
						given[fw] = true
					}
				}
			}
		}
	}
	for i, g := range groups {
		notePerson(fmt.Sprintf("c%d", i), g.names)
	}
	for _, other := range []string{"Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		p := filepath.Join(filepath.Dir(path), other)
		gs, err := readGroups(p)
		if err != nil {
			return nil, cnt, err
		}
		for i, g := range gs {
			notePerson(fmt.Sprintf("%s%d", other, i), g.names)
		}
	}
	// Hand officials: their name keys and surnames.
	handKey := map[string]int{}
	for i, h := range data.hand {
		for _, a := range append([]string{h.name}, h.aliases...) {
			handKey[nameKey(a)] = i
		}
		ws := strings.Fields(h.name)
		addKey(surnameOf, fold(ws[len(ws)-1]), fmt.Sprintf("h%d", i))
		for _, a := range h.aliases {
			if !strings.ContainsAny(a, " -") {
				addKey(surnameOf, fold(a), fmt.Sprintf("h%d", i))
			}
		}
	}
	englishWords, err := readWords(dicts)
	if err != nil {
		return nil, cnt, err
	}

	// Persons of the country dictionary.
	var persons []*person
	byKey := map[string]*person{}
	groupOf := map[*person]string{} // person -> its group key, for the surname check
	for i, g := range groups {
		cnt.groups++
		var terms []stateTerm
		dated := false
		reasons := map[string]bool{}
		for _, c := range g.codes {
			t, why := readCode(c, data.states)
			if why != codeUndated {
				dated = true
			}
			cnt.codes[why]++
			if why == codeState {
				terms = append(terms, t)
			} else {
				reasons[why] = true
			}
		}
		if !dated {
			continue // a name of a state, a place or a group: no person
		}
		cnt.persons++
		if len(terms) == 0 {
			switch {
			case reasons[codeNoCountry]:
				cnt.skipped["state codes only of countries not in the gazetteer"]++
			case reasons[codePlace]:
				cnt.skipped["codes of the state alone (a state or a place)"]++
			case reasons[codeNotState] && !reasons[codeBadDate] && !reasons[codeNoStart] && !reasons[codeAfterSource]:
				cnt.skipped["no state agent code (ELI, OPP, REB, BUS, ...)"]++
			default:
				cnt.skipped["no state term with usable dates"]++
			}
			continue
		}
		country := terms[0].country
		name, bare, sn, ok := personName(g.names[0], country)
		if !ok {
			if _, _, _, ok1 := personName("X_"+g.names[0], country); ok1 {
				cnt.skipped["one-word name"]++
			} else {
				cnt.skipped["not a person's name (title, institution)"]++
			}
			continue
		}
		p := &person{name: name, bareName: bare, lines: []int{g.lines[0]}, terms: terms, country: country}
		addAlias := func(a string) {
			if a != "" && a != p.name && !slices.Contains(p.aliases, a) {
				p.aliases = append(p.aliases, a)
			}
		}
		addAlias(bare)
		addAlias(withoutInitials(bare))
		p.surnames = append(p.surnames, sn)
		for _, raw := range g.names[1:] {
			words := strings.FieldsFunc(strings.Trim(raw, "_"), func(r rune) bool { return r == '_' })
			if len(words) == 1 {
				if _, _, s1, ok := personName("X_"+raw, country); ok && !slices.Contains(p.surnames, s1) {
					p.surnames = append(p.surnames, s1)
				}
				continue
			}
			if n2, b2, _, ok := personName(raw, country); ok {
				addAlias(n2)
				addAlias(b2)
				addAlias(withoutInitials(b2))
			}
		}
		// Hand entries win.
		if why := handReason(p, data.hand, handKey); why != "" {
			cnt.skipped[why]++
			continue
		}
		var kept []string
		for _, a := range p.aliases {
			if _, taken := handKey[nameKey(a)]; !taken {
				kept = append(kept, a)
			}
		}
		p.aliases = kept
		key := nameKey(p.name)
		if prev, ok := byKey[key]; ok {
			prev.terms = append(prev.terms, p.terms...)
			prev.lines = append(prev.lines, p.lines...)
			for _, a := range p.aliases {
				if a != prev.name && !slices.Contains(prev.aliases, a) {
					prev.aliases = append(prev.aliases, a)
				}
			}
			for _, s := range p.surnames {
				if !slices.Contains(prev.surnames, s) {
					prev.surnames = append(prev.surnames, s)
				}
			}
			groupOf[prev] += fmt.Sprintf(",c%d", i)
			cnt.merged++
			continue
		}
		byKey[key] = p
		groupOf[p] = fmt.Sprintf("c%d", i)
		persons = append(persons, p)
	}
	// An alias that is another kept person's name stays with that person
	// only if the two are one; names were merged above, so drop it.
	for _, p := range persons {
		var kept []string
		for _, a := range p.aliases {
			if q, ok := byKey[nameKey(a)]; ok && q != p {
				continue
			}
			kept = append(kept, a)
		}
		p.aliases = kept
		p.terms = mergeTerms(p.terms)
		// Bare surnames.
		keys := strings.Split(groupOf[p], ",")
		for _, sn := range p.surnames {
			if sn != "" && distinctSurname(sn, p, keys, surnameOf, given, englishWords, data.actorWords) {
				if !slices.Contains(p.aliases, sn) && !slices.Contains(p.bare, sn) {
					p.bare = append(p.bare, sn)
					cnt.surnames++
				}
			}
		}
	}
	cnt.kept = len(persons)

	var b bytes.Buffer
	b.WriteString("# Generated by stance/internal/gazgen from the Phoenix country dictionary; do not edit.\n")
	b.WriteString("# Office holders with dated codes of state agents (see officials.go in gazgen for\n")
	b.WriteString("# the rules: codes, dates, countries, names, hand entries, surnames); source gives\n")
	b.WriteString("# the lines of each entry in the dictionary. Two-digit years: yy >= 30 is 19yy,\n")
	b.WriteString("# below 30 20yy; open terms end on the dictionary's date, " + dictDate + ".\n")
	b.WriteString("# Roles: official (GOV), or <sector>_official from the\n")
	b.WriteString("# agent codes (economy_official: GOVBUS, finance, trade, central bank; ...).\n")
	b.WriteString("# All are strict: they count only at a known date within a term.\n")
	fmt.Fprintf(&b, "# %d entries with dated codes, %d kept (%d merged by name), %d bare surnames.\n",
		cnt.persons, cnt.kept, cnt.merged, cnt.surnames)
	b.WriteString("# The body is JSON, which is YAML too, one official a line: the loader reads it\n")
	b.WriteString("# twenty times faster than YAML flow style.\n")
	b.WriteString("#\n")
	b.WriteString(mitNotice)
	b.WriteString("{\"officials\": [\n")
	for i, p := range persons {
		ls := make([]string, len(p.lines))
		for i, l := range p.lines {
			ls[i] = fmt.Sprint(l)
		}
		word := "line"
		if len(ls) > 1 {
			word = "lines"
		}
		o := outOfficial{Name: p.name, Aliases: p.aliases, Surnames: p.bare, Strict: true,
			Source: fmt.Sprintf("Phoenix.Countries.actors.txt %s %s", word, strings.Join(ls, ", "))}
		for _, t := range p.terms {
			o.Terms = append(o.Terms, outTerm{t.country, t.role, t.from.Format(time.DateOnly), t.to.Format(time.DateOnly)})
		}
		line, err := marshalLine(o)
		if err != nil {
			return nil, cnt, err
		}
		b.WriteString("  ")
		b.Write(line)
		if i < len(persons)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), cnt, nil
}

// outOfficial is an official as written, in the loader's schema.
type outOfficial struct {
	Name     string    `json:"name"`
	Aliases  []string  `json:"aliases,omitempty"`
	Surnames []string  `json:"surnames,omitempty"`
	Strict   bool      `json:"strict"`
	Source   string    `json:"source"`
	Terms    []outTerm `json:"terms"`
}

type outTerm struct {
	Country string `json:"country"`
	Role    string `json:"role"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// marshalLine writes v as JSON on one line, without HTML escapes.
func marshalLine(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding official: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func addKey(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

// readGroups parses the dictionary file at path.
func readGroups(path string) ([]group, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening dictionary: %w", err)
	}
	defer f.Close()
	return parseGroups(f)
}

// readWords returns the folded words of the word lists: common words
// ("baker") and names ("Kent", "Audi", "Farsi", "Gemini", "Proust").
func readWords(dicts []string) (map[string]bool, error) {
	words := map[string]bool{}
	for _, path := range dicts {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("reading word list: %w", err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			w := strings.TrimSpace(line)
			if w != "" {
				words[fold(w)] = true
			}
		}
	}
	return words, nil
}

// handReason says why p is left out for a hand-written official, or
// returns "": one of p's names is a hand name or alias (of the same
// person if they share a country), or a hand official with p's surname
// and given names (sameGivenNames) served one of its countries at
// overlapping dates (James and Howard Baker, both USA in 1987, are two).
func handReason(p *person, hand []handOfficial, handKey map[string]int) string {
	for _, a := range append([]string{p.name}, p.aliases...) {
		if i, ok := handKey[nameKey(a)]; ok {
			if sameCountry(p.terms, hand[i].terms) {
				return "hand-written official"
			}
			if nameKey(a) == nameKey(p.name) {
				return "name of a hand-written official of another country"
			}
		}
	}
	if p.surnames[0] == "" {
		return ""
	}
	sk := nameKey(p.surnames[0])
	for _, h := range hand {
		if h.surnameKey == sk && overlap(p.terms, h.terms) && sameGivenNames(p.bareName, h.name) {
			return "hand-written official"
		}
	}
	return ""
}

// nicknames maps short forms of English given names to the full ones.
var nicknames = map[string]string{
	"bob": "robert", "rob": "robert", "bill": "william", "will": "william", "jim": "james",
	"dick": "richard", "rick": "richard", "ted": "edward", "ed": "edward", "tony": "anthony",
	"mike": "michael", "joe": "joseph", "tom": "thomas", "dan": "daniel", "dave": "david",
	"steve": "stephen", "chris": "christopher", "nick": "nicholas", "andy": "andrew",
	"jack": "john", "larry": "lawrence", "ken": "kenneth", "pat": "patrick", "geoff": "geoffrey",
}

// sameGivenNames reports whether two names of one surname may be one
// person's: the words of one (but particles and honorifics) are all in
// the other ("Abdullah Ahmad Badawi", "Datuk Seri Abdullah Ahmad
// Badawi"), or the first names agree: equal, an initial ("F. W. de
// Klerk"), a nickname ("Bob"), a prefix ("Geoff") or one edit apart
// ("Dimitris", "Demetris").
func sameGivenNames(a, b string) bool {
	wa, wb := givenWords(a), givenWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if contains(wa, wb) || contains(wb, wa) {
		return true
	}
	fa, fb := wa[0], wb[0]
	if n, ok := nicknames[fa]; ok {
		fa = n
	}
	if n, ok := nicknames[fb]; ok {
		fb = n
	}
	switch {
	case fa == fb:
		return true
	case len(fa) == 1 || len(fb) == 1:
		return fa[0] == fb[0]
	case len(fa) >= 3 && strings.HasPrefix(fb, fa), len(fb) >= 3 && strings.HasPrefix(fa, fb):
		return true
	}
	return len(fa) >= 5 && len(fb) >= 5 && wordfn.OneEdit(fa, fb)
}

// givenWords returns the folded words of a name but particles and
// honorifics, letters only.
func givenWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if particles[strings.ToUpper(w)] || honorifics[strings.ToUpper(w)] {
			continue
		}
		if k := nameKey(w); k != "" && !particles[strings.ToUpper(k)] {
			out = append(out, k)
		}
	}
	return out
}

// contains reports whether every word of b is in a.
func contains(a, b []string) bool {
	for _, w := range b {
		if !slices.Contains(a, w) {
			return false
		}
	}
	return true
}

// sameCountry reports whether two term lists share a country (or the
// hand official has no terms).
func sameCountry(a, b []stateTerm) bool {
	for _, x := range a {
		for _, y := range b {
			if x.country == y.country {
				return true
			}
		}
	}
	return false
}

// overlap reports whether two term lists have terms for one country at
// overlapping dates.
func overlap(a, b []stateTerm) bool {
	for _, x := range a {
		for _, y := range b {
			if x.country == y.country && !x.to.Before(y.from) && !y.to.Before(x.from) {
				return true
			}
		}
	}
	return false
}

// mergeTerms sorts terms and joins terms of one country and role that
// overlap or touch.
func mergeTerms(ts []stateTerm) []stateTerm {
	sort.SliceStable(ts, func(i, j int) bool {
		if !ts[i].from.Equal(ts[j].from) {
			return ts[i].from.Before(ts[j].from)
		}
		if ts[i].country != ts[j].country {
			return ts[i].country < ts[j].country
		}
		return ts[i].role < ts[j].role
	})
	var out []stateTerm
	for _, t := range ts {
		merged := false
		for k := range out {
			o := &out[k]
			if o.country == t.country && o.role == t.role && !t.from.After(o.to.AddDate(0, 0, 1)) {
				if t.to.After(o.to) {
					o.to = t.to
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, t)
		}
	}
	return out
}

// distinctSurname reports whether surname sn may be an alias of p (see
// the rules at the top of this file). keys are p's entries in surnameOf.
func distinctSurname(sn string, p *person, keys []string, surnameOf map[string]map[string]bool,
	given, englishWords, actorWords map[string]bool) bool {
	f := fold(sn)
	letters := 0
	for _, r := range f {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 4 || englishWords[f] || given[f] || actorWords[f] {
		return false
	}
	if strings.Contains(f, "-") {
		// "al-Assad": the hyphen parts must be checked too.
		for _, part := range strings.Split(f, "-") {
			if !particles[strings.ToUpper(part)] && (englishWords[part] || actorWords[part]) {
				return false
			}
		}
	}
	for _, t := range p.terms {
		if noSurname[t.country] {
			return false
		}
	}
	for k := range surnameOf[f] {
		if !slices.Contains(keys, k) {
			return false
		}
	}
	return true
}

// report writes the counts to log.
func (c officialsCounts) report(log io.Writer) {
	fmt.Fprintf(log, "%s: %d entries, %d with dated codes; %d officials kept (%d entries merged into them by name), %d bare surnames\n",
		officialsFile, c.groups, c.persons, c.kept, c.merged, c.surnames)
	for _, k := range sortedKeys(c.skipped) {
		fmt.Fprintf(log, "  skipped, %s: %d\n", k, c.skipped[k])
	}
	for _, k := range sortedKeys(c.codes) {
		fmt.Fprintf(log, "  codes, %s: %d\n", k, c.codes[k])
	}
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
