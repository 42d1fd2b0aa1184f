package stance

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/jonreiter/govader/data"

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
	if !a.twoDistinctActors() {
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

// twoDistinctActors reports whether the sentence has chunks of two or
// more distinct codes that are no places.
func (a *analyser) twoDistinctActors() bool {
	first := ""
	for ci := range a.sc.chunks {
		c := &a.sc.chunks[ci]
		switch {
		case c.loc:
		case first == "":
			first = c.code
		case c.code != first:
			return true
		}
	}
	return false
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
		if a.holdsOtherNounCue(ph.NP.Span, ci) {
			// "condemned the attack on Egypt", "end the Iraq-Iran war":
			// the object is another act, which has its own actors.
			return src, tgt, true
		}
		for j := ph.NP.Start; j < ph.NP.End && j < len(sc.toks); j++ {
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

// confFallback is the confidence of a pair found by structure alone.
const confFallback = 0.3

// fallbackPairs links, in a sentence where no cue linked any pair, the
// subject of each finite, affirmative, factual verb group toward its first
// object when both are state actors and the verb is no statement, copula or
// possession: "Japan bought U.S. warships" is unknown to the cue lexicon
// but still a directed act. Its polarity is the sentence's tone (the cues it
// has, unlinked), cooperative when there is none.
func (a *analyser) fallbackPairs(tone float64) {
	sc := a.sc
	if a.parse == nil {
		return
	}
	for _, c := range sc.contribs {
		if !c.dead {
			return
		}
	}
	if a.sportsResult() {
		return // "Spain beat Italy 4-2": teams, not states
	}
	base := confFallback
	if tone < 0 {
		base = -confFallback
	}
	for _, v := range a.parse.VGs() {
		a.steps++
		if !v.IsFinite() || v.IsNegated() || v.IsHypothetical() || v.IsPassive() || v.Head < 0 || v.Head >= len(sc.toks) {
			continue
		}
		h := &sc.toks[v.Head]
		// A word the lexicon knows was weighed there: a cue it did not take
		// ("beat Italy 4-2") or a light verb that needs a noun cue.
		if h.cue >= 0 || h.lemma != 0 || h.class != 0 || noActVerbs[string(a.word(v.Head))] {
			continue
		}
		if a.hypothetical(v.Head, int(sc.clause0[v.Head])) || a.denied(v.Head, int(sc.clause0[v.Head])) {
			continue
		}
		subj, ok := a.parse.Subject(v)
		if !ok || subj.Pronoun {
			continue
		}
		score := base
		if val := verbValence(string(a.word(v.Head))); val != 0 {
			score = confFallback * float64(sign(val)) // "coerced", "forgave"
		}
		src := a.actorIn(subj.Span, false)
		if src < 0 || !a.stateChunk(src) || sc.chunks[src].form == FormDemonym && sc.chunks[src].agent == "" {
			continue
		}
		for _, ph := range a.parse.Objects(v) {
			if a.holdsNounCue(ph.Span) || ph.Prep.Len() > 0 && a.isWord(ph.Prep.Start, "despite") {
				break // "despite a ceasefire deal with Georgia": another act
			}
			t := a.firstTarget(ph.NP.Span)
			if t < 0 || sc.chunks[t].code == sc.chunks[src].code || !a.stateChunk(t) || sc.chunks[t].poss ||
				sc.chunks[t].form == FormDemonym && sc.chunks[t].agent == "" { // "the Soviet wheat crop"
				continue
			}
			if len(sc.cues) >= maxCuesInSentence {
				return
			}
			sc.cues = append(sc.cues, cueMatch{t0: int32(v.Head), t1: int32(v.Head + 1), def: a.lx.fallbackDef(score), through: -1})
			ci := int32(len(sc.cues) - 1)
			sc.cues[ci].c0 = int32(len(sc.contribs))
			a.rule = RuleFallback
			a.addPairs(src, t, ci, score, confFallback, false)
			sc.cues[ci].c1 = int32(len(sc.contribs))
			break
		}
	}
}

// firstTarget returns the first actor chunk in span sp that is no place,
// or noActor.
func (a *analyser) firstTarget(sp syntax.Span) int32 {
	sc := a.sc
	for j := sp.Start; j < sp.End && j < len(sc.toks); j++ {
		if ci := sc.toks[j].chunk; ci >= 0 && !sc.chunks[ci].loc {
			return sc.chunks[ci].group
		}
	}
	return noActor
}

// noActVerbs are verbs that say nothing one state does to another: being,
// having, seeming, rising and falling, reporting.
var noActVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"seem": true, "seems": true, "seemed": true, "rose": true, "rise": true, "rises": true, "fell": true, "fall": true, "falls": true,
	"include": true, "includes": true, "included": true, "remain": true, "remains": true, "remained": true,
	"become": true, "became": true, "becomes": true, "expect": true, "expects": true, "expected": true,
	"exceed": true, "exceeded": true, "exceeds": true, "account": true, "accounted": true, "accounts": true,
	"totalled": true, "totaled": true, "total": true, "totals": true, "compared": true, "reached": true,
	"import": true, "imports": true, "imported": true, "export": true, "exports": true, "exported": true,
	"buy": true, "buys": true, "bought": true, "sell": true, "sells": true, "sold": true,
	"produce": true, "produces": true, "produced": true, "owe": true, "owes": true, "owed": true,
	"lead": true, "leads": true, "led": true, "follow": true, "follows": true, "followed": true,
	"face": true, "faces": true, "faced": true, "see": true, "sees": true, "saw": true,
	// Movement and comparison: "left Iraq", "overtook Japan".
	"leave": true, "leaves": true, "left": true, "leaving": true, "depart": true, "departed": true,
	"reach": true, "reaches": true, "enter": true, "enters": true, "entered": true,
	"overtake": true, "overtook": true, "overtaken": true, "surpass": true, "surpassed": true,
	"outpace": true, "outpaced": true, "trail": true, "trailed": true, "replace": true, "replaced": true,
	"represent": true, "represents": true, "represented": true, "cover": true, "covers": true, "covered": true,
	"border": true, "borders": true, "bordered": true, "resemble": true, "resembled": true,
}

// stateChunk reports whether chunk ci names a state acting as itself: no
// organisation, sub-state actor, economic figure or place.
func (a *analyser) stateChunk(ci int32) bool {
	c := &a.sc.chunks[ci]
	return a.gaz.Kind(c.code) == KindState && !c.sub && !c.econ && !c.loc
}

// holdsOtherNounCue reports whether a noun cue other than ci stands in
// span sp.
func (a *analyser) holdsOtherNounCue(sp syntax.Span, ci int32) bool {
	sc := a.sc
	for j := sp.Start; j < sp.End && j < len(sc.toks); j++ {
		if k := sc.toks[j].cue; k >= 0 && k != ci && sc.cues[k].noun {
			return true
		}
	}
	return false
}

// holdsNounCue reports whether a noun cue stands in span sp.
func (a *analyser) holdsNounCue(sp syntax.Span) bool { return a.holdsOtherNounCue(sp, -1) }

// sportsWords mark a sentence about a match between national teams.
var sportsWords = map[string]bool{
	"penalties": true, "semi": true, "semifinal": true, "semifinals": true, "final": true, "finals": true,
	"match": true, "cup": true, "goal": true, "goals": true, "tournament": true, "championship": true,
	"olympic": true, "olympics": true, "league": true, "qualifier": true, "game": true, "games": true,
}

// sportsResult reports whether the sentence reports a match: a score such
// as "4-2" or a sports word.
func (a *analyser) sportsResult() bool {
	sc := a.sc
	for i := range sc.toks {
		t := &sc.toks[i]
		if sportsWords[string(a.word(i))] {
			return true
		}
		if t.flags&tfNum != 0 && a.isPunct(i+1, '-') && i+2 < len(sc.toks) && sc.toks[i+2].flags&tfNum != 0 &&
			sc.toks[i+1].start == t.end && sc.toks[i+2].start == sc.toks[i+1].end {
			return true
		}
	}
	return false
}

// minValence is the smallest absolute VADER valence that sets the polarity
// of a fallback pair.
const minValence = 0.5

// vaderLexicon is VADER's sentiment lexicon (github.com/jonreiter/govader,
// MIT; C.J. Hutto's VADER, MIT): word -> valence in [-4, 4].
var vaderLexicon = sync.OnceValue(func() map[string]float64 {
	m := map[string]float64{}
	raw, err := data.Asset("rawdata/vaderLexicon.txt")
	if err != nil {
		return m // no valence: the sentence's tone decides
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		word, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		val, _, _ := strings.Cut(rest, "\t")
		if v, err := strconv.ParseFloat(val, 64); err == nil {
			m[word] = v
		}
	}
	return m
})

// verbValence returns the VADER valence of a verb form or of its stem
// ("coerced" -> "coerce"), 0 when it has none or a weak one.
func verbValence(w string) float64 {
	lx := vaderLexicon()
	for _, f := range [...]string{w, strings.TrimSuffix(w, "d"), strings.TrimSuffix(w, "ed"), strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "ing")} {
		if v, ok := lx[f]; ok && (v >= minValence || v <= -minValence) {
			return v
		}
	}
	return 0
}

// sign returns -1, 0 or 1.
func sign(x float64) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}
