package syntax

// chunkKind is the kind of a chunk.
type chunkKind uint8

const (
	ckOther  chunkKind = iota
	ckNP               // noun phrase; ref is the NP
	ckVG               // verb group; ref is the VG
	ckPP               // preposition + NP; ref is the NP, p1 the first unit of the NP
	ckPrep             // preposition without its NP yet
	ckComma            // ,
	ckSemi             // ;
	ckColon            // :
	ckDash             // spaced dash
	ckLParen           // ( [ {
	ckRParen           // ) ] }
	ckQuote            // quotation mark
	ckEnd              // . ? !
	ckCC               // and, or, nor, but, "as well as"
	ckSub              // opens an adverbial clause
	ckRel              // opens a relative clause
	ckComp             // "that"/"whether" opening a complement of a verb
	ckCompN            // "that" opening a complement of a noun
	ckThat             // "that" not yet resolved
	ckAdv              // adverb outside a verb group
)

// chunk is a run of units: a phrase or a single unit.
type chunk struct {
	kind   chunkKind
	u0, u1 int32 // units [u0, u1)
	ref    int32 // NP or VG index, -1 if none
	p1     int32 // for a PP: the first unit of its NP
}

// NP flags.
const (
	npCoord uint8 = 1 << iota
	npNeg
	npTime
	npPron
	npExpl   // existential "there"
	npProper // only proper nouns (and a leading "the")
)

// npRec is a noun phrase in units.
type npRec struct {
	u0, u1 int32
	head   int32
	poss   int32 // NP of the possessor, -1 if none
	m0, m1 int32 // members in s.members
	flags  uint8
}

// vgRec is a verb group in units, with its relations once found.
type vgRec struct {
	u0, u1  int32
	head    int32
	modal   int32
	flags   VGFlags
	clause  int32
	subj    int32 // NP of the subject, -1 if none
	agent   int32 // NP of the "by" agent, -1 if none
	gov     int32 // VG an infinitive complements, -1 if none
	comp    int32 // complement clause, -1 if none
	o0, o1  int32 // objects in s.objs
	obj     int32 // first object NP, -1 if none
	subjSet bool
}

// chunk splits the units into chunks: noun phrases, verb groups,
// prepositional phrases and single units; then joins titles and
// coordinations and decides what "that", "after" and the like open.
func (s *Sentence) chunk() {
	n := len(s.tags)
	s.fixTags()
	for u := 0; u < n; {
		s.steps++
		u = s.chunkAt(u)
	}
	s.joinTitles()
	s.joinCoordinations()
	s.resolveOpeners()
	s.uChunk = resize(s.uChunk, n)
	for ci := range s.chunks {
		c := &s.chunks[ci]
		for u := c.u0; u < c.u1; u++ {
			s.uChunk[u] = int32(ci)
		}
	}
}

// add appends a chunk and returns the unit after it.
func (s *Sentence) add(k chunkKind, u0, u1 int, ref int32) int {
	s.chunks = append(s.chunks, chunk{kind: k, u0: int32(u0), u1: int32(u1), ref: ref, p1: -1})
	return u1
}

// multiPrep returns the length of a multi-word preposition at u ("according
// to", "because of", "such as"), or 0.
func (s *Sentence) multiPrep(u int) int {
	if u+1 >= len(s.tags) {
		return 0
	}
	switch string(s.lowU(u)) {
	case "according", "due", "prior", "thanks", "owing", "next", "close":
		if s.is(u+1, "to") {
			return 2
		}
	case "because", "ahead", "instead", "out", "regardless", "irrespective", "outside", "inside":
		if s.is(u+1, "of") {
			return 2
		}
	case "such":
		if s.is(u+1, "as") {
			return 2
		}
	case "along", "together":
		if s.is(u+1, "with") {
			return 2
		}
	case "apart", "away":
		if s.is(u+1, "from") {
			return 2
		}
	}
	return 0
}

// chunkAt makes the chunk that starts at unit u and returns the unit after it.
func (s *Sentence) chunkAt(u int) int {
	t, w := s.tags[u], s.wc[u]
	switch t {
	case Comma:
		return s.add(ckComma, u, u+1, -1)
	case Period:
		return s.add(ckEnd, u, u+1, -1)
	case Colon:
		switch {
		case s.uf[u]&ufDash != 0:
			return s.add(ckDash, u, u+1, -1)
		case s.is(u, ";"):
			return s.add(ckSemi, u, u+1, -1)
		}
		return s.add(ckColon, u, u+1, -1)
	case LParen:
		return s.add(ckLParen, u, u+1, -1)
	case RParen:
		return s.add(ckRParen, u, u+1, -1)
	case LQuote, RQuote:
		return s.add(ckQuote, u, u+1, -1)
	}
	if k := s.multiPrep(u); k > 0 {
		return s.add(ckPrep, u, u+k, -1)
	}
	if s.is(u, "as") && s.is(u+1, "well") && s.is(u+2, "as") {
		return s.add(ckCC, u, u+3, -1)
	}
	switch {
	case w&wThat != 0 && !(t == DT && u+1 < len(s.tags) && (s.tags[u+1] == NN || s.tags[u+1] == NNS || s.tags[u+1].IsAdj())):
		return s.add(ckThat, u, u+1, -1)
	case w&wWhether != 0:
		return s.add(ckComp, u, u+1, -1)
	case w&wRel != 0 && (t == WDT || t == WP || t == WPS || t == WRB):
		return s.add(ckRel, u, u+1, -1)
	case w&wSub != 0 && (t == IN || t == WRB || t == RB):
		return s.add(ckSub, u, u+1, -1)
	case t == CC && w&wCorr == 0 || w&wCoord != 0 && t != DT:
		return s.add(ckCC, u, u+1, -1)
	case w&wPrep != 0 && u+1 < len(s.tags) && s.npStart(u+1):
		return s.add(ckPrep, u, u+1, -1)
	case s.npStart(u):
		return s.scanNP(u)
	case s.vgStart(u):
		return s.scanVG(u)
	case t == IN || t == TO || w&wPrep != 0 && (t == VBG || t == IN || t == RB || t == JJ):
		return s.add(ckPrep, u, u+1, -1)
	case t.IsAdv() || t == WRB || t == RP:
		return s.add(ckAdv, u, u+1, -1)
	}
	return s.add(ckOther, u, u+1, -1)
}

// npStart reports whether a noun phrase starts at unit u.
func (s *Sentence) npStart(u int) bool {
	switch t := s.tags[u]; {
	case t == DT || t == PDT || t == PRPS || t == WPS || t == CD || t.IsAdj() || t.IsNoun() ||
		t == PRP || t == EX || t == Dollar || t == Hash:
		return true
	case t.IsAdv() && u+1 < len(s.tags) && s.tags[u+1] == CD:
		return true // "nearly 300 people"
	case s.wc[u]&wCorr != 0 && u+1 < len(s.tags) && s.npStart(u+1):
		return true // "neither Egypt"
	}
	return false
}

// scanNP makes the noun phrase starting at unit u.
func (s *Sentence) scanNP(u0 int) int {
	n := len(s.tags)
	rec := npRec{u0: int32(u0), head: -1, poss: -1, m0: -1, m1: -1}
	u := u0
	det := true // a determiner may come next
	noun := false
	proper := true
	switch s.tags[u0] {
	case PRP, EX:
		rec.u1, rec.head = int32(u0+1), int32(u0)
		rec.flags = npPron
		if s.tags[u0] == EX {
			rec.flags = npExpl
		}
		return s.addNP(rec)
	}
loop:
	for ; u < n; u++ {
		s.steps++
		t := s.tags[u]
		switch {
		case u == u0 && s.wc[u]&wCorr != 0:
			proper = false
		case t == DT || t == PDT || t == PRPS || t == WPS:
			if !det || u > u0 && s.wc[u]&wCorr != 0 {
				break loop
			}
			det = t == PDT
			if u > u0 || !s.is(u, "the") {
				proper = false
			}
		case t == CD || t == Dollar || t == Hash:
			det = false
			rec.head = int32(u)
			if noun {
				proper = false
			}
		case t.IsAdj():
			if noun {
				break loop
			}
			det = false
			proper = false
		case t.IsNoun():
			if noun && s.wc[u]&wTime != 0 && s.uf[u]&ufCap == 0 && s.tags[u-1] != NN && s.tags[u-1] != NNS {
				break loop // "near Bakhmut overnight"
			}
			det, noun = false, true
			rec.head = int32(u)
			if t != NNP && t != NNPS {
				proper = false
			}
		case t == POS:
			if rec.head < 0 {
				break loop
			}
			// The possessor ends here; the possessed noun follows.
			s.nps = append(s.nps, npRec{u0: rec.u0, u1: int32(u + 1), head: rec.head, poss: rec.poss, m0: -1, m1: -1})
			rec.poss = int32(len(s.nps) - 1)
			det, noun, proper = false, false, false
		case (t == VBN || t == VBG) && u > u0 && !noun && u+1 < n && (s.tags[u+1].IsNoun() || s.tags[u+1].IsAdj()):
			det = false
			proper = false
		case t.IsAdv() && u == u0:
			proper = false
		default:
			break loop
		}
	}
	if u == u0 {
		u = u0 + 1
	}
	rec.u1 = int32(u)
	if rec.head < 0 {
		rec.head = int32(u - 1)
	}
	if proper && noun {
		rec.flags |= npProper
	}
	if s.isTimeNP(&rec) {
		rec.flags |= npTime
	}
	if s.wc[u0]&wNoDet != 0 {
		rec.flags |= npNeg
	}
	return s.addNP(rec)
}

// addNP appends an NP record and its chunk and returns the unit after it.
func (s *Sentence) addNP(rec npRec) int {
	s.nps = append(s.nps, rec)
	return s.add(ckNP, int(rec.u0), int(rec.u1), int32(len(s.nps)-1))
}

// isTimeNP reports whether the NP is a time expression: its head is a time
// word or a year.
func (s *Sentence) isTimeNP(r *npRec) bool {
	h := int(r.head)
	if s.wc[h]&wTime != 0 && (s.tags[h].IsNoun() || s.tags[h] == RB) {
		return !s.is(h, "may") || s.uf[h]&ufCap != 0
	}
	if s.tags[h] == CD && r.u1-r.u0 <= 2 {
		b := s.lowU(h)
		return len(b) == 4 && isInt(b) && (b[0] == '1' && b[1] == '9' || b[0] == '2' && b[1] == '0')
	}
	return false
}

// isAux reports whether unit u is an auxiliary verb.
func (s *Sentence) isAux(u int) bool {
	if s.tags[u] == MD || s.wc[u]&(wBe|wHave|wDo|wGet|wModal) != 0 {
		return true
	}
	return s.is(u, "'s") && s.tags[u] == VBZ
}

// isVerbUnit reports whether unit u is a verb or modal.
func (s *Sentence) isVerbUnit(u int) bool {
	return u < len(s.tags) && (s.tags[u].IsVerb() || s.tags[u] == MD)
}

// vgStart reports whether a verb group starts at unit u.
func (s *Sentence) vgStart(u int) bool {
	t := s.tags[u]
	if t.IsVerb() || t == MD {
		return true
	}
	if s.wc[u]&wNeg != 0 && t.IsAdv() {
		v := u + 1
		for v < len(s.tags) && v-u < 3 && s.tags[v].IsAdv() {
			v++
		}
		return v < len(s.tags) && (s.tags[v].IsVerb() && s.tags[v] != VBG || s.tags[v] == MD)
	}
	if t == TO {
		v := u + 1
		for v < len(s.tags) && v-u < 4 && (s.tags[v].IsAdv() || s.wc[v]&wNeg != 0) {
			v++
		}
		return v < len(s.tags) && s.tags[v] == VB
	}
	return false
}

// scanVG makes the verb group starting at unit u.
func (s *Sentence) scanVG(u0 int) int {
	n := len(s.tags)
	rec := vgRec{u0: int32(u0), head: -1, modal: -1, subj: -1, agent: -1, gov: -1, comp: -1, obj: -1, clause: -1}
	last := -1 // last verb unit
	u := u0
	if s.tags[u0] == TO {
		rec.flags |= Infinitive
		u++
	}
	for u < n && !s.isVerbUnit(u) && u-u0 < 4 {
		u++ // "never recognised", "to not attack"
	}
	for u < n {
		s.steps++
		t := s.tags[u]
		switch {
		case t.IsVerb() || t == MD:
			if last >= 0 && !s.chains(last, u) {
				goto done
			}
			if t == VBD && last >= 0 && s.wc[last]&(wBe|wHave|wGet) != 0 {
				s.tags[u] = VBN // "has rejected", "was criticised"
			}
			last = u
			u++
		case (t.IsAdv() || s.wc[u]&wNeg != 0) && last >= 0:
			v := u
			for v < n && v-u < 4 && (s.tags[v].IsAdv() || s.wc[v]&wNeg != 0) {
				v++
			}
			if v < n && s.isVerbUnit(v) && s.chains(last, v) {
				u = v
				continue
			}
			if s.wc[u]&wNeg != 0 || s.is(u, "also") || s.is(u, "not") {
				u++ // "did not", "has not": the negation closes the group
				continue
			}
			goto done
		case t == RP && last >= 0:
			u++
			goto done
		default:
			goto done
		}
	}
done:
	if last < 0 {
		last = u - 1
	}
	// Trailing adverbs that did not lead to a verb stay outside.
	for u > last+1 && s.tags[u-1] != RP && s.wc[u-1]&wNeg == 0 {
		u--
	}
	rec.u1 = int32(u)
	rec.head = int32(last)
	s.vgFlags(&rec)
	s.vgs = append(s.vgs, rec)
	return s.add(ckVG, u0, u, int32(len(s.vgs)-1))
}

// chains reports whether verb unit v continues the group whose last verb
// is unit prev: after an auxiliary any verb, after a full verb only a base
// form or a gerund ("helped build", "began attacking").
func (s *Sentence) chains(prev, v int) bool {
	if s.tags[v] == MD {
		return false
	}
	if s.isAux(prev) {
		return s.tags[v] != VBD || s.wc[prev]&wDo == 0 && s.tags[prev] != MD
	}
	return s.tags[v] == VB || s.tags[v] == VBG
}

// vgFlags sets the flags, head and modal of a verb group.
func (s *Sentence) vgFlags(r *vgRec) {
	first := true
	prevVerb := -1
	if u := int(r.u0) - 1; u >= 0 && s.uf[u]&ufClitic != 0 {
		cw := s.cw[u]
		r.flags |= Finite
		if cw&wModal != 0 {
			r.flags |= Modal
		}
		if cw&wHypo != 0 {
			r.flags |= Hypothetical
		}
		if cw&wFuture != 0 {
			r.flags |= Future
		}
		if cw&wBe != 0 && s.tags[r.head] == VBN {
			r.flags |= Passive
		}
	}
	for u := int(r.u0); u < int(r.u1); u++ {
		t, w := s.tags[u], s.wc[u]
		if w&wNeg != 0 {
			r.flags |= Negated
		}
		if t != MD && !t.IsVerb() {
			continue
		}
		if first && r.flags&Infinitive == 0 {
			if t.isFinite() || t == VB {
				r.flags |= Finite
			}
			if t == VBD || w&(wBe|wHave|wDo) != 0 && t == VBD {
				r.flags |= Past
			}
		}
		first = false
		if t == MD || w&wModal != 0 && t != VB {
			if r.modal < 0 {
				r.modal = int32(u)
			}
			r.flags |= Modal
			if w&wHypo != 0 {
				r.flags |= Hypothetical
			}
			if w&wFuture != 0 {
				r.flags |= Future
			}
		}
		if prevVerb >= 0 && int32(u) == r.head {
			pw := s.wc[prevVerb]
			switch {
			case t == VBN && (pw&(wBe|wGet) != 0 || s.is(prevVerb, "'s")):
				r.flags |= Passive
			case t == VBN && pw&wHave != 0:
				r.flags |= Perfect
			case t == VBG && pw&wBe != 0:
				r.flags |= Progressive
			}
		}
		if t == VBN && prevVerb >= 0 && s.wc[prevVerb]&wHave != 0 {
			r.flags |= Perfect
		}
		prevVerb = u
	}
	if r.flags&(Finite|Infinitive) == 0 && (s.tags[r.head] == VBN || s.tags[r.head] == VBG) {
		r.flags |= Participle
		if s.tags[r.head] == VBN {
			r.flags |= Passive
		}
	}
}

// joinTitles joins "Secretary of State Antony Blinken" and "Bank of
// England": a proper NP, "of" and a proper NP become one NP.
func (s *Sentence) joinTitles() {
	out := s.chunks[:0]
	for i := 0; i < len(s.chunks); i++ {
		c := s.chunks[i]
		if c.kind == ckNP && i+2 < len(s.chunks) && s.nps[c.ref].flags&npProper != 0 &&
			s.chunks[i+1].kind == ckPrep && s.is(int(s.chunks[i+1].u0), "of") && s.chunks[i+1].u1 == s.chunks[i+1].u0+1 &&
			s.chunks[i+2].kind == ckNP && s.nps[s.chunks[i+2].ref].flags&npProper != 0 &&
			s.uf[s.chunks[i+2].u0]&ufCap != 0 {
			a, b := &s.nps[c.ref], s.nps[s.chunks[i+2].ref]
			a.u1 = b.u1
			if b.u1-b.u0 >= 2 {
				a.head = b.head
			}
			a.flags &^= npTime
			c.u1 = b.u1
			out = append(out, c)
			i += 2
			continue
		}
		out = append(out, c)
	}
	s.chunks = out
}

// prevChunk returns the index of the chunk before ci, skipping adverbs and
// quotes, or -1.
func (s *Sentence) prevChunk(ci int) int {
	for ci--; ci >= 0; ci-- {
		if k := s.chunks[ci].kind; k != ckAdv && k != ckQuote {
			return ci
		}
	}
	return -1
}

// nextChunk returns the index of the chunk after ci, skipping adverbs and
// quotes, or len(s.chunks).
func (s *Sentence) nextChunk(ci int) int {
	for ci++; ci < len(s.chunks); ci++ {
		if k := s.chunks[ci].kind; k != ckAdv && k != ckQuote {
			return ci
		}
	}
	return len(s.chunks)
}

// isFiniteVG reports whether chunk ci is a finite verb group.
func (s *Sentence) isFiniteVG(ci int) bool {
	return ci < len(s.chunks) && s.chunks[ci].kind == ckVG && s.vgs[s.chunks[ci].ref].flags&Finite != 0
}

// subjectPosition reports whether an NP at chunk ci can be a subject: it
// starts the sentence or follows punctuation or a clause opener.
func (s *Sentence) subjectPosition(ci int) bool {
	p := s.prevChunk(ci)
	if p < 0 {
		return true
	}
	switch s.chunks[p].kind {
	case ckComma, ckSemi, ckColon, ckDash, ckLParen, ckSub, ckRel, ckComp, ckCompN, ckThat, ckCC:
		return true
	case ckVG:
		// After a speech verb a new clause may start: "said Iran and Iraq attacked".
		return s.wc[s.vgs[s.chunks[p].ref].head]&wSpeech != 0
	}
	return false
}

// inSubjectPP reports whether the NP at chunk i is the object of a
// preposition in a stretch with no verb yet: "The talks between Israel and
// Hamas collapsed".
func (s *Sentence) inSubjectPP(i int) bool {
	p := s.prevChunk(i)
	if p < 0 || s.chunks[p].kind != ckPrep {
		return false
	}
	if s.is(int(s.chunks[p].u0), "between") {
		return true
	}
	for k := s.prevChunk(p); k >= 0 && p-k < lookahead; k = s.prevChunk(k) {
		s.steps++
		switch s.chunks[k].kind {
		case ckNP:
			return true
		case ckPrep:
		default:
			return false
		}
	}
	return false
}

// maxMembers bounds the members of one coordination.
const maxMembers = 12

// joinCoordinations joins "X and Y", "X, Y and Z", "neither X nor Y" into
// coordinated NPs, except when the last member is the subject of a new
// clause ("Israel attacked Gaza and Egypt condemned it").
func (s *Sentence) joinCoordinations() {
	out := s.tmp[:0]
	for i := 0; i < len(s.chunks); {
		c := s.chunks[i]
		if c.kind == ckNP {
			if j, ok := s.coordination(i); ok {
				out = append(out, s.makeCoord(i, j))
				i = j + 1
				continue
			}
		}
		out = append(out, c)
		i++
	}
	s.chunks, s.tmp = out, s.chunks[:0]
}

// coordination reports whether the NP at chunk i starts a coordination and
// returns the chunk of its last member.
func (s *Sentence) coordination(i int) (int, bool) {
	k := i + 1
	for m := 1; m < maxMembers && k+1 < len(s.chunks); m++ {
		s.steps++
		c := s.chunks[k]
		switch {
		case c.kind == ckComma && s.chunks[k+1].kind == ckNP:
			k += 2
			continue
		case c.kind == ckComma && s.chunks[k+1].kind == ckCC && k+2 < len(s.chunks) && s.chunks[k+2].kind == ckNP:
			k += 3
		case c.kind == ckCC && s.chunks[k+1].kind == ckNP && !s.is(int(c.u0), "but"):
			k += 2
		default:
			return 0, false
		}
		last := k - 1
		if s.isFiniteVG(s.nextChunk(last)) && !s.subjectPosition(i) &&
			!(last == i+2 && s.inSubjectPP(i)) {
			return 0, false
		}
		if s.nps[s.chunks[last].ref].flags&(npPron|npExpl) != 0 && s.nps[s.chunks[i].ref].flags&npPron == 0 &&
			s.isFiniteVG(s.nextChunk(last)) && k-i > 3 {
			return 0, false
		}
		return last, true
	}
	return 0, false
}

// makeCoord makes the coordinated NP of chunks i..j.
func (s *Sentence) makeCoord(i, j int) chunk {
	rec := npRec{u0: s.chunks[i].u0, u1: s.chunks[j].u1, poss: -1, flags: npCoord}
	rec.m0 = int32(len(s.members))
	for k := i; k <= j; k++ {
		c := s.chunks[k]
		if c.kind == ckCC && s.is(int(c.u0), "nor") {
			rec.flags |= npNeg
		}
		if c.kind != ckNP {
			continue
		}
		m := &s.nps[c.ref]
		if s.wc[m.u0]&wCorr != 0 && m.u1-m.u0 > 1 {
			if s.is(int(m.u0), "neither") {
				rec.flags |= npNeg
			}
			m.u0++
		}
		s.members = append(s.members, c.ref)
		rec.head = m.head
	}
	rec.m1 = int32(len(s.members))
	s.nps = append(s.nps, rec)
	return chunk{kind: ckNP, u0: rec.u0, u1: rec.u1, ref: int32(len(s.nps) - 1), p1: -1}
}

// resolveOpeners decides what "that", "after" and the like open and joins
// prepositions with their NPs.
func (s *Sentence) resolveOpeners() {
	out := s.tmp[:0]
	for i := 0; i < len(s.chunks); i++ {
		s.steps++
		c := s.chunks[i]
		switch c.kind {
		case ckThat:
			c.kind = s.resolveThat(i)
			c.ref = s.chunks[i].ref
		case ckSub:
			u := int(c.u0)
			if s.wc[u]&wSubAlso != 0 && !s.opensClause(i) {
				if s.tags[u] == IN {
					c.kind = ckPrep
				} else {
					c.kind = ckAdv
				}
			}
		case ckRel:
			if s.is(int(c.u0), "where") && !s.opensClause(i) {
				c.kind = ckAdv
			}
		}
		if c.kind == ckPrep {
			if n := i + 1; n < len(s.chunks) && s.chunks[n].kind == ckNP {
				np := s.chunks[n]
				c = chunk{kind: ckPP, u0: c.u0, u1: np.u1, ref: np.ref, p1: np.u0}
				i++
			} else if s.isVGChunk(n, VBG) {
				c.kind = ckSub // "by attacking", "after meeting Putin"
			} else if s.is(int(c.u0), "to") {
				c.kind = ckOther
			}
		}
		out = append(out, c)
	}
	s.chunks, s.tmp = out, s.chunks[:0]
}

// isVGChunk reports whether chunk ci is a verb group headed by a verb of tag t.
func (s *Sentence) isVGChunk(ci int, t Tag) bool {
	if ci >= len(s.chunks) || s.chunks[ci].kind != ckVG {
		return false
	}
	v := s.vgs[s.chunks[ci].ref]
	return s.tags[v.u0] == t && v.flags&Finite == 0
}

// opensClause reports whether the word at chunk i is followed by a clause:
// a subject and a finite verb ("after Russia invaded"), or a gerund.
func (s *Sentence) opensClause(i int) bool {
	n := s.nextChunk(i)
	if n >= len(s.chunks) {
		return false
	}
	switch s.chunks[n].kind {
	case ckNP:
		v := s.nextChunk(n)
		for v < len(s.chunks) && s.chunks[v].kind == ckPrep && v-n < 4 {
			v = s.nextChunk(v + 1)
		}
		return s.isFiniteVG(v)
	case ckVG:
		return s.isVGChunk(n, VBG) || s.isVGChunk(n, VBN)
	}
	return false
}

// resolveThat decides what the "that" at chunk i opens.
func (s *Sentence) resolveThat(i int) chunkKind {
	u := int(s.chunks[i].u0)
	if u > 0 && (s.is(u-1, "so") || s.is(u-1, "now") || s.is(u-1, "given") || s.is(u-1, "such")) {
		return ckSub
	}
	p := s.prevChunk(i)
	if p >= 0 && s.chunks[p].kind == ckComma {
		p = s.prevChunk(p)
	}
	if p < 0 {
		if s.tags[u] == DT {
			return s.thatPronoun(i)
		}
		return ckComp
	}
	next := s.nextChunk(i)
	switch s.chunks[p].kind {
	case ckVG:
		return ckComp
	case ckNP, ckPrep:
		// "told reporters that", "warned Iran on Tuesday that"
		for q := p; q >= 0 && p-q < 6; q = s.prevChunk(q) {
			k := s.chunks[q].kind
			if k == ckVG {
				if s.wc[s.vgs[s.chunks[q].ref].head]&wSpeech != 0 && s.chunks[p].kind == ckNP &&
					s.nps[s.chunks[p].ref].flags&npPron == 0 && s.wc[s.nps[s.chunks[p].ref].head]&wCompNoun == 0 {
					return ckComp
				}
				break
			}
			if k != ckNP && k != ckPrep {
				break
			}
		}
		if s.chunks[p].kind == ckPrep {
			return ckCompN
		}
		np := s.nps[s.chunks[p].ref]
		if s.isFiniteVG(next) {
			return ckRel // "the missiles that hit Kyiv"
		}
		if s.wc[np.head]&wCompNoun != 0 || s.tags[u] == IN {
			return ckCompN
		}
		return ckRel
	case ckComma, ckSemi, ckColon, ckDash, ckCC, ckSub, ckComp:
		if s.tags[u] == DT {
			return s.thatPronoun(i)
		}
		return ckComp
	}
	return ckComp
}

// thatPronoun makes the "that" at chunk i a pronoun NP ("that is why").
func (s *Sentence) thatPronoun(i int) chunkKind {
	u := s.chunks[i].u0
	s.nps = append(s.nps, npRec{u0: u, u1: u + 1, head: u, poss: -1, m0: -1, m1: -1, flags: npPron})
	s.chunks[i].ref = int32(len(s.nps) - 1)
	return ckNP
}

// fixTags corrects tagging errors that break phrases and clauses: a verb in
// -s read as a noun where its stretch of the sentence has no other verb
// ("If Iran attacks/NNS Kuwait", "Unless Israel withdraws/NN ,"), a past
// tense read as an adjective after "and" ("and annexed/JJ Crimea"), and a
// hyphenated name read as an adjective ("Bashar al-Assad/JJ thanked").
func (s *Sentence) fixTags() {
	n := len(s.tags)
	noVerb := true
	for _, t := range s.tags {
		if t.isFinite() {
			noVerb = false
			break
		}
	}
	start := 0
	for start < n {
		end := start
		finite := false
		for end < n && s.tags[end] != Comma && s.tags[end] != Colon && s.tags[end] != Period {
			if s.tags[end].isFinite() {
				finite = true
			}
			end++
		}
		opened := noVerb || s.wc[start]&wSub != 0 || start+1 < end && s.wc[start+1]&wSub != 0
		for u := start + 1; u < end; u++ {
			s.steps++
			t, prev := s.tags[u], s.tags[u-1]
			next := NoTag
			if u+1 < n {
				next = s.tags[u+1]
			}
			subj := prev == NNP || prev == NNPS || prev == PRP
			obj := next == DT || next == NNP || next == NNPS || next == PRPS || next == CD || next == PRP
			switch {
			case (t == NNS || t == NN) && !finite && subj && s.uf[u]&(ufCap|ufLower) != ufCap && endsWithS(s.lowU(u)) &&
				(t == NNS && obj || opened && (obj || next == JJ || u+1 == end)):
				s.tags[u] = VBZ
				finite = true
			case t == JJ && obj && next != CD && prev == CC && s.wc[u-1]&wCoord != 0 && endsWithEd(s.lowU(u)):
				s.tags[u] = VBD
			case t == JJ && s.uf[u]&ufGlued != 0 && !next.IsNoun() && !next.IsAdj() && s.capitalLast(u):
				s.tags[u] = NNP
			}
		}
		start = end + 1
	}
}

// capitalLast reports whether the last token of unit u starts with an
// upper-case letter ("al-Assad").
func (s *Sentence) capitalLast(u int) bool {
	t := s.toks[s.uTok[u+1]-1]
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

// endsWithS reports whether w ends in a single "s".
func endsWithS(w []byte) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u'
}

// endsWithEd reports whether w ends in "ed".
func endsWithEd(w []byte) bool {
	return len(w) > 3 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd'
}
