package stance

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"
)

// ActorKind says whether an actor is a state or an organisation.
type ActorKind uint8

// Actor kinds. The zero value means "unknown actor".
const (
	// KindState is a sovereign (or de facto sovereign) state: USA, TWN, PSE, ...
	KindState ActorKind = iota + 1
	// KindOrg is an international organisation: NATO, EU, UN, UNSC, ...
	KindOrg
)

// MarshalText returns the String form, so JSON shows "state" or "org".
func (k ActorKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses the String form.
func (k *ActorKind) UnmarshalText(b []byte) error {
	switch string(b) {
	case "state":
		*k = KindState
	case "org":
		*k = KindOrg
	case "unknown", "":
		*k = 0
	default:
		return fmt.Errorf("unknown actor kind %q", b)
	}
	return nil
}

// String returns "state", "org" or "unknown".
func (k ActorKind) String() string {
	switch k {
	case KindState:
		return "state"
	case KindOrg:
		return "org"
	}
	return "unknown"
}

// MentionForm says how the actor was named.
type MentionForm uint8

// Mention forms.
const (
	// FormName is a name of a state ("Russia", "U.S.", "North Korea").
	FormName MentionForm = iota + 1
	// FormDemonym is an adjective or a people ("Russian", "Chinese", "Israelis").
	FormDemonym
	// FormCapital is a capital city standing for its government ("Moscow").
	FormCapital
	// FormSeat is a seat of power standing for a government ("the Kremlin").
	FormSeat
	// FormOfficial is an office holder in office at the article date ("Putin").
	FormOfficial
	// FormOrgName is a name of an organisation ("NATO", "United Nations").
	FormOrgName
)

// String returns the lower-case name of the form ("name", "demonym", ...).
func (f MentionForm) String() string {
	switch f {
	case FormName:
		return "name"
	case FormDemonym:
		return "demonym"
	case FormCapital:
		return "capital"
	case FormSeat:
		return "seat"
	case FormOfficial:
		return "official"
	case FormOrgName:
		return "org_name"
	}
	return "unknown"
}

// Mention is one actor mention in a text.
type Mention struct {
	// Code is the actor code: ISO 3166-1 alpha-3 for states ("USA", plus
	// "XKX" for Kosovo), a short upper-case name for organisations ("NATO").
	Code string
	// Kind is the kind of the actor named by Code.
	Kind ActorKind
	// Form says how the actor was named.
	Form MentionForm
	// Start and End are byte offsets of the mention in the text given to
	// Find; a possessive "'s" is not included.
	Start, End int
	// Role is the office of an official ("head_of_state",
	// "head_of_government", "foreign_minister", "defence_minister",
	// "secretary_general", ...) for FormOfficial, and "" otherwise.
	Role string

	rule uint16 // 1 + index of a context rule still to apply; 0 in results
}

// Gazetteer finds mentions of states, organisations and their officials in
// text. A Gazetteer is immutable once loaded and safe for concurrent use.
type Gazetteer struct {
	actors []actor         // indexed by actor id
	byCode map[string]int  // code -> actor id
	codes  []string        // sorted
	offs   []official      // officials
	dated  []official      // dated phrase sets (historical entries); no roles
	rules  []ctxRule       // context rules
	m      matcher         // phrase trie
	stats  gazetteerCounts // for tests and reports
}

// ctxRule is one compiled context rule: a phrase reads as actor (with
// form) when a mention of one of the actors when is in the same text, or
// the same sentence.
type ctxRule struct {
	when     []int32
	sentence bool
	actor    int32
	form     MentionForm
}

// actor is one compiled state or organisation.
type actor struct {
	code string
	name string
	kind ActorKind
}

// official is one compiled office holder.
type official struct {
	name   string
	strict bool // see gazOfficial.Strict
	terms  []term
}

// term is one compiled term of office: [from, until) in UTC.
type term struct {
	actor int // actor id of the country or organisation
	role  string
	from  time.Time
	until time.Time // exclusive: the day after "to"; zero if still in office
}

// gazetteerCounts counts what a Gazetteer holds.
type gazetteerCounts struct {
	states, orgs, officials, terms, phrases, excludes, dated, fuzzyTargets int
}

//go:embed data/actors/*.yaml
var actorData embed.FS

// LoadGazetteer loads the embedded actor data (stance/data/actors/*.yaml),
// then each override document in order. Override documents use the same
// YAML schema as the embedded files:
//
//	states:        [{code, name, names, demonyms, capitals, seats, given_names, not_in_caps, replace}]
//	organisations: [{code, name, names, ...same fields...}]
//	officials:     [{name, aliases, surnames, strict, source, terms: [{country, role, from, to}]}]
//	exclude:       [phrases that match nothing, e.g. "Washington Post"]
//	not_surnames:  [words that do not make "Jordan X" a person, e.g. "Monday"]
//	name_suffixes: [words that make "X word" no state, e.g. "Airlines"]
//	historical:    [{form, names, terms: [{country, from, to}]}]
//	context:       [{phrase, when: [codes], scope, country, form}]
//	not_typos:     [words never read as a misspelt name, e.g. "Grenade"]
//
// Term dates are YYYY-MM-DD, inclusive; a term without "to" is current.
// Surnames are bare surnames ("Baker"): aliases that count only at a
// known date within a term. A strict official counts only at a known
// date within a term, written as in the data (in mixed-case text an
// all-caps word is no match), not followed by a word that looks like a
// surname, and never through a misspelt word; the generated
// officials_phoenix.yaml, office holders of the Phoenix country
// dictionary, are all strict. Source names where a generated entry comes
// from, for error messages. A document whose body, after its comment
// lines, is a JSON object is decoded as JSON (which is YAML).
//
// A historical entry gives phrases (former names, seats, demonyms) whose
// reading depends on the date: "East Germany" is DDR until 1990-10-02 and
// DEU from 1990-10-03, "Bonn" is the seat of DEU until 1999. Its form is
// name (the default), demonym, capital or seat; its terms have no role,
// and an empty from or to leaves that end open. At a date in no term the
// phrases match nothing; with the date unknown they read as the latest
// term, as officials do. The German Democratic Republic is the state
// DDR, with no forms of its own. Former names of renamed states read as
// the successor (Zaire: COD; Czechoslovakia: CZE; Yugoslavia: SRB; the
// Soviet Union: RUS).
//
// A context rule reads a phrase that is a form of an actor as another
// actor (with the given form) when a mention of one of the codes in when
// is in the same text (scope text, the default) or the same sentence
// (scope sentence): "Tripoli" is LBY, and LBN in a text that names
// Lebanon; "Brussels" is the EU's seat, and Belgium's capital in a
// sentence that names Belgium; bare "Congo" is COD, and COG in a text
// that names the Republic of the Congo. A rule whose phrase a later
// document takes away is dropped.
// State codes are 3 upper-case letters, organisation codes 2 to 12
// upper-case letters or digits. stance/data/actors/README.md describes the
// matching rules and the choices made in the data.
//
// Merge rules, applied per override document:
//
//   - An actor whose code is new adds an actor, so a fictional world is
//     possible. Its kind is the section it is listed in.
//   - An actor whose code already exists extends it: a non-empty name
//     replaces the canonical name and the listed forms are added to the
//     existing ones; with "replace: true" the listed forms replace all the
//     existing forms instead. An existing code cannot change section.
//   - A phrase (name, demonym, ...) given to one actor by a later document
//     is taken away from the actor that had it before; within one document
//     (and within the embedded data as a whole) a phrase naming two
//     different actors is an error.
//   - An official whose name already exists in an earlier document is
//     replaced as a whole (aliases and terms); a new name adds an
//     official. A code or an official name given twice in one document
//     (or in the embedded data) is an error.
//   - Exclude phrases, name suffixes, historical entries and not_typos
//     words are added to the existing ones; a context rule replaces the
//     rule of the same phrase of an earlier document (within one
//     document, two rules of one phrase are an error).
//
// Errors name the document, the entry and the field, for example
// `override 1: states[0] (code "fre"): code: state code "fre" must be 3 upper-case letters`.
func LoadGazetteer(overrides ...[]byte) (*Gazetteer, error) {
	base, err := embeddedActorFiles()
	if err != nil {
		return nil, fmt.Errorf("loading gazetteer: %w", err)
	}
	b := newGazBuilder()
	for _, f := range base {
		// All embedded files form layer 0: a phrase or code given twice
		// there is an error, whatever the file.
		if err := b.addDocument(f.name, f.file, 0); err != nil {
			return nil, fmt.Errorf("loading gazetteer: %w", err)
		}
	}
	for i, data := range overrides {
		doc := fmt.Sprintf("override %d", i+1)
		f, err := decodeGazFile(doc, data)
		if err != nil {
			return nil, fmt.Errorf("loading gazetteer: %w", err)
		}
		if err := b.addDocument(doc, f, i+1); err != nil {
			return nil, fmt.Errorf("loading gazetteer: %w", err)
		}
	}
	g, err := b.build()
	if err != nil {
		return nil, fmt.Errorf("loading gazetteer: %w", err)
	}
	return g, nil
}

// namedGazFile is a decoded embedded data file.
type namedGazFile struct {
	name string
	file *gazFile
}

// embeddedActorFiles decodes the embedded data once; the decoded files
// are shared and never modified.
var embeddedActorFiles = sync.OnceValues(func() ([]namedGazFile, error) {
	entries, err := fs.ReadDir(actorData, "data/actors")
	if err != nil {
		return nil, fmt.Errorf("reading embedded actor data: %w", err)
	}
	var files []namedGazFile
	for _, e := range entries {
		name := "data/actors/" + e.Name()
		data, err := actorData.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("reading embedded actor data: %w", err)
		}
		f, err := decodeGazFile(name, data)
		if err != nil {
			return nil, err
		}
		files = append(files, namedGazFile{name: name, file: f})
	}
	return files, nil
})

// Kind returns the kind of the actor with the given code, or 0 if the code
// is unknown.
func (g *Gazetteer) Kind(code string) ActorKind {
	if id, ok := g.byCode[code]; ok {
		return g.actors[id].kind
	}
	return 0
}

// Name returns the canonical name of the actor with the given code
// ("United States" for "USA"), or "" if the code is unknown.
func (g *Gazetteer) Name(code string) string {
	if id, ok := g.byCode[code]; ok {
		return g.actors[id].name
	}
	return ""
}

// IsState reports whether code is the code of a state.
func (g *Gazetteer) IsState(code string) bool {
	return g.Kind(code) == KindState
}

// Codes returns the codes of all actors, sorted. The caller owns the slice.
func (g *Gazetteer) Codes() []string {
	return slices.Clone(g.codes)
}
