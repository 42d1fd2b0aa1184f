package stance

import (
	"unicode/utf8"

	"github.com/stancemon/stancemon/stance/internal/words"
)

// Tolerant matching. A text word that matches nothing is read as a word of
// a phrase when it is one edit away from it (one letter inserted, deleted
// or replaced, or two adjacent letters swapped): "Afganistan",
// "Philipines", "Pakistian", "Veitnam", "Netanyhu". Only long words are
// corrected, and only into long words of a state's name or an official's
// alias; see fuzzyIndex.correct for the guards.
//
// The index is a symmetric deletion index: every target word and every
// form of it with one letter deleted point to the target. A text word w is
// one edit away from target t only if w, or w with one letter deleted,
// equals t or t with one letter deleted; the candidates found that way are
// then checked. A lookup costs at most len(w)+1 map lookups, with no
// allocation, whatever the number of targets.

const (
	// minFuzzyLetters is the shortest word corrected, and the shortest
	// target: shorter names are too close to other words ("Iran", "Iraq",
	// "Niger", "Gambia", "Zambia").
	minFuzzyLetters = 7
	// maxFuzzyBytes is the longest word corrected.
	maxFuzzyBytes = 32
)

// fuzzyBloomWords is the size of the deletion filter in 64-bit words
// (1<<18 bits).
const fuzzyBloomWords = 1 << 12

// fuzzyIndex finds the one target word a misspelt word stands for.
type fuzzyIndex struct {
	targets []string           // folded target words
	del     map[string][]int32 // target, or target less one letter -> targets
	// bloom has a bit set for the hash (polyHash) of every key of del, so
	// that most words are rejected without a map lookup: the hashes of a
	// word less each of its letters come from its prefix and suffix
	// hashes, in time linear in the word.
	bloom []uint64
	// never holds the folded words that are never corrected: every word of
	// every phrase (an exact word is no typo: "Austria" is no misspelt
	// "Australia", nor "Niger" "Nigeria"), the listed non-surnames and
	// name suffixes, and the not_typos words (English words and names one
	// edit away from a target: "Grenade", "Americas").
	never map[string]struct{}
}

// buildFuzzy builds the index from the phrases in the trie: the targets
// are the words of 7 or more letters, written capitalised, of states'
// names (and dated names) and officials' aliases, but not the not_typos
// words (common words such as "Republic", "General", "Gallant").
func (m *matcher) buildFuzzy(g *Gazetteer, notTypos []string) {
	fz := &m.fuzzy
	fz.del = make(map[string][]int32)
	if fz.never == nil {
		fz.never = make(map[string]struct{})
	}
	var buf [maxTokenBytes]byte
	seen := make(map[string]bool) // targets, and not_typos words: never targets
	for _, w := range notTypos {
		k, _ := foldToken(&buf, w)
		fz.never[string(buf[:k])] = struct{}{}
		seen[string(buf[:k])] = true
	}
	for ni := range m.nodes {
		for ci := range m.nodes[ni].cands {
			c := &m.nodes[ni].cands[ci]
			if !g.fuzzyForm(c) {
				continue
			}
			for _, tok := range c.toks {
				r, _ := utf8.DecodeRuneInString(tok)
				if !isUpperRune(r) {
					continue
				}
				k, _ := foldToken(&buf, tok)
				w := buf[:k]
				if len(w) < minFuzzyLetters || len(w) > maxFuzzyBytes || !lowerLetters(w) || seen[string(w)] {
					continue
				}
				seen[string(w)] = true
				fz.addTarget(string(w))
			}
		}
	}
	g.stats.fuzzyTargets = len(fz.targets)
	// Mark the nodes with a target among their children's tokens.
	isTarget := make(map[string]bool, len(fz.targets))
	for _, t := range fz.targets {
		isTarget[t] = true
	}
	for ni := range m.nodes {
		m.nodes[ni].eachKey(func(key string) {
			if ni > 0 {
				key = key[1:] // the spacing byte
			}
			if isTarget[key] {
				m.nodes[ni].fuzzyNext = true
			}
		})
	}
}

// fuzzyForm reports whether candidate c may be read with one edit: the
// name of a state (or a dated name) or an official's alias, unless all
// its holders are strict. A demonym, a capital or an organisation is never
// corrected ("Italiano" is no misspelt "Italian").
func (g *Gazetteer) fuzzyForm(c *cand) bool {
	switch c.form {
	case FormOfficial:
		return !c.strict
	case FormName:
		return c.dated > 0 || c.actor >= 0 && g.actors[c.actor].kind == KindState
	}
	return false
}

// addTarget adds target word t and its deletion forms.
func (fz *fuzzyIndex) addTarget(t string) {
	id := int32(len(fz.targets))
	fz.targets = append(fz.targets, t)
	if fz.bloom == nil {
		fz.bloom = make([]uint64, fuzzyBloomWords)
	}
	add := func(k string) {
		if ids := fz.del[k]; len(ids) == 0 || ids[len(ids)-1] != id {
			fz.del[k] = append(ids, id)
		}
		fz.setBloom(polyHash([]byte(k)))
	}
	add(t)
	b := []byte(t)
	for i := range b {
		add(string(b[:i]) + string(b[i+1:]))
	}
}

// known marks folded word w as a word of some phrase: it is never
// corrected.
func (fz *fuzzyIndex) known(w []byte) {
	if fz.never == nil {
		fz.never = make(map[string]struct{})
	}
	if _, ok := fz.never[string(w)]; !ok {
		fz.never[string(w)] = struct{}{}
	}
}

// polyBase is the base of polyHash.
const polyBase = 0x100000001b3

// polyHash is a polynomial hash of w, modulo 2^64.
func polyHash(w []byte) uint64 {
	var h uint64
	for _, c := range w {
		h = h*polyBase + uint64(c)
	}
	return h
}

// bloomPos returns the word and bit of hash h in the deletion filter.
func bloomPos(h uint64) (int, uint64) {
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return int(h>>6) & (fuzzyBloomWords - 1), 1 << (h & 63)
}

func (fz *fuzzyIndex) setBloom(h uint64) {
	w, bit := bloomPos(h)
	fz.bloom[w] |= bit
}

func (fz *fuzzyIndex) inBloom(h uint64) bool {
	w, bit := bloomPos(h)
	return fz.bloom[w]&bit != 0
}

// correct returns the target that folded word w stands for, if w is a
// long unknown word one edit away from exactly one target. The caller
// checks that the text word is capitalised.
func (fz *fuzzyIndex) correct(w []byte) (string, bool) {
	n := len(w)
	if n < minFuzzyLetters || n > maxFuzzyBytes || len(fz.targets) == 0 || !lowerLetters(w) {
		return "", false
	}
	// Hashes of w less the letter at i: pre[i]*base^(n-1-i) + suf[i+1].
	var (
		pre, suf [maxFuzzyBytes + 1]uint64
		pow      [maxFuzzyBytes + 1]uint64
		hits     uint64 // bit i: w less letter i may be a key; bit n: w itself
	)
	pow[0] = 1
	for i := 0; i < n; i++ {
		pre[i+1] = pre[i]*polyBase + uint64(w[i])
		pow[i+1] = pow[i] * polyBase
	}
	for i := n - 1; i >= 0; i-- {
		suf[i] = suf[i+1] + uint64(w[i])*pow[n-1-i]
	}
	if fz.inBloom(pre[n]) {
		hits |= 1 << n
	}
	for i := 0; i < n; i++ {
		if fz.inBloom(pre[i]*pow[n-1-i] + suf[i+1]) {
			hits |= 1 << i
		}
	}
	if hits == 0 {
		return "", false
	}
	if _, ok := fz.never[string(w)]; ok {
		return "", false
	}
	var (
		found [4]int32
		nf    int
		ambig bool
	)
	collect := func(ids []int32) {
		for _, id := range ids {
			dup := false
			for _, f := range found[:nf] {
				if f == id {
					dup = true
					break
				}
			}
			if dup || !words.OneEdit(string(w), fz.targets[id]) {
				continue
			}
			if nf == len(found) {
				ambig = true
				return
			}
			found[nf] = id
			nf++
		}
	}
	if hits&(1<<n) != 0 {
		collect(fz.del[string(w)])
	}
	// tmp holds w less the letter at i, built in place from the form
	// less the letter at i-1.
	var tmp [maxFuzzyBytes]byte
	copy(tmp[:], w[1:])
	for i := 0; i < n && !ambig; i++ {
		if i > 0 {
			tmp[i-1] = w[i-1]
			if w[i] == w[i-1] {
				continue // same form as for i-1
			}
		}
		if hits&(1<<i) != 0 {
			collect(fz.del[string(tmp[:n-1])])
		}
	}
	if ambig || nf != 1 {
		return "", false // nothing near, or two names near ("Austrlia")
	}
	return fz.targets[found[0]], true
}

// lowerLetters reports whether w is all ASCII lower-case letters.
func lowerLetters(w []byte) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
