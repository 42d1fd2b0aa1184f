package stance

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [start, end) of the normalised text.
type span struct{ start, end int }

// looksLikeHTML reports whether s contains something that looks like a tag:
// '<' followed by a letter, '/' or '!'.
func looksLikeHTML(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		i0 := strings.IndexByte(s[i:], '<')
		if i0 < 0 || i+i0+1 >= len(s) {
			return false
		}
		i += i0
		c := s[i+1]
		if c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// blockTags are the HTML elements that end a paragraph.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"tr": true, "td": true, "th": true, "table": true, "blockquote": true,
	"section": true, "article": true, "header": true, "footer": true,
	"aside": true, "nav": true, "form": true, "figure": true, "figcaption": true,
	"title": true, "hr": true, "pre": true, "dd": true, "dt": true,
}

// dropTags are the HTML elements whose content is no text.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "iframe": true, "head": true, "button": true, "select": true,
	"textarea": true,
}

// stripHTML removes tags, comments, scripts and styles from s and writes the
// text to b, with a blank line for each block element. Entities are left for
// the caller. It runs in one pass, in time linear in len(s) whatever the
// nesting.
func stripHTML(b *strings.Builder, s string) {
	skipUntil := "" // closing tag that ends a dropped element
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			if skipUntil == "" {
				b.WriteString(s[i:])
			}
			return
		}
		if skipUntil == "" {
			b.WriteString(s[i : i+lt])
		}
		i += lt
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				return
			}
			i += 4 + end + 3
			continue
		}
		gt := strings.IndexByte(s[i:], '>')
		if gt < 0 {
			if skipUntil == "" {
				b.WriteString(s[i:])
			}
			return
		}
		name, closing := tagName(s[i+1 : i+gt])
		i += gt + 1
		if name == "" {
			if skipUntil == "" && !closing {
				b.WriteString(" ")
			}
			continue
		}
		if skipUntil != "" {
			if closing && name == skipUntil {
				skipUntil = ""
			}
			continue
		}
		switch {
		case dropTags[name] && !closing:
			skipUntil = name
		case blockTags[name]:
			b.WriteString("\n\n")
		}
	}
}

// tagName returns the lower-case element name of a tag body ("p class=x"
// -> "p") and whether it is a closing tag.
func tagName(body string) (string, bool) {
	closing := strings.HasPrefix(body, "/")
	if closing {
		body = body[1:]
	}
	n := 0
	for n < len(body) && n < 16 {
		c := body[n]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			break
		}
		n++
	}
	return strings.ToLower(body[:n]), closing
}

// normalizeText writes the normalised form of s to b: straight quotes,
// single spaces, '\n' between paragraphs, spaced abbreviations joined
// ("U. S." -> "U.S.") and stray quote marks dropped. A paragraph ends at a
// blank line or at a line break followed by indentation.
func normalizeText(b *strings.Builder, s string) {
	var prev byte = '\n' // last byte written
	pendingSpace, pendingPara := false, false
	write := func(r rune) {
		if pendingPara {
			if prev != '\n' {
				b.WriteByte('\n')
				prev = '\n'
			}
			pendingPara, pendingSpace = false, false
		}
		if pendingSpace {
			if prev != '\n' && prev != ' ' {
				b.WriteByte(' ')
				prev = ' '
			}
			pendingSpace = false
		}
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			prev = byte(r)
			return
		}
		b.WriteRune(r)
		prev = 0x80
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < len(s) && s[j] == '\n' || j-(i+1) >= 2 || j < len(s) && s[j] == '\t' {
				pendingPara = true
			} else {
				pendingSpace = true
			}
			i = j
			continue
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`':
			if r == '`' && i+1 < len(s) && s[i+1] == '`' {
				size = 2
				r = '"'
			} else {
				r = '\''
			}
		case '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				size = 2
				r = '"'
			}
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
			r = '"'
		case '\u2013', '\u2014', '\u2015', '\u2012':
			r = '-'
		case '\u2026':
			write('.')
			write('.')
			r = '.'
		case utf8.RuneError:
			r = ' '
		}
		if r == ' ' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) || (r < ' ' && r != '\n') {
			pendingSpace = true
			i += size
			continue
		}
		write(r)
		i += size
	}
}

// cleanText joins spaced abbreviations ("U. S." -> "U.S.") and drops stray
// quote marks (a '"' with a space before it and no word after it) in t.
func cleanText(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == ' ' && i >= 2 && t[i-1] == '.' && isUpperASCII(t[i-2]) &&
			(i < 3 || !isLetterASCII(t[i-3])) &&
			i+2 < len(t) && isUpperASCII(t[i+1]) && t[i+2] == '.' &&
			(i+3 >= len(t) || !isLetterASCII(t[i+3])):
			continue // "U. S." -> "U.S."
		case c == '"' && (i == 0 || t[i-1] == ' ' || t[i-1] == '\n') && strayQuoteAfter(t, i+1):
			// Drop the quote and the space after it, if any.
			if i+1 < len(t) && t[i+1] == ' ' {
				i++
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// strayQuoteAfter reports whether a quote mark followed by t[j:] opens
// nothing: it is followed by the end, a line break, a space, punctuation or
// another quote.
func strayQuoteAfter(t string, j int) bool {
	if j >= len(t) {
		return true
	}
	switch t[j] {
	case ' ', '\n', '.', ',', ';', ':', '"', ')', '!', '?':
		return true
	}
	return false
}

// isUpperASCII reports whether c is an ASCII upper-case letter.
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// isLetterASCII reports whether c is an ASCII letter.
func isLetterASCII(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// titleAbbrevs are abbreviations that never end a sentence, lower case
// without the dot.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true,
	"rep": true, "st": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "lt": true, "col": true, "maj": true, "capt": true,
	"gov": true, "pres": true, "prof": true, "jr": true, "sr": true, "vs": true,
	"rev": true, "hon": true, "adm": true, "sgt": true, "cpl": true, "brig": true,
	"cmdr": true, "mt": true, "ft": true, "dept": true, "approx": true,
	"e.g": true, "i.e": true, "cf": true, "messrs": true, "mme": true, "mlle": true,
}

// sentenceStarters are capitalised words that start a sentence after a
// dotted abbreviation ("... in the U.S. The talks ..."). Any other word
// after "U.S." continues the sentence ("U.S. President").
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "It": true, "He": true, "She": true,
	"They": true, "We": true, "I": true, "In": true, "But": true, "This": true,
	"That": true, "These": true, "Those": true, "On": true, "At": true,
	"His": true, "Her": true, "Its": true, "Their": true, "There": true,
	"And": true, "As": true, "After": true, "Before": true, "However": true,
	"While": true, "When": true, "If": true, "Earlier": true, "Later": true,
	"Meanwhile": true, "Asked": true, "According": true, "Some": true,
	"Many": true, "Most": true, "Both": true, "For": true, "With": true,
	"Since": true, "So": true, "Such": true, "What": true, "Who": true,
	"Our": true, "Last": true, "Officials": true, "Analysts": true,
}

// splitSentences appends to dst the sentences of paragraph p, which starts
// at byte off of the text. Sentences end at '.', '!' or '?' (with closing
// quotes or brackets) before a space and a capital, a digit or an opening
// quote, unless the word before the dot is an abbreviation or an initial.
func splitSentences(dst []span, p string, off int) []span {
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == '\'' || p[j] == ')' || p[j] == ']' || p[j] == '.' || p[j] == '!' || p[j] == '?') {
			j++
		}
		if j < len(p) && p[j] != ' ' {
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k < len(p) {
			n := p[k]
			if !(isUpperASCII(n) || n >= '0' && n <= '9' || n == '"' || n == '(' || n == '\'' || n >= utf8.RuneSelf) {
				continue
			}
		}
		if c == '.' && !endsSentence(p, i, k) {
			continue
		}
		dst = appendSentence(dst, p, start, j, off)
		start = k
		i = k - 1
	}
	return appendSentence(dst, p, start, len(p), off)
}

// endsSentence decides whether the dot at p[i] ends a sentence, given that
// the next word starts at p[k].
func endsSentence(p string, i, k int) bool {
	w := i
	for w > 0 && (isLetterASCII(p[w-1]) || p[w-1] == '.') {
		w--
	}
	word := p[w:i]
	switch {
	case word == "":
		return true
	case len(word) == 1 && isUpperASCII(word[0]):
		return false // initial: "M. Wang"
	case strings.IndexByte(word, '.') >= 0:
		// Dotted abbreviation ("U.S."): a sentence ends only if a usual
		// sentence opener follows.
		e := k
		for e < len(p) && isLetterASCII(p[e]) {
			e++
		}
		return k >= len(p) || sentenceStarters[p[k:e]]
	case len(word) <= 6 && titleAbbrevs[strings.ToLower(word)]:
		return false
	case (word == "No" || word == "no") && k < len(p) && p[k] >= '0' && p[k] <= '9':
		return false
	}
	return true
}

// appendSentence appends p[start:end] (trimmed) as a sentence if it has a
// letter.
func appendSentence(dst []span, p string, start, end, off int) []span {
	for start < end && p[start] == ' ' {
		start++
	}
	for end > start && p[end-1] == ' ' {
		end--
	}
	for i := start; i < end; i++ {
		c := p[i]
		if isLetterASCII(c) || c >= utf8.RuneSelf {
			return append(dst, span{off + start, off + end})
		}
	}
	return dst
}

// prepareText normalises an article into one string, the title (if any) on
// its own first line, and splits it into sentences; the title is sentence 0.
func prepareText(a Article, dst []span) (string, []span) {
	var raw strings.Builder
	raw.Grow(len(a.Title) + len(a.Body) + 2)
	normalizeText(&raw, decodeEntities(a.Title))
	raw.WriteString("\n")
	body := a.Body
	if looksLikeHTML(body) {
		var stripped strings.Builder
		stripped.Grow(len(body))
		stripHTML(&stripped, body)
		body = stripped.String()
	}
	normalizeText(&raw, decodeEntities(body))
	text := cleanText(raw.String())
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		nl = len(text)
	}
	dst = appendSentence(dst, text[:nl], 0, nl, 0)
	for p := nl + 1; p < len(text); {
		e := strings.IndexByte(text[p:], '\n')
		if e < 0 {
			e = len(text) - p
		}
		dst = splitSentences(dst, text[p:p+e], p)
		p += e + 1
	}
	return text, dst
}

// decodeEntities decodes HTML character references ("&amp;", "&#8217;").
func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}
