package syntax

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// model is the averaged-perceptron tagging model of prose (a port of
// TextBlob's tagger, trained on the Wall Street Journal treebank), repacked
// for allocation-free lookups. It is read-only once loaded.
type model struct {
	feats map[string]uint32 // feature -> first weight << 8 | weight count
	cls   []Tag             // class of each weight
	w     []float64         // weights
	known map[string]Tag    // frequent unambiguous words and their tag
}

// loadModel decodes the model embedded in prose once.
var loadModel = sync.OnceValues(func() (*model, error) {
	var (
		weights map[string]map[string]float64
		known   map[string]string
		classes []string
	)
	for _, a := range []struct {
		name string
		dst  any
	}{
		{"model/AveragedPerceptron/weights.gob", &weights},
		{"model/AveragedPerceptron/tags.gob", &known},
		{"model/AveragedPerceptron/classes.gob", &classes},
	} {
		b, err := prose.Asset(a.name)
		if err != nil {
			return nil, fmt.Errorf("reading tagger model: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("decoding tagger model %s: %w", a.name, err)
		}
	}
	if len(weights) == 0 || len(classes) == 0 {
		return nil, fmt.Errorf("decoding tagger model: empty model")
	}
	m := &model{feats: make(map[string]uint32, len(weights)), known: make(map[string]Tag, len(known))}
	for _, c := range classes {
		if _, ok := tagByName(c); !ok {
			return nil, fmt.Errorf("decoding tagger model: unknown class %q", c)
		}
	}
	names := make([]string, 0, len(weights))
	for f := range weights {
		names = append(names, f)
	}
	sort.Strings(names) // a fixed layout whatever the map order
	labels := make([]string, 0, len(classes))
	for _, f := range names {
		ws := weights[f]
		labels = labels[:0]
		for c := range ws {
			labels = append(labels, c)
		}
		sort.Strings(labels)
		off := len(m.w)
		for _, c := range labels {
			t, ok := tagByName(c)
			if !ok {
				return nil, fmt.Errorf("decoding tagger model: unknown class %q in feature %q", c, f)
			}
			m.cls = append(m.cls, t)
			m.w = append(m.w, ws[c])
		}
		if off >= 1<<24 || len(labels) > 255 {
			return nil, fmt.Errorf("decoding tagger model: too many weights")
		}
		m.feats[f] = uint32(off)<<8 | uint32(len(labels))
	}
	for w, c := range known {
		t, ok := tagByName(c)
		if !ok {
			return nil, fmt.Errorf("decoding tagger model: unknown tag %q for %q", c, w)
		}
		m.known[w] = t
	}
	return m, nil
})

// tagger holds the scratch of one tagging run.
type tagger struct {
	m      *model
	key    []byte
	ctx    []byte  // normalised words, "-START-" ... "-END2-"
	ctxOff []int32 // bounds of ctx word k: ctxOff[k], ctxOff[k+1]
}

// word returns context word k (0 and 1 are the start symbols).
func (tg *tagger) word(k int) []byte { return tg.ctx[tg.ctxOff[k]:tg.ctxOff[k+1]] }

// tag tags the n words given by raw (the word as written) and norm (its
// normalised context form); forced[i] != NoTag fixes the tag of word i.
// It is the tagging loop of prose's perceptronTagger with the same features,
// run without allocations; ties go to the lowest Tag.
func (tg *tagger) tag(n int, raw func(i int) []byte, norm func(i int, dst []byte) []byte, forced, out []Tag) {
	tg.ctx = append(tg.ctx[:0], "-START--START2-"...)
	tg.ctxOff = append(tg.ctxOff[:0], 0, 7, 15)
	for i := 0; i < n; i++ {
		tg.ctx = norm(i, tg.ctx)
		tg.ctxOff = append(tg.ctxOff, int32(len(tg.ctx)))
	}
	tg.ctx = append(tg.ctx, "-END--END2-"...)
	tg.ctxOff = append(tg.ctxOff, int32(len(tg.ctx)-6), int32(len(tg.ctx)))
	p1, p2 := "-START-", "-START2-"
	for i := 0; i < n; i++ {
		t := forced[i]
		if t == NoTag {
			w := raw(i)
			if len(w) == 0 {
				t = SYM
			} else if k, ok := tg.m.known[string(w)]; ok {
				t = k
			} else {
				t = tg.predict(i+2, w, p1, p2)
			}
		}
		out[i] = t
		p2, p1 = p1, tagNames[t]
	}
}

// predict scores the features of the word at context position k.
func (tg *tagger) predict(k int, w []byte, p1, p2 string) Tag {
	var scores [numTags]float64
	var seen uint64
	add := func(key []byte) {
		v, ok := tg.m.feats[string(key)]
		if !ok {
			return
		}
		off, cnt := int(v>>8), int(v&0xff)
		for j := off; j < off+cnt; j++ {
			c := tg.m.cls[j]
			scores[c] += tg.m.w[j]
			seen |= 1 << c
		}
	}
	cur, prev, prev2, next, next2 := tg.word(k), tg.word(k-1), tg.word(k-2), tg.word(k+1), tg.word(k+2)
	b := tg.key[:0]
	add(append(b, "bias"...))
	b = append(append(b[:0], "i suffix "...), suffix3(w)...)
	add(b)
	b = utf8.AppendRune(append(b[:0], "i pref1 "...), rune(w[0]))
	add(b)
	add(append(append(b[:0], "i-1 tag "...), p1...))
	add(append(append(b[:0], "i-2 tag "...), p2...))
	add(append(append(append(append(b[:0], "i tag+i-2 tag "...), p1...), ' '), p2...))
	add(append(append(b[:0], "i word "...), cur...))
	add(append(append(append(append(b[:0], "i-1 tag+i word "...), p1...), ' '), cur...))
	add(append(append(b[:0], "i-1 word "...), prev...))
	add(append(append(b[:0], "i-1 suffix "...), suffix3(prev)...))
	add(append(append(b[:0], "i-2 word "...), prev2...))
	add(append(append(b[:0], "i+1 word "...), next...))
	add(append(append(b[:0], "i+1 suffix "...), suffix3(next)...))
	b = append(append(b[:0], "i+2 word "...), next2...)
	add(b)
	tg.key = b
	best := NoTag
	for c := Tag(1); c < numTags; c++ {
		if seen&(1<<c) != 0 && (best == NoTag || scores[c] > scores[best]) {
			best = c
		}
	}
	if best == NoTag {
		best = NN
	}
	return best
}

// suffix3 returns the last three bytes of w, as prose does.
func suffix3(w []byte) []byte {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

// appendNorm appends prose's normalised form of w to dst: "!HYPHEN" for a
// hyphenated word, "!YEAR" for a four-character integer, "!DIGITS" for a
// word starting with a digit, else w in lower case.
func appendNorm(dst, w []byte) []byte {
	if len(w) == 0 {
		return dst
	}
	if w[0] != '-' && bytes.IndexByte(w, '-') >= 0 {
		return append(dst, "!HYPHEN"...)
	}
	if len(w) == 4 && isInt(w) {
		return append(dst, "!YEAR"...)
	}
	if w[0] >= '0' && w[0] <= '9' {
		return append(dst, "!DIGITS"...)
	}
	return appendLower(dst, w)
}

// isInt reports whether w parses with strconv.Atoi.
func isInt(w []byte) bool {
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// functional reports whether the lower-case word low is mostly a verb or a
// function word for the model: a capital on it marks a headline.
func (tg *tagger) functional(low []byte) bool {
	if lexicon[string(low)]&(wSub|wCoord|wRel|wModal|wBe|wHave|wPrep) != 0 {
		return true
	}
	t, ok := tg.m.known[string(low)]
	if !ok {
		tg.key = append(append(tg.key[:0], "i word "...), low...)
		v, found := tg.m.feats[string(tg.key)]
		if !found {
			return false
		}
		bw := 0.0
		for j := int(v >> 8); j < int(v>>8)+int(v&0xff); j++ {
			if t == NoTag || tg.m.w[j] > bw {
				t, bw = tg.m.cls[j], tg.m.w[j]
			}
		}
	}
	return t.IsVerb() || t == IN || t == TO || t == MD || t == CC
}

// common returns 1 if the lower-case word low is a common word of the
// model (a frequent word not tagged as a proper noun, or a word whose own
// feature favours a tag other than NNP), -1 if the model knows it as a
// name, and 0 if it does not know it.
func (tg *tagger) common(low []byte) int {
	if t, ok := tg.m.known[string(low)]; ok {
		if t == NNP || t == NNPS {
			return -1
		}
		return 1
	}
	if lexicon[string(low)] != 0 {
		return 1
	}
	tg.key = append(append(tg.key[:0], "i word "...), low...)
	v, ok := tg.m.feats[string(tg.key)]
	if !ok {
		return 0
	}
	best := NoTag
	bw := 0.0
	for j := int(v >> 8); j < int(v>>8)+int(v&0xff); j++ {
		if best == NoTag || tg.m.w[j] > bw {
			best, bw = tg.m.cls[j], tg.m.w[j]
		}
	}
	if best == NNP || best == NNPS {
		return -1
	}
	return 1
}
