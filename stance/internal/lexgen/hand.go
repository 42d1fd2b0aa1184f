package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/stancemon/stancemon/stance/internal/words"
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
	// entries are the hand cue entries with their category and mode, in
	// category order, then file order.
	entries []handEntry
}

// handEntry is one hand cue entry.
type handEntry struct {
	words    [][]string        // per word, its forms as written ("meet|met")
	forms    []map[string]bool // per word, its forms and their inflections
	key      string            // first forms, one space apart
	category string
	mode     string // PLOVER mode of its mode= token, "" if none
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
	cats := make([]string, 0, len(f.Cues))
	for cat := range f.Cues {
		cats = append(cats, cat)
	}
	sort.Strings(cats)
	for _, cat := range cats {
		sign, ok := f.Categories[cat]
		if !ok || sign != 1 && sign != -1 {
			return nil, fmt.Errorf("hand lexicon: category %s has no sign", cat)
		}
		for _, e := range f.Cues[cat] {
			var words []map[string]bool
			var alts [][]string
			mode := ""
			for _, field := range strings.Fields(e) {
				if _, err := strconv.ParseFloat(field, 64); err == nil || cueFlagNames[field] {
					continue
				}
				if m, ok := strings.CutPrefix(field, modePrefix); ok {
					mode = m
					continue
				}
				alts = append(alts, strings.Split(field, "|"))
				fs := formSet(alts[len(alts)-1])
				words = append(words, fs)
				for f := range fs {
					h.known[f] = true
				}
			}
			if len(words) > 0 {
				h.entries = append(h.entries, handEntry{words: alts, forms: words, key: joinFirst(alts), category: cat, mode: mode})
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

// modePrefix starts the token of a cue entry that gives its PLOVER mode
// (stance.modePrefix).
const modePrefix = "mode="

// shadows reports whether a hand entry has the same words as a generated
// entry, which the scorer's loader then drops: every word of the one is a
// form of the same word of the other ("sanction", "sanctions"; "meet|met",
// "met"), as stance.sameWord decides.
func (h *handLexicon) shadows(ws [][]string) bool {
	for _, he := range h.entries {
		if len(he.words) != len(ws) {
			continue
		}
		same := true
		for i := 0; i < len(ws) && same; i++ {
			same = sameWord(he.words[i], he.forms[i], ws[i])
		}
		if same {
			return true
		}
	}
	return false
}

// sameWord reports whether a hand word (its forms, and those with their
// inflections) and a generated word (its forms) are one word: a form of
// the one is a form of the other ("aid" and "aids", not "aide").
func sameWord(hand []string, handForms map[string]bool, gen []string) bool {
	for _, f := range gen {
		if handForms[f] {
			return true
		}
	}
	genForms := formSet(gen)
	for _, f := range hand {
		if genForms[f] {
			return true
		}
	}
	return false
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
