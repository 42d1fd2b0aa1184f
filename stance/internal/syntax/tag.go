package syntax

// Tag is a Penn Treebank part-of-speech tag.
type Tag uint8

// The Penn Treebank tags the tagger assigns.
const (
	NoTag  Tag = iota // not tagged (empty token)
	CC                // coordinating conjunction
	CD                // cardinal number
	DT                // determiner
	EX                // existential "there"
	FW                // foreign word
	IN                // preposition or subordinating conjunction
	JJ                // adjective
	JJR               // comparative adjective
	JJS               // superlative adjective
	LS                // list item marker
	MD                // modal
	NN                // noun, singular or mass
	NNS               // noun, plural
	NNP               // proper noun, singular
	NNPS              // proper noun, plural
	PDT               // predeterminer
	POS               // possessive ending
	PRP               // personal pronoun
	PRPS              // possessive pronoun (PRP$)
	RB                // adverb
	RBR               // comparative adverb
	RBS               // superlative adverb
	RP                // particle
	SYM               // symbol
	TO                // "to"
	UH                // interjection
	VB                // verb, base form
	VBD               // verb, past tense
	VBG               // verb, gerund or present participle
	VBN               // verb, past participle
	VBP               // verb, non-3rd person singular present
	VBZ               // verb, 3rd person singular present
	WDT               // wh-determiner
	WP                // wh-pronoun
	WPS               // possessive wh-pronoun (WP$)
	WRB               // wh-adverb
	Dollar            // $
	Hash              // #
	LQuote            // opening quotation mark (``)
	RQuote            // closing quotation mark ('')
	LParen            // (
	RParen            // )
	Comma             // ,
	Colon             // : ; and dashes
	Period            // . ? !
	numTags
)

var tagNames = [numTags]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
	"NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
	"VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "$", "#", "``", "''", "(", ")", ",", ":", ".",
}

// String returns the Penn Treebank name of t ("NN", "PRP$", ",").
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "?"
}

// tagByName returns the tag named s.
func tagByName(s string) (Tag, bool) {
	for i, n := range tagNames {
		if n == s && i != 0 {
			return Tag(i), true
		}
	}
	return NoTag, false
}

// IsNoun reports whether t is a common or proper noun tag.
func (t Tag) IsNoun() bool { return t >= NN && t <= NNPS }

// IsVerb reports whether t is a verb tag (VB, VBD, VBG, VBN, VBP, VBZ).
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// IsAdj reports whether t is an adjective tag.
func (t Tag) IsAdj() bool { return t >= JJ && t <= JJS }

// IsAdv reports whether t is an adverb tag.
func (t Tag) IsAdv() bool { return t >= RB && t <= RBS }

// isFinite reports whether t heads a finite verb group.
func (t Tag) isFinite() bool { return t == MD || t == VBD || t == VBP || t == VBZ }

// isPunct reports whether t is a punctuation tag.
func (t Tag) isPunct() bool { return t >= LQuote }
