package stance

import "bytes"

// Clauses: the clause of each token and whether a hedge stands in it
// (findClauses), and the speaker of each reported clause ("X said ...",
// "..., X said", "according to X"; findSpeakers).

// findClauses sets the clause range, hedging and boundaries of each token.
// Clauses end at ';', ':', a spaced dash, a clause word ("but", "while",
// "as"), a relative pronoun and after a speech verb.
func (a *analyser) findClauses() {
	sc := a.sc
	n := len(sc.toks)
	sc.clause0 = resize32(sc.clause0, n)
	sc.clause1 = resize32(sc.clause1, n)
	sc.hedged = resizeBool(sc.hedged, n)
	start := 0
	hedge := false
	flush := func(end int) {
		for k := start; k < end; k++ {
			sc.clause1[k] = int32(end)
			sc.hedged[k] = hedge
		}
	}
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		boundary := t.punct == ';' || t.punct == ':' || t.punct == '(' || t.punct == ')' ||
			t.punct == '-' && i > 0 && sc.toks[i-1].end < t.start && i+1 < n && t.end < sc.toks[i+1].start ||
			t.chunk < 0 && t.class&(wcClause|wcRelPron) != 0 && t.cue < 0
		if boundary {
			flush(i)
			start, hedge = i, false
		}
		sc.clause0[i] = int32(start)
		if t.class&wcHedge != 0 {
			hedge = true
		}
		if a.isSpeechVerb(i) {
			// The clause reported by a speech verb starts after it.
			flush(i + 1)
			start, hedge = i+1, false
		}
	}
	flush(n)
}

// findSpeakers attributes reported clauses to their speaker: "X said
// (that) ...", "..., X said", "..., said X", "according to X, ...".
func (a *analyser) findSpeakers() {
	sc := a.sc
	n := len(sc.toks)
	sc.speaker = resize32(sc.speaker, n)
	sc.spkStart = resize32(sc.spkStart, n)
	for i := range sc.speaker {
		sc.speaker[i] = noActor
	}
	prevEnd := 0
	for s := 0; s < n; s++ {
		according := a.isWord(s, "according") && a.isWord(s+1, "to")
		if !according && !a.isSpeechVerb(s) {
			continue
		}
		next := s + 1
		for next < n && !a.isSpeechVerb(next) && !a.isWord(next, "according") {
			a.steps++
			next++
		}
		var spk int32
		var c0, c1 int
		if according {
			spk = a.chunkAfter(s+2, 6)
			comma := s + 2
			for comma < next && sc.toks[comma].punct != ',' {
				comma++
			}
			if s <= 1 || comma < next && s < 3 {
				c0, c1 = comma+1, next
			} else {
				c0, c1 = prevEnd, s
			}
		} else {
			spk = a.subject(s, int(sc.clause0[s]), true)
			inverted := false
			if spk == noActor {
				spk = a.chunkAfter(s+1, 6)
				inverted = spk >= 0
			}
			if spk >= 0 && !inverted {
				p := int(sc.chunks[spk].t0) - 1
				for k := 0; k < 4 && p >= 0 && (sc.toks[p].flags&tfWord != 0 || sc.toks[p].punct == '"') && sc.toks[p].class&wcPrep == 0 && sc.toks[p].chunk < 0; k++ {
					p--
				}
				inverted = a.isPunct(p, ',') && a.onlyTimeAfter(s+1, next)
			}
			if inverted {
				c0, c1 = prevEnd, int(sc.chunks[spk].t0)
			} else {
				c0, c1 = s+1, next
			}
		}
		if spk >= 0 {
			for k := c0; k < c1; k++ {
				sc.speaker[k], sc.spkStart[k] = spk, int32(c0)
			}
		}
		prevEnd = s + 1
		s = next - 1
	}
}

// onlyTimeAfter reports whether tokens [from, to), up to a comma, hold no
// verb, pronoun or conjunction that would open a reported clause: "...,
// X said on Wednesday." or "..., X told reporters in Belgrade." but not
// "X said it would ...".
func (a *analyser) onlyTimeAfter(from, to int) bool {
	for k := from; k < to; k++ {
		a.steps++
		t := &a.sc.toks[k]
		if t.punct == ',' {
			return true
		}
		if t.cue >= 0 || t.class&(wcAuxVerb|wcLight|wcSpeech|wcPronoun|wcRelPron) != 0 || bytes.HasSuffix(a.word(k), []byte("ed")) {
			return false
		}
	}
	return true
}
