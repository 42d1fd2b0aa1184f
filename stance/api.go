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
	// States lists the codes among Actors that are states, sorted: every
	// state the article names, also those in no dyad.
	States []string `json:"states,omitempty"`
	// SubState counts the mentions of sub-state actors by state code and
	// Phoenix agent code ("TUR": {"REB": 1} for "Turkish rebels", "JPN":
	// {"BUS": 2} for "Japanese car makers"): they make no state dyad, but
	// say who else the article is about. Their mentions count in Actors
	// too.
	SubState map[string]map[string]int `json:"sub_state,omitempty"`
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
	// SourceKind and TargetKind say whether each side is a state or an
	// organisation, so that callers need no gazetteer to pick state dyads.
	SourceKind ActorKind `json:"source_kind"`
	TargetKind ActorKind `json:"target_kind"`
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
	// Rule is the direction rule that linked source and target in this
	// sentence (see the Rule constants).
	Rule Rule `json:"rule"`
	// Mode says whether the act is reported as fact, intended or
	// threatened (see the Mode constants).
	Mode Mode `json:"mode"`
}

// Rule names the way a sentence links a source to a target, for evidence
// and for per-rule evaluation.
type Rule string

// Direction rules.
const (
	// RuleSubjectObject: the subject of a verb cue toward its object or
	// the object of its preposition ("Israel attacked Syria").
	RuleSubjectObject Rule = "subject-object"
	// RuleParse: the subject of the cue's verb group, or its object, found
	// in the parse of the sentence where the token windows found none or
	// one inside another clause ("The US, which has long backed Israel,
	// condemned Iran").
	RuleParse Rule = "parse"
	// RuleFallback: in a sentence where no cue linked a pair, the subject of
	// a verb the lexicon does not know toward its object, both states; the
	// polarity is the sentence's tone (low confidence).
	RuleFallback Rule = "fallback"
	// RuleInfinitive: an infinitive cue takes the subject of its clause
	// ("agreed to lift the sanctions on Y").
	RuleInfinitive Rule = "infinitive"
	// RulePassiveAgent: the agent of a passive toward its subject ("Y was
	// condemned by X", "rebels backed by X").
	RulePassiveAgent Rule = "passive-agent"
	// RuleNounActor: a noun cue's possessor, adjective or clause subject
	// toward its prepositional object ("Russia's invasion of Ukraine").
	RuleNounActor Rule = "noun-actor"
	// RuleSpeaker: the speaker of reported speech stands in for a missing
	// or pronoun subject ("X said it would not support Y").
	RuleSpeaker Rule = "speaker"
	// RuleSpeakerJudges: the speaker toward the subject it judges ("X said
	// Y's move was a provocation").
	RuleSpeakerJudges Rule = "speaker-judges"
	// RuleReceivedFrom: the giver toward the receiver ("Y received a loan
	// from X").
	RuleReceivedFrom Rule = "received-from"
	// RuleBackingOf: the backer toward the subject ("with the backing of X").
	RuleBackingOf Rule = "backing-of"
	// RuleJoint: joint subjects toward each other ("X and Y agreed").
	RuleJoint Rule = "joint"
	// RuleBetween: "talks between X and Y".
	RuleBetween Rule = "between"
	// RulePredicate: a predicate judging an earlier relation noun ("talks
	// between X and Y collapsed").
	RulePredicate Rule = "predicate"
	// RuleRelation: an act on a relation noun ("suspended the treaty with Y").
	RuleRelation Rule = "relation"
	// RuleThreat: a threat or pledge governing the act it announces ("X
	// threatened to attack Y").
	RuleThreat Rule = "threat"
)

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
	// PloverMode is the PLOVER mode of the cue's act within its category
	// ("visit" for CONSULT, "arrest" for COERCE), "" when none.
	PloverMode string `json:"plover_mode,omitempty"`
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
