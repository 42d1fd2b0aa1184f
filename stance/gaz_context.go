package stance

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Datelines and context rules: what Find decides from the text around a
// phrase.

const (
	// maxDatelinePlaceWords bounds the all-caps words of a dateline's place
	// ("RIO DE JANEIRO", "UNITED NATIONS").
	maxDatelinePlaceWords = 5
	// maxDatelineTokens bounds the tokens of a dateline, so looking for one
	// costs a constant at each line start.
	maxDatelineTokens = 40
)

// datelineEnd returns the end of the dateline that starts at byte s of the
// text (the first token of a line), or -1 if there is none. A dateline is
// an all-caps place of 3 or more letters, then optional comma-separated
// parts (a region, a date: ", Lebanon", ", March 2"), an optional agency
// in brackets ("(Reuters)"), then a dash with white space before it or an
// em or en dash: "SEOUL (Reuters) -", "WASHINGTON, March 2 -", "MOSCOW,
// Feb 24 (Reuters) -", "BEIJING —". Text in all caps has no datelines: a
// headline cannot be told from one.
func datelineEnd(ti *textInfo, s int, work *int) int {
	text := ti.text
	tok := func(p int) (int, int, bool) {
		if work != nil {
			*work++
		}
		return nextToken(text, p)
	}
	// The place: all-caps words, joined by white space or by '.', '-' or
	// '\'' without it ("ST. LOUIS", "WINSTON-SALEM", "N'DJAMENA").
	words, letters := 0, 0
	p := s
	ts, te, gap := tok(p)
	for n := 0; ts >= 0 && n < maxDatelineTokens; n++ {
		w := text[ts:te]
		if capsWord(w) {
			if words == maxDatelinePlaceWords {
				return -1
			}
			words++
			letters += utf8.RuneCountInString(w)
		} else if words > 0 && !gap && (w == "." || w == "'" || w == "-") {
			// Joined only if another all-caps word follows directly;
			// otherwise it may be the dash ("BEIJING- ") or a full stop.
			ns, ne, ngap := nextToken(text, te)
			if ns < 0 || ngap || !capsWord(text[ns:ne]) {
				if w != "." {
					break
				}
			}
		} else {
			break
		}
		p = te
		ts, te, gap = tok(p)
	}
	if letters < 3 || ts < 0 || ti.allCaps() {
		return -1
	}
	// Comma parts and the agency, then the dash.
	inPart := false // after a comma: a region or a date ("Lebanon", "Feb. 24")
	for n := 0; n < maxDatelineTokens; n++ {
		w := text[ts:te]
		switch {
		case w == ",":
			inPart = true
		case w == "(":
			// "(Reuters)": up to the closing bracket.
			for m := 0; ; m++ {
				ts, te, _ = tok(te)
				if ts < 0 || m == 8 {
					return -1
				}
				if text[ts:te] == ")" {
					break
				}
			}
			inPart = false
		case isDash(w) && (gap || w != "-"):
			ns, ne, ngap := nextToken(text, te)
			if w == "-" && ns >= 0 && !ngap {
				if text[ns:ne] != "-" {
					return -1 // "U.S. -based" has no dash
				}
				te = ne // "--" is one dash
			}
			return te
		case inPart && (isWordRuneStart(w) || w == "."):
		default:
			return -1
		}
		ts, te, gap = tok(te)
		if ts < 0 {
			return -1
		}
	}
	return -1
}

// capsWord reports whether w is a word of letters with no lower-case one.
func capsWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) || unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n > 0
}

// isDash reports whether token w is a hyphen, an en dash or an em dash.
func isDash(w string) bool {
	return w == "-" || w == "\u2013" || w == "\u2014" || w == "\u2010" || w == "\u2011"
}

// isWordRuneStart reports whether w starts with a letter or a digit.
func isWordRuneStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return isWordRune(r)
}

// ruleSwitch marks, in Mention.rule, a mention whose context rule applies.
const ruleSwitch = 1 << 15

// maxCachedRules is the number of rules whose context Find remembers per
// text and per sentence; later rules (only possible with overrides) are
// judged again at each mention.
const maxCachedRules = 64

// applyRules applies the context rules of the mentions ms found in text:
// a mention whose rule's codes are mentioned in the same text (or
// sentence) takes the rule's reading. Context is judged on the readings
// without rules, so the order of mentions does not matter. Each sentence
// is scanned once, and the mentions of a sentence or text once per rule,
// so the work stays linear.
func (g *Gazetteer) applyRules(text string, ms []Mention) {
	var (
		sent               = [2]int{-1, -1}
		inSent, inText     [maxCachedRules]int8 // 0 unknown, 1 no, 2 yes
		sentLoaded, cached bool
	)
	for i := range ms {
		m := &ms[i]
		if m.rule == 0 {
			continue
		}
		ri := int(m.rule - 1)
		r := &g.rules[ri]
		lo, hi, memo := 0, len(text), &inText
		if r.sentence {
			if !sentLoaded || m.Start < sent[0] || m.End > sent[1] {
				sent[0], sent[1] = sentenceAround(text, m.Start, m.End)
				sentLoaded, inSent = true, [maxCachedRules]int8{}
			}
			lo, hi, memo = sent[0], sent[1], &inSent
		}
		cached = ri < maxCachedRules && memo[ri] != 0
		hit := cached && memo[ri] == 2
		if !cached {
			hit = g.contextIn(ms, lo, hi, r.when)
			if ri < maxCachedRules {
				memo[ri] = 1
				if hit {
					memo[ri] = 2
				}
			}
		}
		if hit {
			m.rule |= ruleSwitch
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.rule&ruleSwitch != 0 {
			r := &g.rules[m.rule&^ruleSwitch-1]
			m.Code, m.Kind, m.Form = g.actors[r.actor].code, g.actors[r.actor].kind, r.form
		}
		m.rule = 0
	}
}

// contextIn reports whether a mention without a rule within [lo, hi) has
// one of the actors when.
func (g *Gazetteer) contextIn(ms []Mention, lo, hi int, when []int32) bool {
	first, _ := slices.BinarySearchFunc(ms, lo, func(m Mention, lo int) int { return cmp.Compare(m.Start, lo) })
	for i := first; i < len(ms); i++ {
		m := &ms[i]
		if m.End > hi {
			break
		}
		if m.rule != 0 {
			continue
		}
		for _, a := range when {
			if g.actors[a].code == m.Code {
				return true
			}
		}
	}
	return false
}

// sentenceAround returns the bounds of the sentence of text that holds
// [s, e): from after the last sentence end before s to the first one at
// or after e. Sentences end at a line break, and at '.', '!' or '?' before
// white space, except a dot after a single letter ("U.S.", "J. Smith") or
// a short abbreviation ("Mr.", "Gen.", "Feb.").
func sentenceAround(text string, s, e int) (int, int) {
	lo := s
	for lo > 0 && !sentenceEndsAt(text, lo-1) {
		lo--
	}
	hi := e
	for hi < len(text) && !sentenceEndsAt(text, hi) {
		hi++
	}
	return lo, hi
}

// sentenceEndsAt reports whether byte i of text ends a sentence.
func sentenceEndsAt(text string, i int) bool {
	switch text[i] {
	case '\n':
		return true
	case '!', '?':
	case '.':
		w := i
		for w > 0 && isLetterByte(text[w-1]) {
			w--
		}
		if n := i - w; n == 1 || n <= 4 && abbrevBeforeDot(text[w:i]) {
			return false
		}
	default:
		return false
	}
	j := i + 1
	for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
		j++
	}
	return j == len(text) || text[j] == ' ' || text[j] == '\n' || text[j] == '\t'
}

func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// abbrevBeforeDot reports whether w is an abbreviation that takes a dot
// and seldom ends a sentence.
func abbrevBeforeDot(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Capt",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"No", "Jr", "Sr", "Prof", "Adm", "Sgt", "Mt", "Ft":
		return true
	}
	return false
}
