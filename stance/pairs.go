package stance

import "bytes"

// Pairs: relate finds the source and target of each cue (direction, with
// the rules of the package doc: subject and object, noun actor, passive
// agent, speaker, infinitive, parse, ...) and records a contribution for
// every directed pair of actors; later passes turn an announced act into a
// threat (governThreats) and let a verb govern the relation it reaches
// through (overrideRelations); collectPairs merges the contributions into
// one evidence per directed pair of state actors. The subject search here
// also finds the speakers of clauses.go and the askers of acts.go.

// Subject search results other than a chunk index.
const (
	noActor      int32 = -1 // nothing found: a speaker may stand in
	pronounActor int32 = -2 // "he", "it", ...: the speaker of the clause
	otherSubject int32 = -3 // a subject that is no actor ("rebels", "ISIL")
	eachOther    int32 = -4 // "each other": the joint subjects toward each other
)

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

// relate finds the source and target of cue ci and records its
// contributions.
func (a *analyser) relate(ci int32) {
	sc := a.sc
	cm := &sc.cues[ci]
	cm.c0 = int32(len(sc.contribs))
	defer func() { sc.cues[ci].c1 = int32(len(sc.contribs)) }()
	d := &a.lx.cues[cm.def]
	i, lo := int(cm.t0), int(sc.clause0[cm.t0])
	cm.negated = a.negated(i, lo) || a.neitherNor(lo, i) || d.sign > 0 && a.failed(cm)
	if a.irrealis(i) || d.cat == Assault && a.infinitiveAt(int(cm.t1)) {
		return // "fighting to regain confidence" is no assault
	}
	if a.hypothetical(i, lo) || a.denied(i, lo) || a.speculative(i, lo) || a.underConsideration(i, lo) {
		return // "if Iran attacks Kuwait", "denied that it had attacked Syria"
	}
	if cm.absorbed || cm.failedAct {
		return // "ended (its boycott)", "talks collapsed"
	}
	score := effectiveScore(d, cm.negated)
	if cm.reversed {
		cm.negated = false
		score = reversedScore(d)
	}
	if score == 0 {
		return
	}
	src, tgt, conf := a.direction(ci)
	if src >= 0 && tgt < 0 && !cm.noun && d.sign < 0 && materialCategory(d.cat) {
		tgt = a.whenVictim(ci, src)
	}
	if d.flags&cfGoverns != 0 && cm.through < 0 {
		return // "cut prices" is no act toward anyone; "cut aid to X" is
	}
	if sc.hedged[i] {
		conf *= hedgeFactor
	}
	sym := d.flags&cfSym != 0 && !cm.negated && !cm.reversed // "X has not agreed to Y's terms" is X's alone
	// "X agreed to lend Y oil": Y is the object of X's act, no party to an
	// agreement with X (but "agreed to set up a firm with Y" is joint).
	back := sym && (cm.noun || !a.infinitiveAt(int(cm.t1)))
	// "X and Y failed to agree": at odds with each other.
	failed := d.flags&cfSym != 0 && cm.negated && tgt < 0
	joint := (sym || failed || jointCategory(d.cat) && !cm.negated && !cm.reversed || tgt == eachOther) && src >= 0 && sc.chunks[src].gEnd-src > 1 && !a.requestedNoun(cm) &&
		(sc.chunks[src].gEnd-src <= maxJointList || a.groupRightBefore(src, i))
	rule := a.rule
	if joint {
		// "Israel and Syria held talks (with Turkey)": the joint actors
		// stand toward each other too.
		a.rule = RuleJoint
		a.addWithin(src, ci, score, conf*confJoint/confDirect)
	}
	between := sym && tgt >= 0 && sc.chunks[tgt].gEnd-tgt > 1 && sc.chunks[tgt].prep == pkBetween
	switch {
	case between && cm.noun:
		// "talks between X and Y": the pair, whoever else the clause names.
		a.rule = RuleBetween
		a.addWithin(tgt, ci, score, conf*confJoint/confDirect)
	case src >= 0 && tgt >= 0:
		if sc.chunks[tgt].prep == pkAgainst && score > 0 && d.cat != Concede {
			score = -score // "investigation against Iran", but "lifted sanctions against Fiji"
		}
		if int(sc.chunks[tgt].t0)-int(cm.t1) > 6 {
			conf *= farFactor
		}
		a.rule = rule
		a.addPairs(src, tgt, ci, score, conf, back || sym && a.isWord(int(sc.chunks[tgt].t0)-1, "with"))
		if sym && !cm.negated && a.members(src)+a.members(tgt) >= minGathering {
			// "an accord reached by X and the ministers of A, B, C and
			// D": four or more states together, every pair both ways
			// (CONVENTIONS.md).
			a.rule = RuleJoint
			a.addAmong(src, tgt, ci, score, conf*confJoint/confDirect)
		}
	case joint:
		// Done above: no target beyond the joint actors.
	case between:
		a.rule = RuleBetween
		a.addWithin(tgt, ci, score, conf*confJoint/confDirect)
	case src < 0 && tgt < 0 && !cm.noun:
		a.predicate(ci, score, conf)
	}
}

// infinitiveAt reports whether an infinitive ("to restore") starts at
// token i, rather than a preposition ("to Ecuador").
func (a *analyser) infinitiveAt(i int) bool {
	if !a.isWord(i, "to") || i+1 >= len(a.sc.toks) {
		return false
	}
	n := &a.sc.toks[i+1]
	return n.flags&tfWord != 0 && n.flags&(tfCap|tfNum) == 0 && n.chunk < 0 && n.class&wcDet == 0
}

// materialCategory reports whether c is a material act (force, arrests,
// sanctions, aid) rather than a statement.
func materialCategory(c Category) bool {
	switch c {
	case Assault, Coerce, Mobilize, Sanction, Aid, Retreat, Concede:
		return true
	}
	return false
}

// whenVictim returns the victim of a passive conflict act in the clause
// before the "when" or "as" clause of verb cue ci ("three soldiers were
// killed when Pakistani troops opened fire"), or noActor.
func (a *analyser) whenVictim(ci, src int32) int32 {
	sc := a.sc
	c0 := int(sc.clause0[sc.cues[ci].t0])
	if ci == 0 || !a.isWord(c0, "when") && !a.isWord(c0, "as") {
		return noActor
	}
	p := &sc.cues[ci-1]
	if int(p.t1) > c0 || a.lx.cues[p.def].sign > 0 || !a.passive(p) || a.agent(p) >= 0 {
		return noActor
	}
	v := a.subject(int(p.t0), int(sc.clause0[p.t0]), false)
	if v < 0 || sc.chunks[v].code == sc.chunks[src].code {
		return noActor
	}
	return v
}

// jointCategory reports whether joint actors of a cue of category c stand
// toward each other ("Brazil and Mexico will meet", "Norway and Denmark
// will cooperate").
func jointCategory(c Category) bool {
	return c == Consult || c == Cooperate
}

// requestedNoun reports whether noun cue cm is only asked for ("called for
// a ceasefire", "urged talks"): joint subjects who ask for it are no
// parties to it.
func (a *analyser) requestedNoun(cm *cueMatch) bool {
	if !cm.noun {
		return false
	}
	sc := a.sc
	j := int(cm.t0) - 1
	for n := 0; j >= 0 && n < 3 && sc.toks[j].chunk < 0 && sc.toks[j].flags&tfWord != 0 &&
		(sc.toks[j].class&wcDet != 0 || sc.toks[j].class == 0 && sc.toks[j].lemma == 0 && sc.toks[j].flags&tfCap == 0); n++ {
		j--
	}
	if a.isWord(j, "for") {
		j--
	}
	return j >= 0 && sc.toks[j].chunk < 0 && (sc.toks[j].class&wcRequest != 0 || sc.toks[j].cue >= 0 && a.lx.cues[sc.cues[sc.toks[j].cue].def].cat == Demand)
}

// groupRightBefore reports whether group g ends right before token i, but
// for auxiliaries: a long list is a joint subject only there ("the United
// States, Japan, ... and Canada agreed"), not as a list of places or
// beneficiaries further away.
func (a *analyser) groupRightBefore(g int32, i int) bool {
	sc := a.sc
	j := int(sc.chunks[sc.chunks[g].gEnd-1].t1)
	for j < i && sc.toks[j].class&(wcAux|wcAuxVerb) != 0 {
		j++
	}
	return j == i
}

// predicate applies a verb cue without actors of its own to the relation
// noun that is its subject: "ties between China and the US are straining"
// turns the relation's evidence into the verb's.
func (a *analyser) predicate(ci int32, score, conf float64) {
	sc := a.sc
	lo := max(sc.clause0[sc.cues[ci].t0], sc.cues[ci].t0-maxSubjectReach)
	for k := ci - 1; k >= 0 && sc.cues[k].t0 >= lo; k-- {
		a.steps++
		p := &sc.cues[k]
		if !p.noun || a.lx.cues[p.def].flags&cfSym == 0 || p.c1 == p.c0 {
			continue
		}
		for c := p.c0; c < p.c1; c++ {
			old := sc.contribs[c]
			sc.contribs[c].dead = true
			sc.contribs = append(sc.contribs, contrib{src: old.src, tgt: old.tgt, cue: ci, score: score, conf: conf, rule: RulePredicate})
		}
		return
	}
}

// direction finds the source and target of cue ci and the confidence of
// the way they were found.
func (a *analyser) direction(ci int32) (src, tgt int32, conf float64) {
	sc := a.sc
	cm := &sc.cues[ci]
	d := &a.lx.cues[cm.def]
	i, lo := int(cm.t0), int(sc.clause0[cm.t0])
	conf = confDirect
	src, tgt = noActor, noActor
	agent := a.agent(cm)
	switch {
	case a.passive(cm) || agent >= 0 && !cm.noun && a.isParticiple(cm) && a.byRightAfter(cm):
		// "Russia was condemned by the EU", "rebels backed by Turkey".
		a.rule = RulePassiveAgent
		src = agent
		if a.passive(cm) {
			tgt = a.subject(i, lo, false)
		} else {
			tgt = a.npSource(i)
		}
	case cm.noun && a.copula(i) >= 0 && sc.speaker[i] >= 0:
		// "X said Y's role would be a serious problem": the speaker
		// judges the subject.
		a.rule = RuleSpeakerJudges
		src, conf = sc.speaker[i], confSpeaker
		tgt = a.segmentSubject(max(lo, int(sc.spkStart[i])), a.copula(i), false)
	case cm.noun && a.reactionFrom(ci) >= 0:
		// "Pyongyang fired two missiles, drawing condemnation from
		// Washington": the reacting state toward the subject.
		a.rule = RuleReceivedFrom
		src = a.chunkAfter(int(cm.t1)+1, 4)
		tgt = a.segmentSubject(0, a.reactionFrom(ci), false)
	case cm.noun && a.receivedFrom(ci) >= 0:
		// "Uzbekistan received a loan from Japan": the giver toward the
		// receiver.
		a.rule = RuleReceivedFrom
		src = a.chunkAfter(int(cm.t1)+1, 4)
		tgt = a.subject(int(sc.cues[a.receivedFrom(ci)].t0), lo, false)
	case cm.noun && a.withBackingOf(cm) >= 0:
		// "declared independence with the backing of the United States":
		// the backer toward the subject.
		a.rule = RuleBackingOf
		w := a.withBackingOf(cm)
		src = a.chunkAfter(int(cm.t1)+1, 4)
		if tgt = a.segmentSubject(lo, w, false); tgt < 0 && sc.speaker[i] >= 0 {
			tgt = sc.speaker[i] // "Kosovo declared independence with ..."
		}
	case cm.noun && a.indirectObject(i) >= 0:
		// "Finland will give Kenya a grant": the giver toward the
		// receiver named between the verb and the noun.
		a.rule = RuleSubjectObject
		io := a.indirectObject(i)
		tgt = io
		src = a.segmentSubject(lo, int(sc.chunks[io].t0)-1, false)
	case cm.noun:
		a.rule = RuleNounActor
		src = a.npSource(i)
		if p := a.adjunctOf(ci); src < 0 && p >= 0 {
			// "killed a commander in a raid inside Ecuador": the
			// raid is the killers'.
			if s := a.subject(int(sc.cues[p].t0), lo, false); s >= 0 {
				src = s
			}
		}
		fromSubject := false
		if src < 0 {
			region := a.nounRegion(ci, max(lo, i-maxSubjectReach))
			src = a.segmentSubject(region, i, false)
			fromSubject = region <= lo
		}
		if src < 0 && a.purposeNoun(ci) {
			// "arrived in Paris for a summit with Sarkozy": the summit
			// is the subject's, its partner only the one it names; so are
			// "after talks with X" and "during a visit to X".
			from := lo
			if int(sc.toks[lo].chunk) < 0 && a.adverbialAct(lo) {
				from = int(sc.clause0[lo-1])
			}
			src = a.segmentSubject(max(from, i-maxSubjectReach), i, false)
		}
		if src < 0 && agent >= 0 {
			src = agent
		}
		tgt = a.target(ci, src)
		if tgt < 0 && src >= 0 && fromSubject {
			// "X engaged Y in a firefight": the object of the clause.
			tgt = a.objectBetween(src, i)
		}
	case a.isWord(i-1, "to"):
		// An infinitive shares the subject of its clause ("pledged
		// money to help Lebanon", "agreed to lift the sanctions").
		a.rule = RuleInfinitive
		src = a.segmentSubject(lo, i, false)
		tgt = a.target(ci, src)
	default:
		a.rule = RuleSubjectObject
		src = a.subject(i, lo, false)
		tgt = a.target(ci, src)
		if ps, pt, ok := a.structuralDirection(ci); ok {
			if ps >= 0 && ps != src && (src < 0 || a.outsideClause(src, i)) {
				// "The US, which has long backed Israel, condemned Iran":
				// the subject of the verb group, not an actor of a clause
				// in between.
				src, a.rule = ps, RuleParse
				if pt >= 0 && sc.chunks[pt].code != sc.chunks[src].code {
					tgt = pt
				} else if tgt >= 0 && sc.chunks[tgt].code == sc.chunks[src].code {
					tgt = noActor
				}
			}
			if tgt < 0 && pt >= 0 && src >= 0 && sc.chunks[pt].code != sc.chunks[src].code {
				tgt, a.rule = pt, RuleParse
			}
		}
	}
	if spk := sc.speaker[i]; spk >= 0 {
		switch {
		case src == pronounActor:
			a.rule = RuleSpeaker
			src, conf = spk, confPronoun
		case src == noActor && (!materialCategory(d.cat) || a.passive(cm) || a.passiveAfter(cm) || a.objectOfSpeech(cm, i)):
			// A speaker stands in for a missing actor of a statement, or
			// of an act whose agent a passive leaves out ("warrants were
			// issued for ..., a police officer said"), but does not do the
			// acts it reports ("officials said an attack in X ...").
			a.rule = RuleSpeaker
			src, conf = spk, confSpeaker
			if tgt < 0 && d.sign < 0 && d.flags&cfSym == 0 {
				tgt, conf = a.segmentSubject(int(sc.spkStart[i]), i, false), confReported
			}
		}
	}
	return src, tgt, conf
}

// agent returns the actor after "by" shortly after cue cm ("condemned by
// the EU"), or noActor.
func (a *analyser) agent(cm *cueMatch) int32 {
	sc := a.sc
	end := int(sc.clause1[cm.t0])
	for j := int(cm.t1); j < end && j < int(cm.t1)+maxAgentReach; j++ {
		t := &sc.toks[j]
		if t.punct == ',' || t.cue >= 0 && int(t.cue) != int(sc.toks[cm.t0].cue) {
			return noActor
		}
		if a.isWord(j, "by") {
			k := j + 1
			for n := 0; k < end && n < 3 && sc.toks[k].class&wcDet != 0 && sc.toks[k].chunk < 0; n++ {
				k++
			}
			if k < end && sc.toks[k].chunk >= 0 {
				return sc.chunks[sc.toks[k].chunk].group
			}
			return noActor
		}
	}
	return noActor
}

// passive reports whether the verb cue cm is passive ("was condemned").
func (a *analyser) passive(cm *cueMatch) bool {
	if cm.noun || !a.isParticiple(cm) {
		return false
	}
	sc := a.sc
	for j, n := int(cm.t0)-1, 0; j >= 0 && n < 3; j, n = j-1, n+1 {
		t := &sc.toks[j]
		if t.class&wcBe != 0 {
			return true
		}
		if t.class&(wcAux|wcNegator|wcHedge) == 0 || t.chunk >= 0 {
			return false
		}
	}
	return false
}

// isParticiple reports whether the first word of cue cm looks like a past
// participle.
func (a *analyser) isParticiple(cm *cueMatch) bool {
	w := string(a.word(int(cm.t0)))
	n := len(w)
	if n > 3 && (w[n-2:] == "ed" || w[n-2:] == "en" || w[n-2:] == "wn") {
		return true
	}
	switch w {
	case "met", "held", "hit", "shot", "struck", "fought", "seen", "sent":
		return true
	}
	return false
}

// byRightAfter reports whether "by" follows verb cue cm directly or after
// one adverb ("backed by Turkey", "backed financially by Turkey"): a
// participle with an object before "by" is an active verb ("welcomed the
// decision by Syria").
func (a *analyser) byRightAfter(cm *cueMatch) bool {
	j := int(cm.t1)
	if j < len(a.sc.toks) && a.sc.toks[j].chunk < 0 && bytes.HasSuffix(a.word(j), []byte("ly")) {
		j++
	}
	return a.isWord(j, "by")
}

// copula returns the token of "be" that makes the noun at token i a
// predicate ("would be a serious problem"), or -1.
func (a *analyser) copula(i int) int {
	sc := a.sc
	for j, n := i-1, 0; j >= 0 && n < maxNPReach; j, n = j-1, n+1 {
		t := &sc.toks[j]
		switch {
		case t.class&wcBe != 0 && t.flags&tfPoss == 0:
			return j
		case t.chunk >= 0 || t.cue >= 0:
			return -1
		case t.punct == '"' || t.flags&tfWord != 0 && (t.class == 0 || t.class == wcDet):
		default:
			return -1
		}
	}
	return -1
}

// reactionVerbs draw a reaction from someone: "drew condemnation from X",
// "prompting protests from X", "sparked criticism from X".
var reactionVerbs = map[string]bool{
	"draw": true, "draws": true, "drew": true, "drawn": true, "drawing": true,
	"prompt": true, "prompts": true, "prompted": true, "prompting": true,
	"spark": true, "sparks": true, "sparked": true, "sparking": true,
	"trigger": true, "triggers": true, "triggered": true, "triggering": true,
	"provoke": true, "provokes": true, "provoked": true, "provoking": true,
	"earn": true, "earns": true, "earned": true, "earning": true,
	"face": true, "faces": true, "faced": true, "facing": true,
}

// reactionFrom returns the token of the reaction verb that governs noun cue
// ci when the reacting actor follows "from" ("drawing condemnation from
// Washington"), or -1.
func (a *analyser) reactionFrom(ci int32) int {
	sc := a.sc
	cm := &sc.cues[ci]
	c := a.chunkAfter(int(cm.t1)+1, 4)
	if !a.isWord(int(cm.t1), "from") || c < 0 {
		return -1
	}
	for k := int(cm.t1) + 1; k < int(sc.chunks[c].t0); k++ {
		if sc.toks[k].class&wcDet == 0 && !a.isTitle(k) {
			return -1 // "pressure from Congress to help Iran": Iran is no reactor
		}
	}
	for j, n := int(cm.t0)-1, 0; j >= 0 && n < 3; j, n = j-1, n+1 {
		t := &sc.toks[j]
		if reactionVerbs[string(a.word(j))] {
			return j
		}
		if t.chunk >= 0 || t.flags&tfWord == 0 || t.class&^(wcDet|wcQuant) != 0 || t.flags&tfCap != 0 {
			return -1
		}
	}
	return -1
}

// receivedFrom returns the cue of "received" or "accepted" whose object
// is cooperative noun cue ci given "from" an actor ("received a loan from
// Japan"), or -1.
func (a *analyser) receivedFrom(ci int32) int32 {
	sc := a.sc
	cm := &sc.cues[ci]
	if d := &a.lx.cues[cm.def]; ci == 0 || d.cat != Support && d.cat != Aid || !a.isWord(int(cm.t1), "from") || a.chunkAfter(int(cm.t1)+1, 4) < 0 {
		return -1
	}
	p := &sc.cues[ci-1]
	switch a.lx.lemmas[a.lx.cues[p.def].lemmas[0]] {
	case "receive", "accept":
	default:
		return -1
	}
	for k := int(p.t1); k < int(cm.t0); k++ {
		t := &sc.toks[k]
		if t.chunk >= 0 || t.flags&tfWord == 0 || t.class&^wcDet != 0 || t.flags&tfCap != 0 && t.flags&tfNum == 0 {
			return -1
		}
	}
	return ci - 1
}

// withBackingOf returns the token of "with" when noun cue cm is a
// cooperative noun in "with the backing of X" / "with X's support" shape
// ("with the support of", "with the help of"), or -1.
func (a *analyser) withBackingOf(cm *cueMatch) int {
	sc := a.sc
	if d := &a.lx.cues[cm.def]; d.cat != Support && d.cat != Aid || !a.isWord(int(cm.t1), "of") {
		return -1
	}
	j := int(cm.t0) - 1
	for n := 0; j >= 0 && n < 2 && sc.toks[j].class&wcDet != 0 && sc.toks[j].chunk < 0; n++ {
		j--
	}
	if !a.isWord(j, "with") || a.chunkAfter(int(cm.t1)+1, 4) < 0 {
		return -1
	}
	return j
}

// givingVerbs take an indirect object before a noun cue: "give Kenya a
// grant", "offered Iraq help", "sent Ukraine weapons".
var givingVerbs = map[string]bool{
	"give": true, "gives": true, "gave": true, "given": true, "giving": true,
	"offer": true, "offers": true, "offered": true, "offering": true,
	"send": true, "sends": true, "sent": true, "sending": true,
	"lend": true, "lends": true, "lent": true, "lending": true,
	"grant": true, "grants": true, "granted": true, "granting": true,
	"promise": true, "promises": true, "promised": true, "promising": true,
	"owe": true, "owes": true, "owed": true, "deny": true, "denied": true, "denies": true,
	"sell": true, "sells": true, "sold": true, "selling": true,
}

// indirectObject returns the actor group that stands between a giving verb
// and noun cue i ("give Kenya a grant of 40 million euros"), or noActor. A
// possessive is the noun's owner, not a receiver ("gave Kenya's army").
func (a *analyser) indirectObject(i int) int32 {
	sc := a.sc
	j := i - 1
	for n := 0; j >= 0 && n < 3 && sc.toks[j].chunk < 0; n++ {
		t := &sc.toks[j]
		if t.flags&tfWord == 0 || t.class&^(wcDet|wcQuant) != 0 || t.lemma != 0 && t.cue >= 0 {
			return noActor
		}
		j--
	}
	if j < 0 || sc.toks[j].chunk < 0 {
		return noActor
	}
	c := &sc.chunks[sc.toks[j].chunk]
	if c.poss || c.loc || c.form == FormDemonym {
		return noActor
	}
	g := c.group
	v := int(sc.chunks[g].t0) - 1
	for v >= 0 && sc.toks[v].class&wcDet != 0 {
		v--
	}
	if v < 0 || !givingVerbs[string(a.word(v))] {
		return noActor
	}
	return g
}

// npSource returns the actor that modifies the noun at token i inside its
// noun phrase ("Russian invasion", "China's assistance", "US-led strikes"),
// or noActor.
func (a *analyser) npSource(i int) int32 {
	sc := a.sc
	for j, n := i-1, 0; j >= 0 && n < maxNPReach; j, n = j-1, n+1 {
		t := &sc.toks[j]
		if t.chunk >= 0 {
			if c := &sc.chunks[t.chunk]; !c.loc && !c.econ && c.prep != pkBy && c.prep != pkFrom {
				return c.group
			}
			return noActor
		}
		if t.flags&tfPoss != 0 || t.punct == '-' {
			continue
		}
		if t.flags&tfWord == 0 || t.cue >= 0 || t.class&^npWords != 0 {
			return noActor
		}
		switch string(a.word(j)) {
		case "its", "their", "his", "her":
			return a.antecedent(j)
		}
	}
	return noActor
}

// antecedent returns the nearest actor before token j that is no place:
// what "its" or "their" at j stands for.
func (a *analyser) antecedent(j int) int32 {
	sc := a.sc
	for k := j - 1; k >= 0 && k >= j-maxSubjectReach; k-- {
		a.steps++
		if c := sc.toks[k].chunk; c >= 0 && !sc.chunks[c].loc {
			if sc.chunks[c].econ {
				return noActor // "U.S. banks ... their loans": the banks'
			}
			return sc.chunks[c].group
		}
	}
	return noActor
}

// adjunctOf returns the verb cue whose act conflict noun cue ci describes
// in an adjunct ("killed two soldiers in an attack", "during a raid"), or
// -1.
func (a *analyser) adjunctOf(ci int32) int32 {
	sc := a.sc
	cm := &sc.cues[ci]
	if ci == 0 || a.lx.cues[cm.def].sign > 0 {
		return -1
	}
	j := int(cm.t0) - 1
	for n := 0; j >= 0 && n < 3 && sc.toks[j].chunk < 0 && sc.toks[j].flags&tfWord != 0 &&
		(sc.toks[j].class&wcDet != 0 || sc.toks[j].class == 0 && sc.toks[j].lemma == 0 && sc.toks[j].flags&tfCap == 0); n++ {
		j--
	}
	if !a.isWord(j, "in") && !a.isWord(j, "during") {
		return -1
	}
	p := &sc.cues[ci-1]
	if p.noun || sc.clause0[p.t0] != sc.clause0[cm.t0] || a.lx.cues[p.def].sign > 0 {
		return -1
	}
	return ci - 1
}

// nounRegion is where the subject of the noun cue ci is looked for: from
// the clause start, or after the last cue before it that is not a light
// verb ("condemned the attack on Y": "attack" takes no subject).
func (a *analyser) nounRegion(ci int32, lo int) int {
	sc := a.sc
	if ci > 0 && a.objectOfNoun(&sc.cues[ci-1], &sc.cues[ci]) {
		return int(sc.cues[ci].t0) // "accusations over the conflict in Georgia"
	}
	for k := ci - 1; k >= 0; k-- {
		a.steps++
		p := &sc.cues[k]
		if int(p.t1) <= lo {
			break
		}
		if !p.noun && sc.toks[p.t0].class&wcLight == 0 && !a.infinitiveAt(int(p.t1)) {
			return int(p.t1) // but "agreed to restore relations" shares the subject
		}
	}
	return lo
}

// objectOfNoun reports whether noun cue cm sits in a prepositional phrase
// of noun cue p ("talks on the war", "sanctions over the invasion"): it is
// the topic of p, no act of p's subject.
func (a *analyser) objectOfNoun(p, cm *cueMatch) bool {
	sc := a.sc
	if !p.noun || !cm.noun {
		return false
	}
	j := int(p.t1)
	if j >= int(cm.t0) || sc.toks[j].class&(wcPrep|wcLocPrep) == 0 || a.isWord(j, "to") || a.isWord(j, "with") || a.isWord(j, "between") {
		return false
	}
	for k := j + 1; k < int(cm.t0); k++ {
		t := &sc.toks[k]
		if t.chunk >= 0 || t.flags&tfWord == 0 || t.class&^wcDet != 0 || t.lemma != 0 {
			return false
		}
	}
	return true
}

// purposeNoun reports whether cue ci is a cooperative relation noun ("talks",
// "summit") after "for", which names the purpose of the clause's act.
func (a *analyser) purposeNoun(ci int32) bool {
	sc := a.sc
	cm := &sc.cues[ci]
	if d := &a.lx.cues[cm.def]; d.flags&cfSym == 0 || d.sign < 0 {
		return false
	}
	j := int(cm.t0) - 1
	for n := 0; j >= 0 && n < 3; n, j = n+1, j-1 {
		t := &sc.toks[j]
		if t.chunk >= 0 || t.flags&tfWord == 0 || t.class&wcDet == 0 && (t.class != 0 || t.lemma != 0 || t.flags&tfCap != 0) {
			break
		}
	}
	return a.isWord(j, "for") || a.adverbialAct(j)
}

// adverbialAct reports whether token j opens a time adjunct whose act is
// the main clause subject's: "freed 50 prisoners after talks with Spain",
// "during talks with Syria", "following a meeting with Putin".
func (a *analyser) adverbialAct(j int) bool {
	return j > 0 && (a.isWord(j, "after") || a.isWord(j, "during") || a.isWord(j, "following") || a.isWord(j, "before"))
}

// objectBetween returns the first actor after group src and before token
// i that may be an object ("X engaged Y in a firefight"), or noActor.
func (a *analyser) objectBetween(src int32, i int) int32 {
	sc := a.sc
	last := &sc.chunks[sc.chunks[src].gEnd-1]
	for j := max(int(last.t1), i-maxSubjectReach); j < i; j++ {
		a.steps++
		t := &sc.toks[j]
		if t.chunk < 0 {
			continue
		}
		c := &sc.chunks[t.chunk]
		if !c.loc && !c.econ && c.prep != pkBy && c.prep != pkFrom && c.code != sc.chunks[src].code {
			return c.group
		}
		j = int(c.t1) - 1
	}
	return noActor
}

// passiveAfter reports whether a passive verb follows the noun cue cm
// ("arrest warrants were issued").
func (a *analyser) passiveAfter(cm *cueMatch) bool {
	sc := a.sc
	j, be := int(cm.t1), false
	for ; j < len(sc.toks) && sc.toks[j].class&wcAuxVerb != 0; j++ {
		be = be || sc.toks[j].class&wcBe != 0
	}
	if !be || j >= len(sc.toks) {
		return false
	}
	w := a.word(j)
	return bytes.HasSuffix(w, []byte("ed")) || bytes.HasSuffix(w, []byte("en"))
}

// objectOfSpeech reports whether noun cue cm is the direct object of the
// speech verb before it ("The White House announced 100 pct tariffs on
// Japanese goods"): only numbers, determiners and modifiers stand between,
// so the speaker does the act instead of reporting it.
func (a *analyser) objectOfSpeech(cm *cueMatch, i int) bool {
	sc := a.sc
	if !cm.noun {
		return false
	}
	from := int(sc.spkStart[i])
	if from <= 0 || from > i || i-from > 4 || !a.isSpeechVerb(from-1) {
		return false
	}
	for j := from; j < i; j++ {
		t := &sc.toks[j]
		if t.chunk >= 0 || t.cue >= 0 || t.flags&tfWord == 0 && t.punct != '%' || t.class&^(wcDet|wcQuant|wcEcon) != 0 {
			return false
		}
	}
	return true
}

// eligibleSubject reports whether a chunk may be the subject of a clause:
// it is no place and no preposition governs it (but "of" may, for a
// speaker, "the president of France said", or after an office or body,
// "the foreign ministers of Syria and Lebanon agreed").
func eligibleSubject(c *chunk, speech bool) bool {
	return !c.loc && !c.econ && (c.prep == pkNone || c.prep == pkOf && (speech || c.holder))
}

// subject finds the actor of the verb at token i, looking back to token lo.
// It returns a chunk group, noActor, pronounActor or otherSubject.
func (a *analyser) subject(i, lo int, speech bool) int32 {
	sc := a.sc
	if !speech && i >= 2 && sc.toks[i].cue >= 0 && sc.toks[i-2].cue >= 0 && sc.toks[i-2].cue != sc.toks[i].cue {
		if p := &sc.cues[sc.toks[i-2].cue]; !p.noun && int(p.t1) == i-1 && !sc.cues[sc.toks[i].cue].noun && a.coordinated(p, &sc.cues[sc.toks[i].cue]) {
			// "arrested and deported": the subject of the first verb.
			return a.subject(int(p.t0), lo, speech)
		}
	}
	if lo < i-maxSubjectReach {
		lo = i - maxSubjectReach
	}
	j := i - 1
	for j >= lo && sc.toks[j].chunk < 0 && sc.toks[j].cue < 0 && (sc.toks[j].class&(wcAux|wcNegator|wcHedge) != 0 || a.adverb(j)) {
		j--
	}
	if j < 0 {
		return noActor
	}
	if t := &sc.toks[j]; t.class&wcRelPron != 0 && t.chunk < 0 {
		// "X, who warned ...": the subject is the noun phrase before
		// "who" ("Lebanese Prime Minister Fuad Siniora, who met ...").
		k := j - 1
		if a.isPunct(k, ',') {
			k--
		}
		for n := 0; k >= 0 && n < maxNPReach && sc.toks[k].chunk < 0 && sc.toks[k].flags&tfCap != 0; n++ {
			k--
		}
		if k >= 0 && sc.toks[k].chunk >= 0 {
			if c := &sc.chunks[sc.toks[k].chunk]; eligibleSubject(c, speech) || c.form == FormDemonym && !c.loc {
				return c.group
			}
		}
		return otherSubject
	}
	if j < lo {
		return noActor
	}
	t := &sc.toks[j]
	switch {
	case t.chunk >= 0:
		c := &sc.chunks[t.chunk]
		if eligibleSubject(c, speech) {
			return c.group
		}
		if k := a.locPrepBefore(c); k > lo {
			// "US forces in Iraq handed over": the phrase before the place.
			return a.subject(k, lo, speech)
		}
		if k := a.ledBy(int(c.t0)); k > lo {
			// "a delegation led by Wang Qishan arrived": the delegation's.
			return a.subject(k, lo, speech)
		}
		return otherSubject
	case t.class&wcPronoun != 0:
		return pronounActor
	case t.punct == ',':
		return a.segmentSubject(lo, j, speech)
	case t.flags&tfWord != 0 && t.class&^npWords == 0 && t.cue < 0:
		// A noun phrase ends here: an actor in it is the subject
		// ("the Chinese government has"), else the subject is no actor.
		k, caps := j, true
		for n := 0; k >= lo && n < maxNPReach; n, k = n+1, k-1 {
			tk := &sc.toks[k]
			if tk.chunk >= 0 {
				if c := &sc.chunks[tk.chunk]; eligibleSubject(c, speech) || c.form == FormDemonym && !c.loc {
					return c.group
				}
				return otherSubject
			}
			if tk.flags&tfPoss != 0 || tk.punct == '-' {
				continue
			}
			if tk.flags&tfWord == 0 || tk.class&^npWords != 0 && tk.flags&tfCap == 0 || tk.cue >= 0 {
				break
			}
			if tk.flags&tfCap == 0 && tk.class&wcDet == 0 {
				caps = false
			}
		}
		if k >= lo && a.isPunct(k, ',') && caps {
			// "The US commander, General David Petraeus, held ..."
			return a.segmentSubject(lo, k, speech)
		}
		if p := a.ledBy(k + 1); k >= lo && caps && p > lo {
			// "a delegation led by Vice Premier Wang Qishan arrived"
			return a.subject(p, lo, speech)
		}
		if !speech && sc.toks[j].class&wcForces != 0 {
			// "troops", "police": in a reported clause, the speaker's.
			return pronounActor
		}
		return otherSubject
	}
	return a.segmentSubject(lo, j+1, speech)
}

// adverb reports whether token j is an unknown lower-case word in -ly
// ("has publicly accused"), or "long" after an auxiliary ("has long
// accused").
func (a *analyser) adverb(j int) bool {
	t := &a.sc.toks[j]
	if t.flags&(tfWord|tfCap) != tfWord || t.class != 0 || t.lemma != 0 {
		return false
	}
	return bytes.HasSuffix(a.word(j), []byte("ly")) || a.isWord(j, "long") && j > 0 && a.sc.toks[j-1].class&wcAuxVerb != 0
}

// coordinated reports whether verb cue o follows verb cue cm after "and",
// "or" or a comma, with the same polarity ("arrested and deported").
func (a *analyser) coordinated(cm, o *cueMatch) bool {
	j := int(cm.t1)
	if int(o.t0) != j+1 || !a.isWord(j, "and") && !a.isWord(j, "or") && !a.isPunct(j, ',') {
		return false
	}
	return a.lx.cues[cm.def].sign == a.lx.cues[o.def].sign
}

// ledBy returns the token of the participle before "by" and the agent
// phrase starting at token t ("a delegation led by X", "troops backed by
// X"), or -1: the phrase before the participle is the subject of the verb
// after the agent.
func (a *analyser) ledBy(t int) int {
	sc := a.sc
	k := t - 1
	for n := 0; k >= 0 && n < 4 && (sc.toks[k].class&wcDet != 0 || a.isTitle(k)) && !a.isWord(k, "by"); n++ {
		k--
	}
	if !a.isWord(k, "by") || k < 2 {
		return -1
	}
	p := k - 1
	if w := a.word(p); !bytes.HasSuffix(w, []byte("ed")) && string(w) != "led" || sc.toks[p].chunk >= 0 || sc.toks[p-1].class&wcBe != 0 {
		return -1
	}
	return p
}

// locPrepBefore returns the token of the place preposition ("in", "at")
// right before place chunk c, after a plain noun ("forces in Iraq"), or -1.
func (a *analyser) locPrepBefore(c *chunk) int {
	if !c.loc || c.prep != pkLoc {
		return -1
	}
	sc := a.sc
	k := int(c.t0) - 1
	for n := 0; k >= 0 && n < 3 && sc.toks[k].class&wcDet != 0 && sc.toks[k].class&wcLocPrep == 0; n++ {
		k--
	}
	if k < 1 || sc.toks[k].class&wcLocPrep == 0 || a.isWord(k, "from") {
		return -1
	}
	if p := &sc.toks[k-1]; p.chunk >= 0 || p.flags&tfWord == 0 || p.cue >= 0 || p.class&^npWords != 0 && p.class&(wcForces|wcInstitution) == 0 {
		return -1
	}
	return k
}

// segmentSubject looks for the subject in tokens [lo, end), comma segment
// by comma segment from the last: the leftmost eligible actor or subject
// pronoun of a segment wins.
func (a *analyser) segmentSubject(lo, end int, speech bool) int32 {
	sc := a.sc
	lo = max(lo, end-maxSubjectReach)
	e := end
	for p := end - 1; p >= lo-1; p-- {
		a.steps++
		if p >= lo && sc.toks[p].punct != ',' {
			continue
		}
		for t := p + 1; t < e; t++ {
			a.steps++
			tk := &sc.toks[t]
			if tk.chunk >= 0 {
				c := &sc.chunks[tk.chunk]
				if eligibleSubject(c, speech) {
					return c.group
				}
				t = int(c.t1) - 1
				continue
			}
			if tk.class&wcPronoun != 0 && (t == 0 || sc.toks[t-1].class&(wcPrep|wcLocPrep) == 0) {
				return pronounActor
			}
		}
		e = p
	}
	return noActor
}

// chunkAfter returns the group of the first actor among the next max
// tokens from token i, stopping at punctuation other than a hyphen.
func (a *analyser) chunkAfter(i, max int) int32 {
	sc := a.sc
	for k := i; k < len(sc.toks) && k < i+max; k++ {
		t := &sc.toks[k]
		if t.chunk >= 0 {
			return sc.chunks[t.chunk].group
		}
		if t.flags&tfWord == 0 && t.punct != '-' || t.class&wcSpeech != 0 {
			break
		}
	}
	return noActor
}

// eligibleTarget reports whether chunk c may be the target of cue cm: not
// an agent or an origin, and not a place unless the cue takes a place as
// its target ("war in Ukraine", "bombed positions in Iraq", "fired at
// Syria", "withdrew from Syria").
func (a *analyser) eligibleTarget(c *chunk, cm *cueMatch) bool {
	d := &a.lx.cues[cm.def]
	if c.prep == pkBy || c.prep == pkFrom && d.flags&cfFrom == 0 {
		return false
	}
	if c.econ && d.cat != Sanction && d.cat != Coerce && d.cat != Assault && d.cat != Reject {
		return false // "fears over the US economy"
	}
	if c.prep == pkNone && a.topicVerb(cm) {
		return false // "met to discuss Cyprus": a topic, no party
	}
	if c.prep == pkTopic || c.prep == pkOn && (d.cat == Consult || d.cat == Agree) {
		return false // "talks about North Korea", "an agreement on Cambodia"
	}
	if c.loc {
		return d.flags&cfLoc != 0 || c.prep == pkFrom && d.flags&cfFrom != 0
	}
	return true
}

// topicVerb reports whether cue cm is a verb whose direct object is a
// topic ("discuss", "debate", "review"): "discussed Cyprus" makes Cyprus no
// party; "discussed with Cyprus" does.
func (a *analyser) topicVerb(cm *cueMatch) bool {
	w := a.word(int(cm.t0))
	for _, p := range [...]string{"discuss", "debat", "review", "consider", "address"} {
		if bytes.HasPrefix(w, []byte(p)) {
			return !cm.noun
		}
	}
	return false
}

// target finds the actor a cue is aimed at, after it in its clause; an
// actor with the code of src is skipped ("Pakistanis protested in
// Islamabad against US strikes").
func (a *analyser) target(ci, src int32) int32 {
	sc := a.sc
	cm := &sc.cues[ci]
	end := int(sc.clause1[cm.t0])
	if int(cm.t1) < len(sc.toks) && int(cm.t1) == end && a.isWord(int(cm.t1), "that") && end+1 < len(sc.toks) {
		end = int(sc.clause1[end+1]) // "warned that China ..."
	}
	for j := int(cm.t1); j < end && j < int(cm.t1)+maxTargetReach; j++ {
		a.steps++
		t := &sc.toks[j]
		if t.chunk >= 0 {
			c := &sc.chunks[t.chunk]
			if a.eligibleTarget(c, cm) && (!cm.noun || c.prep != pkNone) && (src < 0 || c.code != sc.chunks[src].code) {
				return c.group
			}
			if c.prep == pkBy && a.authorOfObject(cm, int(c.t0)) && (src < 0 || c.code != sc.chunks[src].code) {
				return c.group
			}
			j = int(c.t1) - 1
			continue
		}
		if t.cue >= 0 && t.cue != ci {
			o := &sc.cues[t.cue]
			if !cm.noun && !o.noun && a.coordinated(cm, o) {
				// "killed or wounded 30 soldiers": one object.
				j = int(o.t1) - 1
				continue
			}
			if cm.noun || !o.noun {
				return noActor
			}
			switch od := &a.lx.cues[o.def]; {
			case od.cat == a.lx.cues[cm.def].cat || a.lx.cues[cm.def].flags&cfObj != 0:
				// "fired missiles at Syria", "demanded an apology from
				// Iran": the object names the act; "cut gas supplies to
				// Belarus" governs it.
				if cm.through < 0 && od.sign != a.lx.cues[cm.def].sign {
					cm.through = t.cue
				}
			case (od.flags&cfSym != 0 || od.sign > 0 && a.lx.cues[cm.def].sign < 0) && cm.through < 0:
				// "suspended the treaty with Washington", "opposed arms
				// sales to Taiwan": a verb reaches through a relation or
				// a cooperative act it turns against to its partner.
				cm.through = t.cue
			default:
				// "condemned the attack on Georgia": the target is the
				// attack's, not the condemnation's.
				return noActor
			}
			j = int(o.t1) - 1
			continue
		}
		if cm.noun && t.class&wcAuxVerb != 0 {
			// A noun's target is in its own phrase, unless a passive
			// light verb follows ("warrants were issued for X").
			k := j
			for k < end && sc.toks[k].class&wcAuxVerb != 0 {
				k++
			}
			if k >= end || sc.toks[k].class&wcLight == 0 {
				return noActor
			}
			j = k
			continue
		}
		if t.punct == ',' || t.punct == '"' || a.isSpeechVerb(j) {
			return noActor
		}
		if c := a.possessivePronounTarget(j, cm); c >= 0 {
			return c
		}
		if (a.isWord(j, "each") || a.isWord(j, "one")) && (a.isWord(j+1, "other") || a.isWord(j+1, "another")) {
			return eachOther
		}
	}
	return noActor
}

// authorOfObject reports whether the agent starting at token t is the
// author of the plain noun object of the criticism or rejection verb cm:
// "condemned remarks by X", "rejected an offer by X" are aimed at X.
func (a *analyser) authorOfObject(cm *cueMatch, t int) bool {
	sc := a.sc
	d := &a.lx.cues[cm.def]
	if cm.noun || d.cat != Disapprove && d.cat != Reject {
		return false
	}
	by := t - 1
	for n := 0; by > int(cm.t1) && n < 4 && (sc.toks[by].class&wcDet != 0 || a.isTitle(by)) && !a.isWord(by, "by"); n++ {
		by--
	}
	if !a.isWord(by, "by") || by == int(cm.t1) || by-int(cm.t1) > 4 {
		return false
	}
	noun := false
	for k := int(cm.t1); k < by; k++ {
		tk := &sc.toks[k]
		switch {
		case tk.flags&tfWord == 0 || tk.chunk >= 0 || tk.cue >= 0:
			return false
		case tk.class&wcDet != 0:
		case tk.class&^(wcLight|wcRequest) == 0 && tk.flags&tfCap == 0:
			noun = true // "remarks", "offer", "call"
		default:
			return false
		}
	}
	return noun
}

// possessivePronounTarget resolves "its" or "their" at token j after a
// conflict cue cm to the nearest earlier actor that is not the cue's own
// subject ("Kenya said Somalia had attacked its border posts").
func (a *analyser) possessivePronounTarget(j int, cm *cueMatch) int32 {
	switch string(a.word(j)) {
	case "its", "their":
	default:
		return noActor
	}
	if a.lx.cues[cm.def].sign > 0 {
		return noActor // "Russia must withdraw its troops": its own
	}
	sc := a.sc
	src := a.subject(int(cm.t0), int(sc.clause0[cm.t0]), false)
	for k := int(cm.t0) - 1; k >= 0 && k >= j-maxSubjectReach; k-- {
		a.steps++
		c := sc.toks[k].chunk
		if c < 0 || sc.chunks[c].loc {
			continue
		}
		if g := sc.chunks[c].group; g != src && (src < 0 || sc.chunks[g].code != sc.chunks[src].code) {
			return g
		}
		k = int(sc.chunks[c].t0)
	}
	return noActor
}

// governThreats turns an act announced by a threat cue into a threat:
// "X threatened to attack Y" and "X warned it would sanction Y" are threats
// of X toward Y, not an attack or a sanction, and a warning that announces
// no conflict act stays a warning.
func (a *analyser) governThreats() {
	sc := a.sc
	for vi := int32(1); vi < int32(len(sc.cues)); vi++ {
		v, g := &sc.cues[vi], &sc.cues[vi-1]
		gd, vd := &a.lx.cues[g.def], &a.lx.cues[v.def]
		if v.noun || g.noun || gd.flags&cfIntent == 0 || g.negated || v.negated ||
			vd.sign > 0 && gd.cat != Threaten || !a.announces(int(g.t1), int(v.t0), gd.cat == Threaten) {
			continue
		}
		src, tgt, conf := a.direction(vi - 1)
		if src < 0 {
			continue
		}
		if tgt < 0 {
			tgt = a.target(vi, src)
		}
		if tgt < 0 {
			continue
		}
		if gd.cat != Threaten {
			if a.lx.threatDef < 0 {
				continue
			}
			g.def = a.lx.threatDef
		}
		if sc.hedged[g.t0] {
			conf *= hedgeFactor
		}
		for _, r := range [][2]int32{{g.c0, g.c1}, {v.c0, v.c1}} {
			for c := r[0]; c < r[1]; c++ {
				sc.contribs[c].dead = true
			}
		}
		g.c0 = int32(len(sc.contribs))
		a.rule = RuleThreat
		a.addPairs(src, tgt, vi-1, effectiveScore(&a.lx.cues[g.def], false), conf, false)
		g.c1 = int32(len(sc.contribs))
	}
}

// announces reports whether tokens [from, to) link a threat cue to the act
// it announces: "to" for a threat ("threatened to attack"), or "(that) it
// would" ("warned that it would strike").
func (a *analyser) announces(from, to int, infinitive bool) bool {
	if infinitive && to == from+1 && a.isWord(from, "to") {
		return true
	}
	if a.isWord(from, "that") {
		from++
	}
	if to != from+2 || a.sc.toks[from].class&wcPronoun == 0 && !a.isWord(from, "they") {
		return false
	}
	switch string(a.word(from + 1)) {
	case "would", "will", "could", "might", "may", "can", "must":
		return true
	}
	return false
}

// overrideRelations lets a verb govern the relation noun it reached
// through when their polarities differ ("suspended the treaty with
// Washington"): the noun's own evidence is dropped, and if the verb found
// no pair itself it takes the noun's pairs.
func (a *analyser) overrideRelations() {
	sc := a.sc
	for vi := range sc.cues {
		v := &sc.cues[vi]
		if v.through < 0 {
			continue
		}
		k := &sc.cues[v.through]
		adopt := v.c0 == v.c1
		score := effectiveScore(&a.lx.cues[v.def], v.negated)
		if score*effectiveScore(&a.lx.cues[k.def], k.negated) > 0 {
			continue // "welcomed the agreement between X and Y": both stand
		}
		for c := k.c0; c < k.c1; c++ {
			old := sc.contribs[c]
			sc.contribs[c].dead = true
			if adopt && score != 0 {
				sc.contribs = append(sc.contribs, contrib{src: old.src, tgt: old.tgt, cue: int32(vi), score: score, conf: old.conf, rule: RuleRelation})
			}
		}
	}
}

// addPairs records the stance of every member of group src toward every
// member of group tgt (and back if sym).
func (a *analyser) addPairs(src, tgt, ci int32, score, conf float64, sym bool) {
	sc := a.sc
	for s := src; s < sc.chunks[src].gEnd && s < src+maxGroupMembers; s++ {
		for t := tgt; t < sc.chunks[tgt].gEnd && t < tgt+maxGroupMembers; t++ {
			if sc.chunks[s].code == sc.chunks[t].code {
				continue
			}
			sc.contribs = append(sc.contribs, contrib{src: s, tgt: t, cue: ci, score: score, conf: conf, rule: a.rule})
			if sym {
				sc.contribs = append(sc.contribs, contrib{src: t, tgt: s, cue: ci, score: score, conf: conf, rule: a.rule})
			}
		}
	}
}

// minGathering is the number of states acting together from which every
// pair among them is a stance both ways.
const minGathering = 4

// members returns the number of chunks of group g taken into pairs.
func (a *analyser) members(g int32) int {
	return int(min(a.sc.chunks[g].gEnd, g+maxGroupMembers) - g)
}

// addAmong records the stance of every member of groups g and h toward
// every other member of both, except pairs within one group that
// addPairs or addWithin has already recorded.
func (a *analyser) addAmong(g, h, ci int32, score, conf float64) {
	a.addWithin(g, ci, score, conf)
	a.addWithin(h, ci, score, conf)
}

// addWithin records the stance of every member of group g toward every
// other member ("China, Russia and South Africa will hold an exercise").
func (a *analyser) addWithin(g, ci int32, score, conf float64) {
	sc := a.sc
	end := min(sc.chunks[g].gEnd, g+maxGroupMembers)
	for s := g; s < end; s++ {
		for t := g; t < end; t++ {
			if sc.chunks[s].code != sc.chunks[t].code {
				sc.contribs = append(sc.contribs, contrib{src: s, tgt: t, cue: ci, score: score, conf: conf, rule: a.rule})
			}
		}
	}
}

// stateSide reports whether the source (or target) chunk of contribution
// c may stand for its state. A sub-state actor never acts for its state
// ("Kurdish rebels attacked", "Japanese car makers criticised"); as the
// target of a state's coercion, assault or sanction the people and
// property of a state stand for it ("deported 20 Chinese nationals",
// "sanctions on three Iranian banks"), as PETRARCH and the dev sets code
// them, but its rebels, opposition, ethnic groups and languages do not.
// Palestinian militants and armed wings count as PSE (CONVENTIONS.md).
func (a *analyser) stateSide(c contrib, source bool) bool {
	ch := &a.sc.chunks[c.tgt]
	if source {
		ch = &a.sc.chunks[c.src]
	}
	if !ch.sub {
		return true
	}
	switch ch.agent {
	case "REB", "UAF", "OPP", "REBMUS", "MUSREB":
		if ch.code == "PSE" {
			return true
		}
		return false
	case "ETH", "MOD", "LNG", "PTY", "HRI", "NGO", "CUR":
		return false
	}
	if source {
		return false
	}
	d := &a.lx.cues[a.sc.cues[c.cue].def]
	return d.sign < 0 && (materialCategory(d.cat) || d.cat == Reject) // "expelled Malian migrants"
}

// collectPairs merges the contributions of the sentence into one evidence
// per directed pair: the scores of distinct cues add up, the confidence is
// the highest.
func (a *analyser) collectPairs() {
	sc := a.sc
	sc.pairs = sc.pairs[:0]
	for _, c := range sc.contribs {
		if c.dead || !a.stateSide(c, true) || !a.stateSide(c, false) {
			continue // sub-state actors make no state dyad
		}
		src, tgt := sc.chunks[c.src].code, sc.chunks[c.tgt].code
		p := -1
		for k := range sc.pairs {
			a.steps++
			if sc.pairs[k].src == src && sc.pairs[k].tgt == tgt {
				p = k
				break
			}
		}
		if p < 0 {
			if len(sc.pairs) >= maxSentencePairs {
				continue
			}
			sc.pairs = append(sc.pairs, pairEvidence{src: src, tgt: tgt, rule: c.rule, mode: a.mode(&sc.cues[c.cue], c.rule)})
			p = len(sc.pairs) - 1
		}
		pe := &sc.pairs[p]
		cm := &sc.cues[c.cue]
		start, end := int(sc.toks[cm.t0].start), int(sc.toks[cm.t1-1].end)
		dup := len(pe.cues) >= maxPairCues
		for _, q := range pe.cues {
			a.steps++
			if q.Start == start {
				dup = true
				break
			}
		}
		if c.conf > pe.conf {
			pe.conf = c.conf
			pe.rule = c.rule
			pe.mode = a.mode(&sc.cues[c.cue], c.rule)
		}
		if dup {
			continue
		}
		pe.score += c.score
		cat := a.lx.cues[cm.def].cat
		if cm.reversed {
			cat = reversedCategory(&a.lx.cues[cm.def])
		}
		pe.cues = append(pe.cues, Cue{
			Text: a.s[start:end], Start: start, End: end,
			Category: cat, Negated: cm.negated, PloverMode: a.lx.cues[cm.def].mode,
		})
	}
}
