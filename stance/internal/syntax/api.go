package syntax

// Span is a half-open range [Start, End) of token indices.
type Span struct {
	Start, End int
}

// Len returns the number of tokens in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether token i lies in s.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// NP is a noun phrase: determiners, adjectives, nouns and possessives
// ("Iran's nuclear programme"), a proper-noun run with its titles
// ("Japanese Prime Minister Yasuhiro Nakasone"), a pronoun, or a
// coordination of noun phrases ("Bolivia and Paraguay", "neither Egypt nor
// Jordan") whose members Sentence.Members returns.
type NP struct {
	Span
	Head    int  // token of the head word: the last noun, or the last member's head
	Coord   bool // a coordination of Members
	Negated bool // "neither X nor Y", "no country"
	Time    bool // a time expression ("Tuesday", "last week", "1982")
	Pronoun bool // a personal pronoun ("it", "they")
	id      int32
}

// VGFlags describe a verb group.
type VGFlags uint16

// Verb group flags.
const (
	Finite       VGFlags = 1 << iota // tensed or modal: it can head a clause
	Passive                          // be/get + past participle, or a participle before "by"
	Negated                          // "not", "n't", "never", "cannot" in the group
	NegSubject                       // the subject is negated: "neither X nor Y", "no country"
	Modal                            // a modal verb ("would", "must", "will", "can")
	Hypothetical                     // "would", "could", "might", "may", or a condition or its consequence
	Future                           // "will", "shall"
	Infinitive                       // "to" + verb
	Past                             // past tense ("rejected", "had rejected", "was rejected")
	Perfect                          // have + past participle
	Progressive                      // be + present participle
	Conditional                      // inside an "if" or "unless" clause
	Consequent                       // the verb an "if" or "unless" clause conditions
	Participle                       // a bare participle: reduced relative or adjunct ("backed by Turkey")
)

// VG is a verb group: auxiliaries, modals, negation, the adverbs between
// them and the head verb ("has once again flatly rejected"), or "to" and a
// verb ("to cut").
type VG struct {
	Span
	Head  int // token of the main verb
	Modal int // token of the modal verb, -1 if none
	Flags VGFlags
	id    int32
}

// IsFinite reports whether v is tensed or modal.
func (v VG) IsFinite() bool { return v.Flags&Finite != 0 }

// IsPassive reports whether v is in the passive voice.
func (v VG) IsPassive() bool { return v.Flags&Passive != 0 }

// IsNegated reports whether v is negated ("did not criticise", "never
// criticised") or its subject is ("Neither Egypt nor Jordan criticised").
func (v VG) IsNegated() bool { return v.Flags&(Negated|NegSubject) != 0 }

// IsModal reports whether v has a modal verb.
func (v VG) IsModal() bool { return v.Flags&Modal != 0 }

// IsHypothetical reports whether v is only possible or conditional:
// "would", "could", "might", "may", or a verb in an "if"/"unless" clause or
// the verb that clause conditions ("will respond" in "If Iran attacks
// Kuwait, the US will respond").
func (v VG) IsHypothetical() bool { return v.Flags&Hypothetical != 0 }

// IsInfinitive reports whether v is "to" + verb.
func (v VG) IsInfinitive() bool { return v.Flags&Infinitive != 0 }

// PhraseKind is the kind of an object phrase.
type PhraseKind uint8

// Phrase kinds.
const (
	PhraseNP PhraseKind = iota + 1 // a noun phrase
	PhrasePP                       // a preposition and its noun phrase
)

// String returns "NP" or "PP".
func (k PhraseKind) String() string {
	switch k {
	case PhraseNP:
		return "NP"
	case PhrasePP:
		return "PP"
	}
	return "?"
}

// Phrase is an object of a verb group: a noun phrase or a prepositional
// phrase.
type Phrase struct {
	Kind PhraseKind
	Span
	Prep Span // the preposition of a PP ("with", "according to"); empty for an NP
	NP   NP   // the noun phrase, for a PP the object of the preposition
}

// ClauseKind is the kind of a clause.
type ClauseKind uint8

// Clause kinds.
const (
	MainClause           ClauseKind = iota + 1 // the sentence, or a part after ';'
	RelativeClause                             // "which/who/that ..." after a noun
	ReducedClause                              // a participle clause: "rebels backed by Turkey", ", killing 20"
	SubordinateClause                          // "after/before/while/as/when/since/because/although/though ..."
	ConditionalClause                          // "if/unless ..."
	ComplementClause                           // reported speech or a that-clause of a verb: "said (that) ...", ", X said"
	NounComplementClause                       // a that-clause of a noun: "the claim that ..."
	AppositiveClause                           // a noun phrase between commas: "Putin, Russia's president, said"
	ParentheticalClause                        // between commas, dashes or brackets: ", including several F-16s,"
)

var clauseKindNames = [...]string{"", "main", "relative", "reduced", "subordinate", "conditional", "complement", "noun-complement", "appositive", "parenthetical"}

// String returns the lower-case name of k ("main", "relative").
func (k ClauseKind) String() string {
	if int(k) < len(clauseKindNames) && k != 0 {
		return clauseKindNames[k]
	}
	return "?"
}

// Clause is a clause of the sentence. Clauses nest: a clause's Span
// contains the spans of the clauses whose Parent it is.
type Clause struct {
	Kind ClauseKind
	Span
	ID     int // index in Sentence.Clauses
	Parent int // ID of the enclosing clause, -1 for a top clause
	Opener int // token that opens it ("which", "after", "that", "if"), -1 if none
	Anchor int // token it attaches to: the antecedent noun of a relative, reduced or appositive clause, the noun of a noun complement, the verb of a complement or adverbial clause; -1 if unknown
}
