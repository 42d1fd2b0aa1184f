package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// dictionary is a parsed PETRARCH2 verb dictionary (CAMEO.2.0.txt): its
// noun synonym sets and its verb blocks. Lines it cannot use are recorded
// as problems, not errors, so that one odd line does not stop the build.
type dictionary struct {
	sets     map[string]*nounSet // set name without "&" -> members
	blocks   []*block
	problems []problem
}

// nounSet is an "&NAME" synonym set.
type nounSet struct {
	name    string
	line    int
	members []member
}

// member is one member of a noun set ("+PRIME_MINISTER").
type member struct {
	words []string // lower case
	line  int
}

// block is a verb block: "--- NAME [code] ---", its verbs and patterns.
type block struct {
	name     string // "GRANT"
	code     code   // default code of the verbs without their own
	line     int
	verbs    []*verb
	patterns []*pattern
}

// verb is one verb of a block ("GIVE {GIVES GIVING GAVE GIVEN}",
// "+SHOOT_DOWN {+SHOOTS_DOWN +SHOT_DOWN}", "HELP [070]").
type verb struct {
	key   string     // the form as written, upper case: "SHOOT_DOWN"
	words []string   // lower case: ["shoot", "down"]
	forms [][]string // irregular forms as listed, lower case
	code  code       // own code; code.set is false if none
	line  int
}

// pattern is one "- pre * post [code] # VERB" line.
type pattern struct {
	pre, post []item
	code      code
	verbs     []string // source verbs named in the comment, upper case
	line      int
	text      string // the pattern as written, for messages
}

// itemKind is the kind of a pattern item.
type itemKind uint8

// Pattern items.
const (
	itWord     itemKind = iota // a literal word
	itSet                      // "&NAME": any member of a noun set
	itSource                   // "$": the source actor
	itTarget                   // "+": the target actor
	itSkip                     // "^": skip a noun phrase
	itCompound                 // "%": a compound actor
	itOpen                     // "(": a prepositional phrase starts
	itClose                    // ")"
)

// item is one element of a pattern.
type item struct {
	kind itemKind
	text string // the word (lower case) or the set name (upper case, no "&")
}

// code is a CAMEO code as written in brackets: "[070]", "[042:043]" (the
// source's event and the target's reverse event), "[:173]", "[---]".
type code struct {
	set      bool   // a code was written
	src, tgt string // "" if empty or "---"
}

// String returns the code as written in the dictionary, without brackets.
func (c code) String() string {
	switch {
	case !c.set:
		return ""
	case c.src == "" && c.tgt == "":
		return "---"
	case c.tgt == "":
		return c.src
	}
	return c.src + ":" + c.tgt
}

// problem is a dictionary line that was skipped, and why.
type problem struct {
	line   int
	reason string
	text   string
}

var (
	headerRE = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRE   = regexp.MustCompile(`^(\d{2,4})?(?::(\d{2,4})?)?$`)
	keyRE    = regexp.MustCompile(`^[A-Z][A-Z0-9'./-]*(_[A-Z0-9'./-]*)*$`)
)

// parseDictionary parses a PETRARCH2 verb dictionary. It returns an error
// only when r cannot be read; unusable lines are listed in the problems.
func parseDictionary(r io.Reader) (*dictionary, error) {
	d := &dictionary{sets: map[string]*nounSet{}}
	var (
		set *nounSet
		blk *block
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		bad := func(reason string) {
			d.problems = append(d.problems, problem{line: n, reason: reason, text: line})
		}
		switch {
		case line == "":
			set = nil
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "---"):
			set, blk = nil, nil
			m := headerRE.FindStringSubmatch(line)
			if m == nil {
				bad("malformed block header")
				continue
			}
			c, err := parseCode(m[2])
			if err != nil {
				bad(fmt.Sprintf("block header: %v", err))
				continue
			}
			blk = &block{name: m[1], code: c, line: n}
			d.blocks = append(d.blocks, blk)
		case strings.HasPrefix(line, "&"):
			name, _, _ := strings.Cut(stripComment(line), " ")
			name = strings.TrimPrefix(name, "&")
			if name == "" {
				bad("noun set without a name")
				continue
			}
			if _, dup := d.sets[name]; dup {
				bad("noun set defined twice")
				set = nil
				continue
			}
			set = &nounSet{name: name, line: n}
			d.sets[name] = set
			blk = nil
		case set != nil && strings.HasPrefix(line, "+"):
			words, ok := keyWords(strings.TrimPrefix(strings.Fields(stripComment(line))[0], "+"))
			if !ok {
				bad("noun set member is no plain word or phrase")
				continue
			}
			set.members = append(set.members, member{words: words, line: n})
		case blk == nil:
			bad("line outside any noun set or verb block")
		case strings.HasPrefix(line, "-"):
			p, err := parsePattern(strings.TrimPrefix(line, "-"))
			if err != nil {
				bad(err.Error())
				continue
			}
			p.line = n
			blk.patterns = append(blk.patterns, p)
		case strings.HasPrefix(line, "~"):
			bad("PETRARCH transformation rule (~) not supported")
		default:
			v, err := parseVerb(line)
			if err != nil {
				bad(err.Error())
				continue
			}
			v.line = n
			blk.verbs = append(blk.verbs, v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading verb dictionary: %w", err)
	}
	return d, nil
}

// stripComment removes a "#" comment from a dictionary line.
func stripComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// parseCode parses the inside of a code bracket.
func parseCode(s string) (code, error) {
	s = strings.TrimSpace(s)
	if s == "---" || s == "" {
		return code{set: true}, nil
	}
	m := codeRE.FindStringSubmatch(s)
	if m == nil {
		return code{}, fmt.Errorf("bad code [%s]", s)
	}
	return code{set: true, src: m[1], tgt: m[2]}, nil
}

// keyWords splits a dictionary form ("PRIME_MINISTER", "CASH_") into lower
// case words. A trailing "_" (no inflection in PETRARCH) is dropped.
func keyWords(key string) ([]string, bool) {
	key = strings.TrimSuffix(key, "_")
	if !keyRE.MatchString(key) {
		return nil, false
	}
	return strings.Split(strings.ToLower(key), "_"), true
}

// parseVerb parses a synonym line: "GIVE {GIVES GAVE} [070] # note".
func parseVerb(line string) (*verb, error) {
	s := stripComment(line)
	var v verb
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return nil, fmt.Errorf("verb: unclosed code bracket")
		}
		c, err := parseCode(s[i+1 : i+j])
		if err != nil {
			return nil, fmt.Errorf("verb: %w", err)
		}
		if rest := strings.TrimSpace(s[i+j+1:]); rest != "" && strings.Trim(rest, "-") != "" {
			return nil, fmt.Errorf("verb: text after the code")
		}
		v.code = c
		s = strings.TrimSpace(s[:i])
	}
	var forms string
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s, '}')
		if j < i {
			return nil, fmt.Errorf("verb: unclosed {forms}")
		}
		if strings.TrimSpace(s[j+1:]) != "" {
			return nil, fmt.Errorf("verb: text after {forms}")
		}
		forms = s[i+1 : j]
		s = strings.TrimSpace(s[:i])
	}
	phrasal := strings.HasPrefix(s, "+")
	key := strings.TrimPrefix(s, "+")
	if strings.ContainsAny(key, " \t") {
		return nil, fmt.Errorf("verb: several words without '+' and '_'")
	}
	words, ok := keyWords(key)
	if !ok {
		return nil, fmt.Errorf("verb: %q is no plain word or phrase", key)
	}
	if len(words) > 1 && !phrasal {
		return nil, fmt.Errorf("verb: phrase %q without '+'", key)
	}
	v.key, v.words = key, words
	for _, f := range strings.Fields(forms) {
		fw, ok := keyWords(strings.TrimPrefix(f, "+"))
		if !ok {
			return nil, fmt.Errorf("verb: irregular form %q is no plain word or phrase", f)
		}
		if len(fw) != len(words) {
			return nil, fmt.Errorf("verb: irregular form %q has %d words, the verb %d", f, len(fw), len(words))
		}
		v.forms = append(v.forms, fw)
	}
	return &v, nil
}

// parsePattern parses a pattern line after its leading "-".
func parsePattern(s string) (*pattern, error) {
	body, comment, _ := strings.Cut(s, "#")
	i := strings.LastIndexByte(body, '[')
	j := strings.LastIndexByte(body, ']')
	if i < 0 || j < i {
		return nil, fmt.Errorf("pattern: no [code]")
	}
	if strings.TrimSpace(body[j+1:]) != "" {
		return nil, fmt.Errorf("pattern: text after the code")
	}
	c, err := parseCode(body[i+1 : j])
	if err != nil {
		return nil, fmt.Errorf("pattern: %w", err)
	}
	p := &pattern{code: c, text: strings.TrimSpace(body[:i])}
	for _, v := range strings.Split(comment, ",") {
		v = strings.TrimSpace(v)
		if keyRE.MatchString(v) {
			p.verbs = append(p.verbs, v)
		}
	}
	r := strings.NewReplacer("(", " ( ", ")", " ) ", "{", " { ", "}", " } ")
	verbAt := -1
	var items []item
	depth, braces := 0, 0
	for _, tok := range strings.Fields(r.Replace(body[:i])) {
		switch tok {
		case "*":
			if verbAt >= 0 {
				return nil, fmt.Errorf("pattern: more than one '*'")
			}
			verbAt = len(items)
			continue
		case "(":
			depth++
			items = append(items, item{kind: itOpen})
		case ")":
			if depth--; depth < 0 {
				return nil, fmt.Errorf("pattern: ')' without '('")
			}
			items = append(items, item{kind: itClose})
		case "{":
			braces++
		case "}":
			if braces--; braces < 0 {
				return nil, fmt.Errorf("pattern: '}' without '{'")
			}
		case "$":
			items = append(items, item{kind: itSource})
		case "+":
			items = append(items, item{kind: itTarget})
		case "^":
			items = append(items, item{kind: itSkip})
		case "%":
			items = append(items, item{kind: itCompound})
		default:
			if name, ok := strings.CutPrefix(tok, "&"); ok {
				if !keyRE.MatchString(name) {
					return nil, fmt.Errorf("pattern: bad noun set %q", tok)
				}
				items = append(items, item{kind: itSet, text: strings.TrimSuffix(name, "_")})
				continue
			}
			words, ok := keyWords(tok)
			if !ok {
				return nil, fmt.Errorf("pattern: unexpected %q", tok)
			}
			for _, w := range words {
				items = append(items, item{kind: itWord, text: w})
			}
		}
	}
	switch {
	case depth != 0:
		return nil, fmt.Errorf("pattern: unbalanced parentheses")
	case braces != 0:
		return nil, fmt.Errorf("pattern: unbalanced braces")
	case verbAt < 0:
		return nil, fmt.Errorf("pattern: no '*' for the verb")
	}
	p.pre, p.post = items[:verbAt], items[verbAt:]
	return p, nil
}

// problemCounts counts problems by reason, most frequent first.
func problemCounts(ps []problem) []reasonCount {
	m := map[string]int{}
	for _, p := range ps {
		m[p.reason]++
	}
	return sortCounts(m)
}

// reasonCount is the number of times one reason occurred.
type reasonCount struct {
	reason string
	n      int
}

// sortCounts sorts reason counts by count, then reason.
func sortCounts(m map[string]int) []reasonCount {
	out := make([]reasonCount, 0, len(m))
	for r, n := range m {
		out = append(out, reasonCount{r, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].reason < out[j].reason
	})
	return out
}
