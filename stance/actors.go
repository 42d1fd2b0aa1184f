package stance

import "bytes"

// Actors: the gazetteer's mentions mapped to tokens and merged into actor
// chunks ("Russian Foreign Minister Sergey Lavrov" is one), each with the
// preposition in front of it, whether it is a place, the owner of an
// economic figure or a sub-state actor (its agent noun, from the table of
// agents.go), and its coordination group ("X and Y", "X, Y and Z").

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
		if code, ok := a.ag.lookup(buf); ok {
			return code, k
		}
	}
	return "", 0
}

// groupChunks joins coordinated chunks into groups: "X and Y", "X-Y", and
// comma lists closed by "and" ("China, Russia and South Africa"); commas
// alone join only in a title ("Russia, China Promote Ties"). Members take
// the preposition of the first member. It runs in linear time.
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
