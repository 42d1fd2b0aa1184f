package syntax

// maxObjects bounds the object phrases of one verb group.
const maxObjects = 8

// relate finds the subject, objects and agent of each verb group, left to
// right, so that a verb can take the subject of one before it.
func (s *Sentence) relate() {
	for vi := range s.vgs {
		v := &s.vgs[vi]
		if !v.subjSet {
			v.subj = s.findSubject(vi)
		}
		s.findObjects(vi)
	}
	// Verbs whose subject is that of a verb after them: a gerund before its
	// host ("After meeting Putin, Xi said").
	for vi := range s.vgs {
		v := &s.vgs[vi]
		if v.subj >= 0 || v.subjSet {
			continue
		}
		c := s.clauses[v.clause]
		if (c.kind == SubordinateClause || c.kind == ReducedClause) && c.anchorVG >= 0 && c.anchorVG != int32(vi) {
			host := s.vgs[c.anchorVG]
			v.subj = host.subj
			if c.opener >= 0 && host.obj >= 0 && (s.is(int(c.opener), "of") || s.is(int(c.opener), "against") ||
				s.is(int(c.opener), "from") || s.is(int(c.opener), "for")) {
				v.subj = host.obj // "accused India of violating", "warned Y against sending"
			}
		}
	}
	for vi := range s.vgs {
		v := &s.vgs[vi]
		if v.subj >= 0 && s.nps[v.subj].flags&npNeg != 0 {
			v.flags |= NegSubject
		}
	}
}

// child returns the clause directly inside clause cl that contains clause
// c, or -1 if c is not inside cl.
func (s *Sentence) child(cl, c int32) int32 {
	for d := 0; c >= 0 && d <= maxDepth+2; d++ {
		p := s.clauses[c].parent
		if p == cl {
			return c
		}
		c = p
	}
	return -1
}

// findSubject returns the subject NP of VG vi, or -1: the nearest NP before
// it in its clause, skipping nested clauses, PPs, adverbs and time
// expressions; after a coordinator, the subject of the verb before; else
// the antecedent of a relative clause, the controller of an infinitive or
// the subject of the verb a participle clause hangs on.
func (s *Sentence) findSubject(vi int) int32 {
	v := &s.vgs[vi]
	cl := v.clause
	if v.flags&Infinitive != 0 {
		if v.gov < 0 {
			return -1
		}
		g := s.vgs[v.gov]
		if g.obj >= 0 && s.wc[g.head]&wControl != 0 {
			return g.obj // "urged Germany to send"
		}
		return g.subj // "threatened to cut"
	}
	timeNP := int32(-1)
	sawComma := false
loop:
	for j := int(s.uChunk[v.u0]) - 1; j >= 0; j-- {
		s.steps++
		c := s.chunks[j]
		if ccl := s.uClause[c.u0]; ccl != cl {
			k := s.child(cl, ccl)
			if k < 0 {
				break
			}
			j = int(s.uChunk[s.clauses[k].u0]) // the loop steps before it
			continue
		}
		switch c.kind {
		case ckNP:
			np := s.nps[c.ref]
			if np.flags&npTime != 0 {
				if timeNP < 0 {
					timeNP = c.ref
				}
				continue
			}
			if np.flags&npExpl != 0 {
				continue
			}
			return c.ref
		case ckPP, ckAdv, ckQuote, ckOther, ckPrep:
		case ckComma:
			sawComma = true
		case ckCC:
			return s.earlierSubject(j, cl)
		case ckVG:
			if sawComma && s.vgs[c.ref].flags&Finite != 0 && v.flags&Finite != 0 {
				return s.vgs[c.ref].subj // "invaded Ukraine, annexed Crimea"
			}
			break loop
		default:
			break loop
		}
	}
	if timeNP >= 0 {
		return timeNP
	}
	c := s.clauses[cl]
	switch {
	case (c.kind == RelativeClause || c.kind == ReducedClause || c.kind == AppositiveClause) && c.anchorNP >= 0:
		return c.anchorNP
	case c.kind == ReducedClause && c.anchorVG >= 0:
		return s.vgs[c.anchorVG].subj
	}
	return -1
}

// earlierSubject returns the subject of the last finite verb before chunk
// j in clause cl: "Russia invaded Ukraine and annexed Crimea".
func (s *Sentence) earlierSubject(j int, cl int32) int32 {
	for k := j - 1; k >= 0; k-- {
		s.steps++
		c := s.chunks[k]
		ccl := s.uClause[c.u0]
		if ccl != cl {
			ch := s.child(cl, ccl)
			if ch < 0 {
				return -1
			}
			k = int(s.uChunk[s.clauses[ch].u0])
			continue
		}
		switch c.kind {
		case ckVG:
			if v := s.vgs[c.ref]; v.flags&Infinitive == 0 {
				return v.subj
			}
		case ckSemi, ckColon, ckSub, ckRel, ckComp, ckCompN:
			return -1
		}
	}
	return -1
}

// findObjects collects the objects of VG vi: up to two NPs and the PPs after
// it in its clause, past nested relative, appositive, reduced and
// parenthetical clauses, up to the next verb, coordinator, comma or clause.
// A passive verb's "by" phrase is its agent, not an object.
func (s *Sentence) findObjects(vi int) {
	v := &s.vgs[vi]
	cl := v.clause
	v.o0 = int32(len(s.objs))
	nNP := 0
loop:
	for j := int(s.uChunk[v.u0]) + 1; j < len(s.chunks) && len(s.objs)-int(v.o0) < maxObjects; j++ {
		s.steps++
		c := s.chunks[j]
		if ccl := s.uClause[c.u0]; ccl != cl {
			k := s.child(cl, ccl)
			if k < 0 {
				break
			}
			switch s.clauses[k].kind {
			case RelativeClause, AppositiveClause, ParentheticalClause:
				j = int(s.uChunk[s.clauses[k].u1-1])
				continue
			case ComplementClause:
				if v.comp < 0 && s.clauses[k].anchorVG == int32(vi) {
					v.comp = k
				}
			}
			break
		}
		switch c.kind {
		case ckNP:
			np := s.nps[c.ref]
			if np.flags&npTime != 0 || v.subjSet && c.ref == v.subj {
				continue
			}
			if nNP == 2 || np.flags&npExpl != 0 {
				break loop
			}
			nNP++
			if v.obj < 0 {
				v.obj = c.ref
			}
			s.objs = append(s.objs, Phrase{Kind: PhraseNP, Span: s.span(c.u0, c.u1), Prep: Span{}, NP: s.np(c.ref)})
		case ckPP:
			np := s.nps[c.ref]
			if np.flags&npTime != 0 {
				continue
			}
			if v.flags&Passive != 0 && v.agent < 0 && s.is(int(c.u0), "by") {
				v.agent = c.ref
				continue
			}
			s.objs = append(s.objs, Phrase{Kind: PhrasePP, Span: s.span(c.u0, c.u1), Prep: s.span(c.u0, c.p1), NP: s.np(c.ref)})
		case ckAdv, ckQuote:
		default:
			break loop
		}
	}
	v.o1 = int32(len(s.objs))
}
