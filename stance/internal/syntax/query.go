package syntax

import "strings"

// span converts units [u0, u1) to tokens.
func (s *Sentence) span(u0, u1 int32) Span {
	return Span{Start: int(s.uTok[u0]), End: int(s.uTok[u1])}
}

// lastTok returns the last token of unit u.
func (s *Sentence) lastTok(u int32) int { return int(s.uTok[u+1]) - 1 }

// np returns NP i in tokens.
func (s *Sentence) np(i int32) NP {
	r := s.nps[i]
	return NP{
		Span:    s.span(r.u0, r.u1),
		Head:    s.lastTok(r.head),
		Coord:   r.flags&npCoord != 0,
		Negated: r.flags&npNeg != 0,
		Time:    r.flags&npTime != 0,
		Pronoun: r.flags&npPron != 0,
		id:      i,
	}
}

// vg returns VG i in tokens.
func (s *Sentence) vg(i int32) VG {
	r := s.vgs[i]
	v := VG{Span: s.span(r.u0, r.u1), Head: s.lastTok(r.head), Modal: -1, Flags: r.flags, id: i}
	if r.modal >= 0 {
		v.Modal = int(s.uTok[r.modal])
	}
	return v
}

// clause returns clause i in tokens.
func (s *Sentence) clause(i int32) Clause {
	r := s.clauses[i]
	c := Clause{Kind: r.kind, Span: s.span(r.u0, r.u1), ID: int(i), Parent: int(r.parent), Opener: -1, Anchor: -1}
	if r.opener >= 0 {
		c.Opener = int(s.uTok[r.opener])
	}
	if r.anchor >= 0 {
		c.Anchor = s.lastTok(r.anchor)
	}
	return c
}

// Len returns the number of tokens.
func (s *Sentence) Len() int { return len(s.toks) }

// Token returns token i.
func (s *Sentence) Token(i int) string { return s.toks[i] }

// Tag returns the part-of-speech tag of token i. The tokens of a hyphenated
// word ("F", "-", "16s") share the tag of the word.
func (s *Sentence) Tag(i int) Tag {
	if i < 0 || i >= len(s.toks) {
		return NoTag
	}
	return s.tags[s.tokU[i]]
}

// validVG reports whether v belongs to this parse.
func (s *Sentence) validVG(v VG) bool {
	return v.id >= 0 && int(v.id) < len(s.vgs) && s.span(s.vgs[v.id].u0, s.vgs[v.id].u1) == v.Span
}

// validNP reports whether np belongs to this parse.
func (s *Sentence) validNP(np NP) bool {
	return np.id >= 0 && int(np.id) < len(s.nps) && s.span(s.nps[np.id].u0, s.nps[np.id].u1) == np.Span
}

// VGs returns the verb groups in order.
func (s *Sentence) VGs() []VG {
	out := make([]VG, len(s.vgs))
	for i := range s.vgs {
		out[i] = s.vg(int32(i))
	}
	return out
}

// NPs returns the top-level noun phrases in order: those not inside
// another NP, including the objects of prepositions.
func (s *Sentence) NPs() []NP {
	var out []NP
	for _, c := range s.chunks {
		if c.kind == ckNP || c.kind == ckPP {
			out = append(out, s.np(c.ref))
		}
	}
	return out
}

// Clauses returns the clauses; the first is the main clause.
func (s *Sentence) Clauses() []Clause {
	out := make([]Clause, len(s.clauses))
	for i := range s.clauses {
		out[i] = s.clause(int32(i))
	}
	return out
}

// VerbGroup returns the verb group containing token i.
func (s *Sentence) VerbGroup(i int) (VG, bool) {
	if i < 0 || i >= len(s.toks) {
		return VG{}, false
	}
	c := s.chunks[s.uChunk[s.tokU[i]]]
	if c.kind != ckVG {
		return VG{}, false
	}
	return s.vg(c.ref), true
}

// NounPhrase returns the largest noun phrase containing token i: a
// coordination rather than its member, the object of a preposition.
func (s *Sentence) NounPhrase(i int) (NP, bool) {
	if i < 0 || i >= len(s.toks) {
		return NP{}, false
	}
	u := s.tokU[i]
	c := s.chunks[s.uChunk[u]]
	if c.kind == ckNP || c.kind == ckPP && u >= c.p1 {
		return s.np(c.ref), true
	}
	return NP{}, false
}

// Subject returns the subject of v: the NP before it in its clause, past
// nested clauses, PPs, adverbs and time expressions; the subject of the verb
// before a coordinator ("invaded Ukraine and annexed Crimea"); the
// antecedent of a relative or reduced clause; the controller of an
// infinitive ("Brazil threatened to cut", "urged Germany to send"); or the
// speaker after an inverted speech verb (", said Lavrov").
func (s *Sentence) Subject(v VG) (NP, bool) {
	if !s.validVG(v) || s.vgs[v.id].subj < 0 {
		return NP{}, false
	}
	return s.np(s.vgs[v.id].subj), true
}

// Objects returns the objects of v in order: up to two NPs and the PPs after
// it in its clause, skipping time expressions and nested relative,
// appositive and parenthetical clauses; the agent of a passive is left out
// (see Agent). The slice is valid until the next parse.
func (s *Sentence) Objects(v VG) []Phrase {
	if !s.validVG(v) {
		return nil
	}
	r := s.vgs[v.id]
	return s.objs[r.o0:r.o1:r.o1]
}

// Agent returns the "by" agent of a passive verb group ("criticised by the
// United States").
func (s *Sentence) Agent(v VG) (NP, bool) {
	if !s.validVG(v) || s.vgs[v.id].agent < 0 {
		return NP{}, false
	}
	return s.np(s.vgs[v.id].agent), true
}

// Governor returns the verb group an infinitive complements ("threatened"
// for "to cut").
func (s *Sentence) Governor(v VG) (VG, bool) {
	if !s.validVG(v) || s.vgs[v.id].gov < 0 {
		return VG{}, false
	}
	return s.vg(s.vgs[v.id].gov), true
}

// Complement returns the clause v reports or introduces: "said (that) ...",
// "..., Iran said", "warned that ...".
func (s *Sentence) Complement(v VG) (Clause, bool) {
	if !s.validVG(v) || s.vgs[v.id].comp < 0 {
		return Clause{}, false
	}
	return s.clause(s.vgs[v.id].comp), true
}

// Clause returns the innermost clause containing token i.
func (s *Sentence) Clause(i int) Clause {
	if i < 0 || i >= len(s.toks) {
		return Clause{ID: -1, Parent: -1, Opener: -1, Anchor: -1}
	}
	return s.clause(s.uClause[s.tokU[i]])
}

// ParentClause returns the clause that contains clause c.
func (s *Sentence) ParentClause(c Clause) (Clause, bool) {
	if c.Parent < 0 || c.Parent >= len(s.clauses) {
		return Clause{}, false
	}
	return s.clause(int32(c.Parent)), true
}

// Members returns the members of a coordinated NP ("Bolivia", "Paraguay"),
// or nil.
func (s *Sentence) Members(np NP) []NP {
	if !s.validNP(np) || s.nps[np.id].flags&npCoord == 0 {
		return nil
	}
	r := s.nps[np.id]
	s.mems = s.mems[:0]
	for _, m := range s.members[r.m0:r.m1] {
		s.mems = append(s.mems, s.np(m))
	}
	return s.mems
}

// Possessor returns the possessor of np ("Iran's" in "Iran's claim").
func (s *Sentence) Possessor(np NP) (NP, bool) {
	if !s.validNP(np) || s.nps[np.id].poss < 0 {
		return NP{}, false
	}
	return s.np(s.nps[np.id].poss), true
}

// Text returns the tokens of sp joined by spaces.
func (s *Sentence) Text(sp Span) string {
	if sp.Start < 0 || sp.End > len(s.toks) || sp.Start >= sp.End {
		return ""
	}
	return strings.Join(s.toks[sp.Start:sp.End], " ")
}

// String returns the sentence with its chunks and clauses in brackets:
// "{main [NP The US] {relative , which [VG has long backed] [NP Israel] ,}
// [VG condemned] [NP Iran] .}".
func (s *Sentence) String() string {
	var b strings.Builder
	opens := make([][]int32, len(s.tags)+1)
	closes := make([]int, len(s.tags)+1)
	for d := int32(0); d <= maxDepth+2; d++ {
		for i := range s.clauses {
			if c := s.clauses[i]; c.depth == d {
				opens[c.u0] = append(opens[c.u0], int32(i))
				closes[c.u1]++
			}
		}
	}
	word := func(u int32) {
		for t := s.uTok[u]; t < s.uTok[u+1]; t++ {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "[") && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
			b.WriteString(s.toks[t])
		}
	}
	sep := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	u := int32(0)
	for _, c := range s.chunks {
		for ; u < c.u1; u++ {
			for k := 0; k < closes[u]; k++ {
				b.WriteByte('}')
			}
			for _, i := range opens[u] {
				sep()
				b.WriteString("{" + s.clauses[i].kind.String())
			}
			if u == c.u0 {
				switch c.kind {
				case ckNP:
					sep()
					b.WriteString("[NP")
				case ckVG:
					sep()
					b.WriteString("[VG")
				case ckPP:
					sep()
					b.WriteString("[PP")
				}
			}
			if c.kind == ckPP && u == c.p1 {
				sep()
				b.WriteString("[NP")
			}
			word(u)
		}
		switch c.kind {
		case ckNP, ckVG:
			b.WriteByte(']')
		case ckPP:
			b.WriteString("]]")
		}
	}
	for k := 0; k < closes[len(s.tags)]; k++ {
		b.WriteByte('}')
	}
	return b.String()
}
