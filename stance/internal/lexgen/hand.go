package main

import (
	"fmt"
	"github.com/stancemon/stancemon/stance/internal/words"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

// handLexicon is what the generator needs to know of the hand lexicon
// (stance/data/cues.yaml), which the scorer loads on top of the generated
// one.
type handLexicon struct {
	// forms maps every form of a single-word hand cue (its forms and their
	// regular inflections, as the scorer derives them) to the signs of its
	// categories.
	forms map[string]map[int]bool
	// phrases are the hand phrases, each word as its set of forms, with
	// their sign.
	phrases []handPhrase
	// function holds the forms of the hand lexicon's function words
	// ("words:" classes: light verbs, speech verbs, negators, ...).
	function map[string]bool
	// known holds every form of every word of the hand lexicon: cue words
	// and function words.
	known map[string]bool
}

// handPhrase is one multi-word hand cue.
type handPhrase struct {
	words []map[string]bool
	sign  int
}

// handFile is the part of the cues.yaml schema the generator reads.
type handFile struct {
	Categories map[string]int      `yaml:"categories"`
	Cues       map[string][]string `yaml:"cues"`
	Words      map[string][]string `yaml:"words"`
}

// parseHand reads the hand lexicon.
func parseHand(data []byte) (*handLexicon, error) {
	var f handFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("decoding hand lexicon: %w", err)
	}
	h := &handLexicon{forms: map[string]map[int]bool{}, function: map[string]bool{}, known: map[string]bool{}}
	for cat, entries := range f.Cues {
		sign, ok := f.Categories[cat]
		if !ok || sign != 1 && sign != -1 {
			return nil, fmt.Errorf("hand lexicon: category %s has no sign", cat)
		}
		for _, e := range entries {
			var words []map[string]bool
			for _, field := range strings.Fields(e) {
				if _, err := strconv.ParseFloat(field, 64); err == nil || cueFlagNames[field] {
					continue
				}
				fs := formSet(strings.Split(field, "|"))
				words = append(words, fs)
				for f := range fs {
					h.known[f] = true
				}
			}
			switch len(words) {
			case 0:
			case 1:
				for form := range words[0] {
					if h.forms[form] == nil {
						h.forms[form] = map[int]bool{}
					}
					h.forms[form][sign] = true
				}
			default:
				h.phrases = append(h.phrases, handPhrase{words: words, sign: sign})
			}
		}
	}
	for class, list := range f.Words {
		if class == "boilerplate" {
			continue
		}
		for _, w := range list {
			for form := range formSet(strings.Split(w, "|")) {
				h.function[form] = true
				h.known[form] = true
			}
		}
	}
	return h, nil
}

// formSet returns the forms and their regular inflections.
func formSet(forms []string) map[string]bool {
	m := map[string]bool{}
	for _, f := range forms {
		m[f] = true
		for _, i := range words.Inflections(f) {
			m[i] = true
		}
	}
	return m
}

// swallows reports whether a generated phrase of the given sign contains a
// hand cue of the same sign, single word or phrase: in the scorer the
// phrase would replace that cue's stronger hand evidence by a weaker
// generated one ("provide humanitarian aid", "condemn attack"). It returns
// the hand cue's words.
func (h *handLexicon) swallows(words [][]string, sign int) (string, bool) {
	for i, w := range words {
		if h.forms[w[0]][sign] {
			return w[0], true
		}
		for _, p := range h.phrases {
			if p.sign != sign || i+len(p.words) > len(words) || len(p.words) == len(words) {
				continue // the same words: the scorer's loader lets the hand entry win
			}
			match := true
			for k, pw := range p.words {
				if !pw[words[i+k][0]] {
					match = false
					break
				}
			}
			if match {
				return joinFirst(words[i : i+len(p.words)]), true
			}
		}
	}
	return "", false
}

// joinFirst joins the first forms of words with spaces.
func joinFirst(words [][]string) string {
	ws := make([]string, len(words))
	for i, w := range words {
		ws[i] = w[0]
	}
	return strings.Join(ws, " ")
}
