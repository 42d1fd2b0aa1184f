package stance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/stancemon/stancemon/internal/strictyaml"
	"github.com/stancemon/stancemon/stance/internal/words"
)

// gazFile is the YAML schema of an actor data file (embedded or override).
type gazFile struct {
	States        []gazActor    `yaml:"states" json:"states"`
	Organisations []gazActor    `yaml:"organisations" json:"organisations"`
	Officials     []gazOfficial `yaml:"officials" json:"officials"`
	// Exclude lists phrases that match nothing; being longer than the
	// names they contain, they block them ("Washington Post", "New Mexico").
	Exclude []string `yaml:"exclude" json:"exclude"`
	// NotSurnames lists capitalised words that, following a name marked as
	// a given name ("Jordan"), do not make it a person's name ("Jordan
	// King Abdullah", "Chad Monday").
	NotSurnames []string `yaml:"not_surnames" json:"not_surnames"`
	// NameSuffixes lists words that, right after a state's name, demonym
	// or capital, make the phrase the name of something else: a company,
	// a paper, a sports event, a trade round ("Malaysia Airlines", "Japan
	// Times", "French Open", "Doha round").
	NameSuffixes []string `yaml:"name_suffixes" json:"name_suffixes"`
	// Historical lists phrases whose reading depends on the date: former
	// names, seats and demonyms ("East Germany", "Bonn").
	Historical []gazHistorical `yaml:"historical" json:"historical"`
	// Context lists phrases read as another actor when a mention of one of
	// the listed codes is in the same text or sentence ("Tripoli" in a
	// text about Lebanon).
	Context []gazContext `yaml:"context" json:"context"`
	// NotTypos lists words that are never read as a misspelt name, though
	// one edit away from one: English words and names ("Grenade",
	// "Prussian", "Americas").
	NotTypos []string `yaml:"not_typos" json:"not_typos"`
}

// gazHistorical is one set of dated phrases in a data file.
type gazHistorical struct {
	// Form is the form of the phrases: name (the default), demonym,
	// capital or seat.
	Form  string   `yaml:"form" json:"form"`
	Names []string `yaml:"names" json:"names"`
	// Terms give the actor the phrases stand for, by date. Dates are
	// inclusive; an empty from or to leaves that end open. Role must be
	// empty.
	Terms []gazTerm `yaml:"terms" json:"terms"`
}

// gazContext is one context rule in a data file.
type gazContext struct {
	// Phrase is a form of an actor (its reading without context).
	Phrase string `yaml:"phrase" json:"phrase"`
	// When lists the codes whose mentions switch the reading.
	When []string `yaml:"when" json:"when"`
	// Scope is "text" (the default: the whole text given to Find) or
	// "sentence".
	Scope string `yaml:"scope" json:"scope"`
	// Country and Form are the reading in context.
	Country string `yaml:"country" json:"country"`
	Form    string `yaml:"form" json:"form"`
}

// gazActor is one state or organisation in a data file.
type gazActor struct {
	Code     string   `yaml:"code" json:"code"`
	Name     string   `yaml:"name" json:"name"`
	Names    []string `yaml:"names" json:"names"`
	Demonyms []string `yaml:"demonyms" json:"demonyms"`
	Capitals []string `yaml:"capitals" json:"capitals"`
	Seats    []string `yaml:"seats" json:"seats"`
	// GivenNames lists forms (from the lists above) that are also given
	// names: they do not match when followed by a capitalised word that
	// looks like a surname ("Jordan Peterson", "Chad Smith").
	GivenNames []string `yaml:"given_names" json:"given_names"`
	// NotInCaps lists forms that do not match in all-caps text, where they
	// cannot be told from a common word ("WHO").
	NotInCaps []string `yaml:"not_in_caps" json:"not_in_caps"`
	// Replace makes the forms of an override entry replace the existing
	// forms of the actor instead of extending them.
	Replace bool `yaml:"replace" json:"replace"`
}

// gazOfficial is one office holder in a data file.
type gazOfficial struct {
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases" json:"aliases"`
	// Surnames are bare surnames ("Baker"): aliases that count only at a
	// known date within a term, never with the date unknown, where they
	// could be anyone's.
	Surnames []string `yaml:"surnames" json:"surnames"`
	// Strict makes the official count only at a known date within a term
	// (no reading with the date unknown), with the name and aliases
	// written as in the data (an all-caps word in mixed-case text is no
	// match) and never read through a misspelt word: for generated lists
	// of lesser officials (officials_phoenix.yaml), whose names may be
	// other people's.
	Strict bool `yaml:"strict" json:"strict"`
	// Source says where a generated entry comes from (a dictionary line);
	// errors about the entry name it.
	Source string    `yaml:"source" json:"source"`
	Terms  []gazTerm `yaml:"terms" json:"terms"`
}

// gazTerm is one term of office in a data file. Dates are YYYY-MM-DD and
// inclusive; an empty "to" means still in office.
type gazTerm struct {
	Country string `yaml:"country" json:"country"`
	Role    string `yaml:"role" json:"role"`
	From    string `yaml:"from" json:"from"`
	To      string `yaml:"to" json:"to"`
}

// bForm is one phrase of an actor while building.
type bForm struct {
	phrase    string
	form      MentionForm
	layer     int
	given     bool
	notInCaps bool
	where     string // for error messages
}

// bActor is one actor while building.
type bActor struct {
	code  string
	name  string
	kind  ActorKind
	forms []bForm
}

// bOfficial is one official while building.
type bOfficial struct {
	name    string
	strict  bool
	aliases []string
	nSurn   int // the last nSurn aliases are surnames (dated only)
	terms   []bTerm
	where   *offLoc
	layer   int
}

// bTerm is one term while building.
type bTerm struct {
	country  string
	role     string
	from     time.Time
	until    time.Time
	where    string  // of a historical term
	offWhere termLoc // of an official's term
}

// termLoc is where an official's term is, for error messages.
type termLoc struct {
	off *offLoc
	i   int
}

func (l termLoc) String() string { return fmt.Sprintf("%s: terms[%d]", l.off, l.i) }

// location returns where the term is, for error messages.
func (t *bTerm) location() string {
	if t.offWhere.off != nil {
		return t.offWhere.String()
	}
	return t.where
}

// bHistorical is one set of dated phrases while building.
type bHistorical struct {
	forms []bForm
	terms []bTerm
}

// bContext is one context rule while building.
type bContext struct {
	phrase   string
	when     []string
	sentence bool
	country  string
	form     MentionForm
	layer    int
	where    string
}

// gazBuilder merges data documents into a Gazetteer.
type gazBuilder struct {
	actors      map[string]*bActor
	order       []string // codes in first-seen order
	officials   []*bOfficial
	offByName   map[string]int
	excludes    []bForm
	notSurnames []string
	suffixes    []string
	historical  []*bHistorical
	contexts    map[string]*bContext // by phrase key
	notTypos    []string
	lastLayer   int               // layer of the last document added
	docCodes    map[string]string // code -> where, for duplicates within a layer
	layerCodes  map[int]map[string]string
}

func newGazBuilder() *gazBuilder {
	return &gazBuilder{
		actors:     make(map[string]*bActor),
		offByName:  make(map[string]int),
		layerCodes: make(map[int]map[string]string),
		contexts:   make(map[string]*bContext),
	}
}

// decodeGazFile decodes one YAML document strictly (unknown keys are
// errors). An empty document is an empty file. A document whose body,
// after comment lines, is a JSON object is decoded as JSON (which is
// YAML too) twenty times faster: the large generated officials file is
// written so.
func decodeGazFile(doc string, data []byte) (*gazFile, error) {
	f := new(gazFile)
	if body := words.SkipCommentLines(data); len(body) > 0 && body[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(f); err != nil {
			return nil, fmt.Errorf("%s: decoding JSON: %w", doc, err)
		}
		if rest := words.SkipCommentLines(body[dec.InputOffset():]); len(rest) > 0 {
			return nil, fmt.Errorf("%s: decoding JSON: text after the object", doc)
		}
		return f, nil
	}
	if len(bytes.TrimSpace(data)) > 0 {
		if err := strictyaml.Unmarshal(data, f); err != nil {
			return nil, fmt.Errorf("%s: decoding YAML: %w", doc, err)
		}
	}
	return f, nil
}

// addDocument merges one decoded document at the given layer. It does not
// modify f.
func (b *gazBuilder) addDocument(doc string, f *gazFile, layer int) error {
	b.lastLayer = layer
	seen := b.layerCodes[layer]
	if seen == nil {
		seen = make(map[string]string)
		b.layerCodes[layer] = seen
	}
	for sec, list := range [2][]gazActor{f.States, f.Organisations} {
		kind, secName := KindState, "states"
		if sec == 1 {
			kind, secName = KindOrg, "organisations"
		}
		for i := range list {
			a := &list[i]
			where := fmt.Sprintf("%s: %s[%d] (code %q)", doc, secName, i, a.Code)
			if prev, dup := seen[a.Code]; dup {
				return fmt.Errorf("%s: code: duplicate code, first defined at %s", where, prev)
			}
			seen[a.Code] = where
			if err := b.addActor(a, kind, layer, where); err != nil {
				return err
			}
		}
	}
	for i := range f.Officials {
		o := &f.Officials[i]
		where := &offLoc{doc: doc, i: i, name: o.Name, source: o.Source}
		if err := b.addOfficial(o, layer, where); err != nil {
			return err
		}
	}
	for i, p := range f.Exclude {
		where := fmt.Sprintf("%s: exclude[%d]", doc, i)
		if err := checkPhrase(p); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		b.excludes = append(b.excludes, bForm{phrase: p, layer: layer, where: where})
	}
	for i, p := range f.NotSurnames {
		if err := checkPhrase(p); err != nil {
			return fmt.Errorf("%s: not_surnames[%d]: %w", doc, i, err)
		}
		b.notSurnames = append(b.notSurnames, p)
	}
	for i, p := range f.NameSuffixes {
		if err := checkSuffix(p); err != nil {
			return fmt.Errorf("%s: name_suffixes[%d]: %w", doc, i, err)
		}
		b.suffixes = append(b.suffixes, p)
	}
	for i := range f.Historical {
		where := fmt.Sprintf("%s: historical[%d]", doc, i)
		if err := b.addHistorical(&f.Historical[i], layer, where); err != nil {
			return err
		}
	}
	for i := range f.Context {
		c := &f.Context[i]
		where := fmt.Sprintf("%s: context[%d] (phrase %q)", doc, i, c.Phrase)
		if err := b.addContext(c, layer, where); err != nil {
			return err
		}
	}
	for i, w := range f.NotTypos {
		if err := checkSuffix(w); err != nil {
			return fmt.Errorf("%s: not_typos[%d]: %w", doc, i, err)
		}
		b.notTypos = append(b.notTypos, w)
	}
	return nil
}

// parseForm parses the form of a historical entry or a context rule.
func parseForm(s string) (MentionForm, error) {
	switch s {
	case "", "name":
		return FormName, nil
	case "demonym":
		return FormDemonym, nil
	case "capital":
		return FormCapital, nil
	case "seat":
		return FormSeat, nil
	}
	return 0, fmt.Errorf("%q is not one of name, demonym, capital, seat", s)
}

// addHistorical validates one set of dated phrases and adds it. Countries
// are checked in build.
func (b *gazBuilder) addHistorical(h *gazHistorical, layer int, where string) error {
	form, err := parseForm(h.Form)
	if err != nil {
		return fmt.Errorf("%s: form: %w", where, err)
	}
	if len(h.Names) == 0 {
		return fmt.Errorf("%s: names: no phrase", where)
	}
	if len(h.Terms) == 0 {
		return fmt.Errorf("%s: terms: a historical entry needs at least one term", where)
	}
	bh := &bHistorical{}
	for i, p := range h.Names {
		if err := checkPhrase(p); err != nil {
			return fmt.Errorf("%s: names[%d]: %w", where, i, err)
		}
		bh.forms = append(bh.forms, bForm{phrase: p, form: form, layer: layer,
			where: fmt.Sprintf("%s: names[%d]", where, i)})
	}
	for i, t := range h.Terms {
		tw := fmt.Sprintf("%s: terms[%d]", where, i)
		if t.Country == "" {
			return fmt.Errorf("%s: country: empty country", tw)
		}
		if t.Role != "" {
			return fmt.Errorf("%s: role: a historical term has no role", tw)
		}
		bt := bTerm{country: t.Country, where: tw}
		if t.From != "" {
			if bt.from, err = parseDay(t.From); err != nil {
				return fmt.Errorf("%s: from: %w", tw, err)
			}
		}
		if t.To != "" {
			to, err := parseDay(t.To)
			if err != nil {
				return fmt.Errorf("%s: to: %w", tw, err)
			}
			if to.Before(bt.from) {
				return fmt.Errorf("%s: to: %s is before from %s", tw, t.To, t.From)
			}
			bt.until = to.AddDate(0, 0, 1)
		}
		bh.terms = append(bh.terms, bt)
	}
	b.historical = append(b.historical, bh)
	return nil
}

// addContext validates one context rule and adds it; a rule of a later
// layer replaces the rule of the same phrase.
func (b *gazBuilder) addContext(c *gazContext, layer int, where string) error {
	if err := checkPhrase(c.Phrase); err != nil {
		return fmt.Errorf("%s: phrase: %w", where, err)
	}
	form, err := parseForm(c.Form)
	if err != nil {
		return fmt.Errorf("%s: form: %w", where, err)
	}
	if c.Country == "" {
		return fmt.Errorf("%s: country: empty country", where)
	}
	if len(c.When) == 0 {
		return fmt.Errorf("%s: when: no code", where)
	}
	bc := &bContext{phrase: c.Phrase, when: c.When, country: c.Country, form: form, layer: layer, where: where}
	switch c.Scope {
	case "", "text":
	case "sentence":
		bc.sentence = true
	default:
		return fmt.Errorf("%s: scope: %q is not text or sentence", where, c.Scope)
	}
	key := phraseKey(c.Phrase)
	if prev, ok := b.contexts[key]; ok && prev.layer == layer {
		return fmt.Errorf("%s: phrase: duplicate context rule, first defined at %s", where, prev.where)
	}
	b.contexts[key] = bc
	return nil
}

// checkSuffix checks that p is a single word.
func checkSuffix(p string) error {
	if err := checkPhrase(p); err != nil {
		return err
	}
	if s, e, _ := nextToken(p, 0); s != 0 || e != len(p) {
		return fmt.Errorf("%q is not a single word", p)
	}
	return nil
}

// addActor validates one actor entry and merges it.
func (b *gazBuilder) addActor(a *gazActor, kind ActorKind, layer int, where string) error {
	if err := checkCode(a.Code, kind); err != nil {
		return fmt.Errorf("%s: code: %w", where, err)
	}
	cur, exists := b.actors[a.Code]
	if exists && cur.kind != kind {
		return fmt.Errorf("%s: code: %s is already defined as a %s", where, a.Code, cur.kind)
	}
	if !exists {
		if strings.TrimSpace(a.Name) == "" {
			return fmt.Errorf("%s: name: empty name", where)
		}
		cur = &bActor{code: a.Code, kind: kind}
		b.actors[a.Code] = cur
		b.order = append(b.order, a.Code)
	}
	if a.Name != "" {
		cur.name = strings.TrimSpace(a.Name)
	}
	if a.Replace {
		cur.forms = cur.forms[:0]
	}
	nameForm := FormName
	if kind == KindOrg {
		nameForm = FormOrgName
	}
	lists := []struct {
		field string
		list  []string
		form  MentionForm
	}{
		{"names", a.Names, nameForm},
		{"demonyms", a.Demonyms, FormDemonym},
		{"capitals", a.Capitals, FormCapital},
		{"seats", a.Seats, FormSeat},
	}
	mine := make(map[string]int) // phrase -> index in cur.forms (this entry)
	for _, l := range lists {
		for i, p := range l.list {
			if err := checkPhrase(p); err != nil {
				return fmt.Errorf("%s: %s[%d]: %w", where, l.field, i, err)
			}
			mine[p] = len(cur.forms)
			cur.forms = append(cur.forms, bForm{
				phrase: p, form: l.form, layer: layer,
				where: fmt.Sprintf("%s: %s[%d]", where, l.field, i),
			})
		}
	}
	for i, p := range a.GivenNames {
		j, ok := findForm(cur.forms, p)
		if !ok {
			return fmt.Errorf("%s: given_names[%d]: %q is not a form of %s", where, i, p, a.Code)
		}
		cur.forms[j].given = true
	}
	for i, p := range a.NotInCaps {
		j, ok := findForm(cur.forms, p)
		if !ok {
			return fmt.Errorf("%s: not_in_caps[%d]: %q is not a form of %s", where, i, p, a.Code)
		}
		cur.forms[j].notInCaps = true
	}
	return nil
}

// findForm returns the index of the last form with the given phrase.
func findForm(forms []bForm, p string) (int, bool) {
	for j := len(forms) - 1; j >= 0; j-- {
		if forms[j].phrase == p {
			return j, true
		}
	}
	return 0, false
}

// offLoc is where an official is, for error messages: written only when
// needed, as the embedded data hold many thousand officials.
type offLoc struct {
	doc          string
	i            int
	name, source string
}

func (l *offLoc) String() string {
	if l.source != "" {
		return fmt.Sprintf("%s: officials[%d] (name %q, from %s)", l.doc, l.i, l.name, l.source)
	}
	return fmt.Sprintf("%s: officials[%d] (name %q)", l.doc, l.i, l.name)
}

// addOfficial validates one official entry and merges it. Countries are
// checked in build, once every document is in.
func (b *gazBuilder) addOfficial(o *gazOfficial, layer int, where *offLoc) error {
	name := strings.TrimSpace(o.Name)
	if name == "" {
		return fmt.Errorf("%s: name: empty name", where)
	}
	bo := &bOfficial{name: name, strict: o.Strict, where: where, layer: layer}
	bo.aliases = append(bo.aliases, name)
	for i, a := range o.Aliases {
		if err := checkPhrase(a); err != nil {
			return fmt.Errorf("%s: aliases[%d]: %w", where, i, err)
		}
		if !slices.Contains(bo.aliases, a) {
			bo.aliases = append(bo.aliases, a)
		}
	}
	for i, a := range o.Surnames {
		if err := checkPhrase(a); err != nil {
			return fmt.Errorf("%s: surnames[%d]: %w", where, i, err)
		}
		if slices.Contains(bo.aliases, a) {
			return fmt.Errorf("%s: surnames[%d]: %q is also the name or an alias", where, i, a)
		}
		bo.aliases = append(bo.aliases, a)
		bo.nSurn++
	}
	if err := checkPhrase(name); err != nil {
		return fmt.Errorf("%s: name: %w", where, err)
	}
	if len(o.Terms) == 0 {
		return fmt.Errorf("%s: terms: an official needs at least one term", where)
	}
	bo.terms = make([]bTerm, 0, len(o.Terms))
	for i, t := range o.Terms {
		tw := termLoc{off: where, i: i}
		if t.Country == "" {
			return fmt.Errorf("%s: country: empty country", tw)
		}
		if !isRole(t.Role) {
			return fmt.Errorf("%s: role: %q is not a lower_snake_case role", tw, t.Role)
		}
		from, err := parseDay(t.From)
		if err != nil {
			return fmt.Errorf("%s: from: %w", tw, err)
		}
		bt := bTerm{country: t.Country, role: t.Role, from: from, offWhere: tw}
		if t.To != "" {
			to, err := parseDay(t.To)
			if err != nil {
				return fmt.Errorf("%s: to: %w", tw, err)
			}
			if to.Before(from) {
				return fmt.Errorf("%s: to: %s is before from %s", tw, t.To, t.From)
			}
			bt.until = to.AddDate(0, 0, 1)
		}
		bo.terms = append(bo.terms, bt)
	}
	if i, ok := b.offByName[name]; ok {
		if prev := b.officials[i]; prev.layer == layer {
			return fmt.Errorf("%s: name: duplicate official, first defined at %s", where, prev.where)
		}
		b.officials[i] = bo
		return nil
	}
	b.offByName[name] = len(b.officials)
	b.officials = append(b.officials, bo)
	return nil
}

// parseDay parses a YYYY-MM-DD date as midnight UTC.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("empty date")
	}
	// The common case without time.Parse: the embedded data hold tens of
	// thousands of dates.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, okY := digits(s[:4])
		m, okM := digits(s[5:7])
		d, okD := digits(s[8:])
		if okY && okM && okD {
			t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if t.Year() == y && int(t.Month()) == m && t.Day() == d {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q, want YYYY-MM-DD", s)
}

// digits reads a run of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// isRole reports whether s is a non-empty lower_snake_case identifier.
func isRole(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// checkCode validates an actor code: 3 upper-case letters for states, 2 to
// 12 upper-case letters or digits (starting with a letter) for organisations.
func checkCode(code string, kind ActorKind) error {
	if code == "" {
		return errors.New("empty code")
	}
	if kind == KindState {
		if len(code) != 3 || !isUpperAlnum(code, false) {
			return fmt.Errorf("state code %q must be 3 upper-case letters", code)
		}
		return nil
	}
	if len(code) < 2 || len(code) > 12 || code[0] < 'A' || code[0] > 'Z' || !isUpperAlnum(code, true) {
		return fmt.Errorf("organisation code %q must be 2 to 12 upper-case letters or digits, starting with a letter", code)
	}
	return nil
}

func isUpperAlnum(s string, digits bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || digits && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// checkPhrase validates a phrase: non-empty, at most maxPhraseTokens
// tokens, no token longer than maxTokenBytes once folded.
func checkPhrase(p string) error {
	if strings.TrimSpace(p) == "" {
		return errors.New("empty name")
	}
	n := 0
	var buf [maxTokenBytes]byte
	for pos := 0; ; {
		s, e, _ := nextToken(p, pos)
		if s < 0 {
			break
		}
		if _, ok := foldToken(&buf, p[s:e]); !ok {
			return fmt.Errorf("%q: token %q is longer than %d bytes", p, p[s:e], maxTokenBytes)
		}
		n++
		pos = e
	}
	if n > maxPhraseTokens {
		return fmt.Errorf("%q has %d tokens, at most %d allowed", p, n, maxPhraseTokens)
	}
	return nil
}

// owner is who owns a phrase key while building.
type owner struct {
	actor int // actor id, or -1 for an exclude phrase or a dated phrase
	dated int // 1 + index of the dated phrase set in Gazetteer.dated; 0 if none
	form  bForm
}

// build checks cross references and compiles the matcher.
func (b *gazBuilder) build() (*Gazetteer, error) {
	g := &Gazetteer{byCode: make(map[string]int, len(b.actors))}
	codes := slices.Clone(b.order)
	slices.Sort(codes)
	for _, c := range codes {
		a := b.actors[c]
		g.byCode[c] = len(g.actors)
		g.actors = append(g.actors, actor{code: c, name: a.name, kind: a.kind})
		if a.kind == KindState {
			g.stats.states++
		} else {
			g.stats.orgs++
		}
	}
	g.codes = codes

	// Phrases of actors and excludes: one owner per folded key.
	owners := make(map[string]owner)
	variants := make(map[string][]bForm) // more spellings of the owner's phrase
	var keys []string                    // insertion order, for determinism
	claim := func(key string, o owner) error {
		prev, ok := owners[key]
		if !ok {
			owners[key] = o
			keys = append(keys, key)
			return nil
		}
		if prev.actor == o.actor && prev.dated == o.dated {
			// Same actor twice ("Élysée" and "Elysee", "Washington
			// State" and "Washington state"): keep both spellings, as
			// case is checked against each.
			if !slices.ContainsFunc(variants[key], func(f bForm) bool { return f.phrase == o.form.phrase }) {
				variants[key] = append(variants[key], o.form)
			}
			return nil
		}
		if prev.form.layer == o.form.layer {
			return fmt.Errorf("%s: %q names %s, but it already names %s at %s",
				o.form.where, o.form.phrase, b.ownerName(g, o), b.ownerName(g, prev), prev.form.where)
		}
		if o.form.layer > prev.form.layer {
			owners[key] = o
			variants[key] = nil
		}
		return nil
	}
	for _, c := range codes {
		id := g.byCode[c]
		for _, f := range b.actors[c].forms {
			if err := claim(phraseKey(f.phrase), owner{actor: id, form: f}); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range b.excludes {
		if err := claim(phraseKey(f.phrase), owner{actor: -1, form: f}); err != nil {
			return nil, err
		}
	}
	// Dated phrases: one set of terms per historical entry.
	for hi, h := range b.historical {
		set := official{name: h.forms[0].phrase}
		for _, t := range h.terms {
			id, ok := g.byCode[t.country]
			if !ok {
				return nil, fmt.Errorf("%s: country: unknown country or organisation %q", t.location(), t.country)
			}
			set.terms = append(set.terms, term{actor: id, from: t.from, until: t.until})
		}
		g.dated = append(g.dated, set)
		for _, f := range h.forms {
			if err := claim(phraseKey(f.phrase), owner{actor: -1, dated: hi + 1, form: f}); err != nil {
				return nil, err
			}
		}
	}
	g.m.init()
	// Room for the trie: about two nodes per phrase or alias.
	n := len(keys)
	for _, bo := range b.officials {
		n += len(bo.aliases)
	}
	g.m.nodes = slices.Grow(g.m.nodes, 2*n)
	for _, k := range keys {
		o := owners[k]
		for _, f := range append([]bForm{o.form}, variants[k]...) {
			g.m.add(f.phrase, cand{actor: int32(o.actor), dated: int32(o.dated), form: f.form, given: f.given, notInCaps: f.notInCaps})
		}
		switch {
		case o.dated > 0:
			g.stats.dated++
		case o.actor < 0:
			g.stats.excludes++
		default:
			g.stats.phrases++
		}
	}
	if err := b.buildContexts(g, owners); err != nil {
		return nil, err
	}

	// Officials.
	for oi, bo := range b.officials {
		off := official{name: bo.name, strict: bo.strict}
		for _, t := range bo.terms {
			id, ok := g.byCode[t.country]
			if !ok {
				return nil, fmt.Errorf("%s: country: unknown country or organisation %q", t.location(), t.country)
			}
			off.terms = append(off.terms, term{actor: id, role: t.role, from: t.from, until: t.until})
		}
		g.offs = append(g.offs, off)
		g.stats.officials++
		g.stats.terms += len(off.terms)
		for i, a := range bo.aliases {
			g.m.addOfficial(a, int32(oi), i >= len(bo.aliases)-bo.nSurn)
		}
	}
	for _, w := range b.notSurnames {
		g.m.addNotSurname(w)
	}
	for _, w := range b.suffixes {
		g.m.addSuffix(w)
	}
	g.m.finish(g)
	g.m.buildFuzzy(g, b.notTypos)
	return g, nil
}

// buildContexts compiles the context rules: each phrase must be a form of
// an actor, whose candidates get the rule.
func (b *gazBuilder) buildContexts(g *Gazetteer, owners map[string]owner) error {
	keys := make([]string, 0, len(b.contexts))
	for k := range b.contexts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		c := b.contexts[k]
		o, ok := owners[k]
		if !ok || o.actor < 0 {
			if c.layer < b.lastLayer {
				continue // a later document took the phrase away
			}
			return fmt.Errorf("%s: phrase: %q is not a form of an actor", c.where, c.phrase)
		}
		id, ok := g.byCode[c.country]
		if !ok {
			return fmt.Errorf("%s: country: unknown country or organisation %q", c.where, c.country)
		}
		r := ctxRule{actor: int32(id), form: c.form, sentence: c.sentence}
		for i, w := range c.when {
			wid, ok := g.byCode[w]
			if !ok {
				return fmt.Errorf("%s: when[%d]: unknown country or organisation %q", c.where, i, w)
			}
			r.when = append(r.when, int32(wid))
		}
		g.rules = append(g.rules, r)
		n, ok := g.m.lookup(c.phrase)
		if !ok {
			return fmt.Errorf("%s: phrase: %q is not a form of an actor", c.where, c.phrase)
		}
		for ci := range g.m.nodes[n].cands {
			if cd := &g.m.nodes[n].cands[ci]; cd.actor == int32(o.actor) {
				cd.rule = uint16(len(g.rules))
			}
		}
	}
	return nil
}

func (b *gazBuilder) ownerName(g *Gazetteer, o owner) string {
	switch {
	case o.dated > 0:
		return "a historical entry"
	case o.actor < 0:
		return "nothing (exclude)"
	}
	return g.actors[o.actor].code
}

// phraseKey returns the folded key of a phrase: its folded tokens and the
// spacing between them.
func phraseKey(p string) string {
	var sb strings.Builder
	var buf [maxTokenBytes]byte
	for pos, i := 0, 0; ; i++ {
		s, e, gap := nextToken(p, pos)
		if s < 0 {
			break
		}
		if i > 0 {
			if gap {
				sb.WriteByte(' ')
			} else {
				sb.WriteByte(0)
			}
		}
		n, _ := foldToken(&buf, p[s:e])
		sb.Write(buf[:n])
		pos = e
	}
	return sb.String()
}
