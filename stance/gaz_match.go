package stance

import (
	"slices"
	"time"
	"unicode"
	"unicode/utf8"
)

const (
	// maxTokenBytes is the longest folded token a phrase may hold; longer
	// text tokens cannot match and are skipped without folding them.
	maxTokenBytes = 64
	// maxPhraseTokens bounds the tokens of a phrase, and so the work done
	// from each token of the text.
	maxPhraseTokens = 16
)

// cand is one way to read a phrase that ends at a trie node.
type cand struct {
	toks  []string // the tokens of the phrase as written in the data
	actor int32    // actor id; -1 for an exclude phrase, an official or a dated phrase
	dated int32    // 1 + index in Gazetteer.dated for a dated phrase; 0 otherwise
	rule  uint16   // 1 + index in Gazetteer.rules of the phrase's context rule; 0 if none
	form  MentionForm
	offs  []int32 // officials sharing this alias (form == FormOfficial)
	// datedOnly marks the officials of offs (same index) who have the
	// alias as a surname: they count only at a known date. Nil if none.
	datedOnly []bool
	given     bool // the phrase is also a given name
	notInCaps bool // the phrase does not match in all-caps text
	// strict marks an official alias all of whose holders are strict:
	// it is never read with one edit, and its case is checked as
	// written (see tokCaseStrict).
	strict bool
	// zeroActor and zeroRole are the reading of an official alias or a
	// dated phrase when the date is unknown: the country of the latest
	// term (or -1) and its role.
	zeroActor int32
	zeroRole  string
}

// mnode is a node of the token trie.
type mnode struct {
	// kids are the children of a node with few of them, next maps the next
	// token to a child otherwise (one of the two is empty): most nodes,
	// within officials' names, have one child. Below the root, a key
	// starts with ' ' if the token follows white space and with 0 if it
	// follows the previous token directly.
	kids  []mkid
	next  map[string]int32
	cands []cand
	// fuzzyNext reports whether a child's token is a target of tolerant
	// matching: only then is a missing next token read with one edit.
	fuzzyNext bool
}

// matcher is a trie over folded tokens.
type matcher struct {
	nodes      []mnode
	notSurname map[string]struct{} // folded words
	// suffix maps the folded words that end a state's name as part of
	// another name ("Airlines") to their spellings, for the case check.
	suffix map[string][]string
	// actorStart holds the folded first words of actor phrases (not
	// officials' aliases, not exclude phrases).
	actorStart map[string]struct{}
	// rootBloom has a bit set for the hash of every first word of a
	// phrase: most words of a text are rejected without a map lookup.
	rootBloom [bloomWords]uint64
	// fuzzy corrects misspelt long words of names.
	fuzzy fuzzyIndex
}

// mkid is a child of a trie node.
type mkid struct {
	key  string
	node int32
}

// maxKids is the most children a node keeps in a slice.
const maxKids = 8

// child returns the child of n for key.
func (n *mnode) child(key []byte) (int32, bool) {
	if n.next != nil {
		c, ok := n.next[string(key)]
		return c, ok
	}
	for i := range n.kids {
		if n.kids[i].key == string(key) {
			return n.kids[i].node, true
		}
	}
	return 0, false
}

// childKey is child for a string key (while building).
func (n *mnode) childKey(key string) (int32, bool) {
	if n.next != nil {
		c, ok := n.next[key]
		return c, ok
	}
	for i := range n.kids {
		if n.kids[i].key == key {
			return n.kids[i].node, true
		}
	}
	return 0, false
}

// addChild adds child c of n for key.
func (n *mnode) addChild(key string, c int32) {
	if n.next == nil && len(n.kids) < maxKids {
		n.kids = append(n.kids, mkid{key, c})
		return
	}
	if n.next == nil {
		n.next = make(map[string]int32, 2*maxKids)
		for _, k := range n.kids {
			n.next[k.key] = k.node
		}
		n.kids = nil
	}
	n.next[key] = c
}

// eachKey calls f with the key of each child of n.
func (n *mnode) eachKey(f func(key string)) {
	for _, k := range n.kids {
		f(k.key)
	}
	for k := range n.next {
		f(k)
	}
}

const bloomWords = 4096 // 262144 bits (32 KiB): about 20,000 first words

// bloomBit returns the word and bit of folded token b in rootBloom.
func bloomBit(b []byte) (int, uint64) {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	h ^= h >> 16
	return int(h>>6) % bloomWords, 1 << (h & 63)
}

func (m *matcher) init() {
	m.nodes = []mnode{{next: make(map[string]int32)}}
	m.notSurname = make(map[string]struct{})
	m.suffix = make(map[string][]string)
	m.actorStart = make(map[string]struct{})
}

// walk returns the node of phrase p, creating nodes as needed, and the
// tokens of p.
func (m *matcher) walk(p string) (int32, []string) {
	var buf [maxTokenBytes + 1]byte
	var toks []string
	n := int32(0)
	for pos := 0; ; {
		s, e, gap := nextToken(p, pos)
		if s < 0 {
			break
		}
		k, _ := foldToken((*[maxTokenBytes]byte)(buf[1:]), p[s:e])
		m.fuzzy.known(buf[1 : 1+k])
		var key string
		if len(toks) == 0 {
			key = string(buf[1 : 1+k])
			w, bit := bloomBit(buf[1 : 1+k])
			m.rootBloom[w] |= bit
		} else {
			buf[0] = 0
			if gap {
				buf[0] = ' '
			}
			key = string(buf[:1+k])
		}
		toks = append(toks, p[s:e])
		c, ok := m.nodes[n].childKey(key)
		if !ok {
			c = int32(len(m.nodes))
			m.nodes = append(m.nodes, mnode{})
			m.nodes[n].addChild(key, c)
		}
		n = c
		pos = e
	}
	return n, toks
}

// add adds an actor or exclude phrase. Build calls it once per folded key,
// before any official.
func (m *matcher) add(p string, c cand) {
	n, toks := m.walk(p)
	c.toks = toks
	c.zeroActor = -1
	if c.actor >= 0 || c.dated > 0 {
		var buf [maxTokenBytes]byte
		k, _ := foldToken(&buf, toks[0])
		m.actorStart[string(buf[:k])] = struct{}{}
	}
	m.nodes[n].cands = append(m.nodes[n].cands, c)
}

// addOfficial adds an alias of official oi (a surname if datedOnly);
// officials sharing an alias share one candidate, tried after the actor
// phrase if there is one.
func (m *matcher) addOfficial(p string, oi int32, datedOnly bool) {
	n, toks := m.walk(p)
	cs := m.nodes[n].cands
	ci := -1
	for i := range cs {
		if cs[i].form == FormOfficial {
			if slices.Contains(cs[i].offs, oi) {
				return
			}
			ci = i
			break
		}
	}
	if ci < 0 {
		m.nodes[n].cands = append(cs, cand{toks: toks, actor: -1, form: FormOfficial, zeroActor: -1})
		ci = len(m.nodes[n].cands) - 1
	}
	c := &m.nodes[n].cands[ci]
	c.offs = append(c.offs, oi)
	if datedOnly && c.datedOnly == nil {
		c.datedOnly = make([]bool, len(c.offs)-1, len(c.offs))
	}
	if c.datedOnly != nil {
		c.datedOnly = append(c.datedOnly, datedOnly)
	}
}

// lookup returns the node of phrase p, if it is in the trie.
func (m *matcher) lookup(p string) (int32, bool) {
	var buf [maxTokenBytes + 1]byte
	n := int32(0)
	for pos, d := 0, 0; ; d++ {
		s, e, gap := nextToken(p, pos)
		if s < 0 {
			return n, d > 0
		}
		k, _ := foldToken((*[maxTokenBytes]byte)(buf[1:]), p[s:e])
		c, ok := m.child(n, d, gap, &buf, k)
		if !ok {
			return 0, false
		}
		n, pos = c, e
	}
}

// child returns the child of node for the folded token in buf[1:1+k],
// the d-th token of a phrase, preceded by white space if gap. buf[0] is
// overwritten.
func (m *matcher) child(node int32, d int, gap bool, buf *[maxTokenBytes + 1]byte, k int) (int32, bool) {
	if d == 0 {
		if w, bit := bloomBit(buf[1 : 1+k]); m.rootBloom[w]&bit == 0 {
			return 0, false
		}
		return m.nodes[0].child(buf[1 : 1+k])
	}
	buf[0] = 0
	if gap {
		buf[0] = ' '
	}
	return m.nodes[node].child(buf[:1+k])
}

func (m *matcher) addNotSurname(w string) {
	var buf [maxTokenBytes]byte
	if s, e, _ := nextToken(w, 0); s >= 0 {
		k, _ := foldToken(&buf, w[s:e])
		m.notSurname[string(buf[:k])] = struct{}{}
		m.fuzzy.known(buf[:k])
	}
}

// addSuffix adds a name suffix word ("Airlines").
func (m *matcher) addSuffix(w string) {
	var buf [maxTokenBytes]byte
	k, _ := foldToken(&buf, w)
	key := string(buf[:k])
	m.fuzzy.known(buf[:k])
	if !slices.Contains(m.suffix[key], w) {
		m.suffix[key] = append(m.suffix[key], w)
	}
}

// finish precomputes the date-unknown reading of official aliases: the
// most recent term of the alias's holders decides (but of no strict
// official, and not where the alias is a surname), unless two different
// holders served different countries at overlapping dates.
func (m *matcher) finish(g *Gazetteer) {
	for ni := range m.nodes {
		for ci := range m.nodes[ni].cands {
			c := &m.nodes[ni].cands[ci]
			if c.dated > 0 {
				c.zeroActor = latestActor(g.dated[c.dated-1].terms)
				continue
			}
			if c.form != FormOfficial {
				continue
			}
			c.zeroActor, c.zeroRole = -1, ""
			c.strict = true
			for _, oi := range c.offs {
				c.strict = c.strict && g.offs[oi].strict
			}
			if holdersClash(g, c.offs) {
				continue
			}
			var latest time.Time
			for i, oi := range c.offs {
				if g.offs[oi].strict || c.datedOnly != nil && c.datedOnly[i] {
					continue // strict officials and surnames need a date
				}
				for _, t := range g.offs[oi].terms {
					if c.zeroActor < 0 || !t.from.Before(latest) {
						c.zeroActor, c.zeroRole, latest = int32(t.actor), t.role, t.from
					}
				}
			}
		}
	}
}

// latestActor returns the actor of the term that starts last (an open
// start is the earliest), the later one in the list on a tie.
func latestActor(terms []term) int32 {
	a := int32(-1)
	var latest time.Time
	for _, t := range terms {
		if a < 0 || !t.from.Before(latest) {
			a, latest = int32(t.actor), t.from
		}
	}
	return a
}

// inTerm reports whether at (not zero) is within term t.
func inTerm(t term, at time.Time) bool {
	return !at.Before(t.from) && (t.until.IsZero() || at.Before(t.until))
}

// holdersClash reports whether two of the officials offs held terms for
// different countries at overlapping dates (King Abdullah of Saudi Arabia
// and of Jordan). One person's successive offices never clash.
func holdersClash(g *Gazetteer, offs []int32) bool {
	for i, a := range offs {
		for _, b := range offs[i+1:] {
			for _, ta := range g.offs[a].terms {
				for _, tb := range g.offs[b].terms {
					if ta.actor != tb.actor && termsOverlap(ta, tb) {
						return true
					}
				}
			}
		}
	}
	return false
}

// termsOverlap reports whether terms a and b share a day.
func termsOverlap(a, b term) bool {
	return (a.until.IsZero() || b.from.Before(a.until)) &&
		(b.until.IsZero() || a.from.Before(b.until))
}

// Find appends to dst the mentions in text and returns it. Mentions do not
// overlap and come left to right; at each token the longest phrase wins,
// and an exclude phrase ("Washington Post") hides the names inside it.
//
// Officials count only while in office at at; a zero at means "date
// unknown": an alias then reads as the most recent term of its holders
// (Stoltenberg: NATO, not Norway), and gives nothing if two different
// holders served different countries at overlapping dates (King Abdullah).
// A bare surname listed as such ("Baker") counts only at a known date.
// Strict officials (the generated Phoenix office holders) count only at
// a known date, in mixed-case text only written as in the data (the
// acronym "GATT" is no Maltese minister Gatt), and not followed by a
// word that looks like a surname ("Juan Carlos Pugliese" is not King
// Juan Carlos).
//
// Case: names match as written, a lower-case word of a phrase also matches
// capitalised, and any word also matches in all upper case ("RUSSIA"). When
// the text has almost no lower-case letters (an all-caps headline), matching
// ignores case except for forms marked not_in_caps. A form marked as a given
// name ("Jordan") does not match when followed by a capitalised word that
// looks like a surname ("Jordan Peterson"), and a state's name followed by
// a name suffix ("Malaysia Airlines") is part of another name, except in
// all-caps or title-case text.
//
// Misspellings: a capitalised or all-caps word of 7 or more letters that
// is no word of any phrase is read with one edit (a letter inserted,
// deleted or replaced, or two adjacent letters swapped) as a word of 7 or
// more letters of a state's name or an official's alias, if exactly one
// such word is that near: "Afganistan", "Philipines", "Veitnam",
// "Netanyhu". "Austrlia" (near Austria and Australia) and the not_typos
// words ("Prussian", "Grenade") are not read; at most one word of a
// phrase is read that way.
//
// Datelines: at the start of the text or of a line, an all-caps place with
// an optional date or region and agency, then a dash ("SEOUL (Reuters) -",
// "WASHINGTON, March 2 -", "BEIJING —"), gives no mention; the text after
// it is read as usual.
//
// Context: a phrase with a context rule (see LoadGazetteer) takes the
// rule's reading when its codes are mentioned in the same text or
// sentence of the text given to Find; given one sentence, Find sees only
// that sentence.
func (g *Gazetteer) Find(text string, at time.Time, dst []Mention) []Mention {
	return g.find(text, at, dst, nil)
}

// find is Find with a work counter (tokens scanned) for tests.
func (g *Gazetteer) find(text string, at time.Time, dst []Mention, work *int) []Mention {
	if len(g.m.nodes) == 0 {
		return dst
	}
	base := len(dst)
	// The case of the text is needed only once a phrase is found.
	ti := textInfo{text: text}
	var (
		buf   [maxTokenBytes + 1]byte
		span  [maxPhraseTokens][2]int
		rules bool
	)
	nodes := g.m.nodes
	for pos := 0; ; {
		s, e, _ := nextToken(text, pos)
		if work != nil {
			*work++
		}
		if s < 0 {
			break
		}
		if lineStart(text, pos, s) {
			// A line starts: skip a dateline ("SEOUL (Reuters) -").
			if end := datelineEnd(&ti, s, work); end > 0 {
				pos = end
				continue
			}
		}
		var (
			best      *cand
			bestEnd   = -1
			bestActor int32
			bestRole  string
			node      int32
			p         = s
			ts, te    = s, e
			gap       bool
			fz        = -1 // the token read with one edit, -1 if none
		)
		for d := 0; d < maxPhraseTokens; d++ {
			if d > 0 {
				ts, te, gap = nextToken(text, p)
				if work != nil {
					*work++
				}
				if ts < 0 {
					break
				}
			}
			var child int32
			var ok bool
			if te-ts <= maxTokenBytes*2 {
				k, fits := foldToken((*[maxTokenBytes]byte)(buf[1:]), text[ts:te])
				if fits {
					if d == 0 {
						if w, bit := bloomBit(buf[1 : 1+k]); g.m.rootBloom[w]&bit != 0 {
							child, ok = nodes[node].child(buf[1 : 1+k])
						}
					} else if len(nodes[node].kids) > 0 || nodes[node].next != nil {
						buf[0] = 0
						if gap {
							buf[0] = ' '
						}
						child, ok = nodes[node].child(buf[:1+k])
					}
					if !ok && fz < 0 && k >= minFuzzyLetters && nodes[node].fuzzyNext && fuzzyCase(text[ts:te]) {
						if t, corrected := g.m.fuzzy.correct(buf[1 : 1+k]); corrected {
							k = copy(buf[1:], t)
							if child, ok = g.m.child(node, d, gap, &buf, k); ok {
								fz = d
							}
						}
					}
				}
			}
			if !ok {
				break
			}
			span[d] = [2]int{ts, te}
			node = child
			p = te
			for ci := range nodes[node].cands {
				c := &nodes[node].cands[ci]
				if a, role, ok := g.accept(c, &ti, span[:d+1], at, fz); ok {
					best, bestEnd, bestActor, bestRole = c, te, a, role
					break
				}
			}
		}
		if best == nil {
			pos = e
			continue
		}
		pos = bestEnd
		if bestActor < 0 {
			continue // exclude phrase
		}
		dst = append(dst, Mention{
			Code:  g.actors[bestActor].code,
			Kind:  g.actors[bestActor].kind,
			Form:  best.form,
			Start: s,
			End:   bestEnd,
			Role:  bestRole,
			rule:  best.rule,
		})
		rules = rules || best.rule != 0
	}
	if rules {
		g.applyRules(text, dst[base:])
	}
	return dst
}

// lineStart reports whether the token at s, after the previous token or
// phrase ending at pos, starts a line of text.
func lineStart(text string, pos, s int) bool {
	if pos == 0 {
		return true
	}
	for i := pos; i < s; i++ {
		if text[i] == '\n' {
			return true
		}
	}
	return false
}

// fuzzyCase reports whether token t is written as a name that may be
// misspelt: capitalised ("Afganistan") or in capitals ("AFGANISTAN"), but
// not in lower case nor with a capital inside ("LeBaron", a car).
func fuzzyCase(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	if !isUpperRune(r) {
		return false
	}
	upper, lower := false, false
	for _, r := range t[n:] {
		if isUpperRune(r) {
			upper = true
		} else if unicode.IsLower(r) {
			lower = true
		}
	}
	return !(upper && lower)
}

// accept reports whether candidate c matches the tokens at span of text,
// and returns its actor (-1 for an exclude phrase) and role. Token fz of
// span (if fz >= 0) was read with one edit: its case is not compared.
func (g *Gazetteer) accept(c *cand, ti *textInfo, span [][2]int, at time.Time, fz int) (int32, string, bool) {
	// Read with one edit, a phrase counts only as a name or an official,
	// or as an exclude phrase (form 0) that hides one ("Goergia Tech").
	if len(span) != len(c.toks) || fz >= 0 && c.form != 0 && !g.fuzzyForm(c) {
		return 0, "", false
	}
	text := ti.text
	if ti.allCaps() {
		if c.notInCaps {
			return 0, "", false
		}
	} else {
		for i, sp := range span {
			if i != fz && !tokCaseOK(text[sp[0]:sp[1]], c.toks[i]) {
				return 0, "", false
			}
			if c.strict && !tokCaseStrict(text[sp[0]:sp[1]], c.toks[i]) {
				return 0, "", false
			}
		}
		// A given name, or a strict official's name, followed by a
		// surname is another person's name ("Jordan Peterson", "Juan
		// Carlos Pugliese").
		if (c.given || c.strict) && g.beforeSurname(text, span[len(span)-1][1]) && !ti.title() {
			return 0, "", false
		}
		if c.actor >= 0 && c.form != FormSeat && g.actors[c.actor].kind == KindState &&
			g.beforeSuffix(text, span[len(span)-1][1]) && !ti.title() {
			return 0, "", false
		}
	}
	if c.dated > 0 {
		if at.IsZero() {
			return c.zeroActor, "", c.zeroActor >= 0
		}
		for _, t := range g.dated[c.dated-1].terms {
			if inTerm(t, at) {
				return int32(t.actor), "", true
			}
		}
		return 0, "", false
	}
	if c.form != FormOfficial {
		return c.actor, "", true
	}
	if at.IsZero() {
		return c.zeroActor, c.zeroRole, c.zeroActor >= 0
	}
	found := int32(-1)
	role := ""
	for _, oi := range c.offs {
		for _, t := range g.offs[oi].terms {
			if !inTerm(t, at) {
				continue
			}
			if found >= 0 && found != int32(t.actor) {
				return 0, "", false // two holders of this alias in office for different countries
			}
			if found < 0 {
				found, role = int32(t.actor), t.role
			}
		}
	}
	return found, role, found >= 0
}

// beforeSurname reports whether the token after end looks like a surname:
// separated by white space, capitalised, with lower-case letters, and
// neither the start of an actor phrase nor a listed non-surname.
func (g *Gazetteer) beforeSurname(text string, end int) bool {
	s, e, gap := nextToken(text, end)
	if s < 0 || !gap || e-s < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[s:])
	if !unicode.IsUpper(r) || !hasLower(text[s:e]) {
		return false
	}
	if e-s > maxTokenBytes*2 {
		return true
	}
	var buf [maxTokenBytes]byte
	k, ok := foldToken(&buf, text[s:e])
	if !ok {
		return true
	}
	if _, isActor := g.m.actorStart[string(buf[:k])]; isActor {
		return false
	}
	if _, stop := g.m.notSurname[string(buf[:k])]; stop {
		return false
	}
	return true
}

// beforeSuffix reports whether the token after end is a name suffix
// ("Malaysia Airlines", "Uruguay Round"), separated by white space and
// written in a case its listed spelling allows.
func (g *Gazetteer) beforeSuffix(text string, end int) bool {
	if len(g.m.suffix) == 0 {
		return false
	}
	s, e, gap := nextToken(text, end)
	if s < 0 || !gap || e-s > maxTokenBytes {
		return false
	}
	var buf [maxTokenBytes]byte
	k, ok := foldToken(&buf, text[s:e])
	if !ok {
		return false
	}
	for _, w := range g.m.suffix[string(buf[:k])] {
		if tokCaseOK(text[s:e], w) {
			return true
		}
	}
	return false
}

// textInfo is what Find learns about the case of the whole text, lazily.
type textInfo struct {
	text                string
	known, caps         bool
	titleKnown, isTitle bool
}

// allCaps reports whether the text has almost no lower-case letters (at
// most one in ten letters), like an all-caps headline.
func (ti *textInfo) allCaps() bool {
	if !ti.known {
		ti.caps, ti.known = isAllCaps(ti.text), true
	}
	return ti.caps
}

// title reports whether most words of 4 or more bytes are capitalised.
func (ti *textInfo) title() bool {
	if !ti.titleKnown {
		ti.isTitle, ti.titleKnown = isTitleCase(ti.text), true
	}
	return ti.isTitle
}

// asciiCase is 1 for a-z, 2 for A-Z, 0 for other ASCII bytes and 3 for the
// bytes of multi-byte runes.
var asciiCase = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 2
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = 3
	}
	return t
}()

func isAllCaps(text string) bool {
	var n [4]int
	for i := 0; i < len(text); i++ {
		n[asciiCase[text[i]]]++
	}
	upper, lower := n[2], n[1]
	if n[3] > 0 {
		for _, r := range text {
			if r >= utf8.RuneSelf && unicode.IsLetter(r) {
				if unicode.IsUpper(r) {
					upper++
				} else {
					lower++
				}
			}
		}
	}
	return upper > 0 && lower*10 <= upper
}

func isTitleCase(text string) bool {
	words, capWords := 0, 0
	for pos := 0; ; {
		s, e, _ := nextToken(text, pos)
		if s < 0 {
			break
		}
		pos = e
		r, _ := utf8.DecodeRuneInString(text[s:e])
		if e-s >= 4 && unicode.IsLetter(r) {
			words++
			if isUpperRune(r) {
				capWords++
			}
		}
	}
	return words >= 3 && capWords*10 >= words*7
}

// tokCaseOK reports whether text token t matches phrase token p in case,
// given that they are equal once folded: t is written as p, or p starts
// lower case and t capitalised, or t has no lower-case letter.
func tokCaseOK(t, p string) bool {
	i, j, k := 0, 0, 0
	for i < len(t) && j < len(p) {
		a, na := utf8.DecodeRuneInString(t[i:])
		b, nb := utf8.DecodeRuneInString(p[j:])
		ua, ub := isUpperRune(a), isUpperRune(b)
		if ua != ub && !(k == 0 && ua) {
			return !hasLower(t)
		}
		i, j, k = i+na, j+nb, k+1
	}
	return true
}

// tokCaseStrict reports whether text token t, equal to phrase token p
// once folded, is written as p, or capitalised where p starts lower case
// ("Al-Assad" for "al-Assad"): no all-caps word ("GATT" for "Gatt"),
// unless p is one letter ("K" of "K.").
func tokCaseStrict(t, p string) bool {
	if len(p) < 2 {
		return true
	}
	for k := 0; t != ""; k++ {
		a, na := utf8.DecodeRuneInString(t)
		b, nb := utf8.DecodeRuneInString(p)
		if isUpperRune(a) != isUpperRune(b) && !(k == 0 && isUpperRune(a)) {
			return false
		}
		t, p = t[na:], p[nb:]
	}
	return true
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func hasLower(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLower(r) {
			return true
		}
		i += n
	}
	return false
}

// nextToken returns the next token of s at or after byte p: a run of
// letters, digits and combining marks, or a single other character. gap
// reports white space before the token. start is -1 at the end of s.
func nextToken(s string, p int) (start, end int, gap bool) {
	for p < len(s) {
		c := s[p]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			gap = true
			p++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(s[p:])
		if !unicode.IsSpace(r) && r != '\u200b' {
			break
		}
		gap = true
		p += n
	}
	if p >= len(s) {
		return -1, -1, gap
	}
	start = p
	c := s[p]
	if c < utf8.RuneSelf {
		if !isWordByte(c) {
			return start, p + 1, gap
		}
	} else {
		r, n := utf8.DecodeRuneInString(s[p:])
		if !isWordRune(r) {
			return start, p + n, gap
		}
	}
	for p < len(s) {
		c := s[p]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				break
			}
			p++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[p:])
		if !isWordRune(r) {
			break
		}
		p += n
	}
	return start, p, gap
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// foldToken writes the folded form of token s (lower case, Latin accents
// removed, combining marks dropped, curly apostrophes straightened) to buf
// and returns its length; ok is false if it does not fit.
func foldToken(buf *[maxTokenBytes]byte, s string) (n int, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if n >= maxTokenBytes {
				return n, false
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = foldRune(r)
		if r < 0 {
			continue
		}
		if n+utf8.RuneLen(r) > maxTokenBytes {
			return n, false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return n, true
}

// foldRune folds a non-ASCII rune; -1 means "drop it".
func foldRune(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02bc':
		return '\''
	case '\u2010', '\u2011', '\u2013':
		return '-'
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	r = unicode.ToLower(r)
	if r >= 0xc0 && r < 0x250 {
		if b := accentBase[r-0xc0]; b != 0 {
			return rune(b)
		}
	}
	return r
}

// accentBase maps U+00C0..U+024F (lower case) to an ASCII base letter, or 0.
var accentBase = func() (t [0x250 - 0xc0]byte) {
	pairs := []struct {
		base  byte
		runes string
	}{
		{'a', "àáâãäåāăąǎǟǡǻȁȃȧ"},
		{'c', "çćĉċč"},
		{'d', "ďđ"},
		{'e', "èéêëēĕėęěȅȇȩ"},
		{'g', "ĝğġģǧǵ"},
		{'h', "ĥħȟ"},
		{'i', "ìíîïĩīĭįıǐȉȋ"},
		{'j', "ĵǰ"},
		{'k', "ķǩ"},
		{'l', "ĺļľŀł"},
		{'n', "ñńņňŉǹ"},
		{'o', "òóôõöøōŏőǒǫǭǿȍȏȫȭȯȱ"},
		{'r', "ŕŗřȑȓ"},
		{'s', "śŝşšș"},
		{'t', "ţťŧț"},
		{'u', "ùúûüũūŭůűųǔǖǘǚǜȕȗ"},
		{'w', "ŵ"},
		{'y', "ýÿŷȳ"},
		{'z', "źżžƶ"},
	}
	for _, p := range pairs {
		for _, r := range p.runes {
			t[r-0xc0] = p.base
		}
	}
	return t
}()
