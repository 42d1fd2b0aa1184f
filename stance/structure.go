package stance

import (
	"github.com/stancemon/stancemon/stance/internal/syntax"
)

// Structure: part-of-speech tags, phrase chunks and clauses from
// internal/syntax, for the sentences where direction matters (two or more
// distinct actors). The verb cues then take their source from the subject of
// their verb group and their target from its objects, whatever stands
// between them: adverbs ("has once again flatly rejected"), parentheticals
// (", including several F-16s,"), relative clauses (", which has long
// backed Israel,") and adverbial clauses ("After Russia invaded Ukraine,
// ..."). The token-window rules remain for noun cues and where the parse
// finds no actor.

// parseSentence parses the tokens of the sentence when it names two or more
// distinct actors, and returns nil otherwise or when no parser is there.
func (a *analyser) parseSentence() *syntax.Sentence {
	sc := a.sc
	if !a.distinctActors(2) {
		return nil
	}
	if sc.parser == nil {
		p, err := syntax.NewParser()
		if err != nil {
			return nil // the token-window rules alone
		}
		sc.parser = p
	}
	sc.words = sc.words[:0]
	sc.spaced = sc.spaced[:0]
	for i := range sc.toks {
		t := &sc.toks[i]
		sc.words = append(sc.words, a.s[t.start:t.end])
		sc.spaced = append(sc.spaced, i > 0 && sc.toks[i-1].end < t.start)
	}
	return sc.parser.ParseSpaced(sc.words, sc.spaced)
}

// distinctActors reports whether the sentence has at least n chunks of
// distinct codes that are no places.
func (a *analyser) distinctActors(n int) bool {
	sc := a.sc
	first := ""
	for ci := range sc.chunks {
		c := &sc.chunks[ci]
		if c.loc {
			continue
		}
		if first == "" {
			first = c.code
		} else if c.code != first {
			return n <= 2
		}
	}
	return n <= 1 && first != ""
}

// actorIn returns the first actor chunk inside span sp that may be a
// source (no place, no preposition other than "of" after an office), or
// noActor.
func (a *analyser) actorIn(sp syntax.Span, speech bool) int32 {
	sc := a.sc
	for j := sp.Start; j < sp.End && j < len(sc.toks); j++ {
		a.steps++
		ci := sc.toks[j].chunk
		if ci < 0 {
			continue
		}
		c := &sc.chunks[ci]
		if c.loc || c.prep == pkBy || c.prep == pkFrom || c.prep == pkTopic {
			continue
		}
		// The parse says the phrase is the subject: a word in front that
		// the token rules took for a preposition opens the clause ("After
		// Russia invaded Ukraine").
		if eligibleSubject(c, speech) || c.prep == pkOther && sc.toks[c.t0-1].class&wcClause != 0 {
			return c.group
		}
	}
	return noActor
}

// structuralDirection finds the source and target of verb cue ci from the
// parse: the actor of the subject noun phrase (or the agent of a passive)
// and the first eligible actor among its objects. Either is noActor when
// the parse has none.
func (a *analyser) structuralDirection(ci int32) (src, tgt int32, ok bool) {
	sc := a.sc
	if a.parse == nil {
		return noActor, noActor, false
	}
	cm := &sc.cues[ci]
	if cm.noun {
		return noActor, noActor, false
	}
	v, found := a.parse.VerbGroup(int(cm.t0))
	if !found || v.Head < int(cm.t0) || v.Head >= int(cm.t1) {
		return noActor, noActor, false
	}
	src, tgt = noActor, noActor
	if v.IsPassive() {
		if ag, ok := a.parse.Agent(v); ok {
			src = a.actorIn(ag.Span, false)
		}
		if subj, ok := a.parse.Subject(v); ok {
			tgt = a.actorIn(subj.Span, false)
		}
		return src, tgt, true
	}
	if subj, ok := a.parse.Subject(v); ok && !subj.Pronoun {
		src = a.actorIn(subj.Span, false)
	}
	for _, ph := range a.parse.Objects(v) {
		a.steps++
		for j := ph.NP.Start; j < ph.NP.End && j < len(sc.toks); j++ {
			if k := sc.toks[j].cue; k >= 0 && sc.cues[k].noun && k != ci {
				// "condemned the attack on Egypt": the object is another
				// act, which has its own actors.
				return src, tgt, true
			}
			t := sc.toks[j].chunk
			if t < 0 {
				continue
			}
			c := &sc.chunks[t]
			if a.eligibleTarget(c, cm) && (src < 0 || c.code != sc.chunks[src].code) {
				return src, c.group, true
			}
			break // only the head actor of each object counts
		}
	}
	return src, tgt, true
}

// outsideClause reports whether chunk ci stands in a clause of its own
// that does not hold token i: a relative, appositive, parenthetical,
// reduced or adverbial clause the cue is not part of.
func (a *analyser) outsideClause(ci int32, i int) bool {
	if a.parse == nil {
		return false
	}
	c := a.parse.Clause(int(a.sc.chunks[ci].t0))
	return !c.Contains(i) && c.Kind != syntax.MainClause && c.Kind != syntax.ComplementClause
}
