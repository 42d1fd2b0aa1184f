package stance

import "bytes"

// Acts: the cues of a sentence and what governs them. findCues finds the
// longest cue at each token and tells from its position whether it is a
// noun or a verb ("the bombing", "Washington's warnings" are nouns), as
// isSpeechVerb does for speech words ("a report" is no speech verb). A
// reversal verb stops, cancels or ends the act named by its object
// ("halted aid to X" is no aid, "ended its boycott of X" no boycott), so
// the act counts with the opposite polarity: a reversed conflict act is a
// concession, a reversed cooperative act a rejection. Talks or a deal that
// collapse, fail or stall give nothing. "X said Y must ..." is X's demand
// on Y.

// cueMatch is one cue found in a sentence.
type cueMatch struct {
	t0, t1  int32 // token range
	def     int32 // index in lexicon.cues
	noun    bool
	negated bool
	c0, c1  int32 // range of contributions it made
	through int32 // relation noun its target search went through, or -1
	// reversed: a reversal verb governs the act ("halted aid", "ended
	// its boycott"): it counts with the opposite polarity (findReversals).
	reversed bool
	// absorbed: the cue is the reversal verb of a reversed act and says
	// nothing of its own.
	absorbed bool
	// failedAct: a failure verb is its predicate ("talks collapsed").
	failedAct bool
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

// reversalFactor scales the intensity of a reversed act.
const reversalFactor = 0.8

// maxGovernReach is how many tokens may stand between a verb and the noun
// cue it governs ("cancelled a planned summit", "ended its long boycott").
const maxGovernReach = 4

// reversalVerbs stop, cancel or end the act their object names.
var reversalVerbs = map[string]bool{
	"end": true, "ends": true, "ended": true, "ending": true,
	"halt": true, "halts": true, "halted": true, "halting": true,
	"suspend": true, "suspends": true, "suspended": true, "suspending": true,
	"cancel": true, "cancels": true, "cancelled": true, "canceled": true, "cancelling": true, "canceling": true,
	"scrap": true, "scraps": true, "scrapped": true, "scrapping": true,
	"abandon": true, "abandons": true, "abandoned": true, "abandoning": true,
	"terminate": true, "terminates": true, "terminated": true, "terminating": true,
	"lift": true, "lifts": true, "lifted": true, "lifting": true,
	"postpone": true, "postpones": true, "postponed": true, "postponing": true,
	"freeze": true, "freezes": true, "froze": true, "frozen": true, "freezing": true,
	"stop": true, "stops": true, "stopped": true, "stopping": true,
	"drop": true, "drops": true, "dropped": true, "dropping": true,
}

// particleReversals are verbs that reverse with a particle: "called off",
// "ruled out", "broke off".
var particleReversals = map[string]string{
	"call": "off", "calls": "off", "called": "off", "calling": "off",
	"rule": "out", "rules": "out", "ruled": "out", "ruling": "out",
	"break": "off", "breaks": "off", "broke": "off", "breaking": "off",
}

// failureVerbs say that the act of their subject did not happen ("talks
// collapsed", "the deal failed").
var failureVerbs = map[string]bool{
	"collapse": true, "collapses": true, "collapsed": true, "collapsing": true,
	"fail": true, "fails": true, "failed": true,
	"stall": true, "stalls": true, "stalled": true, "founder": true, "foundered": true,
	"falter": true, "faltered": true,
}

// governingVerb returns the token of the verb that governs noun cue cm
// across determiners, possessive pronouns and modifiers, and the token
// after which its object starts, or -1.
func (a *analyser) governingVerb(cm *cueMatch) int {
	sc := a.sc
	j := int(cm.t0) - 1
	for n := 0; j >= 0 && n < maxGovernReach; j, n = j-1, n+1 {
		a.steps++
		t := &sc.toks[j]
		if t.chunk >= 0 || t.flags&tfWord == 0 {
			return -1
		}
		w := string(a.word(j))
		if reversalVerbs[w] {
			return j
		}
		if p, ok := particleReversals[string(a.word(j))]; ok && a.isWord(j+1, p) {
			return j
		}
		if w == "off" || w == "out" || t.class&(wcDet|wcQuant|wcLight) != 0 || t.lemma == 0 && t.class == 0 && t.flags&tfCap == 0 {
			continue
		}
		return -1
	}
	return -1
}

// findReversals marks the noun cues whose act a reversal verb governs, and
// the reversal verb's own cue of the same sign as absorbed ("ended its
// boycott": "ended" is no rejection of its own). A reversal verb cue of the
// other sign already reaches through its object (overrideRelations).
func (a *analyser) findReversals() {
	sc := a.sc
	for k := range sc.cues {
		cm := &sc.cues[k]
		if !cm.noun {
			continue
		}
		if a.failsAfter(cm) {
			cm.failedAct = true
			continue
		}
		v := a.governingVerb(cm)
		if v < 0 {
			continue
		}
		if vc := sc.toks[v].cue; vc >= 0 && int(vc) != k {
			if a.lx.cues[sc.cues[vc].def].sign != a.lx.cues[cm.def].sign {
				continue
			}
			sc.cues[vc].absorbed = true
		}
		cm.reversed = true
	}
}

// failsAfter reports whether a failure verb is the predicate of noun cue
// cm: "talks between Iran and Iraq collapsed", "the plan for talks failed".
func (a *analyser) failsAfter(cm *cueMatch) bool {
	sc := a.sc
	for j, n := int(cm.t1), 0; j < len(sc.toks) && n < maxTargetReach; j, n = j+1, n+1 {
		a.steps++
		t := &sc.toks[j]
		w := string(a.word(j))
		if failureVerbs[w] || w == "broke" && a.isWord(j+1, "down") {
			return true
		}
		if t.punct != 0 || t.cue >= 0 && sc.cues[t.cue].noun == false || t.class&(wcAux|wcAuxVerb|wcSpeech|wcClause|wcRelPron) != 0 {
			return false
		}
	}
	return false
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

// reversedScore is the signed intensity of a reversed act: the opposite of
// its own.
func reversedScore(d *cueDef) float64 { return -d.sign * d.weight * reversalFactor }

// reversedCategory is the category of a reversed act: a concession for a
// reversed conflict act, a rejection for a reversed cooperative one.
func reversedCategory(d *cueDef) Category {
	if d.sign < 0 {
		return Concede
	}
	return Reject
}

// askVerbs ask someone to act: "X asked Y to open its market" is X's
// demand on Y (an appeal for help, "asked Y for aid", is the aid cue's).
// "X wants Y to ..." is a wish, not a request (the dev gold codes none).
var askVerbs = map[string]bool{
	"ask": true, "asks": true, "asked": true, "asking": true,
	"tell": true, "tells": true, "told": true, "telling": true,
}

// findDemands adds "X said Y must/should ...": the speaker's demand on the
// subject of the reported clause ("Iran said Britain must hand over the
// sailors"), and "X asked/told Y to ...": X's demand on Y.
func (a *analyser) findDemands() {
	sc := a.sc
	if a.lx.demandDef < 0 {
		return
	}
	for v := 1; v+2 < len(sc.toks); v++ {
		if !askVerbs[string(a.word(v))] || sc.toks[v+1].chunk < 0 {
			continue
		}
		y := sc.chunks[sc.toks[v+1].chunk].group
		end := int(sc.chunks[sc.chunks[y].gEnd-1].t1)
		if !a.isWord(end, "to") || sc.chunks[y].loc || sc.chunks[y].poss {
			continue
		}
		x := a.subject(v, int(sc.clause0[v]), false)
		if x == pronounActor && sc.speaker[v] >= 0 {
			x = sc.speaker[v]
		}
		if x < 0 || sc.chunks[x].code == sc.chunks[y].code || len(sc.cues) >= maxCuesInSentence {
			continue
		}
		a.addDemand(x, y, v, confDirect)
	}
	for m := 1; m < len(sc.toks); m++ {
		if !a.isWord(m, "must") && !a.isWord(m, "should") {
			continue
		}
		spk := sc.speaker[m]
		y := sc.toks[m-1].chunk
		if spk < 0 || y < 0 || sc.chunks[y].loc || sc.chunks[y].poss {
			continue
		}
		y = sc.chunks[y].group
		if sc.chunks[spk].code == sc.chunks[y].code {
			continue
		}
		if len(sc.cues) >= maxCuesInSentence {
			return
		}
		a.rule = RuleSpeaker
		a.addDemand(spk, y, m, confSpeaker)
	}
}

// addDemand records a demand of group x on group y at token m.
func (a *analyser) addDemand(x, y int32, m int, conf float64) {
	sc := a.sc
	sc.cues = append(sc.cues, cueMatch{t0: int32(m), t1: int32(m + 1), def: a.lx.demandDef, through: -1})
	ci := int32(len(sc.cues) - 1)
	sc.cues[ci].c0 = int32(len(sc.contribs))
	if a.rule != RuleSpeaker {
		a.rule = RuleSubjectObject
	}
	a.addPairs(x, y, ci, effectiveScore(&a.lx.cues[a.lx.demandDef], false), conf, false)
	sc.cues[ci].c1 = int32(len(sc.contribs))
	a.rule = ""
}
