package stance

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/stancemon/stancemon/internal/strictyaml"
	"github.com/stancemon/stancemon/stance/internal/words"
)

//go:embed data/cues.yaml
var cueData []byte

// cueBaseData is the generated cue lexicon (data/cues_cameo.yaml, built by
// internal/lexgen from the CAMEO verb dictionary and the CAMEO to PLOVER
// crosswalk), which a lexicon document names as its "base".
//
//go:embed data/cues_cameo.yaml
var cueBaseData []byte

// cueBases are the lexicons a document may name as its base.
var cueBases = map[string][]byte{"cues_cameo.yaml": cueBaseData}

// wordClass is a bit set of the function-word classes of a word form.
type wordClass uint32

// Function-word classes, as listed under "words" in data/cues.yaml.
const (
	wcNegator wordClass = 1 << iota
	wcHedge
	wcSpeech
	wcLocPrep
	wcPrep
	wcDet
	wcAux
	wcBe
	wcClause
	wcRelPron
	wcPronoun
	wcRequest
	wcLight
	wcAuxVerb
	wcQuant
	wcInstitution
	wcForces
	wcCompany
	wcTitle
	wcEcon
	wcNeed
	wcFailure
)

// npWords are the classes of words that may sit inside a noun phrase.
const npWords = wcDet | wcInstitution | wcQuant | wcForces | wcTitle

// wordClassNames maps the YAML names of the classes to their bits, and
// says whether the class matches inflected forms.
var wordClassNames = map[string]struct {
	class   wordClass
	inflect bool
}{
	"negator":     {wcNegator, false},
	"hedge":       {wcHedge, false},
	"speech":      {wcSpeech, true},
	"locprep":     {wcLocPrep, false},
	"prep":        {wcPrep, false},
	"det":         {wcDet, false},
	"aux":         {wcAux, false},
	"be":          {wcBe, false},
	"clause":      {wcClause, false},
	"quant":       {wcQuant, false},
	"econ":        {wcEcon, false},
	"need":        {wcNeed, false},
	"failure":     {wcFailure, false},
	"institution": {wcInstitution, false},
	"forces":      {wcForces, false},
	"company":     {wcCompany, false},
	"title":       {wcTitle, false},
	"relpron":     {wcRelPron, false},
	"pronoun":     {wcPronoun, false},
	"request":     {wcRequest, true},
	"light":       {wcLight, true},
	"auxverb":     {wcAuxVerb, false},
}

// cueFlags are the flags of a cue entry.
type cueFlags uint16

// Cue flags, as written in data/cues.yaml.
const (
	cfSym     cueFlags = 1 << iota // the relation goes both ways
	cfNoun                         // noun only
	cfVerb                         // verb only
	cfLoc                          // a place right after the cue is its target
	cfFrom                         // the object of "from" is its target
	cfObj                          // reaches through the act it names
	cfIntent                       // a conflict act it announces is a threat
	cfGoverns                      // counts only through an act of the other sign
)

// cueDef is one compiled cue entry.
type cueDef struct {
	lemmas []int32 // lemma ids of the words of the phrase
	cat    Category
	sign   float64 // +1 cooperative, -1 conflict
	weight float64 // intensity in (0, 1]
	flags  cueFlags
	// mode is the PLOVER mode of the cue within its category ("release",
	// "heavy-weapons"), as its mode= token gives it; "" if none. It is the
	// codebook's how of the act, not the evidence Mode (mode.go).
	mode string
}

// wordInfo is what the lexicon knows about one lower-case word form.
type wordInfo struct {
	lemma int32 // 0 if the form is no cue word
	class wordClass
}

// lexicon is the compiled cue lexicon. It is immutable once built.
type lexicon struct {
	words   map[string]wordInfo
	byFirst map[int32][]int // first lemma id -> cue ids, longest first
	cues    []cueDef
	lemmas  []string // lemma id -> lemma (index 0 unused)
	// sources holds, by cue id, where a base cue came from ("" for the
	// cues of the document itself).
	sources     []string
	catSign     map[Category]float64
	boilerFirst map[string][][]byte // first word -> boilerplate phrases
	boilerAny   [][]byte            // boilerplate marks that are no word ("©")
	// threatDef is the first THREATEN cue with the intent flag, which an
	// announced act turns a warning into; -1 if none.
	threatDef int32
	// coopDef and conflictDef are the cues a fallback pair takes
	// (structure.go): the first AGREE and DISAPPROVE cues.
	coopDef, conflictDef int32
	// demandDef is the first DEMAND verb cue, which "X said Y must ..."
	// takes (acts.go).
	demandDef int32
}

// lexiconFile is the YAML schema of data/cues.yaml and of the generated
// data/cues_cameo.yaml.
type lexiconFile struct {
	// Base names a generated lexicon (data/cues_cameo.yaml) loaded
	// beneath this one: an entry here wins over a base entry for the same
	// words. Default: none.
	Base       string              `yaml:"base"`
	Categories map[string]int      `yaml:"categories"`
	Cues       map[string][]string `yaml:"cues"`
	Words      map[string][]string `yaml:"words"`
	// Sources maps the words of an entry (first forms, one space apart)
	// to where it came from. Default: none.
	Sources map[string][]string `yaml:"sources"`
}

// knownCategories lists the PLOVER categories the lexicon may use.
var knownCategories = []Category{
	Agree, Consult, Support, Concede, Cooperate, Aid, Retreat, Investigate,
	Demand, Disapprove, Reject, Threaten, Sanction, Protest, Mobilize, Coerce, Assault,
}

// pendingCue is a parsed cue entry before its lemmas are assigned.
type pendingCue struct {
	def    cueDef
	words  []string // as written, "a|b" for irregular forms
	source string   // where a base entry came from; "" for own entries
}

// loadLexicon compiles a cue lexicon document, on top of the base it names.
func loadLexicon(data []byte) (*lexicon, error) {
	var f lexiconFile
	if err := strictyaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("decoding cue lexicon: %w", err)
	}
	own, err := parseCues(&f, nil)
	if err != nil {
		return nil, fmt.Errorf("compiling cue lexicon: %w", err)
	}
	all := own
	if f.Base != "" {
		bdata, ok := cueBases[f.Base]
		if !ok {
			return nil, fmt.Errorf("compiling cue lexicon: base: unknown lexicon %q", f.Base)
		}
		var bf lexiconFile
		if err := strictyaml.Unmarshal(bdata, &bf); err != nil {
			return nil, fmt.Errorf("decoding base cue lexicon %s: %w", f.Base, err)
		}
		if bf.Base != "" || len(bf.Words) > 0 {
			return nil, fmt.Errorf("compiling base cue lexicon %s: a base has no base and no words of its own", f.Base)
		}
		base, err := parseCues(&bf, f.Categories)
		if err != nil {
			return nil, fmt.Errorf("compiling base cue lexicon %s: %w", f.Base, err)
		}
		all = append(all, overlay(own, base)...)
	}
	return compileLexicon(&f, all)
}

// parseCues parses the cue entries of a document, categories in sorted
// order (deterministic lemma ids). signs, if not nil, are the category
// signs of the document on top, which this one must agree with.
func parseCues(f *lexiconFile, signs map[string]int) ([]pendingCue, error) {
	cats := make([]string, 0, len(f.Cues))
	for c := range f.Cues {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var out []pendingCue
	keys := map[string]bool{}
	for _, c := range cats {
		cat := Category(c)
		if !containsCategory(cat) {
			return nil, fmt.Errorf("cues: unknown category %q", c)
		}
		sign, ok := f.Categories[c]
		if !ok || (sign != 1 && sign != -1) {
			return nil, fmt.Errorf("categories: %s needs a sign of 1 or -1", c)
		}
		if top, ok := signs[c]; ok && top != sign {
			return nil, fmt.Errorf("categories: %s has sign %d, the lexicon on top %d", c, sign, top)
		}
		for i, entry := range f.Cues[c] {
			d, words, err := parseCueEntry(entry)
			if err != nil {
				return nil, fmt.Errorf("cues.%s[%d] %q: %w", c, i, entry, err)
			}
			d.cat, d.sign = cat, float64(sign)
			k := cueKey(words)
			keys[k] = true
			out = append(out, pendingCue{def: d, words: words, source: strings.Join(f.Sources[k], "; ")})
		}
	}
	for k := range f.Sources {
		if !keys[k] {
			return nil, fmt.Errorf("sources: %q names no cue entry", k)
		}
	}
	return out, nil
}

// cueKey returns the words of an entry, first forms only, one space apart:
// the key of its sources.
func cueKey(words []string) string {
	first := make([]string, len(words))
	for i, w := range words {
		first[i], _, _ = strings.Cut(w, "|")
	}
	return strings.Join(first, " ")
}

// overlay returns the base entries that no own entry shadows: an own entry
// for the same words wins, whatever its category. Words are the same when
// one is a form of the other that the scorer derives ("sanction",
// "sanctions"; "meet|met", "met").
func overlay(own, base []pendingCue) []pendingCue {
	byFirst := map[string][]int{} // every form of an own entry's first word -> entries
	for i, p := range own {
		for f := range wordForms(p.words[0]) {
			byFirst[f] = append(byFirst[f], i)
		}
	}
	var out []pendingCue
	for _, b := range base {
		if !shadowed(b.words, own, byFirst) {
			out = append(out, b)
		}
	}
	return out
}

// shadowed reports whether an own entry has the same words as words.
func shadowed(words []string, own []pendingCue, byFirst map[string][]int) bool {
	seen := map[int]bool{}
	for f := range wordForms(words[0]) {
		for _, i := range byFirst[f] {
			if seen[i] || len(own[i].words) != len(words) {
				continue
			}
			seen[i] = true
			same := true
			for k := 0; k < len(words) && same; k++ {
				same = sameWord(own[i].words[k], words[k])
			}
			if same {
				return true
			}
		}
	}
	return false
}

// wordForms returns the forms of a cue word ("a|b") and their regular
// inflections.
func wordForms(w string) map[string]bool {
	m := map[string]bool{}
	for _, alt := range strings.Split(w, "|") {
		m[alt] = true
		for _, f := range words.Inflections(alt) {
			m[f] = true
		}
	}
	return m
}

// sameWord reports whether cue words a and b ("a|b" forms) are the same
// word: a form of one is a form of the other as the scorer derives it
// ("sanction", "sanctions"; "meet|met", "met"; but not "aid", "aide").
func sameWord(a, b string) bool {
	fa, fb := wordForms(a), wordForms(b)
	for _, alt := range strings.Split(b, "|") {
		if fa[alt] {
			return true
		}
	}
	for _, alt := range strings.Split(a, "|") {
		if fb[alt] {
			return true
		}
	}
	return false
}

// compileLexicon assigns lemmas to the parsed cues and reads the function
// words of f.
func compileLexicon(f *lexiconFile, cues []pendingCue) (*lexicon, error) {
	lx := &lexicon{words: make(map[string]wordInfo), byFirst: make(map[int32][]int), lemmas: []string{""}, catSign: map[Category]float64{}}
	reg := lemmaRegistry{ids: map[string]int32{}, generated: map[string]int32{}}
	var singles, phrases []pendingCue
	for _, p := range cues {
		lx.catSign[p.def.cat] = p.def.sign
		if len(p.words) == 1 {
			singles = append(singles, p)
		} else {
			phrases = append(phrases, p)
		}
	}
	// Single words first, each its own lemma; then phrases, whose words
	// reuse the lemma of any known form ("lift sanctions" -> "sanction").
	// Own entries come before base ones, so their forms win.
	for _, p := range singles {
		p.def.lemmas = []int32{reg.explicit(lx, p.words[0])}
		lx.cues = append(lx.cues, p.def)
		lx.sources = append(lx.sources, p.source)
	}
	for _, p := range phrases {
		for _, w := range p.words {
			p.def.lemmas = append(p.def.lemmas, reg.reuse(lx, w))
		}
		lx.cues = append(lx.cues, p.def)
		lx.sources = append(lx.sources, p.source)
	}
	generated := reg.generated
	for form, id := range generated {
		if _, explicit := lx.words[form]; !explicit {
			lx.words[form] = wordInfo{lemma: id}
		}
	}
	for name, list := range f.Words {
		if name == "boilerplate" {
			lx.boilerFirst = make(map[string][][]byte, len(list))
			for _, p := range list {
				if p == "" || !isLetterASCII(p[0]) {
					lx.boilerAny = append(lx.boilerAny, []byte(p))
					continue
				}
				first, _, _ := strings.Cut(p, " ")
				lx.boilerFirst[first] = append(lx.boilerFirst[first], []byte(p))
			}
			continue
		}
		wc, ok := wordClassNames[name]
		if !ok {
			return nil, fmt.Errorf("compiling cue lexicon: words: unknown class %q", name)
		}
		for _, w := range list {
			for _, alt := range strings.Split(w, "|") {
				forms := []string{alt}
				if wc.inflect {
					forms = append(forms, words.Inflections(alt)...)
				}
				for _, form := range forms {
					wi := lx.words[form]
					wi.class |= wc.class
					lx.words[form] = wi
				}
			}
		}
	}
	lx.threatDef, lx.demandDef, lx.coopDef, lx.conflictDef = -1, -1, -1, -1
	for id, d := range lx.cues {
		lx.byFirst[d.lemmas[0]] = append(lx.byFirst[d.lemmas[0]], id)
		if lx.threatDef < 0 && d.cat == Threaten && d.flags&cfIntent != 0 {
			lx.threatDef = int32(id)
		}
		if lx.demandDef < 0 && d.cat == Demand && d.flags&cfVerb != 0 {
			lx.demandDef = int32(id)
		}
		if lx.coopDef < 0 && d.cat == Cooperate {
			lx.coopDef = int32(id)
		}
		if lx.conflictDef < 0 && d.cat == Disapprove {
			lx.conflictDef = int32(id)
		}
	}
	for _, ids := range lx.byFirst {
		sort.SliceStable(ids, func(a, b int) bool {
			return len(lx.cues[ids[a]].lemmas) > len(lx.cues[ids[b]].lemmas)
		})
	}
	return lx, nil
}

// containsCategory reports whether c is a PLOVER category.
func containsCategory(c Category) bool {
	for _, k := range knownCategories {
		if k == c {
			return true
		}
	}
	return false
}

// cueFlagNames are the flags a cue entry may carry, by their name in cues.yaml.
var cueFlagNames = map[string]cueFlags{
	"sym": cfSym, "noun": cfNoun, "verb": cfVerb, "loc": cfLoc, "from": cfFrom,
	"obj": cfObj, "intent": cfIntent, "governs": cfGoverns,
}

// modePrefix starts the token of a cue entry that gives its PLOVER mode.
const modePrefix = "mode="

// parseCueEntry parses "words... [weight] [flags...] [mode=NAME]".
func parseCueEntry(entry string) (cueDef, []string, error) {
	d := cueDef{weight: 0.5}
	var words []string
	for _, field := range strings.Fields(entry) {
		if f, ok := cueFlagNames[field]; ok {
			d.flags |= f
			continue
		}
		if name, ok := strings.CutPrefix(field, modePrefix); ok {
			if d.mode != "" {
				return d, nil, fmt.Errorf("more than one mode")
			}
			if !validModeName(name) {
				return d, nil, fmt.Errorf("mode %q is not lower-case letters, digits, '-' and '_'", name)
			}
			d.mode = name
			continue
		}
		if w, err := strconv.ParseFloat(field, 64); err == nil {
			if w <= 0 || w > 1 {
				return d, nil, fmt.Errorf("weight %v is outside (0, 1]", w)
			}
			d.weight = w
			continue
		}
		if field != strings.ToLower(field) {
			return d, nil, fmt.Errorf("word %q is not lower case", field)
		}
		words = append(words, field)
	}
	if len(words) == 0 {
		return d, nil, fmt.Errorf("no cue word")
	}
	if d.flags&cfNoun != 0 && d.flags&cfVerb != 0 {
		return d, nil, fmt.Errorf("a cue cannot be both noun and verb")
	}
	return d, words, nil
}

// validModeName reports whether name can be a PLOVER mode: lower-case
// ASCII letters, digits, '-' and '_' ("martial-law", "pro_autocracy").
func validModeName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// lemmaRegistry assigns lemma ids to cue words while a lexicon is built.
type lemmaRegistry struct {
	ids       map[string]int32 // lemma (first alternative) -> id
	generated map[string]int32 // inflected form -> id of its lemma
}

// explicit registers word ("a|b" for irregular forms) as a lemma of its
// own and returns its id.
func (r *lemmaRegistry) explicit(lx *lexicon, word string) int32 {
	alts := strings.Split(word, "|")
	id, ok := r.ids[alts[0]]
	if !ok {
		id = int32(len(r.ids) + 1)
		r.ids[alts[0]] = id
		lx.lemmas = append(lx.lemmas, alts[0])
	}
	for _, a := range alts {
		wi := lx.words[a]
		if wi.lemma == 0 {
			wi.lemma = id
		}
		lx.words[a] = wi
		for _, form := range words.Inflections(a) {
			if _, seen := r.generated[form]; !seen {
				r.generated[form] = id
			}
		}
	}
	return id
}

// reuse returns the lemma id of a known form of word, or registers it.
func (r *lemmaRegistry) reuse(lx *lexicon, word string) int32 {
	if wi, ok := lx.words[word]; ok && wi.lemma != 0 {
		return wi.lemma
	}
	if id, ok := r.generated[word]; ok {
		return id
	}
	return r.explicit(lx, word)
}

// fallbackDef returns the cue a fallback pair of the given score takes.
func (lx *lexicon) fallbackDef(score float64) int32 {
	if score < 0 {
		return lx.conflictDef
	}
	return lx.coopDef
}
