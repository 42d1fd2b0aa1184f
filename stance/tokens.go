package stance

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Tokens: tokenize splits a sentence into words and punctuation and keeps
// a lower-case copy; a sentence of site furniture stops there
// (isBoilerplate); lookup gives each word its cue lemma and word classes.
// The token helpers every later step uses (word, isWord, isPunct, isTitle)
// and the buffer helpers of the scratch are here too.

// tokFlags are properties of a token.
type tokFlags uint8

// Token flags.
const (
	tfWord tokFlags = 1 << iota // letters or digits
	tfCap                       // starts with an upper-case letter
	tfPoss                      // the possessive "'s" or "'"
	tfNum                       // starts with a digit
)

// token is one word or punctuation mark of a sentence.
type token struct {
	start, end int32 // byte offsets in the sentence
	lemma      int32 // cue lemma id, 0 if none
	class      wordClass
	flags      tokFlags
	punct      byte  // the punctuation byte for one-byte punctuation
	chunk      int32 // actor chunk covering the token, -1 if none
	cue        int32 // cue match starting or covering the token, -1 if none
}

// tokenize appends the tokens of s to dst and writes the ASCII lower-case
// form of s to lower (same offsets). It runs in one pass.
func tokenize(s string, lower []byte, dst []token) ([]token, []byte) {
	lower = lower[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRuneT(r) {
			t := token{start: int32(i), end: int32(i + size), chunk: -1, cue: -1}
			if size == 1 {
				t.punct = c
			}
			if c == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 >= len(s) || !isWordByteT(s[i+2])) {
				t.end = int32(i + 2) // possessive "'s"
				t.flags = tfPoss
				t.punct = 0
			}
			dst = append(dst, t)
			i = int(t.end)
			continue
		}
		j := i + size
		for j < len(s) {
			d := s[j]
			if d < utf8.RuneSelf {
				if isWordByteT(d) {
					j++
					continue
				}
				// Internal dot or apostrophe followed by a letter: "U.S",
				// "3.5", "didn't"; but "Russia's" splits before "'s".
				if (d == '.' || d == '\'' || d == ',' && c >= '0' && c <= '9') && j+1 < len(s) && isWordByteT(s[j+1]) {
					if d == '\'' && (s[j+1] == 's' || s[j+1] == 'S') && (j+2 >= len(s) || !isWordByteT(s[j+2])) {
						break
					}
					if d == ',' && !(s[j+1] >= '0' && s[j+1] <= '9') {
						break
					}
					j += 2
					continue
				}
				break
			}
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isWordRuneT(r2) {
				break
			}
			j += n2
		}
		// Keep the final dot of a dotted abbreviation ("U.S.").
		if j < len(s) && s[j] == '.' && j-2 >= i && s[j-2] == '.' {
			j++
		}
		t := token{start: int32(i), end: int32(j), flags: tfWord, chunk: -1, cue: -1}
		if r >= '0' && r <= '9' {
			t.flags |= tfNum
		} else if unicode.IsUpper(r) {
			t.flags |= tfCap
		}
		dst = append(dst, t)
		i = j
	}
	return dst, lower
}

// isWordByteT reports whether the ASCII byte c is a letter or a digit.
func isWordByteT(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isWordRuneT reports whether r is a letter or a digit.
func isWordRuneT(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByteT(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isBoilerplate reports whether the lower-case sentence is site furniture.
func (lx *lexicon) isBoilerplate(lower []byte, toks []token) bool {
	for _, p := range lx.boilerAny {
		if bytes.Contains(lower, p) {
			return true
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.flags&tfWord == 0 {
			continue
		}
		for _, p := range lx.boilerFirst[string(lower[t.start:t.end])] {
			if bytes.HasPrefix(lower[t.start:], p) {
				return true
			}
		}
	}
	return false
}

// lookup sets the lemma and word classes of every word token.
func (a *analyser) lookup() {
	sc := a.sc
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.flags&tfWord == 0 {
			continue
		}
		if wi, ok := a.lx.words[string(sc.lower[t.start:t.end])]; ok {
			t.lemma, t.class = wi.lemma, wi.class
		}
	}
}

// word returns the lower-case form of token i.
func (a *analyser) word(i int) []byte {
	t := &a.sc.toks[i]
	return a.sc.lower[t.start:t.end]
}

// isWord reports whether token i is the lower-case word w.
func (a *analyser) isWord(i int, w string) bool {
	return i >= 0 && i < len(a.sc.toks) && string(a.word(i)) == w
}

// isPunct reports whether token i is the punctuation byte c.
func (a *analyser) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(a.sc.toks) && a.sc.toks[i].punct == c
}

// isTitle reports whether token i is a capitalised title word
// ("President", "Prime", "Minister") outside any actor phrase.
func (a *analyser) isTitle(i int) bool {
	t := &a.sc.toks[i]
	return t.class&wcTitle != 0 && t.flags&tfCap != 0 && t.chunk < 0
}

// resize32 returns s with length n, reusing its storage.
func resize32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// resizeBool returns s with length n, all false, reusing its storage.
func resizeBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}
