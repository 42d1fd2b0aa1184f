// Package words holds the small word functions that the scorer and its data
// generators (lexgen, gazgen) share, so that a generated file and the
// scorer that reads it agree: regular inflections, one-edit distance and
// YAML comment headers.
package words

import (
	"bytes"
	"strings"
)

// Inflections returns the regular inflected forms of an English word:
// -s/-es/-ies, -ed/-d/-ied, -ing/-ings, with a doubled final consonant as
// well. Forms that are no English word are harmless: they never occur.
func Inflections(w string) []string {
	n := len(w)
	if n < 2 {
		return nil
	}
	last := w[n-1]
	var out []string
	switch {
	case last == 'y' && !IsVowel(w[n-2]):
		stem := w[:n-1]
		out = append(out, stem+"ies", stem+"ied", w+"ing", w+"ings")
	case last == 'e':
		out = append(out, w+"s", w+"d", w[:n-1]+"ing", w[:n-1]+"ings")
	default:
		if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
			strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
			out = append(out, w+"es")
		} else {
			out = append(out, w+"s")
		}
		out = append(out, w+"ed", w+"ing", w+"ings")
		if n >= 3 && !IsVowel(last) && IsVowel(w[n-2]) && !IsVowel(w[n-3]) &&
			last != 'w' && last != 'x' && last != 'y' {
			out = append(out, w+string(last)+"ed", w+string(last)+"ing", w+string(last)+"ings")
		}
	}
	return out
}

// IsVowel reports whether c is a lower-case ASCII vowel.
func IsVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// OneEdit reports whether a and b differ by exactly one edit: a letter
// inserted, deleted or replaced, or two adjacent letters swapped.
func OneEdit(a, b string) bool {
	switch la, lb := len(a), len(b); {
	case la == lb:
		i := 0
		for i < la && a[i] == b[i] {
			i++
		}
		if i == la {
			return false
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la == lb+1:
		return oneDeletion(a, b)
	case lb == la+1:
		return oneDeletion(b, a)
	}
	return false
}

// oneDeletion reports whether b is a with one letter deleted, given
// len(a) == len(b)+1.
func oneDeletion(a, b string) bool {
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	return a[i+1:] == b[i:]
}

// SkipCommentLines returns data without its leading white space and
// comment lines ("# ...").
func SkipCommentLines(data []byte) []byte {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		if len(data) == 0 || data[0] != '#' {
			return data
		}
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return nil
		}
		data = data[i+1:]
	}
}
