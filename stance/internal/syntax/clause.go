package syntax

// clauseRec is a clause in units, with the state of the clause pass.
type clauseRec struct {
	kind     ClauseKind
	u0, u1   int32
	parent   int32
	opener   int32     // unit, -1 if none
	anchor   int32     // unit, -1 if none
	anchorNP int32     // NP of the antecedent, -1 if none
	anchorVG int32     // VG the clause modifies, -1 if none
	closer   chunkKind // ckComma, ckDash or ckRParen; ckOther if none
	depth    int32
	firstVG  int32 // first unit of the first finite VG directly in the clause, -1 if none

	nVG      int32 // finite verb groups directly in the clause
	lastVG   int32 // chunk of the last finite VG, -1 if none
	lastAny  int32 // chunk of the last VG of any kind, -1 if none
	npSince  int32 // bare NPs since lastVG
	lastNP   int32 // chunk of the last bare NP, -1 if none
	tailDone bool
}

// findClauses splits the sentence into nested clauses in one pass over the
// chunks, with a stack of open clauses.
func (s *Sentence) findClauses() {
	n := int32(len(s.tags))
	s.clauses = append(s.clauses, clauseRec{kind: MainClause, u0: 0, u1: n, parent: -1, opener: -1, anchor: -1,
		anchorNP: -1, anchorVG: -1, lastVG: -1, lastAny: -1, lastNP: -1})
	s.stack = append(s.stack[:0], 0)
	for ci := 0; ci < len(s.chunks); ci++ {
		s.steps++
		c := s.chunks[ci]
		top := &s.clauses[s.top()]
		switch c.kind {
		case ckComma:
			s.onComma(ci)
		case ckSemi:
			s.closeTo(0, c.u1)
			s.newMain(c.u1)
		case ckColon:
			if p := s.prevChunk(ci); p >= 0 && s.chunks[p].kind == ckVG && s.wc[s.vgs[s.chunks[p].ref].head]&wSpeech != 0 {
				k := s.open(ComplementClause, c.u1, -1, s.vgs[s.chunks[p].ref].head, ckOther)
				if k >= 0 {
					s.clauses[k].anchorVG = s.chunks[p].ref
					s.vgs[s.chunks[p].ref].comp = k
				}
			} else {
				s.closeTo(0, c.u1)
				s.newMain(c.u1)
			}
		case ckDash, ckRParen:
			if j := s.findCloser(c.kind); j > 0 {
				s.closeTo(j, c.u0)
				s.pop(c.u1)
			} else if c.kind == ckDash {
				s.open(ParentheticalClause, c.u0, -1, -1, ckDash)
			}
		case ckLParen:
			s.open(ParentheticalClause, c.u0, -1, -1, ckRParen)
		case ckSub:
			kind := SubordinateClause
			if s.wc[c.u0]&wCond != 0 {
				kind = ConditionalClause
			}
			u0, closer := c.u0, ckOther
			if p := s.prevChunk(ci); p >= 0 && s.chunks[p].kind == ckComma {
				u0, closer = s.chunks[p].u0, ckComma
			} else if top.nVG == 0 {
				closer = ckComma // a fronted clause ends at its comma
			}
			s.open(kind, u0, c.u0, -1, closer)
		case ckRel:
			u0, closer := c.u0, ckOther
			p := s.prevChunk(ci)
			if p >= 0 && s.chunks[p].kind == ckComma {
				u0, closer = s.chunks[p].u0, ckComma
				p = s.prevChunk(p)
			} else if p >= 0 && (s.chunks[p].kind == ckDash || s.chunks[p].kind == ckLParen) {
				p = s.prevChunk(p)
			}
			np := s.npOf(p)
			anchor := int32(-1)
			if np >= 0 {
				anchor = s.nps[np].head
			}
			if k := s.open(RelativeClause, u0, c.u0, anchor, closer); k >= 0 {
				s.clauses[k].anchorNP = np
			}
		case ckComp:
			anchor, vg := int32(-1), int32(-1)
			if top.lastAny >= 0 {
				vg = s.chunks[top.lastAny].ref
				anchor = s.vgs[vg].head
			}
			if k := s.open(ComplementClause, c.u0, c.u0, anchor, ckOther); k >= 0 {
				s.clauses[k].anchorVG = vg
				if vg >= 0 && s.vgs[vg].comp < 0 {
					s.vgs[vg].comp = k
				}
			}
		case ckCompN:
			p := s.prevChunk(ci)
			if p >= 0 && s.chunks[p].kind == ckComma {
				p = s.prevChunk(p)
			}
			np := s.npOf(p)
			anchor := int32(-1)
			if np >= 0 {
				anchor = s.nps[np].head
			}
			if k := s.open(NounComplementClause, c.u0, c.u0, anchor, ckOther); k >= 0 {
				s.clauses[k].anchorNP = np
			}
		case ckVG:
			s.onVG(ci)
		case ckNP:
			if s.nps[c.ref].flags&npTime == 0 {
				top.npSince++
				top.lastNP = int32(ci)
			}
		}
	}
	s.closeTo(0, n)
	s.clauses[s.stack[0]].u1 = n
	s.paintClauses()
	s.anchorAdverbials()
}

// top returns the innermost open clause.
func (s *Sentence) top() int32 { return s.stack[len(s.stack)-1] }

// npOf returns the NP of chunk ci (an NP, or the object of a PP), or -1.
func (s *Sentence) npOf(ci int) int32 {
	if ci < 0 || ci >= len(s.chunks) {
		return -1
	}
	if k := s.chunks[ci].kind; k == ckNP || k == ckPP {
		return s.chunks[ci].ref
	}
	return -1
}

// open opens a clause of kind k at unit u0 inside the innermost clause and
// returns its index, or -1 when the nesting is too deep.
func (s *Sentence) open(k ClauseKind, u0, opener, anchor int32, closer chunkKind) int32 {
	if len(s.stack) >= maxDepth {
		return -1
	}
	p := s.top()
	s.clauses = append(s.clauses, clauseRec{kind: k, u0: u0, u1: int32(len(s.tags)), parent: p, opener: opener,
		anchor: anchor, anchorNP: -1, anchorVG: -1, closer: closer, lastVG: -1, lastAny: -1, lastNP: -1})
	i := int32(len(s.clauses) - 1)
	s.stack = append(s.stack, i)
	return i
}

// pop closes the innermost clause at unit u1.
func (s *Sentence) pop(u1 int32) {
	if len(s.stack) <= 1 {
		return
	}
	c := &s.clauses[s.top()]
	c.u1 = max(u1, c.u0)
	s.stack = s.stack[:len(s.stack)-1]
}

// closeTo closes the clauses above stack level j at unit u1.
func (s *Sentence) closeTo(j int, u1 int32) {
	for len(s.stack)-1 > j {
		s.pop(u1)
	}
}

// newMain ends the top clause at unit u0 and starts a new one there
// (after ";").
func (s *Sentence) newMain(u0 int32) {
	if u0 >= int32(len(s.tags)) {
		return
	}
	s.clauses[s.stack[0]].u1 = u0
	s.clauses = append(s.clauses, clauseRec{kind: MainClause, u0: u0, u1: int32(len(s.tags)), parent: -1, opener: -1,
		anchor: -1, anchorNP: -1, anchorVG: -1, lastVG: -1, lastAny: -1, lastNP: -1})
	s.stack = append(s.stack[:0], int32(len(s.clauses)-1))
}

// findCloser returns the stack level of the innermost clause closed by k,
// not looking past clauses closed by something else, nor closing a clause
// that still waits for its verb ("while the Philippines, which ..., restructured");
// 0 if none.
func (s *Sentence) findCloser(k chunkKind) int {
	for j := len(s.stack) - 1; j > 0; j-- {
		c := &s.clauses[s.stack[j]]
		if c.closer == k {
			if k == ckComma && c.nVG == 0 && verbal(c.kind) {
				return 0
			}
			return j
		}
		if c.closer != ckOther {
			return 0
		}
	}
	return 0
}

// verbal reports whether clauses of kind k have a verb of their own.
func verbal(k ClauseKind) bool {
	return k == RelativeClause || k == SubordinateClause || k == ConditionalClause || k == ReducedClause
}

// restrictive reports whether clause kind k ends at a comma even when it did
// not start at one.
func restrictive(k ClauseKind) bool {
	return k == RelativeClause || k == ReducedClause || k == SubordinateClause || k == ConditionalClause
}

// onComma closes the clauses a comma ends and opens the one it starts.
func (s *Sentence) onComma(ci int) {
	c := s.chunks[ci]
	if j := s.findCloser(ckComma); j > 0 {
		s.closeTo(j, c.u0)
		s.pop(c.u1)
	} else {
		for len(s.stack) > 1 {
			t := s.clauses[s.top()]
			if t.closer != ckOther || !restrictive(t.kind) || t.nVG == 0 {
				break
			}
			s.pop(c.u0)
		}
	}
	s.openAtComma(ci)
}

// openAtComma opens the appositive, reduced or parenthetical clause that the
// comma at chunk ci starts, if any.
func (s *Sentence) openAtComma(ci int) {
	c := s.chunks[ci]
	top := &s.clauses[s.top()]
	p := s.prevChunk(ci)
	n := s.nextChunk(ci)
	if p < 0 || n >= len(s.chunks) {
		return
	}
	pk := s.chunks[p].kind
	switch s.chunks[n].kind {
	case ckNP:
		if (pk == ckNP || pk == ckPP) && s.appositive(n) {
			if k := s.open(AppositiveClause, c.u0, -1, s.nps[s.chunks[p].ref].head, ckComma); k >= 0 {
				s.clauses[k].anchorNP = s.chunks[p].ref
			}
			return
		}
		// ", officials said," between a subject and its verb
		if top.nVG == 0 && top.npSince > 0 && s.speechAside(n) {
			s.open(ParentheticalClause, c.u0, -1, -1, ckComma)
		}
	case ckVG:
		v := s.vgs[s.chunks[n].ref]
		if v.flags&Participle == 0 {
			return
		}
		anchor, np, vg := int32(-1), int32(-1), int32(-1)
		if top.nVG == 0 && pk == ckNP {
			np = s.chunks[p].ref
			anchor = s.nps[np].head
		} else if top.lastVG >= 0 {
			vg = s.chunks[top.lastVG].ref
			anchor = s.vgs[vg].head
		} else if pk == ckNP {
			np = s.chunks[p].ref
			anchor = s.nps[np].head
		}
		if k := s.open(ReducedClause, c.u0, -1, anchor, ckComma); k >= 0 {
			s.clauses[k].anchorNP, s.clauses[k].anchorVG = np, vg
		}
	case ckPP, ckAdv, ckPrep, ckOther, ckComma:
		if top.nVG == 0 && top.npSince > 0 && (pk == ckNP || pk == ckPP) && s.aside(ci+1) {
			s.open(ParentheticalClause, c.u0, -1, -1, ckComma)
		}
	}
}

// lookahead bounds the chunks the comma rules look at.
const lookahead = 10

// appositive reports whether the NP at chunk n, with the PPs after it, ends
// at a comma or the end of the sentence before any verb.
func (s *Sentence) appositive(n int) bool {
	k := n + 1
	for ; k < len(s.chunks) && k-n < lookahead; k++ {
		s.steps++
		switch s.chunks[k].kind {
		case ckPP, ckAdv, ckQuote:
		case ckComma, ckEnd, ckSemi, ckDash, ckRParen:
			return true
		default:
			return false
		}
	}
	return k >= len(s.chunks)
}

// aside reports whether the chunks from n reach a comma before any finite
// verb: an aside between a subject and its verb.
func (s *Sentence) aside(n int) bool {
	for k := n; k < len(s.chunks) && k-n < lookahead; k++ {
		s.steps++
		switch s.chunks[k].kind {
		case ckComma:
			return k > n
		case ckVG:
			if s.vgs[s.chunks[k].ref].flags&Finite != 0 {
				return false
			}
		case ckEnd, ckSemi, ckColon, ckSub, ckRel, ckComp:
			return false
		}
	}
	return false
}

// speechAside reports whether chunks n.. are "NP said ,".
func (s *Sentence) speechAside(n int) bool {
	v := s.nextChunk(n)
	if v >= len(s.chunks) || s.chunks[v].kind != ckVG || s.wc[s.vgs[s.chunks[v].ref].head]&wSpeech == 0 {
		return false
	}
	e := s.nextChunk(v)
	return e < len(s.chunks) && s.chunks[e].kind == ckComma
}

// coordinated reports whether the VG at chunk ci follows a coordinator.
func (s *Sentence) coordinated(ci int) bool {
	p := s.prevChunk(ci)
	return p >= 0 && s.chunks[p].kind == ckCC
}

// finiteAhead reports whether a finite VG follows chunk ci in the same
// clause, within a bounded distance.
func (s *Sentence) finiteAhead(ci int) bool {
	for k := ci + 1; k < len(s.chunks) && k-ci < 2*lookahead; k++ {
		s.steps++
		switch s.chunks[k].kind {
		case ckVG:
			if s.vgs[s.chunks[k].ref].flags&Finite != 0 {
				return true
			}
		case ckEnd, ckSemi, ckColon, ckSub, ckRel, ckComp, ckCompN:
			return false
		}
	}
	return false
}

// onVG places the verb group at chunk ci in its clause.
func (s *Sentence) onVG(ci int) {
	c := s.chunks[ci]
	vi := c.ref
	v := &s.vgs[vi]
	top := &s.clauses[s.top()]
	switch {
	case v.flags&Infinitive != 0:
		if top.lastAny >= 0 && ci-int(top.lastAny) <= 6 && s.onlyArgs(int(top.lastAny)+1, ci) {
			v.gov = s.chunks[top.lastAny].ref
		}
		top.lastAny = int32(ci)
		return
	case v.flags&Participle != 0:
		p := s.prevChunk(ci)
		np := s.npOf(p)
		if p >= 0 && (s.chunks[p].kind == ckDash || s.chunks[p].kind == ckLParen) && top.kind == ParentheticalClause {
			np = s.npOf(s.prevChunk(p)) // "separatists - backed by Moscow -"
		}
		vbn := s.tags[v.head] == VBN && v.u1-v.u0 == 1
		switch {
		case top.kind == ReducedClause && top.nVG == 0:
			// opened by the comma before it
		case vbn && top.nVG == 0 && top.kind != ReducedClause && !s.finiteAhead(ci) && (p < 0 || s.chunks[p].kind != ckSub):
			// No other verb to head the clause: a past tense ("Japan
			// criticised by the US" in a headline is still passive).
			v.flags = v.flags&^Participle | Finite | Past
			if n := s.nextChunk(ci); n >= len(s.chunks) || !s.isPrep(n, "by") {
				v.flags &^= Passive
			}
			top.nVG++
			top.lastVG, top.lastAny, top.npSince = int32(ci), int32(ci), 0
			return
		case np >= 0 && (p < 0 || s.chunks[p].kind != ckComma):
			// "rebels backed by Turkey", "a statement issued after talks"
			if k := s.open(ReducedClause, c.u0, -1, s.nps[np].head, ckOther); k >= 0 {
				s.clauses[k].anchorNP = np
				top = &s.clauses[k]
			}
		case top.nVG == 0 && (p < 0 || s.chunks[p].kind == ckQuote || s.chunks[p].kind == ckComma && s.firstContent(top) >= c.u0):
			// A fronted participle: "Testifying before the committee, Volcker said".
			if k := s.open(ReducedClause, c.u0, -1, -1, ckComma); k >= 0 {
				top = &s.clauses[k]
			}
		case top.nVG > 0 && top.lastVG >= 0 && (p < 0 || s.chunks[p].kind != ckSub && s.chunks[p].kind != ckCC):
			// An adjunct of the verb before: "returned home, escorted by".
			vg := s.chunks[top.lastVG].ref
			if k := s.open(ReducedClause, c.u0, -1, s.vgs[vg].head, ckOther); k >= 0 {
				s.clauses[k].anchorVG = vg
				top = &s.clauses[k]
			}
		}
		top.nVG++
		top.lastVG, top.lastAny, top.npSince = int32(ci), int32(ci), 0
		return
	}
	if top.lastVG >= 0 && top.npSince >= 1 && top.lastNP > top.lastVG && !s.coordinated(ci) &&
		s.wc[s.vgs[s.chunks[top.lastVG].ref].head]&wSpeech != 0 {
		// "said Ukraine attacked": reported speech without "that"
		sv := s.chunks[top.lastVG].ref
		if k := s.open(ComplementClause, s.chunks[top.lastNP].u0, -1, s.vgs[sv].head, ckOther); k >= 0 {
			s.clauses[k].anchorVG = sv
			if s.vgs[sv].comp < 0 {
				s.vgs[sv].comp = k
			}
			top = &s.clauses[k]
			top.nVG++
			top.lastVG, top.lastAny, top.npSince = int32(ci), int32(ci), 0
			return
		}
	}
	// A finite verb that finds no subject inside a finished relative or
	// adverbial clause belongs to the clause around it.
	for len(s.stack) > 1 && !s.coordinated(ci) {
		t := &s.clauses[s.top()]
		if !(restrictive(t.kind) || t.kind == AppositiveClause) || t.nVG == 0 {
			break
		}
		if t.npSince >= 2 && t.lastNP >= 0 {
			np := t.lastNP
			cut := s.chunks[np].u0
			ti := s.top()
			s.pop(cut)
			nt := &s.clauses[s.top()]
			nt.npSince, nt.lastNP = 1, np
			// Clauses opened after the cut move out with the NP.
			for j := int32(len(s.clauses)) - 1; j > ti; j-- {
				s.steps++
				if c := &s.clauses[j]; c.parent == ti && c.u0 >= cut {
					c.parent = s.top()
				}
			}
		} else {
			s.pop(c.u0)
		}
	}
	top = &s.clauses[s.top()]
	if s.wc[v.head]&wSpeech != 0 && !top.tailDone {
		s.speechTail(ci)
	}
	top = &s.clauses[s.top()]
	top.nVG++
	top.lastVG, top.lastAny, top.npSince = int32(ci), int32(ci), 0
}

// isPrep reports whether chunk ci is a PP or preposition starting with w.
func (s *Sentence) isPrep(ci int, w string) bool {
	k := s.chunks[ci].kind
	return (k == ckPP || k == ckPrep) && s.is(int(s.chunks[ci].u0), w)
}

// onlyArgs reports whether chunks [a, b) are NPs, PPs, adverbs and quotes.
func (s *Sentence) onlyArgs(a, b int) bool {
	for k := a; k < b; k++ {
		switch s.chunks[k].kind {
		case ckNP, ckPP, ckAdv, ckQuote:
		default:
			return false
		}
	}
	return true
}

// speechTail handles a speech verb after the words it reports: "Israel
// attacked Syria, Iran said." and ", said Lavrov." make the words before the
// comma a complement clause of the verb.
func (s *Sentence) speechTail(ci int) {
	ti := s.top()
	top := &s.clauses[ti]
	vi := s.chunks[ci].ref
	comma, after := -1, -1
	p := s.prevChunk(ci)
	switch {
	case p >= 0 && s.chunks[p].kind == ckComma:
		// ", said Lavrov."
		n := s.nextChunk(ci)
		if n < len(s.chunks) && s.chunks[n].kind == ckNP && s.tailEnds(s.nextChunk(n)) {
			comma, after = p, n
		}
	case p >= 0 && (s.chunks[p].kind == ckNP || s.chunks[p].kind == ckPP):
		q := p
		if s.chunks[q].kind == ckPP {
			q = s.prevChunk(q)
		}
		if q < 0 || s.chunks[q].kind != ckNP {
			return
		}
		r := s.prevChunk(q)
		if r >= 0 && s.chunks[r].kind == ckComma && s.tailEnds(s.nextChunk(ci)) {
			comma = r
		}
	}
	if comma < 0 || s.chunks[comma].u0 <= top.u0 || top.nVG == 0 {
		return
	}
	top.tailDone = true
	end := s.chunks[comma].u0
	s.clauses = append(s.clauses, clauseRec{kind: ComplementClause, u0: top.u0, u1: end, parent: ti, opener: -1,
		anchor: s.vgs[vi].head, anchorNP: -1, anchorVG: vi, lastVG: -1, lastAny: -1, lastNP: -1})
	k := int32(len(s.clauses) - 1)
	if top.opener >= 0 || top.closer != ckOther {
		// Keep the opener or opening comma of a nested clause outside.
		s.clauses[k].u0 = s.firstContent(top)
	}
	for j := k - 1; j > ti; j-- {
		s.steps++
		c := &s.clauses[j]
		if c.parent == ti && c.u0 >= s.clauses[k].u0 && c.u1 <= end {
			c.parent = k
		}
	}
	s.vgs[vi].comp = k
	if after >= 0 {
		s.vgs[vi].subj = s.chunks[after].ref
		s.vgs[vi].subjSet = true
	}
}

// firstContent returns the first unit of clause c after its opener and
// opening punctuation.
func (s *Sentence) firstContent(c *clauseRec) int32 {
	u := c.u0
	for u < c.u1 && (u == c.opener || s.tags[u] == Comma || s.uf[u]&ufDash != 0 || s.tags[u] == LParen) {
		u++
	}
	return u
}

// tailEnds reports whether only PPs, adverbs, time NPs and one object NP
// stand between chunk k and the end of the sentence or clause.
func (s *Sentence) tailEnds(k int) bool {
	objects := 0
	for k0 := k; k < len(s.chunks); k++ {
		if k-k0 > 2*lookahead {
			return false
		}
		s.steps++
		switch c := s.chunks[k]; c.kind {
		case ckPP, ckAdv, ckQuote:
		case ckNP:
			if s.nps[c.ref].flags&npTime == 0 {
				objects++ // ", officials told Reuters."
				if objects > 1 {
					return false
				}
			}
		case ckEnd, ckSemi, ckComma, ckDash, ckRParen:
			return true
		default:
			return false
		}
	}
	return true
}

// paintClauses clamps each clause into its parent, drops empty clauses and
// sets the innermost clause of each unit, painting outer clauses first.
func (s *Sentence) paintClauses() {
	for i := range s.clauses {
		s.clauses[i].depth = -1
	}
	maxD := int32(0)
	for i := range s.clauses {
		maxD = max(maxD, s.depthOf(int32(i)))
	}
	for d := int32(1); d <= maxD; d++ {
		for i := range s.clauses {
			if c := &s.clauses[i]; c.depth == d {
				p := s.clauses[c.parent]
				c.u0 = min(max(c.u0, p.u0), p.u1)
				c.u1 = max(min(c.u1, p.u1), c.u0)
			}
		}
	}
	// Drop empty clauses; their children are empty too.
	remap := s.stack[:0]
	j := int32(0)
	for i := range s.clauses {
		c := s.clauses[i]
		if c.u1 <= c.u0 && i > 0 {
			remap = append(remap, -1)
			continue
		}
		remap = append(remap, j)
		s.clauses[j] = c
		j++
	}
	s.clauses = s.clauses[:j]
	for i := range s.clauses {
		if c := &s.clauses[i]; c.parent >= 0 {
			c.parent = remap[c.parent]
		}
	}
	for vi := range s.vgs {
		if v := &s.vgs[vi]; v.comp >= 0 {
			v.comp = remap[v.comp]
		}
	}
	s.stack = remap[:0]
	s.uClause = resize(s.uClause, len(s.tags))
	for d := int32(0); d <= maxD; d++ {
		for i := range s.clauses {
			c := &s.clauses[i]
			if c.depth != d {
				continue
			}
			for u := c.u0; u < c.u1; u++ {
				s.steps++
				s.uClause[u] = int32(i)
			}
		}
	}
}

// depthOf returns the depth of clause i, computing it along the parent
// chain. A parent is created before its children, or (speechTail) after them
// but with an earlier parent, so the chain has no cycle.
func (s *Sentence) depthOf(i int32) int32 {
	c := &s.clauses[i]
	if c.depth < 0 {
		if c.parent < 0 {
			c.depth = 0
		} else {
			c.depth = min(s.depthOf(c.parent)+1, maxDepth+2)
		}
	}
	return c.depth
}

// anchorAdverbials finds the verb an adverbial clause modifies and marks
// conditions and their consequences.
func (s *Sentence) anchorAdverbials() {
	for i := range s.clauses {
		s.clauses[i].firstVG = -1
	}
	for vi := range s.vgs {
		v := &s.vgs[vi]
		v.clause = s.uClause[v.u0]
		if c := &s.clauses[v.clause]; c.firstVG < 0 && v.flags&Finite != 0 {
			c.firstVG = v.u0
		}
	}
	for i := range s.clauses {
		c := &s.clauses[i]
		if c.parent < 0 || c.kind != SubordinateClause && c.kind != ConditionalClause &&
			!(c.kind == ReducedClause && c.anchorNP < 0) {
			continue
		}
		if c.anchorVG < 0 {
			c.anchorVG = s.adverbialHost(int32(i))
		}
		if c.anchorVG >= 0 {
			c.anchor = s.vgs[c.anchorVG].head
			if c.kind == ConditionalClause {
				s.vgs[c.anchorVG].flags |= Consequent | Hypothetical
			}
		}
	}
	for vi := range s.vgs {
		v := &s.vgs[vi]
		cl := v.clause
		for d := 0; cl >= 0 && d <= maxDepth+2; d++ {
			if s.clauses[cl].kind == ConditionalClause {
				v.flags |= Conditional | Hypothetical
				break
			}
			cl = s.clauses[cl].parent
		}
	}
}

// adverbialHost returns the finite VG of the parent clause that clause i
// modifies: the first after it when it comes before the parent's first verb,
// else the last before it.
func (s *Sentence) adverbialHost(i int32) int32 {
	c := s.clauses[i]
	p := c.parent
	fv := s.clauses[p].firstVG
	if fv < 0 || fv >= c.u1 {
		if c.u1 >= int32(len(s.tags)) {
			return -1
		}
		for k := int(s.uChunk[c.u1]); k < len(s.chunks) && k-int(s.uChunk[c.u1]) < 2*lookahead; k++ {
			s.steps++
			ch := s.chunks[k]
			if s.uClause[ch.u0] == p && ch.kind == ckVG && s.vgs[ch.ref].flags&Finite != 0 {
				return ch.ref
			}
		}
		return -1
	}
	if c.u0 == 0 {
		return -1
	}
	for k := int(s.uChunk[c.u0-1]); k >= 0 && int(s.uChunk[c.u0-1])-k < 2*lookahead; k-- {
		s.steps++
		ch := s.chunks[k]
		if s.uClause[ch.u0] == p && ch.kind == ckVG && s.vgs[ch.ref].flags&Finite != 0 {
			return ch.ref
		}
	}
	return -1
}
