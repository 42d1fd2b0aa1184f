// Command gazgen writes three generated actor data files of the gazetteer
// (stance/data/actors):
//
//   - historical_phoenix.yaml: former names of states taken from the
//     Phoenix country dictionary (Phoenix.Countries.actors.txt, from
//     openeventdata/petrarch2, petrarch2/data/dictionaries, commit 676801c,
//     MIT licence, copyright (c) 2014 Open Event Data Alliance). Only the
//     names listed in the picks table below are taken; each must be in the
//     dictionary under the expected code, and its dates come from the
//     dictionary where it has them. Names the hand-written files already
//     hold are left out.
//   - officials_phoenix.yaml: the persons of the same dictionary with
//     dated codes of state agents ("[USAGOVBUS 850701-890120]"), as
//     officials with terms; see officials.go for the rules. It needs the
//     English word lists too (bare surnames that are English words are
//     left out), and reads Phoenix.International.actors.txt and
//     Phoenix.MilNonState.actors.txt beside the country dictionary.
//   - not_typos.yaml: the words of English word lists (the Debian wamerican
//     and wbritish lists, /usr/share/dict) that are one edit away from a
//     word the gazetteer corrects (a word of 7 or more letters of a state's
//     name or an official's alias, but not of the strict officials of
//     officials_phoenix.yaml), so that Find never reads them as a
//     misspelt name ("Grenade", "Prussian", "Americas"); and the words of
//     names that are common lower-case words ("republic", "general"), so
//     that Find never corrects into them.
//
// Run it from the repository root after changing names or officials:
//
//	go run ./stance/internal/gazgen -phoenix ../shared/data/lexicons/Phoenix.Countries.actors.txt \
//	    -dict /usr/share/dict/american-english,/usr/share/dict/british-english
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"

	wordfn "github.com/stancemon/stancemon/stance/internal/words"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gazgen:", err)
		os.Exit(1)
	}
}

func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("gazgen", flag.ContinueOnError)
	dir := fs.String("data", "stance/data/actors", "actor data directory")
	phoenix := fs.String("phoenix", "", "Phoenix.Countries.actors.txt (skip the historical and officials files if empty)")
	dicts := fs.String("dict", "", "comma-separated English word lists (skip the officials and not_typos files if empty)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *phoenix != "" {
		known, err := knownPhrases(*dir, historicalFile)
		if err != nil {
			return err
		}
		out, n, err := historicalYAML(*phoenix, known)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*dir, historicalFile), out, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", historicalFile, err)
		}
		fmt.Fprintf(log, "%s: %d phrases\n", historicalFile, n)
	}
	if *phoenix != "" && *dicts != "" {
		// Before not_typos: it reads the officials.
		out, cnt, err := officialsYAML(*phoenix, *dir, strings.Split(*dicts, ","))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*dir, officialsFile), out, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", officialsFile, err)
		}
		cnt.report(log)
	}
	if *dicts != "" {
		out, n, err := notTyposYAML(*dir, strings.Split(*dicts, ","))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*dir, notTyposFile), out, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", notTyposFile, err)
		}
		fmt.Fprintf(log, "%s: %d words\n", notTyposFile, n)
	}
	return nil
}

const (
	historicalFile = "historical_phoenix.yaml"
	notTyposFile   = "not_typos.yaml"
)

const mitNotice = `# The names and dates below come from the Phoenix country dictionary,
# Phoenix.Countries.actors.txt (openeventdata/petrarch2,
# petrarch2/data/dictionaries, commit 676801c), under this licence:
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`

// pick is one name taken from the Phoenix dictionary.
type pick struct {
	entry string // the dictionary entry, as written there ("EAST_GERMANY")
	block string // the code of its dictionary block ("DDR", "BEN")
	text  string // the spelling written to the data ("East Germany")
	form  string // name, demonym, capital or seat
	// set names the dated term set the name reads with (see sets).
	set string
}

// termSet is the reading of a set of former names by date. A term whose
// from is "phoenix" takes the start date of the dictionary block.
type termSet struct {
	comment string
	terms   []setTerm
}

type setTerm struct {
	country, from, to string
}

// sets are the readings of the picked names. A former name of a state
// that was renamed, or that has one successor, reads as the successor
// from the day the name (or the state) came into use, and keeps that
// reading later ("the former Zaire"): the end of the state is a comment.
var sets = map[string]termSet{
	"DDR": {
		comment: "The German Democratic Republic, a state of its own (code DDR, not ISO 3166-1) until\n# reunification on 1990-10-03; after it the names stand for Germany.",
		terms:   []setTerm{{"DDR", "phoenix", "1990-10-02"}, {"DEU", "1990-10-03", ""}},
	},
	"CSK": {
		comment: "Czechoslovakia (CSK until 1993-01-01) reads as Czechia, the larger successor\n# and the one that kept the federal institutions in Prague.",
		terms:   []setTerm{{"CZE", "phoenix", ""}},
	},
	"SCG": {
		comment: "Serbia and Montenegro (SCG until 2006-06-05) reads as Serbia, its continuator.",
		terms:   []setTerm{{"SRB", "phoenix", ""}},
	},
	"SUN": {
		comment: "The Soviet Union reads as Russia, its continuator state.",
		terms:   []setTerm{{"RUS", "", ""}},
	},
	"COD-1971": {
		comment: "Zaire: the name of the Democratic Republic of the Congo from 1971-10-27 to 1997-05-17.",
		terms:   []setTerm{{"COD", "1971-10-27", ""}},
	},
	"COD-1960": {
		comment: "Congo-Leopoldville: the Democratic Republic of the Congo from independence (1960-06-30)\n# until Leopoldville became Kinshasa (1966).",
		terms:   []setTerm{{"COD", "1960-06-30", ""}},
	},
	"BEN": {comment: "Dahomey: Benin until 1975-11-30.", terms: []setTerm{{"BEN", "", ""}}},
	"IRN": {comment: "Persia: Iran until 1935.", terms: []setTerm{{"IRN", "", ""}}},
	"JOR": {comment: "Transjordan: Jordan until 1946.", terms: []setTerm{{"JOR", "", ""}}},
	"TJK": {comment: "Tadzhikistan: Soviet-era spelling of Tajikistan.", terms: []setTerm{{"TJK", "", ""}}},
	"TKM": {comment: "Turkmenia: Soviet-era name of Turkmenistan.", terms: []setTerm{{"TKM", "", ""}}},
	"SUR": {comment: "Dutch Guiana: Suriname until 1975.", terms: []setTerm{{"SUR", "", ""}}},
	"VUT": {comment: "New Hebrides: Vanuatu until 1980.", terms: []setTerm{{"VUT", "", ""}}},
	"TUV": {comment: "Ellice Islands: Tuvalu until 1978.", terms: []setTerm{{"TUV", "", ""}}},
	"GNQ": {comment: "Spanish Guinea: Equatorial Guinea until 1968.", terms: []setTerm{{"GNQ", "", ""}}},
}

// picks lists the names taken, in output order. Names of these blocks not
// listed are left out on purpose: cities and provinces, the Czech and
// Slovak republics within Czechoslovakia, misspellings (Find corrects one
// edit), and names shared with other things (Formosa, Tanganyika,
// Moldavia).
var picks = []pick{
	{"SOVIET_UNION", "SUN", "Soviet Union", "name", "SUN"},
	{"UNION_OF_SOVIET_SOCIALIST_REPUBLICS", "SUN", "Union of Soviet Socialist Republics", "name", "SUN"},
	{"USSR", "SUN", "USSR", "name", "SUN"},
	{"GERMAN_DEMOCRATIC_REPUBLIC", "DDR", "German Democratic Republic", "name", "DDR"},
	{"EAST_GERMANY", "DDR", "East Germany", "name", "DDR"},
	{"EAST_GERMAN", "DDR", "East German", "demonym", "DDR"},
	{"EAST_BERLIN", "DDR", "East Berlin", "capital", "DDR"},
	{"CZECHOSLOVAKIA", "CSK", "Czechoslovakia", "name", "CSK"},
	{"CZECHOSLOVAK_SOCIALIST_REPUBLIC", "CSK", "Czechoslovak Socialist Republic", "name", "CSK"},
	{"CZECHOSLOVAK_FEDERATIVE_REPUBLIC", "CSK", "Czechoslovak Federative Republic", "name", "CSK"},
	{"CZECH_AND_SLOVAK_FEDERATIVE_REPUBLIC", "CSK", "Czech and Slovak Federative Republic", "name", "CSK"},
	{"CZECHOSLOVAK", "CSK", "Czechoslovak", "demonym", "CSK"},
	{"SERBIA_AND_MONTENEGRO", "SCG", "Serbia and Montenegro", "name", "SCG"},
	{"YUGOSLAV_FEDERAL_REPUBLIC", "SCG", "Yugoslav Federal Republic", "name", "SCG"},
	{"ZAIRE_", "COD", "Zaire", "name", "COD-1971"},
	{"CONGO_LEOPOLDVILLE_", "COD", "Congo-Leopoldville", "name", "COD-1960"},
	{"LEOPOLDVILLE_", "COD", "Leopoldville", "capital", "COD-1960"},
	{"DAHOMEY_", "BEN", "Dahomey", "name", "BEN"},
	{"PERSIA_", "IRN", "Persia", "name", "IRN"},
	{"TRANSJORDAN_", "JOR", "Transjordan", "name", "JOR"},
	{"TADZHIKISTAN_", "TJK", "Tadzhikistan", "name", "TJK"},
	{"TURKMENIA_", "TKM", "Turkmenia", "name", "TKM"},
	{"DUTCH_GUIANA_", "SUR", "Dutch Guiana", "name", "SUR"},
	{"NEW_HEBRIDES_", "VUT", "New Hebrides", "name", "VUT"},
	{"ELLICE_ISLANDS_", "TUV", "Ellice Islands", "name", "TUV"},
	{"SPANISH_GUINEA_", "GNQ", "Spanish Guinea", "name", "GNQ"},
}

// block is one entry block of the dictionary: its names (as written, with
// line numbers) and its codes.
type block struct {
	names []string
	lines []int
	codes []string // "DDR 19491007-19901003"
}

// codeRE matches a code line: "[CODE]" or "[CODE dates]".
var codeRE = regexp.MustCompile(`\[([A-Z]{3})(?: ([^\]]*))?\]`)

// parsePhoenix reads the blocks of a Phoenix .actors file: a block starts
// with a name line, continues with "+NAME" lines, and ends with its code
// lines ("\t[CODE ...]", or the code at the end of the first line).
func parsePhoenix(r io.Reader) ([]block, error) {
	var (
		blocks []block
		cur    *block
		n      int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch line[0] {
		case '+':
			if cur == nil {
				return nil, fmt.Errorf("line %d: synonym before any entry", n)
			}
			cur.names = append(cur.names, strings.Fields(line[1:])[0])
			cur.lines = append(cur.lines, n)
		case '\t', ' ':
			if cur != nil {
				for _, m := range codeRE.FindAllStringSubmatch(line, -1) {
					cur.codes = append(cur.codes, strings.TrimSpace(m[1]+" "+m[2]))
				}
			}
		default:
			f := strings.Fields(line)
			blocks = append(blocks, block{names: []string{f[0]}, lines: []int{n}})
			cur = &blocks[len(blocks)-1]
			for _, m := range codeRE.FindAllStringSubmatch(line, -1) {
				cur.codes = append(cur.codes, strings.TrimSpace(m[1]+" "+m[2]))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading dictionary: %w", err)
	}
	return blocks, nil
}

// findPick returns the line of entry p.entry in a block coded p.block, and
// the block's start date (YYYY-MM-DD) if its code has one.
func findPick(blocks []block, p pick) (line int, from string, err error) {
	for _, b := range blocks {
		// The block's code with dates if it has one ("[DDR]" and "[DDR
		// 19491007-19901003]" both code the GDR block).
		code := ""
		for _, c := range b.codes {
			if c != p.block && !strings.HasPrefix(c, p.block+" ") {
				continue
			}
			if code == "" || !strings.Contains(code, " ") && strings.Contains(c, " ") {
				code = c
			}
		}
		if code == "" {
			continue
		}
		for i, nm := range b.names {
			if strings.TrimRight(nm, "_") != strings.TrimRight(p.entry, "_") {
				continue
			}
			if fold(strings.ReplaceAll(strings.TrimRight(nm, "_"), "_", " ")) != fold(strings.ReplaceAll(p.text, "-", " ")) {
				return 0, "", fmt.Errorf("entry %s: spelling %q does not match", p.entry, p.text)
			}
			if _, dates, ok := strings.Cut(code, " "); ok {
				from = phoenixDate(strings.SplitN(dates, "-", 2)[0])
			}
			return b.lines[i], from, nil
		}
	}
	return 0, "", fmt.Errorf("entry %s not found in a block coded %s", p.entry, p.block)
}

// phoenixDate turns "19491007" (or "491007") into "1949-10-07";
// anything else gives "". A two-digit year yy is 19yy if yy >= 30 and
// 20yy below ("070723" is 2007-07-23): the dictionary's dates run from
// the 1930s to 2014.
func phoenixDate(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return ""
		}
	}
	switch len(s) {
	case 6:
		if s[:2] >= "30" {
			s = "19" + s
		} else {
			s = "20" + s
		}
	case 8:
	default:
		return ""
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}

// historicalYAML writes the historical file from the dictionary at path,
// leaving out the phrases in known.
func historicalYAML(path string, known map[string]bool) ([]byte, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("opening dictionary: %w", err)
	}
	defer f.Close()
	blocks, err := parsePhoenix(f)
	if err != nil {
		return nil, 0, err
	}
	var b bytes.Buffer
	b.WriteString("# Generated by stance/internal/gazgen from the Phoenix country dictionary; do not edit.\n")
	b.WriteString("# Former names of states, read by date (see historical in stance/gazetteer.go).\n")
	b.WriteString("# Each name gives the line of its dictionary entry.\n#\n")
	b.WriteString(mitNotice)
	b.WriteString("historical:\n")
	n := 0
	for _, setName := range setOrder() {
		set := sets[setName]
		var forms = map[string][]string{}
		var formOrder []string
		from := ""
		for _, p := range picks {
			if p.set != setName {
				continue
			}
			line, f, err := findPick(blocks, p)
			if err != nil {
				return nil, 0, err
			}
			if f != "" {
				from = f
			}
			if known[fold(p.text)] {
				continue
			}
			if _, ok := forms[p.form]; !ok {
				formOrder = append(formOrder, p.form)
			}
			forms[p.form] = append(forms[p.form], fmt.Sprintf("%s # line %d", yamlString(p.text), line))
			n++
		}
		if len(formOrder) > 0 {
			fmt.Fprintf(&b, "  # %s\n", strings.ReplaceAll(set.comment, "\n# ", "\n  # "))
		}
		for _, form := range formOrder {
			fmt.Fprintf(&b, "  - form: %s\n    names:\n", form)
			for _, nm := range forms[form] {
				fmt.Fprintf(&b, "      - %s\n", nm)
			}
			b.WriteString("    terms:\n")
			for _, t := range set.terms {
				tf := t.from
				if tf == "phoenix" {
					tf = from
				}
				fmt.Fprintf(&b, "      - {country: %s", t.country)
				if tf != "" {
					fmt.Fprintf(&b, ", from: %s", tf)
				}
				if t.to != "" {
					fmt.Fprintf(&b, ", to: %s", t.to)
				}
				b.WriteString("}\n")
			}
		}
	}
	return b.Bytes(), n, nil
}

// setOrder returns the term sets in the order their first pick comes.
func setOrder() []string {
	var order []string
	for _, p := range picks {
		if !slices.Contains(order, p.set) {
			order = append(order, p.set)
		}
	}
	return order
}

func yamlString(s string) string {
	if strings.ContainsAny(s, ":#'\"") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// dataFile is the part of the actor data schema gazgen reads.
type dataFile struct {
	States []struct {
		Code     string   `yaml:"code" json:"code"`
		Names    []string `yaml:"names" json:"names"`
		Demonyms []string `yaml:"demonyms" json:"demonyms"`
		Capitals []string `yaml:"capitals" json:"capitals"`
		Seats    []string `yaml:"seats" json:"seats"`
	} `yaml:"states" json:"states"`
	Organisations []struct {
		Names []string `yaml:"names" json:"names"`
		Seats []string `yaml:"seats" json:"seats"`
	} `yaml:"organisations" json:"organisations"`
	Officials []struct {
		Name     string   `yaml:"name" json:"name"`
		Aliases  []string `yaml:"aliases" json:"aliases"`
		Surnames []string `yaml:"surnames" json:"surnames"`
		Strict   bool     `yaml:"strict" json:"strict"`
		Terms    []struct {
			Country string `yaml:"country" json:"country"`
			From    string `yaml:"from" json:"from"`
			To      string `yaml:"to" json:"to"`
		} `yaml:"terms" json:"terms"`
	} `yaml:"officials" json:"officials"`
	Exclude      []string `yaml:"exclude" json:"exclude"`
	NotSurnames  []string `yaml:"not_surnames" json:"not_surnames"`
	NameSuffixes []string `yaml:"name_suffixes" json:"name_suffixes"`
	Historical   []struct {
		Form  string   `yaml:"form" json:"form"`
		Names []string `yaml:"names" json:"names"`
	} `yaml:"historical" json:"historical"`
}

// readData decodes every data file of dir but skip.
func readData(dir, skip string) ([]dataFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	var files []dataFile
	for _, p := range paths {
		if filepath.Base(p) == skip {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading data: %w", err)
		}
		var f dataFile
		if body := wordfn.SkipCommentLines(data); len(body) > 0 && body[0] == '{' {
			// JSON (which is YAML), as the generated officials file:
			// much faster to read.
			if err := json.Unmarshal(body, &f); err != nil {
				return nil, fmt.Errorf("decoding %s: %w", p, err)
			}
		} else if err := yaml.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("decoding %s: %w", p, err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, errors.New("no data files in " + dir)
	}
	return files, nil
}

// knownPhrases returns the folded phrases of every data file but skip.
func knownPhrases(dir, skip string) (map[string]bool, error) {
	files, err := readData(dir, skip)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	add := func(ps ...[]string) {
		for _, l := range ps {
			for _, p := range l {
				known[fold(p)] = true
			}
		}
	}
	for _, f := range files {
		for _, s := range f.States {
			add(s.Names, s.Demonyms, s.Capitals, s.Seats)
		}
		for _, h := range f.Historical {
			add(h.Names)
		}
	}
	return known, nil
}

// notTyposYAML writes the not_typos file: the dictionary words one edit
// away from a target word, less the words of the gazetteer's phrases.
func notTyposYAML(dir string, dicts []string) ([]byte, int, error) {
	files, err := readData(dir, notTyposFile)
	if err != nil {
		return nil, 0, err
	}
	targets := map[string]bool{}
	words := map[string]bool{}   // every word of every phrase
	singles := map[string]bool{} // targets that are a phrase of their own
	addWords := func(p string, target bool) {
		ws := strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if target && len(ws) == 1 {
			singles[fold(ws[0])] = true
		}
		for _, w := range ws {
			fw := fold(w)
			words[fw] = true
			if target && unicode.IsUpper([]rune(w)[0]) && len(fw) >= 7 && isLowerASCII(fw) {
				targets[fw] = true
			}
		}
	}
	for _, f := range files {
		for _, s := range f.States {
			for _, p := range s.Names {
				addWords(p, true)
			}
			for _, l := range [][]string{s.Demonyms, s.Capitals, s.Seats} {
				for _, p := range l {
					addWords(p, false)
				}
			}
		}
		for _, o := range f.Organisations {
			for _, l := range [][]string{o.Names, o.Seats} {
				for _, p := range l {
					addWords(p, false)
				}
			}
		}
		for _, o := range f.Officials {
			// Strict officials are never corrected into: their words only
			// leave the list.
			addWords(o.Name, !o.Strict)
			for _, p := range append(o.Aliases, o.Surnames...) {
				addWords(p, !o.Strict)
			}
		}
		for _, h := range f.Historical {
			for _, p := range h.Names {
				addWords(p, h.Form == "" || h.Form == "name")
			}
		}
		for _, l := range [][]string{f.Exclude, f.NotSurnames} {
			for _, p := range l {
				addWords(p, false)
			}
		}
	}
	// Symmetric deletion index of the targets.
	del := map[string][]string{}
	for t := range targets {
		del[t] = append(del[t], t)
		for i := range len(t) {
			k := t[:i] + t[i+1:]
			del[k] = append(del[k], t)
		}
	}
	found := map[string]string{} // folded word -> spelling in the list
	for _, path := range dicts {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, 0, fmt.Errorf("reading word list: %w", err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			w := strings.TrimSpace(line)
			fw := fold(w)
			if targets[fw] && w == fw && !singles[fw] {
				// A common word within names ("republic", "general"): no
				// target. A name of its own stays one ("Morocco",
				// "Thatcher").
				found[fw] = w
				continue
			}
			if len(fw) < 7 || !isLowerASCII(fw) || words[fw] {
				continue
			}
			hit := false
			for _, t := range del[fw] {
				hit = hit || wordfn.OneEdit(fw, t)
			}
			for i := 0; i < len(fw) && !hit; i++ {
				for _, t := range del[fw[:i]+fw[i+1:]] {
					hit = hit || wordfn.OneEdit(fw, t)
				}
			}
			if hit {
				if prev, ok := found[fw]; !ok || prev > w {
					found[fw] = w // the upper-case spelling sorts first
				}
			}
		}
	}
	list := make([]string, 0, len(found))
	for _, w := range found {
		list = append(list, w)
	}
	sort.Slice(list, func(i, j int) bool { return fold(list[i]) < fold(list[j]) })
	var b bytes.Buffer
	b.WriteString("# Generated by stance/internal/gazgen; do not edit.\n")
	b.WriteString("# Words of the Debian wamerican and wbritish word lists (SCOWL, 2020.12.07)\n")
	b.WriteString("# that are one edit away from a word Find corrects (a word of 7 or more\n")
	b.WriteString("# letters of a state's name or an official's alias): Find never reads\n")
	b.WriteString("# them as a misspelt name; and the words of names that are common\n")
	b.WriteString("# lower-case words, which Find never corrects into.\n")
	b.WriteString("not_typos:\n")
	for _, w := range list {
		fmt.Fprintf(&b, "  - %s\n", yamlString(w))
	}
	return b.Bytes(), len(list), nil
}

// accents maps the accented Latin letters of the data to their base, as
// stance's foldRune does.
var accents = func() map[rune]rune {
	m := map[rune]rune{}
	for base, rs := range map[rune]string{
		'a': "àáâãäåāăąǎ", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ", 'h': "ĥħ",
		'i': "ìíîïĩīĭįı", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņň", 'o': "òóôõöøōŏő", 'r': "ŕŗř",
		's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżžƶ",
	} {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

// fold lower-cases s, removes accents and straightens apostrophes.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if a, ok := accents[r]; ok {
			r = a
		}
		if r == '\u2019' {
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
