package stance

import (
	"strings"
	"time"

	"github.com/stancemon/stancemon/stance/internal/syntax"
)

// The analyser runs one sentence through the steps of the package doc, in
// the order analyse calls them: tokens.go, actors.go, acts.go, clauses.go,
// structure.go, mode.go and pairs.go. This file holds what they share.

// Limits that keep the work per sentence linear and bounded.
const (
	maxGroupMembers   = 8  // members of a coordination group taken into pairs
	maxSentencePairs  = 64 // distinct (source, target) pairs per sentence
	maxSubjectReach   = 40 // tokens searched back for a subject
	maxTargetReach    = 14 // tokens searched forward for a target
	maxNegationReach  = 4  // tokens searched back for a negator
	maxAgentReach     = 6  // tokens searched forward for "by" + agent
	maxNPReach        = 5  // words of a noun phrase searched back
	maxCuesInSentence = 256
	maxPairCues       = 16 // cues kept per pair and sentence
	maxJointList      = 4  // joint actors paired wherever they stand
)

// Confidence of a sentence-level stance by how its direction was found.
const (
	confDirect   = 0.8  // subject (or agent) and object of one cue
	confJoint    = 0.7  // pairs of joint actors ("X and Y agreed")
	confPronoun  = 0.65 // "X said it would ..."
	confSpeaker  = 0.55 // "X said ...": the cue has no actor of its own
	confReported = 0.5  // "X said Y's ... violation": speaker toward the subject
	hedgeFactor  = 0.7  // "may", "reportedly", ...
	farFactor    = 0.85 // target far from its cue
)

// analyser analyses sentences with a lexicon and a gazetteer.
type analyser struct {
	lx  *lexicon
	gaz *Gazetteer
	ag  *agentTable
	at  time.Time
	sc  *scratch
	s   string // the sentence
	// rule is the direction rule of the pairs being added.
	rule Rule
	// parse is the structure of the sentence, nil when it names fewer
	// than two distinct actors.
	parse *syntax.Sentence
	// steps counts the iterations of the searches whose length is not
	// fixed by the token count, so tests can check the work is linear.
	steps int
}

// scratch holds the buffers of one sentence analysis; it is reused through
// a sync.Pool.
type scratch struct {
	lower    []byte
	toks     []token
	mentions []Mention
	chunks   []chunk
	cues     []cueMatch
	contribs []contrib
	clause0  []int32 // first token of the clause of each token
	clause1  []int32 // one past the last token of the clause of each token
	hedged   []bool  // hedge in the clause of each token
	speaker  []int32 // speaker chunk of each token, -1 if none
	spkStart []int32 // first token of the reported clause of each token
	links    []int32 // link of each chunk to the one before
	closes   []bool  // the links after each chunk end with an "and"
	pairs    []pairEvidence
	spans    []span
	agentBuf []byte
	parser   *syntax.Parser // created on first use, kept with the scratch
	words    []string       // token texts for the parser
	spaced   []bool         // a space before each token
}

// analyse analyses sentence s. It returns false if the sentence is
// boilerplate. Otherwise sc.pairs holds the pair evidence and tone the
// sentence polarity.
func (a *analyser) analyse(s string, title bool) (tone float64, keep bool) {
	sc := a.sc
	a.s = s
	// A headline in title case is read as a title wherever it stands
	// ("US, China Agree to Resume Trade Talks").
	title = title || isTitleCase(s) && !strings.HasSuffix(strings.TrimSpace(s), ".")
	sc.toks, sc.lower = tokenize(s, sc.lower, sc.toks[:0])
	if a.lx.isBoilerplate(sc.lower, sc.toks) {
		return 0, false
	}
	a.lookup()
	a.findChunks(title)
	a.findCues(title)
	a.findClauses()
	a.findSpeakers()
	a.parse = a.parseSentence()
	sc.contribs = sc.contribs[:0]
	a.findReversals()
	for i := range sc.cues {
		a.relate(int32(i))
	}
	a.findDemands()
	a.fallbackPairs(a.cueTone())
	a.governThreats()
	a.overrideRelations()
	a.collectPairs()
	// The tone counts the cues the steps above added or changed too.
	return clamp1(a.cueTone()), true
}

// cueTone is the sum of the signed intensities of the sentence's cues.
func (a *analyser) cueTone() float64 {
	var tone float64
	for i := range a.sc.cues {
		cm := &a.sc.cues[i]
		tone += effectiveScore(&a.lx.cues[cm.def], cm.negated)
	}
	return tone
}

// clamp1 clamps x to [-1, 1].
func clamp1(x float64) float64 {
	switch {
	case x > 1:
		return 1
	case x < -1:
		return -1
	}
	return x
}
