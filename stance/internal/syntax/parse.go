package syntax

import (
	"unicode"
	"unicode/utf8"
)

// maxDepth bounds the nesting of clauses; deeper openers are read as part of
// the clause they are in, which keeps the work linear.
const maxDepth = 12

// Parser parses sentences into a Sentence it reuses from one call to the
// next. A Parser is not safe for concurrent use; the tagging model it reads
// is shared by all parsers and loaded once.
type Parser struct {
	s  Sentence
	tg tagger
}

// NewParser returns a parser, loading the tagging model on first use
// (about 0.2 s and 10 MB, once per process).
func NewParser() (*Parser, error) {
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	return &Parser{tg: tagger{m: m}}, nil
}

// Parse tags and parses the tokens of one sentence: words, "'s" and
// punctuation marks as separate tokens. A "-" between two words is read as
// a hyphen ("pro-Russian"); use ParseSpaced to tell spaced dashes apart.
// The result is valid until the next call of Parse or ParseSpaced.
func (p *Parser) Parse(tokens []string) *Sentence {
	p.s.parse(&p.tg, tokens, nil)
	return &p.s
}

// ParseSpaced is Parse with spacing: spaced[i] reports whether white space
// precedes token i. A "-" joins two words only when it touches both
// ("pro-Russian"); a spaced one is a dash ("Iran - which ... - said").
// A spaced shorter than tokens counts as spaced for the tokens it misses.
func (p *Parser) ParseSpaced(tokens []string, spaced []bool) *Sentence {
	if spaced == nil {
		spaced = []bool{}
	}
	p.s.parse(&p.tg, tokens, spaced)
	return &p.s
}

// Unit flags.
const (
	ufGlued  uint8 = 1 << iota // several tokens joined by hyphens
	ufClitic                   // pronoun with an auxiliary ("they'll")
	ufCap                      // starts with an upper-case letter
	ufDash                     // a dash, not a hyphen
	ufLower                    // tagged in lower case (a headline word)
)

// Sentence is a tagged and parsed sentence. Token indices in its results
// refer to the token slice given to Parse.
type Sentence struct {
	toks []string

	// Units: tokens, or words joined by hyphens ("F-16s"), tagged as one.
	uTok   []int32 // first token of each unit, then len(toks)
	tokU   []int32 // unit of each token
	tags   []Tag
	wc     []wordClass
	uf     []uint8
	cw     []wordClass // auxiliary classes of a clitic unit
	raw    []byte
	rawOff []int32
	low    []byte
	lowOff []int32
	forced []Tag

	chunks  []chunk
	uChunk  []int32 // top-level chunk of each unit
	nps     []npRec
	vgs     []vgRec
	members []int32 // member NPs of coordinations
	tmp     []chunk

	clauses []clauseRec
	uClause []int32 // innermost clause of each unit
	stack   []int32
	byDepth []int32

	objs []Phrase
	mems []NP

	steps int // work done, for the linearity test
}

// parse fills s from tokens.
func (s *Sentence) parse(tg *tagger, tokens []string, spaced []bool) {
	s.reset(tokens)
	s.units(spaced)
	s.headline(tg)
	n := len(s.tags)
	tg.tag(n, s.tagForm, s.normU, s.forced, s.tags)
	s.chunk()
	s.findClauses()
	s.relate()
}

// reset empties s for tokens, keeping its storage.
func (s *Sentence) reset(tokens []string) {
	s.toks = tokens
	s.uTok = s.uTok[:0]
	s.tokU = resize(s.tokU, len(tokens))
	s.tags, s.wc, s.uf, s.cw, s.forced = s.tags[:0], s.wc[:0], s.uf[:0], s.cw[:0], s.forced[:0]
	s.raw, s.rawOff, s.low, s.lowOff = s.raw[:0], s.rawOff[:0], s.low[:0], s.lowOff[:0]
	s.chunks, s.uChunk, s.nps, s.vgs, s.members = s.chunks[:0], s.uChunk[:0], s.nps[:0], s.vgs[:0], s.members[:0]
	s.clauses, s.uClause, s.stack = s.clauses[:0], s.uClause[:0], s.stack[:0]
	s.objs, s.mems = s.objs[:0], s.mems[:0]
	s.steps = 0
}

// resize returns a with length n, reusing its storage.
func resize(a []int32, n int) []int32 {
	if cap(a) < n {
		return make([]int32, n)
	}
	return a[:n]
}

// isWordToken reports whether t starts with a letter or digit.
func isWordToken(t string) bool {
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// units groups the tokens into units and fills their classes and forced tags.
func (s *Sentence) units(spaced []bool) {
	toks := s.toks
	sp := func(i int) bool { return spaced == nil || i >= len(spaced) || spaced[i] }
	quotes := 0
	for i := 0; i < len(toks); {
		j := i + 1
		var f uint8
		if isWordToken(toks[i]) {
			for j+1 < len(toks) && toks[j] == "-" && isWordToken(toks[j+1]) &&
				(spaced == nil || !sp(j) && !sp(j+1)) && j-i < 15 {
				j += 2
				f |= ufGlued
			}
		}
		u := int32(len(s.uTok))
		for k := i; k < j; k++ {
			s.tokU[k] = u
		}
		s.uTok = append(s.uTok, int32(i))
		s.rawOff = append(s.rawOff, int32(len(s.raw)))
		s.lowOff = append(s.lowOff, int32(len(s.low)))
		for k := i; k < j; k++ {
			s.raw = append(s.raw, toks[k]...)
		}
		raw := s.raw[s.rawOff[u]:]
		s.low = appendLower(s.low, raw)
		low := s.low[s.lowOff[u]:]
		if r, _ := utf8.DecodeRune(raw); unicode.IsUpper(r) {
			f |= ufCap
		}
		var wc, cw wordClass
		forced := NoTag
		if f&ufGlued == 0 {
			wc = lexicon[string(low)]
			if c, ok := contractions[string(low)]; ok {
				forced = c.tag
				wc = lexicon[c.base]
				if c.neg {
					wc |= wNeg
				}
			} else if a, ok := clitics[string(low)]; ok {
				forced, cw, f = PRP, a, f|ufClitic
			}
			switch string(low) {
			case ",":
				forced = Comma
			case ".", "?", "!":
				forced = Period
			case ";", ":", "...":
				forced = Colon
			case "(", "[", "{":
				forced = LParen
			case ")", "]", "}":
				forced = RParen
			case "``":
				forced = LQuote
			case "''":
				forced = RQuote
			case "\"":
				if quotes%2 == 0 {
					forced = LQuote
				} else {
					forced = RQuote
				}
				quotes++
			case "$":
				forced = Dollar
			case "#":
				forced = Hash
			case "%":
				forced = NN
			case "&":
				forced = CC
			}
			if wc&wDash != 0 {
				forced = Colon
				f |= ufDash
			}
		}
		s.tags = append(s.tags, NoTag)
		s.wc = append(s.wc, wc)
		s.cw = append(s.cw, cw)
		s.uf = append(s.uf, f)
		s.forced = append(s.forced, forced)
		i = j
	}
	s.uTok = append(s.uTok, int32(len(toks)))
	s.rawOff = append(s.rawOff, int32(len(s.raw)))
	s.lowOff = append(s.lowOff, int32(len(s.low)))
}

// rawU returns unit u as written.
func (s *Sentence) rawU(u int) []byte { return s.raw[s.rawOff[u]:s.rawOff[u+1]] }

// tagForm returns unit u as the tagger sees it: as written, or in lower
// case for a headline word.
func (s *Sentence) tagForm(u int) []byte {
	if s.uf[u]&ufLower != 0 {
		return s.lowU(u)
	}
	return s.rawU(u)
}

// headline marks the words to tag in lower case when the sentence is a
// headline in title case ("Iran Condemns Israeli Strike on Syria"): a
// capitalised verb or function word other than the first ("Condemns",
// "Against") shows title case; then every capitalised common word, and every
// unknown one ending in -s, -ed or -ing, is tagged in lower case, while
// names ("Iran", "Israeli") keep their capital.
func (s *Sentence) headline(tg *tagger) {
	n := len(s.uf)
	title := false
	for u := 1; u < n && !title; u++ {
		if s.uf[u]&(ufCap|ufGlued) == ufCap && !s.allCaps(u) {
			title = tg.common(s.lowU(u)) == 1 && tg.functional(s.lowU(u))
		}
	}
	if !title {
		return
	}
	for u := 1; u < n; u++ {
		if s.uf[u]&(ufCap|ufGlued) != ufCap || s.allCaps(u) || s.tags[u] != NoTag || s.forced[u] != NoTag {
			continue
		}
		low := s.lowU(u)
		switch tg.common(low) {
		case 1:
			s.uf[u] |= ufLower
		case 0:
			if endsWithS(low) || endsWithEd(low) || len(low) > 5 && string(low[len(low)-3:]) == "ing" {
				s.uf[u] |= ufLower
			}
		}
	}
}

// allCaps reports whether unit u is written in capitals ("US", "NATO", "U.S.").
func (s *Sentence) allCaps(u int) bool {
	raw := s.rawU(u)
	letters := 0
	for _, c := range raw {
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters >= 2 || len(raw) == 1
}

// lowU returns unit u in lower case.
func (s *Sentence) lowU(u int) []byte { return s.low[s.lowOff[u]:s.lowOff[u+1]] }

// normU appends the tagger's context form of unit u to dst.
func (s *Sentence) normU(u int, dst []byte) []byte {
	low := s.lowU(u)
	if c, ok := contractions[string(low)]; ok {
		return append(dst, c.base...)
	}
	switch s.forced[u] {
	case LQuote:
		return append(dst, "``"...)
	case RQuote:
		return append(dst, "''"...)
	case Colon:
		if s.uf[u]&ufDash != 0 {
			return append(dst, "--"...)
		}
	}
	return appendNorm(dst, s.rawU(u))
}

// is reports whether unit u is the lower-case word w.
func (s *Sentence) is(u int, w string) bool {
	return u >= 0 && u < len(s.tags) && string(s.lowU(u)) == w
}
