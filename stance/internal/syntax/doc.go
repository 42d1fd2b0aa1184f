// Package syntax tags and shallow-parses one English news sentence: Penn
// Treebank part-of-speech tags, phrase chunks (noun phrases, verb groups,
// prepositional phrases), nested clauses, and for each verb group its
// subject, objects and agent.
//
// It is pure Go, deterministic, does no I/O and allocates nothing once a
// Parser has warmed up; the work is linear in the number of tokens (every
// look-ahead and look-back is bounded, and clauses nest at most 12 deep).
//
//	p, err := syntax.NewParser()
//	s := p.ParseSpaced(tokens, spaced)
//	for i := range tokens {
//		if v, ok := s.VerbGroup(i); ok && v.Head == i {
//			subj, _ := s.Subject(v)
//			objs := s.Objects(v)
//			...
//		}
//	}
//
// # Tokens
//
// The input is the scorer's tokens: words (with inner dots and apostrophes:
// "U.S.", "didn't"), "'s" on its own, and each punctuation mark as one token.
// Words joined by "-" ("F-16s", "pro-Russian", "al-Assad") are tagged and
// chunked as one word; with ParseSpaced a "-" with space on either side is a
// dash instead. "didn't", "won't", "cannot" and the like are one negated
// auxiliary; "they'll", "we'd" a pronoun carrying a modal.
//
// # Tags
//
// The tagger is the averaged perceptron of github.com/jdkato/prose/v2 (a port
// of TextBlob's tagger, trained on the Wall Street Journal): its model is
// read once from prose's embedded assets and repacked for allocation-free
// lookups, and tagging runs the same features on the given tokens (prose's
// own tokenizer is not used). Ties go to the first tag in Tag order, where
// prose picks at random. Three corrections follow the tagger: a verb in -s
// read as a noun where its stretch of sentence has no other verb ("If Iran
// attacks/NNS Kuwait"), a past tense read as an adjective after "and"
// ("and annexed/JJ Crimea"), and a past participle after be, have or get
// that the tagger read as a past tense ("has rejected/VBD" becomes VBN). A headline in title case ("Iran Condemns Israeli
// Strike on Syria", found by a capitalised verb or function word) is tagged
// with its common words in lower case and its names as written.
//
// # Chunks
//
//   - Noun phrase: determiners, predeterminers, possessive pronouns,
//     numbers, adjectives, nouns, and "'s" possessives ("Iran's nuclear
//     programme", whose possessor Possessor returns); participles between
//     a determiner and a noun ("the disputed territory"); a proper-noun run
//     with its titles ("Japanese Prime Minister Yasuhiro Nakasone"); "X of Y"
//     when both are proper names ("Secretary of State Antony Blinken").
//     The head is the last noun.
//   - Coordination: "X and Y", "X, Y and Z", "X or Y", "X as well as Y",
//     "neither X nor Y" (Negated), "both X and Y" become one coordinated NP
//     with Members, except where the last member is the subject of a new
//     clause: after a verb or preposition, "Israel attacked Gaza and Egypt
//     condemned it" keeps "Gaza" and "Egypt" apart, while "The talks
//     between Israel and Hamas collapsed" joins them.
//   - Verb group: modals, auxiliaries, up to four adverbs between them,
//     "not", "n't", "never" (also just before the verb), the head verb and a
//     particle ("has once again flatly rejected", "did not attack",
//     "stepped up"); "to" + verb is an infinitive group of its own. After an
//     auxiliary any verb follows; after a full verb only a base form or
//     gerund ("helped build", "began attacking"). Flags: Finite, Passive
//     (be/get + past participle, or a bare participle), Negated, Modal,
//     Hypothetical (would, could, might, may), Future (will, shall),
//     Infinitive, Past, Perfect, Progressive, Participle; Conditional and
//     Consequent come from the clauses, NegSubject from the subject.
//   - Prepositional phrase: a preposition ("in", "with", "according to",
//     "because of", "including", "following") and its NP. A preposition
//     before a gerund ("by attacking", "of violating") opens a clause.
//
// # Clauses
//
// One pass over the chunks keeps a stack of open clauses:
//
//   - Relative: "which", "who", "whom", "whose", "where" and a relative
//     "that" after a noun. Between commas or dashes it ends at the closing
//     one; otherwise at a comma, or before a finite verb that finds no
//     subject of its own in it ("The missiles that hit Kyiv | were fired").
//   - Reduced: a bare participle after a noun ("rebels backed by Turkey")
//     or after a comma (", backed by Iran,", ", killing 20 people").
//   - Subordinate and conditional: "after", "before", "while", "as",
//     "when", "since", "because", "although", "though", "until", "once",
//     "whereas" and "if", "unless". Words that are also prepositions open a
//     clause only before a subject and a finite verb ("after Russia invaded"
//     but "after the invasion"). A fronted clause ends at its comma, or
//     where the main clause's subject and verb begin. The verb it modifies
//     is its Anchor: the first finite verb after a fronted clause, else the
//     last before it.
//   - Complement: "that" or "whether" after a verb ("denied that", "told
//     reporters that"); an NP and a finite verb after a verb of speech or
//     thought ("said Japan would"); the words before ", X said" or ", said
//     X", whose speaker is then the subject; a clause after "said:".
//   - Noun complement: "that" after a noun such as claim, report,
//     allegation, warning, fear, or a "that" the tagger reads as a
//     conjunction ("Iran's claim that Israel had attacked Syria").
//   - Appositive: an NP (with its PPs) between commas after an NP
//     ("Vladimir Putin, Russia's president, said").
//   - Parenthetical: brackets, a pair of dashes, and between commas an
//     aside that stands between a subject and its verb (", including
//     several F-16s,", ", however,", ", officials said,").
//   - ";" and a ":" not after a speech verb start a new main clause.
//
// # Relations
//
// Subject: the nearest NP before the verb group in its own clause, skipping
// nested clauses, PPs, adverbs, quotes and time expressions ("Israel on
// Wednesday released"; a time NP is the subject only if nothing else is).
// After "and"/"but" with no NP in between, the subject of the verb before
// ("Russia invaded Ukraine and annexed Crimea"). With none in its clause:
// a relative, reduced or appositive clause takes its antecedent ("The US,
// which has long backed Israel"); an infinitive takes its controller, the
// object of a verb like urge, ask, tell, allow ("urged Germany to send") or
// else the subject of its governing verb ("Brazil threatened to cut"); a
// gerund after "of", "against", "from", "for" takes the object of the verb
// it hangs on ("accused India of violating"), other adverbial clauses and
// participle adjuncts the verb's subject. An existential "there" is no
// subject.
//
// Objects: up to two NPs and every PP after the verb group in its clause, in
// order, skipping adverbs, time expressions and nested relative, appositive
// and parenthetical clauses, up to the next verb group, coordinator, comma,
// or other clause. A passive verb's first "by" PP is its Agent, not an
// object. An infinitive after the verb is found through Governor; a
// complement clause through Complement.
package syntax
