package stance

import (
	"bytes"
	"strings"
	"time"

	"github.com/stancemon/stancemon/stance/internal/syntax"
)

// prepKind is the preposition that governs an actor mention.
type prepKind uint8

// Preposition kinds.
const (
	pkNone    prepKind = iota
	pkLoc              // in, at, near, ...: a place
	pkFrom             // from: an origin
	pkBy               // by: an agent
	pkOf               // of
	pkAgainst          // against
	pkBetween          // between, among
	pkOther            // with, to, on, for, ...
	pkTopic            // about, over, regarding, concerning: a topic
	pkOn               // on: a target of conflict ("sanctions on X"), a topic of talks ("talks on X")
)

// Limits that keep the work per sentence linear and bounded.
const (
	maxGroupMembers   = 8  // members of a coordination group taken into pairs
	maxSentencePairs  = 64 // distinct (source, target) pairs per sentence
	maxSubjectReach   = 40 // tokens searched back for a subject
	maxTargetReach    = 14 // tokens searched forward for a target
	maxNegationReach  = 4  // tokens searched back for a negator
	maxAgentReach     = 6  // tokens searched forward for "by" + agent
	maxNPReach        = 5  // words of a noun phrase searched back
	maxCuesInSentence = 256
	maxPairCues       = 16 // cues kept per pair and sentence
	maxJointList      = 4  // joint actors paired wherever they stand
)

// Confidence of a sentence-level stance by how its direction was found.
const (
	confDirect   = 0.8  // subject (or agent) and object of one cue
	confJoint    = 0.7  // pairs of joint actors ("X and Y agreed")
	confPronoun  = 0.65 // "X said it would ..."
	confSpeaker  = 0.55 // "X said ...": the cue has no actor of its own
	confReported = 0.5  // "X said Y's ... violation": speaker toward the subject
	hedgeFactor  = 0.7  // "may", "reportedly", ...
	farFactor    = 0.85 // target far from its cue
)

// chunk is one actor mention, possibly merged from several mentions of the
// same actor ("Russian Foreign Minister Sergey Lavrov").
type chunk struct {
	code   string
	form   MentionForm
	t0, t1 int32 // token range
	group  int32 // first chunk of its coordination group
	gEnd   int32 // one past the last chunk of its group (valid on the first)
	prep   prepKind
	loc    bool // a place, not an actor
	econ   bool // owner of an economic figure ("Japan's exports")
	poss   bool // followed by "'s"
	// holder: "of" follows an office or body ("the foreign ministers of
	// Syria and Lebanon", "the government of Iraq"): the chunk may be
	// the subject of the clause.
	holder bool
	// agent is the Phoenix agent code of the noun that follows the name
	// or adjective ("GOV" for "Iranian officials", "REB" for "Kurdish
	// rebels"), "" if none.
	agent string
	// sub: the chunk names a sub-state actor of the state ("Kurdish
	// rebels", "Japanese car makers", "ethnic Hungarians"): it takes part
	// in the sentence's structure but makes no state dyad.
	sub bool
}

// cueMatch is one cue found in a sentence.
type cueMatch struct {
	t0, t1  int32 // token range
	def     int32 // index in lexicon.cues
	noun    bool
	negated bool
	c0, c1  int32 // range of contributions it made
	through int32 // relation noun its target search went through, or -1
	// reversed: a reversal verb governs the act ("halted aid", "ended
	// its boycott"): it counts with the opposite polarity (acts.go).
	reversed bool
	// absorbed: the cue is the reversal verb of a reversed act and says
	// nothing of its own.
	absorbed bool
	// failedAct: a failure verb is its predicate ("talks collapsed").
	failedAct bool
}

// contrib is the evidence of one cue for one directed pair.
type contrib struct {
	src, tgt int32 // chunk indexes
	cue      int32
	score    float64
	conf     float64
	dead     bool
	rule     Rule // the direction rule that linked the pair
}

// pairEvidence is the evidence of one sentence for one directed pair.
type pairEvidence struct {
	src, tgt string
	score    float64
	conf     float64
	cues     []Cue
	rule     Rule
	mode     Mode
}

// scratch holds the buffers of one sentence analysis; it is reused through
// a sync.Pool.
type scratch struct {
	lower    []byte
	toks     []token
	mentions []Mention
	chunks   []chunk
	cues     []cueMatch
	contribs []contrib
	clause0  []int32 // first token of the clause of each token
	clause1  []int32 // one past the last token of the clause of each token
	hedged   []bool  // hedge in the clause of each token
	speaker  []int32 // speaker chunk of each token, -1 if none
	spkStart []int32 // first token of the reported clause of each token
	links    []int32 // link of each chunk to the one before
	closes   []bool  // the links after each chunk end with an "and"
	pairs    []pairEvidence
	spans    []span
	agentBuf []byte
	parser   *syntax.Parser // created on first use, kept with the scratch
	words    []string       // token texts for the parser
	spaced   []bool         // a space before each token
}

// analyser analyses sentences with a lexicon and a gazetteer.
type analyser struct {
	lx  *lexicon
	gaz *Gazetteer
	ag  *agentTable
	at  time.Time
	sc  *scratch
	s   string // the sentence
	// rule is the direction rule of the pairs being added.
	rule Rule
	// parse is the structure of the sentence, nil when it names fewer
	// than two distinct actors.
	parse *syntax.Sentence
	// steps counts the iterations of the searches whose length is not
	// fixed by the token count, so tests can check the work is linear.
	steps int
}

// isBoilerplate reports whether the lower-case sentence is site furniture.
func (lx *lexicon) isBoilerplate(lower []byte, toks []token) bool {
	for _, p := range lx.boilerAny {
		if bytes.Contains(lower, p) {
			return true
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.flags&tfWord == 0 {
			continue
		}
		for _, p := range lx.boilerFirst[string(lower[t.start:t.end])] {
			if bytes.HasPrefix(lower[t.start:], p) {
				return true
			}
		}
	}
	return false
}

// analyse analyses sentence s. It returns false if the sentence is
// boilerplate. Otherwise sc.pairs holds the pair evidence and tone the
// sentence polarity.
func (a *analyser) analyse(s string, title bool) (tone float64, keep bool) {
	sc := a.sc
	a.s = s
	// A headline in title case is read as a title wherever it stands
	// ("US, China Agree to Resume Trade Talks").
	title = title || isTitleCase(s) && !strings.HasSuffix(strings.TrimSpace(s), ".")
	sc.toks, sc.lower = tokenize(s, sc.lower, sc.toks[:0])
	if a.lx.isBoilerplate(sc.lower, sc.toks) {
		return 0, false
	}
	a.lookup()
	a.findChunks(title)
	a.findCues(title)
	a.findClauses()
	a.findSpeakers()
	a.parse = a.parseSentence()
	sc.contribs = sc.contribs[:0]
	a.findReversals()
	for i := range sc.cues {
		a.relate(int32(i))
	}
	a.findDemands()
	var pre float64
	for i := range sc.cues {
		pre += effectiveScore(&a.lx.cues[sc.cues[i].def], sc.cues[i].negated)
	}
	a.fallbackPairs(pre)
	a.governThreats()
	a.overrideRelations()
	a.collectPairs()
	for i := range sc.cues {
		cm := &sc.cues[i]
		d := &a.lx.cues[cm.def]
		tone += effectiveScore(d, cm.negated)
	}
	return clamp1(tone), true
}

// effectiveScore is the signed intensity of a cue after negation: a negated
// cooperative cue turns to conflict at 60 %, a negated conflict cue counts
// for nothing ("did not condemn" is no praise).
func effectiveScore(d *cueDef, negated bool) float64 {
	switch {
	case !negated:
		return d.sign * d.weight
	case d.sign > 0:
		return -0.6 * d.weight
	}
	return 0
}

// clamp1 clamps x to [-1, 1].
func clamp1(x float64) float64 {
	switch {
	case x > 1:
		return 1
	case x < -1:
		return -1
	}
	return x
}

// lookup sets the lemma and word classes of every word token.
func (a *analyser) lookup() {
	sc := a.sc
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.flags&tfWord == 0 {
			continue
		}
		if wi, ok := a.lx.words[string(sc.lower[t.start:t.end])]; ok {
			t.lemma, t.class = wi.lemma, wi.class
		}
	}
}

// word returns the lower-case form of token i.
func (a *analyser) word(i int) []byte {
	t := &a.sc.toks[i]
	return a.sc.lower[t.start:t.end]
}

// isWord reports whether token i is the lower-case word w.
func (a *analyser) isWord(i int, w string) bool {
	return i >= 0 && i < len(a.sc.toks) && string(a.word(i)) == w
}

// isPunct reports whether token i is the punctuation byte c.
func (a *analyser) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(a.sc.toks) && a.sc.toks[i].punct == c
}

// findChunks finds the actor mentions, maps them to tokens, merges the
// mentions of one actor split by a title ("Russian Foreign Minister Sergey
// Lavrov"), and sets the preposition, place and group of every chunk.
func (a *analyser) findChunks(title bool) {
	sc := a.sc
	sc.mentions = a.gaz.Find(a.s, a.at, sc.mentions[:0])
	sc.chunks = sc.chunks[:0]
	ti := 0
	for _, m := range sc.mentions {
		for ti < len(sc.toks) && int(sc.toks[ti].end) <= m.Start {
			ti++
		}
		t0 := ti
		for ti < len(sc.toks) && int(sc.toks[ti].start) < m.End {
			ti++
		}
		if t0 == ti || a.inCompanyName(ti) {
			continue
		}
		if n := len(sc.chunks); n > 0 && a.sameActorSplit(&sc.chunks[n-1], m.Code, m.Form, t0) {
			last := &sc.chunks[n-1]
			last.t1 = int32(ti)
			if m.Form == FormOfficial {
				last.form = FormOfficial
			}
			continue
		}
		sc.chunks = append(sc.chunks, chunk{code: m.Code, form: m.Form, t0: int32(t0), t1: int32(ti)})
	}
	for ci := range sc.chunks {
		c := &sc.chunks[ci]
		for t := c.t0; t < c.t1; t++ {
			sc.toks[t].chunk = int32(ci)
		}
		c.poss = int(c.t1) < len(sc.toks) && sc.toks[c.t1].flags&tfPoss != 0
		c.group, c.gEnd = int32(ci), int32(ci+1)
		c.econ = a.econAfter(c)
		a.setPrep(ci)
		if c.form == FormCapital && a.venueAfter(c) {
			c.loc = true // "the Paris pact", "at the London talks"
		}
		a.setAgent(c)
	}
	a.groupChunks(title)
}

// setAgent finds the agent noun phrase after a state's name, adjective or
// capital (possessive included) and marks the chunk as a sub-state actor
// when the phrase names one: "Kurdish rebels", "Japan's car makers",
// "American missionaries", "U.S. banks" are not their state; "Iranian
// officials", "U.S. troops", "Japan's central bank" are. "ethnic X" is
// sub-state, and so is a name inside a compound adjective that only
// describes ("U.S.-backed", "Swiss-based", "Soviet-made").
func (a *analyser) setAgent(c *chunk) {
	if c.form != FormName && c.form != FormDemonym && c.form != FormCapital {
		return
	}
	sc := a.sc
	if a.isWord(int(c.t0)-1, "ethnic") {
		c.agent, c.sub = "ETH", true
		return
	}
	if k := int(c.t0) - 2; k >= 0 && a.isWord(k+1, "of") && sc.toks[k].class&wcCompany != 0 {
		c.agent, c.sub = "BUS", true // "Honda Motor Co Ltd of Japan"
		return
	}
	i := int(c.t1)
	if a.isPunct(i, '-') && i+1 < len(sc.toks) && describing[string(a.word(i+1))] {
		c.agent, c.sub = "MOD", true
		return
	}
	if i < len(sc.toks) && sc.toks[i].flags&tfPoss != 0 {
		i++
	}
	for n := 0; i < len(sc.toks) && n < maxAgentWords; n++ {
		t := &sc.toks[i]
		if t.flags&tfWord == 0 || t.chunk >= 0 {
			return
		}
		code, k := a.agentAt(i)
		if k > 0 {
			c.agent = code
			if !stateAgent(code) {
				c.sub = true
				return
			}
			i += k
			continue
		}
		if t.lemma != 0 || t.class&^(wcEcon|wcQuant|wcForces|wcInstitution|wcCompany) != 0 {
			return // a cue or a function word ends the noun phrase
		}
		i++
	}
}

// agentAt returns the code and length in tokens of the longest agent
// phrase starting at token i, or 0.
func (a *analyser) agentAt(i int) (string, int) {
	sc := a.sc
	end := i
	for end < len(sc.toks) && end-i < maxAgentWords && sc.toks[end].flags&tfWord != 0 && sc.toks[end].chunk < 0 {
		end++
	}
	for k := end - i; k >= 1; k-- {
		buf := sc.agentBuf[:0]
		for j := i; j < i+k; j++ {
			if j > i {
				buf = append(buf, ' ')
			}
			buf = append(buf, a.word(j)...)
		}
		sc.agentBuf = buf
		if code, ok := a.ag.lookup(string(buf)); ok {
			return code, k
		}
	}
	return "", 0
}

// econAfter reports whether an economic noun follows chunk c, after at
// most two capitalised words, or unknown lower-case words after a
// possessive or a demonym ("Japan's trade surplus", "the US Nikkei index",
// "Japanese car exports"; but "Russia cut gas exports" has a verb).
func (a *analyser) econAfter(c *chunk) bool {
	sc := a.sc
	i := int(c.t1)
	attributive := c.form == FormDemonym
	if i < len(sc.toks) && sc.toks[i].flags&tfPoss != 0 {
		i++
		attributive = true
	}
	for n := 0; i < len(sc.toks) && n < 3; i, n = i+1, n+1 {
		t := &sc.toks[i]
		if t.class&wcEcon != 0 {
			return true
		}
		if t.flags&tfWord == 0 || t.chunk >= 0 || t.lemma != 0 || t.class != 0 || t.flags&tfCap == 0 && !attributive {
			return false
		}
	}
	return false
}

// venueAfter reports whether a joint noun cue ("talks", "pact",
// "summit") follows chunk c right away: the capital before it names where
// the states met, not one of them.
func (a *analyser) venueAfter(c *chunk) bool {
	sc := a.sc
	i := int(c.t1)
	if i >= len(sc.toks) || sc.toks[i].lemma == 0 || sc.toks[i].chunk >= 0 {
		return false
	}
	for _, id := range a.lx.byFirst[sc.toks[i].lemma] {
		if d := &a.lx.cues[id]; len(d.lemmas) == 1 && d.flags&cfNoun != 0 && d.flags&cfSym != 0 {
			return true
		}
	}
	return false
}

// inCompanyName reports whether the capitalised words from token i end in
// a company suffix ("American Industrial Group Inc", "Canada Ltd"), which
// makes the mention before them part of a company name.
func (a *analyser) inCompanyName(i int) bool {
	sc := a.sc
	for n := 0; i < len(sc.toks) && n < 4 && sc.toks[i].flags&tfCap != 0; i, n = i+1, n+1 {
		if sc.toks[i].class&wcCompany != 0 {
			return true
		}
	}
	return false
}

// sameActorSplit reports whether a mention of code starting at token t0
// continues chunk c, from which only title words separate it.
func (a *analyser) sameActorSplit(c *chunk, code string, form MentionForm, t0 int) bool {
	if c.code != code || t0-int(c.t1) > 4 {
		return false
	}
	for t := int(c.t1); t < t0; t++ {
		tk := &a.sc.toks[t]
		if tk.flags&tfCap == 0 && !a.isWord(t, "of") && (tk.flags&tfPoss == 0 || t != int(c.t1) || form != FormOfficial) {
			return false // but "Germany's Angela Merkel" is one actor
		}
	}
	return true
}

// isTitle reports whether token i is a capitalised title word
// ("President", "Prime", "Minister") outside any actor phrase.
func (a *analyser) isTitle(i int) bool {
	t := &a.sc.toks[i]
	return t.class&wcTitle != 0 && t.flags&tfCap != 0 && t.chunk < 0
}

// setPrep finds the preposition in front of chunk ci and whether it is a
// place: a name or capital after "in", "at", ... or in apposition to a
// place ("in Warsaw, Poland").
func (a *analyser) setPrep(ci int) {
	sc := a.sc
	c := &sc.chunks[ci]
	j := int(c.t0) - 1
	// Skip determiners, numbers and capitalised titles ("with President
	// Michel Suleiman", "with the Deputy Prime Minister").
	for k := 0; j >= 0 && k < 5 && (sc.toks[j].class&wcDet != 0 || sc.toks[j].flags&tfNum != 0 || a.isTitle(j)) && sc.toks[j].class&(wcPrep|wcLocPrep) == 0; k++ {
		j--
	}
	if j < 0 {
		return
	}
	t := &sc.toks[j]
	switch {
	case t.punct == ',' && ci > 0 && sc.chunks[ci-1].t1 == int32(j) && sc.chunks[ci-1].loc:
		c.prep, c.loc = pkLoc, c.form != FormDemonym && c.form != FormOfficial
		return
	case t.class&wcLocPrep != 0:
		switch {
		case (a.isWord(j, "in") || a.isWord(j, "at")) && a.institutionBefore(j):
			// "a court in Guyana" is a Guyanese court: an actor.
			return
		case !a.isWord(j, "from"):
			c.prep = pkLoc
		case a.peopleBefore(j):
			// "dissidents from Myanmar" are Myanmar's, like "Burmese
			// dissidents": no origin, no place.
			return
		default:
			c.prep = pkFrom
		}
	case t.class&wcPrep != 0:
		switch string(a.word(j)) {
		case "by":
			c.prep = pkBy
		case "of":
			if j == 0 || sc.toks[j-1].class&wcQuant == 0 {
				c.prep = pkOf
				c.holder = j > 0 && sc.toks[j-1].chunk < 0 && sc.toks[j-1].class&(wcTitle|wcInstitution|wcForces) != 0
			}
		case "against":
			c.prep = pkAgainst
		case "between", "among":
			c.prep = pkBetween
		case "about", "over", "regarding", "concerning":
			c.prep = pkTopic
		case "on":
			c.prep = pkOn
		default:
			c.prep = pkOther
		}
	}
	if c.prep == pkLoc || c.prep == pkFrom {
		c.loc = c.form == FormName || c.form == FormCapital || c.form == FormSeat
	}
}

// Links between two neighbouring chunks.
const (
	linkNone  = iota
	linkComma // "X, Y"
	linkAnd   // "X and Y", "X-Y", "X/Y", "X & Y"
)

// link returns how chunk ci is coordinated with chunk ci-1.
func (a *analyser) link(ci int) int {
	sc := a.sc
	prev, c := &sc.chunks[ci-1], &sc.chunks[ci]
	if l := a.plainLink(prev, c); l != linkNone || !a.titledAnd(prev, c) {
		return l
	}
	return linkAnd
}

// plainLink is the link of chunk c to chunk prev through at most three
// tokens: "and", "-", "/", "&", a comma, "the".
func (a *analyser) plainLink(prev, c *chunk) int {
	sc := a.sc
	gap := int(c.t0 - prev.t1)
	if gap < 1 || gap > 3 {
		return linkNone
	}
	and, comma := false, false
	for t := int(prev.t1); t < int(c.t0); t++ {
		tk := &sc.toks[t]
		switch {
		case tk.punct == ',':
			comma = true
		case tk.punct == '-' || tk.punct == '/' || tk.punct == '&' || a.isWord(t, "and") || a.isWord(t, "nor"):
			and = true
		case a.isWord(t, "the"):
		default:
			return linkNone
		}
	}
	switch {
	case and:
		if prev.prep != pkNone && prev.prep != pkBetween && !prev.holder && int(c.t1) < len(sc.toks) {
			// "a treaty with Washington and the United States expressed":
			// the second actor opens a new clause ("the leaders of Syria
			// and Lebanon agreed" does not).
			if n := &sc.toks[c.t1]; n.class&(wcAuxVerb|wcLight|wcSpeech) != 0 || n.lemma != 0 && bytes.HasSuffix(a.word(int(c.t1)), []byte("ed")) {
				return linkNone
			}
		}
		return linkAnd
	case comma && gap == 1:
		return linkComma
	}
	return linkNone
}

// institutionBefore reports whether the word before the preposition at
// token j is an institution ("court", "police", "government") whose noun
// phrase names no actor of its own ("the French military in Rwanda" does).
func (a *analyser) institutionBefore(j int) bool {
	sc := a.sc
	if j == 0 || sc.toks[j-1].class&wcInstitution == 0 || sc.toks[j-1].chunk >= 0 {
		return false
	}
	for k, n := j-2, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		t := &sc.toks[k]
		if t.chunk >= 0 || t.flags&tfPoss != 0 {
			return false
		}
		if t.flags&tfWord == 0 || t.class&^npWords != 0 {
			break
		}
	}
	return true
}

// peopleBefore reports whether the word before "from" at token j is a plain
// plural noun ("dissidents", "imports", "troops") or an office or
// delegation ("a delegation from Iraq", "envoys from Syria"), which makes
// the actor after "from" their origin rather than a place or a source.
func (a *analyser) peopleBefore(j int) bool {
	if j == 0 {
		return false
	}
	p := &a.sc.toks[j-1]
	w := a.word(j - 1)
	if p.class&wcTitle != 0 && p.chunk < 0 && p.flags&tfCap == 0 {
		return true
	}
	return p.flags&(tfWord|tfNum) == tfWord && (p.flags&tfCap == 0 || j == 1) && p.class == 0 && p.lemma == 0 && p.chunk < 0 &&
		len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// groupChunks joins coordinated chunks into groups: "X and Y", "X-Y", and
// comma lists closed by "and" ("China, Russia and South Africa"); commas
// alone join only in a title ("Russia, China Promote Ties"). Members take
// the preposition of the first member. It runs in linear time.
// maxTitledGap is the longest title and name between a state and the "and"
// that joins it to the next titled official.
const maxTitledGap = 8

// titledAnd reports whether prev and c are two officials joined by "and",
// each named by its state and a title or name the gazetteer does not know:
// "U.S. Treasury Secretary James Baker and West German Finance Minister
// Gerhard Stoltenberg".
func (a *analyser) titledAnd(prev, c *chunk) bool {
	sc := a.sc
	titled := func(f MentionForm) bool { return f == FormDemonym || f == FormName || f == FormOfficial }
	if !titled(prev.form) || !titled(c.form) {
		return false
	}
	if int(c.t0-prev.t1) > maxTitledGap+2 || c.form != FormOfficial && (int(c.t1) >= len(sc.toks) || sc.toks[c.t1].flags&tfCap == 0) {
		return false // the second must be titled too ("West German Finance Minister")
	}
	and := -1
	for t := int(prev.t1); t < int(c.t0); t++ {
		tk := &sc.toks[t]
		switch {
		case a.isWord(t, "and") && and < 0 && (t > int(prev.t1) && sc.toks[t-1].flags&tfCap != 0 || t == int(prev.t1) && prev.form == FormOfficial):
			and = t
		case and < 0 && (tk.flags&tfCap != 0 && tk.flags&tfWord != 0 || a.isWord(t, "of")):
		case and >= 0 && (a.isWord(t, "the") || tk.flags&tfCap != 0 && tk.flags&tfWord != 0):
		default:
			return false
		}
	}
	return and >= 0
}

func (a *analyser) groupChunks(title bool) {
	sc := a.sc
	n := len(sc.chunks)
	// closes[ci]: the chain of links after chunk ci ends with an "and".
	sc.closes = resizeBool(sc.closes, n)
	links := resize32(sc.links, n)
	sc.links = links
	for ci := n - 1; ci >= 1; ci-- {
		links[ci] = int32(a.link(ci))
		if ci+1 < n {
			sc.closes[ci] = links[ci+1] == linkAnd || links[ci+1] == linkComma && sc.closes[ci+1]
		}
	}
	for ci := 1; ci < n; ci++ {
		joined := links[ci] == linkAnd || links[ci] == linkComma && (title || sc.closes[ci])
		if !joined {
			continue
		}
		c := &sc.chunks[ci]
		lead := sc.chunks[ci-1].group
		c.group = lead
		sc.chunks[lead].gEnd = int32(ci + 1)
		c.prep, c.loc = sc.chunks[lead].prep, sc.chunks[lead].loc && c.form != FormDemonym
		c.holder = sc.chunks[lead].holder
	}
	// The owner of an economic figure owns it with its whole group
	// ("Japanese, British and U.S. securities houses", "British and German
	// interests").
	for ci := n - 1; ci >= 1; ci-- {
		c := &sc.chunks[ci]
		if c.econ && c.group != int32(ci) && int(c.group) < ci {
			for g := c.group; g < int32(ci); g++ {
				sc.chunks[g].econ = true
			}
		}
	}
}

// findCues finds the longest cue at each token, left to right. A
// capitalised word after another inside a sentence is part of a name ("the
// Cold War"), except in a title.
func (a *analyser) findCues(title bool) {
	sc := a.sc
	sc.cues = sc.cues[:0]
	for i := 0; i < len(sc.toks) && len(sc.cues) < maxCuesInSentence; i++ {
		t := &sc.toks[i]
		if t.lemma == 0 || t.chunk >= 0 {
			continue
		}
		if a.isWord(i, "according") && a.isWord(i+1, "to") {
			continue // "according to X" attributes, it does not agree
		}
		if !title && i > 1 && t.flags&tfCap != 0 && sc.toks[i-1].flags&tfCap != 0 && sc.toks[i-1].chunk < 0 {
			continue
		}
		if a.participleBeforeActor(i) {
			continue // "talks with visiting Australian Prime Minister Kevin Rudd"
		}
		for _, id := range a.lx.byFirst[t.lemma] {
			d := &a.lx.cues[id]
			end, ok := a.matchPhrase(i, d.lemmas)
			if !ok {
				continue
			}
			noun := a.nounPosition(i)
			switch {
			case d.flags&cfNoun == 0 && a.afterDeterminer(i) && bytes.HasSuffix(a.word(i), []byte("ed")):
				continue // "the disputed islands": an adjective
			case d.flags&cfNoun != 0 && a.afterInfinitive(i):
				continue
			case d.flags&cfVerb != 0 && bytes.HasSuffix(a.word(end-1), []byte("ings")):
				noun = true // "emergency meetings", "bombings": plural gerunds are nouns
			case d.flags&cfNoun != 0:
				noun = true
			case d.flags&cfVerb != 0 && a.afterDeterminer(i):
				// "the bombing", "Washington's warnings": a gerund is a
				// noun; other verbs are no cue after a determiner.
				if !bytes.HasSuffix(a.word(end-1), []byte("ing")) && !bytes.HasSuffix(a.word(end-1), []byte("ings")) {
					continue
				}
				noun = true
			case d.flags&cfVerb != 0 && a.bareAfterWord(i):
				continue // "domestic demand": a noun
			case d.flags&cfVerb != 0:
				noun = false
			}
			if !noun && d.cat == Consult {
				if j := a.needAfter(end); j >= 0 {
					i = j // "met demand", "received a contract": no cue, nor is the need
					break
				}
			}
			cm := cueMatch{t0: int32(i), t1: int32(end), def: int32(id), noun: noun, through: -1}
			for k := i; k < end; k++ {
				sc.toks[k].cue = int32(len(sc.cues))
			}
			sc.cues = append(sc.cues, cm)
			i = end - 1
			break
		}
	}
}

// needAfter returns the token of the object after token i, past
// determiners and at most one unknown word, if it is a need or a target
// ("meet its obligations", "met strong demand"), or -1.
func (a *analyser) needAfter(i int) int {
	sc := a.sc
	for n := 0; i < len(sc.toks) && n < 4; i, n = i+1, n+1 {
		t := &sc.toks[i]
		switch {
		case t.class&wcNeed != 0:
			return i
		case t.flags&tfWord == 0 || t.chunk >= 0:
			return -1
		case t.class&wcDet != 0:
		case t.lemma != 0 || t.class != 0 || n > 1:
			return -1
		}
	}
	return -1
}

// participleBeforeActor reports whether token i is an -ing word used as
// an adjective of the actor after it, between a preposition or determiner
// and the actor or its title ("with visiting Chinese Premier Wen Jiabao",
// "the visiting President Bush"): it describes the actor, it is no act.
func (a *analyser) participleBeforeActor(i int) bool {
	sc := a.sc
	if i == 0 || i+1 >= len(sc.toks) || !bytes.HasSuffix(a.word(i), []byte("ing")) {
		return false
	}
	p := &sc.toks[i-1]
	if p.chunk >= 0 || p.class&(wcPrep|wcLocPrep|wcDet) == 0 {
		return false
	}
	return sc.toks[i+1].chunk >= 0 || a.isTitle(i+1)
}

// matchPhrase matches the lemmas of a cue at token i, allowing up to two
// determiners or unknown lower-case words between the words ("lift the
// economic sanctions"). It returns the token after the match.
func (a *analyser) matchPhrase(i int, lemmas []int32) (int, bool) {
	sc := a.sc
	j := i + 1
	for _, l := range lemmas[1:] {
		for k := 0; k < 2 && j < len(sc.toks) && sc.toks[j].lemma != l && sc.toks[j].chunk < 0 &&
			(sc.toks[j].class&wcDet != 0 || sc.toks[j].class == 0 && sc.toks[j].lemma == 0 && sc.toks[j].flags&(tfWord|tfCap) == tfWord); k++ {
			j++
		}
		if j >= len(sc.toks) || sc.toks[j].lemma != l || sc.toks[j].chunk >= 0 {
			return 0, false
		}
		j++
	}
	return j, true
}

// bareAfterWord reports whether token i is the bare lemma of its cue word
// after a preposition or an unknown lower-case word, which makes it a noun
// or an adjective ("domestic demand", "of free trade") rather than a verb
// ("officials met").
func (a *analyser) bareAfterWord(i int) bool {
	if i == 0 {
		return false
	}
	t := &a.sc.toks[i]
	if string(a.word(i)) != a.lx.lemmas[t.lemma] {
		return false
	}
	p := &a.sc.toks[i-1]
	if p.class&wcPrep != 0 && !a.isWord(i-1, "to") {
		return true // "talks on free trade"
	}
	return p.flags&(tfWord|tfCap|tfNum) == tfWord && p.class == 0 && p.lemma == 0 && p.chunk < 0 &&
		!bytes.HasSuffix(a.word(i-1), []byte("ly")) // "normally meet": an adverb before a verb
}

// afterDeterminer reports whether token i follows a determiner or a
// possessive, which makes it a noun.
func (a *analyser) afterDeterminer(i int) bool {
	if i == 0 {
		return false
	}
	p := &a.sc.toks[i-1]
	return p.class&wcDet != 0 && p.class&wcRelPron == 0 || p.flags&tfPoss != 0
}

// afterInfinitive reports whether token i follows "to" after a verb-like
// word, or a modal, which makes it a verb.
func (a *analyser) afterInfinitive(i int) bool {
	if i == 0 {
		return false
	}
	w := a.word(i - 1)
	switch string(w) {
	case "will", "would", "shall", "should", "can", "could", "may", "might", "must":
		return true
	}
	return false
}

// nounPosition guesses whether the word at token i is a noun: after a
// determiner, a possessive, a preposition, a number, an adjective of
// nationality or an unknown lower-case word.
func (a *analyser) nounPosition(i int) bool {
	if i == 0 {
		return false
	}
	sc := a.sc
	p := &sc.toks[i-1]
	switch {
	case a.afterDeterminer(i):
		return true
	case bytes.HasSuffix(a.word(i), []byte("ed")):
		return false // a participle
	case p.class&(wcPrep|wcLocPrep) != 0 && !a.isWord(i-1, "to"):
		return true
	case p.flags&tfNum != 0:
		return true
	case p.chunk >= 0:
		return sc.chunks[p.chunk].form == FormDemonym
	case p.cue >= 0:
		return !sc.cues[p.cue].noun // the object of a verb cue
	case p.class&(wcLight|wcSpeech) != 0 && p.class&wcAux == 0:
		return true // "expressed fear", "announced sanctions"
	case p.flags&tfWord != 0 && p.class == 0 && p.lemma == 0 && p.flags&tfCap == 0:
		return true
	}
	return false
}

// isSpeechVerb reports whether token i is a speech verb ("said", "told",
// "reports") rather than a noun ("a report", "the claims").
func (a *analyser) isSpeechVerb(i int) bool {
	t := &a.sc.toks[i]
	if t.class&wcSpeech == 0 || t.chunk >= 0 || a.afterDeterminer(i) {
		return false
	}
	if i > 0 && t.flags&tfCap != 0 && a.sc.toks[i-1].flags&tfCap != 0 {
		return false // "Islamic State"
	}
	switch w := a.word(i); {
	case bytes.HasSuffix(w, []byte("ed")):
		return true
	case string(w) == "said" || string(w) == "told" || string(w) == "wrote" || string(w) == "says" || string(w) == "tells":
		return true
	}
	return !a.nounPosition(i)
}

// findClauses sets the clause range, hedging and boundaries of each token.
// Clauses end at ';', ':', a spaced dash, a clause word ("but", "while",
// "as"), a relative pronoun and after a speech verb.
func (a *analyser) findClauses() {
	sc := a.sc
	n := len(sc.toks)
	sc.clause0 = resize32(sc.clause0, n)
	sc.clause1 = resize32(sc.clause1, n)
	sc.hedged = resizeBool(sc.hedged, n)
	start := 0
	hedge := false
	flush := func(end int) {
		for k := start; k < end; k++ {
			sc.clause1[k] = int32(end)
			sc.hedged[k] = hedge
		}
	}
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		boundary := t.punct == ';' || t.punct == ':' || t.punct == '(' || t.punct == ')' ||
			t.punct == '-' && i > 0 && sc.toks[i-1].end < t.start && i+1 < n && t.end < sc.toks[i+1].start ||
			t.chunk < 0 && t.class&(wcClause|wcRelPron) != 0 && t.cue < 0
		if boundary {
			flush(i)
			start, hedge = i, false
		}
		sc.clause0[i] = int32(start)
		if t.class&wcHedge != 0 {
			hedge = true
		}
		if a.isSpeechVerb(i) {
			// The clause reported by a speech verb starts after it.
			flush(i + 1)
			start, hedge = i+1, false
		}
	}
	flush(n)
}

// resize32 returns s with length n, reusing its storage.
func resize32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// resizeBool returns s with length n, all false, reusing its storage.
func resizeBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}
