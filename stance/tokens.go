package stance

import (
	"unicode"
	"unicode/utf8"
)

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
