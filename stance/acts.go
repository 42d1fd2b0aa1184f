package stance

// Acts: what a verb does to the act it governs. A reversal verb stops,
// cancels or ends the act named by its object ("halted aid to X" is no aid,
// "ended its boycott of X" no boycott), so the act counts with the opposite
// polarity: a reversed conflict act is a concession, a reversed cooperative
// act a rejection. Talks or a deal that collapse, fail or stall give
// nothing. "X said Y must ..." is X's demand on Y.

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
