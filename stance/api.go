package stance

import "time"

// Article is the input of the scorer.
type Article struct {
	// ID identifies the article; it is not used for scoring.
	ID string
	// Title is the headline; it is scored as the first sentence.
	Title string
	// Body is the article text, plain text or HTML.
	Body string
	// PublishedAt is the publication time (UTC). Officials count for their
	// country only while in office at this time. Zero means "date unknown":
	// an official then counts for the country of their most recent term
	// (see Gazetteer.Find).
	PublishedAt time.Time
}

// Result is the stance content of one article.
type Result struct {
	// Tone is the overall tone of the article in [-1, 1].
	Tone float64 `json:"tone"`
	// Actors counts the mentions of each actor code (state or organisation).
	Actors map[string]int `json:"actors"`
	// Dyads are the directed stances found, one per (source, target) pair,
	// sorted by source then target.
	Dyads []Dyad `json:"dyads"`
}

// Dyad is the stance of Source toward Target in one article.
type Dyad struct {
	// Source is the actor code (ISO 3166-1 alpha-3 or organisation) that
	// says or does something.
	Source string `json:"source"`
	// Target is the actor code the statement or action is aimed at.
	Target string `json:"target"`
	// Score is in [-1, 1]: negative is conflict, positive cooperation.
	Score float64 `json:"score"`
	// Category is the PLOVER event category of the strongest evidence.
	Category Category `json:"category"`
	// Confidence is in [0, 1].
	Confidence float64 `json:"confidence"`
	// Evidence lists the sentences behind the score, strongest first.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is one sentence supporting a dyad.
type Evidence struct {
	// Sentence is the 0-based index of the sentence in the article
	// (the title, when present, is sentence 0).
	Sentence int `json:"sentence"`
	// Text is the normalised sentence.
	Text string `json:"text"`
	// Score is the sentence-level score in [-1, 1].
	Score float64 `json:"score"`
	// Confidence is the sentence-level confidence in [0, 1].
	Confidence float64 `json:"confidence"`
	// Cues are the cue words that set the polarity.
	Cues []Cue `json:"cues"`
}

// Cue is a cue word or phrase in an evidence sentence.
type Cue struct {
	// Text is the cue as it appears in the sentence.
	Text string `json:"text"`
	// Start and End are byte offsets of the cue in Evidence.Text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Category is the event category the cue belongs to.
	Category Category `json:"category"`
	// Negated is true when the cue is in the scope of a negation.
	Negated bool `json:"negated,omitempty"`
}

// Category is a PLOVER event category.
type Category string

// PLOVER event categories.
const (
	Agree       Category = "AGREE"
	Consult     Category = "CONSULT"
	Support     Category = "SUPPORT"
	Concede     Category = "CONCEDE"
	Cooperate   Category = "COOPERATE"
	Aid         Category = "AID"
	Retreat     Category = "RETREAT"
	Investigate Category = "INVESTIGATE"
	Demand      Category = "DEMAND"
	Disapprove  Category = "DISAPPROVE"
	Reject      Category = "REJECT"
	Threaten    Category = "THREATEN"
	Sanction    Category = "SANCTION"
	Protest     Category = "PROTEST"
	Mobilize    Category = "MOBILIZE"
	Coerce      Category = "COERCE"
	Assault     Category = "ASSAULT"
)
