package stance

import "bytes"

// Modality: whether an act is negated ("did not condemn", "Neither X nor
// Y", "the collapse of the talks"), and whether it is reported as fact,
// intended or threatened, or only supposed, asked for, asked about or
// denied (CONVENTIONS.md, "Rules"; PLOVER's auxiliary modes). Only factual,
// intended and threatened acts give a stance; relate drops the others
// before it looks for their actors.

// Mode is the modality of the act behind a piece of evidence.
type Mode string

// Modes of an act that gives a stance.
const (
	// ModeFactual: reported as happening or having happened.
	ModeFactual Mode = "factual"
	// ModeIntended: a stated intention, plan or pledge of the source
	// ("will visit", "plans to lift", "pledged to help").
	ModeIntended Mode = "intended"
	// ModeThreatened: a threat or warning of the source ("threatened to
	// impose sanctions").
	ModeThreatened Mode = "threatened"
)

// maxModeReach is how many tokens before a cue are searched for the words
// that set its mode.
const maxModeReach = 6

// negated reports whether a negator stands within a few words before
// token i, in its clause.
func (a *analyser) negated(i, lo int) bool {
	sc := a.sc
	for j, n := i-1, 0; j >= lo && n < maxNegationReach; j, n = j-1, n+1 {
		t := &sc.toks[j]
		if t.class&wcNegator != 0 {
			return true
		}
		if t.punct != 0 || t.chunk >= 0 {
			return false
		}
	}
	return false
}

// neitherNor reports whether the subject of the cue at token i is
// "neither X nor Y": a negation of both ("Neither Egypt nor Jordan
// criticised Israel").
func (a *analyser) neitherNor(lo, i int) bool {
	for j := max(lo, i-maxSubjectReach); j < i; j++ {
		a.steps++
		if a.isWord(j, "neither") {
			return true
		}
	}
	return false
}

// failed reports whether a failure names noun cue cm, right after it or
// before it across determiners, an owner and "of" or "in" ("talks
// failure", "the breakdown in the negotiations", "the collapse of Peru's
// talks").
func (a *analyser) failed(cm *cueMatch) bool {
	sc := a.sc
	if t := int(cm.t1); t < len(sc.toks) && sc.toks[t].class&wcFailure != 0 {
		return true
	}
	for j, n := int(cm.t0)-1, 0; j >= 0 && n < 5; j, n = j-1, n+1 {
		t := &sc.toks[j]
		switch {
		case t.class&wcFailure != 0:
			return true
		case t.class&wcDet != 0 || t.chunk >= 0 || t.flags&tfPoss != 0 || a.isWord(j, "of") || a.isWord(j, "in"):
		default:
			return false
		}
	}
	return false
}

// irrealis reports whether the verb at token i names an act that is
// only asked for, allowed or warned against: an infinitive whose subject is
// someone asked or allowed to act ("asked Obama to help Iran", "permission
// to Russia to help Israel"), or a gerund after "against" or "from"
// ("warned China against supplying arms"). Such a clause says nothing
// about who stands where.
func (a *analyser) irrealis(i int) bool {
	sc := a.sc
	if (a.isWord(i-1, "against") || a.isWord(i-1, "from")) && bytes.HasSuffix(a.word(i), []byte("ing")) {
		return true
	}
	if a.askedIf(int(sc.clause0[i])) {
		return true
	}
	if !a.isWord(i-1, "to") {
		return false
	}
	j := i - 2
	if j >= 0 && sc.toks[j].chunk >= 0 && !sc.chunks[sc.toks[j].chunk].loc {
		return true
	}
	for k := j; k >= 0 && k >= j-4; k-- {
		t := &sc.toks[k]
		if t.class&wcRequest != 0 && t.chunk < 0 {
			return k < j
		}
		if t.punct != 0 {
			return false
		}
	}
	return false
}

// askedIf reports whether the clause that starts at token lo is a
// question put to someone ("asked if Korea would retaliate", "asked
// whether Peru would sign"): it asserts nothing.
func (a *analyser) askedIf(lo int) bool {
	for k := lo - 1; k <= lo; k++ {
		if (a.isWord(k, "if") || a.isWord(k, "whether")) && (a.isWord(k-1, "asked") || a.isWord(k-1, "asking") || a.isWord(k-1, "ask")) {
			return true
		}
	}
	return false
}

// hypothetical reports whether the cue at token i stands in a conditional
// clause opened by "if" or "unless" before it in its clause with no comma
// between ("If Iran attacks Kuwait, ..."; the main clause after the comma is
// not conditional itself).
func (a *analyser) hypothetical(i, lo int) bool {
	for j := i - 1; j >= lo && j >= i-maxSubjectReach; j-- {
		a.steps++
		if a.isPunct(j, ',') || a.isPunct(j, ';') {
			return false
		}
		if (a.isWord(j, "if") || a.isWord(j, "unless")) && !a.isWord(j-1, "even") && !a.isWord(j-1, "asked") && !a.isWord(j-1, "ask") {
			return true
		}
	}
	return false
}

// denied reports whether the cue at token i is the content of a denied
// claim: "Iraq denied that it had attacked Kuwait", "Israel rejected Iran's
// claim that Israel had attacked Syria", "denied attacking the convoy".
// The denial itself is an act of its own (a rejection of the claim's
// author); the act it denies gives nothing.
func (a *analyser) denied(i, lo int) bool {
	if i > 0 && bytes.HasSuffix(a.word(i), []byte("ing")) && a.isDenial(i-1) {
		return true // "denied attacking"
	}
	// The denied clause starts at "that" or right after the denial.
	j := lo
	if a.isWord(j, "that") {
		j--
	} else {
		j = lo - 1
	}
	for n := 0; j >= 0 && n < maxModeReach; j, n = j-1, n+1 {
		a.steps++
		t := &a.sc.toks[j]
		switch {
		case a.isDenial(j):
			return true
		case claimNouns[string(a.word(j))], t.flags&tfPoss != 0, t.chunk >= 0, t.class&wcDet != 0:
			continue
		default:
			return false
		}
	}
	return false
}

// isDenial reports whether token i is a form of a denial verb ("denied",
// "denies", "rejected", "dismissed", "refuted").
func (a *analyser) isDenial(i int) bool {
	if i < 0 || i >= len(a.sc.toks) || a.sc.toks[i].flags&tfWord == 0 {
		return false
	}
	w := a.word(i)
	for _, p := range denialVerbs {
		if bytes.HasPrefix(w, p) && (len(w) == len(p) || bytes.HasSuffix(w, []byte("y")) || bytes.HasSuffix(w, []byte("ies")) ||
			bytes.HasSuffix(w, []byte("ied")) || bytes.HasSuffix(w, []byte("ed")) || bytes.HasSuffix(w, []byte("s")) || bytes.HasSuffix(w, []byte("ing")) || bytes.HasSuffix(w, []byte("e"))) {
			return !bytes.Equal(w, []byte("dense")) && !bytes.HasPrefix(w, []byte("denm")) && !bytes.HasPrefix(w, []byte("dent"))
		}
	}
	return false
}

// denialVerbs deny or reject the claim that follows them.
var denialVerbs = [][]byte{[]byte("den"), []byte("reject"), []byte("dismiss"), []byte("refut"), []byte("rebuff"), []byte("disput")}

// claimNouns name a claim whose content a denial rejects.
var claimNouns = map[string]bool{
	"claim": true, "claims": true, "allegation": true, "allegations": true, "report": true, "reports": true,
	"charge": true, "charges": true, "accusation": true, "accusations": true, "suggestion": true,
	"suggestions": true, "assertion": true, "assertions": true, "rumour": true, "rumours": true, "rumor": true, "rumors": true,
}

// speculative reports whether the cue at token i is only supposed: a modal
// of possibility stands right before it or its auxiliaries ("Japan may
// arrange swap agreements", "Iran might attack", "could impose
// sanctions"), which CONVENTIONS.md counts as speculation, not a stance.
// "would" and "will" state an intention and are no speculation.
func (a *analyser) speculative(i, lo int) bool {
	for j, n := i-1, 0; j >= lo && n < 6; j, n = j-1, n+1 {
		a.steps++
		switch string(a.word(j)) {
		case "may", "might", "could":
			return j == 0 || !a.isWord(j-1, "it") // "it may be that" is a hedge
		case "be", "have", "also", "still", "yet", "soon", "well", "not", "to":
			continue
		}
		if t := &a.sc.toks[j]; a.sc.cues[a.sc.toks[i].cue].noun && t.chunk < 0 && t.flags&tfWord != 0 &&
			t.flags&tfCap == 0 && t.class&^(wcLight|wcDet|wcQuant|wcEcon) == 0 {
			continue // "may impose new sanctions on", "may arrange currency swap agreements"
		}
		return false
	}
	return false
}

// underConsideration reports whether the act of the cue at token i is only
// considered: a consider verb stands before it in its clause within a few
// words ("studying a plan to buy", "considering imposing sanctions").
func (a *analyser) underConsideration(i, lo int) bool {
	for j, n := i-1, 0; j >= lo && n < maxModeReach; j, n = j-1, n+1 {
		a.steps++
		if considerVerbs[string(a.word(j))] {
			return true
		}
		if a.sc.toks[j].chunk >= 0 || a.sc.toks[j].punct != 0 {
			return false
		}
	}
	return false
}

// considerVerbs put an act under consideration, which is no intention yet:
// "is studying a plan to buy more coal from the United States", "weighing
// sanctions against".
var considerVerbs = map[string]bool{
	"considering": true, "consider": true, "considers": true, "considered": true,
	"studying": true, "study": true, "studies": true, "studied": true,
	"weighing": true, "weigh": true, "weighs": true, "weighed": true,
	"mulling": true, "mull": true, "mulls": true, "mulled": true,
	"exploring": true, "explore": true, "explores": true, "explored": true,
	"contemplating": true, "contemplate": true, "contemplates": true, "contemplated": true,
}

// intentWords before a cue make its act an intention of the source.
var intentWords = map[string]bool{
	"will": true, "would": true, "shall": true, "plan": true, "plans": true, "planned": true, "planning": true,
	"intend": true, "intends": true, "intended": true, "pledge": true, "pledged": true, "pledges": true,
	"promise": true, "promised": true, "promises": true, "vow": true, "vowed": true, "vows": true,
	"offer": true, "offered": true, "offers": true, "decide": true, "decided": true, "decides": true,
	"ready": true, "willing": true, "prepared": true, "scheduled": true, "due": true, "expected": true,
}

// mode returns the mode of the act of cue cm.
func (a *analyser) mode(cm *cueMatch, rule Rule) Mode {
	if rule == RuleThreat || a.lx.cues[cm.def].cat == Threaten {
		return ModeThreatened
	}
	lo := int(a.sc.clause0[cm.t0])
	for j, n := int(cm.t0)-1, 0; j >= lo && n < maxModeReach; j, n = j-1, n+1 {
		a.steps++
		if intentWords[string(a.word(j))] {
			return ModeIntended
		}
		if a.sc.toks[j].chunk >= 0 {
			break
		}
	}
	return ModeFactual
}
