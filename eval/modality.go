package eval

import (
	"strings"
	"unicode"

	"github.com/stancemon/stancemon/stance"
)

// modalWords are the one-word modality markers, lower case.
var modalWords = setOf(
	// conditions
	"if", "unless", "whether",
	// hypotheticals ("may" only in lower case: "May" is the month)
	"would", "could", "might", "may", "should", "wouldn", "couldn", "shouldn",
	// requests of a third party
	"urged", "urges", "urge", "urging", "asked", "asks", "ask", "asking",
	"appealed", "appeals", "appeal", "requested", "requests",
	// hopes and expectations
	"hope", "hopes", "hoped", "hoping", "expect", "expects", "expected", "expecting",
	"likely", "possible", "possibility", "speculation", "speculated",
	// denials
	"denied", "denies", "deny", "denying",
)

// modalPairs are the two-word modality markers, lower case.
var modalPairs = setOf(
	"called on", "calls on", "call on", "calling on",
	"called for", "calls for", "call for", "calling for",
	"rejected claims", "rejected reports", "rejected allegations", "rejected charges", "rejected suggestions",
	"dismissed claims", "dismissed reports", "dismissed allegations", "dismissed suggestions",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// modalityMarker returns the modality marker of a predicted dyad's
// strongest evidence, or "": "?" when the sentence is a question, else the
// first marker that starts before its last cue.
func modalityMarker(d stance.Dyad) string {
	if len(d.Evidence) == 0 {
		return ""
	}
	e := d.Evidence[0]
	if strings.HasSuffix(strings.TrimRight(e.Text, " \t\"'’”)"), "?") {
		return "?"
	}
	end := -1
	for _, c := range e.Cues {
		end = max(end, c.Start)
	}
	if end <= 0 {
		return ""
	}
	words := strings.FieldsFunc(e.Text[:min(end, len(e.Text))], func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		lw := strings.ToLower(w)
		if modalWords[lw] && w != "May" {
			return lw
		}
		if i+1 < len(words) {
			if p := lw + " " + strings.ToLower(words[i+1]); modalPairs[p] {
				return p
			}
		}
	}
	return ""
}
