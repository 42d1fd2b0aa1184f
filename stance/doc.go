// Package stance scores news articles into directed stances between states
// and international organisations: who praises, warns, sanctions or threatens
// whom, with a score in [-1, 1], an event category, a confidence and the
// evidence (sentence and cue words) behind each number.
//
// The package is pure Go, does no I/O beyond reading its embedded data,
// is deterministic and is safe for concurrent use.
//
// # How a stance is found
//
// The text is normalised (HTML stripped, quotes straightened, "U. S." joined,
// site boilerplate dropped) and split into sentences; the title is sentence 0.
// In each sentence the Gazetteer finds the actors (names, demonyms, capitals,
// seats, officials in office) and the cue lexicon (data/cues.yaml) finds the
// cue words of the PLOVER categories, in all their inflected forms.
//
// A stance is only reported when one sentence links two actors through a cue:
//
//   - The source is the subject of the cue: the actor that ends the noun
//     phrase before the verb ("Israel on Wednesday released"), the leftmost
//     actor of the clause that no preposition governs, the possessor or
//     adjective of a noun cue ("Russia's invasion", "Israeli shelling"), the
//     subject of a light verb ("held talks", "imposed sanctions"), the
//     actors of an office or body ("the foreign ministers of Syria and
//     Lebanon agreed"), or the agent of a passive ("was condemned by the
//     EU") or of a participle right before "by" ("rebels backed by Turkey";
//     "welcomed the offer by Iraq" is active).
//   - The target is the first actor after the cue in its clause that is no
//     agent ("by") and no place ("in Warsaw", "at a Moscow stadium"); titles
//     may stand between a preposition and an official ("talks with visiting
//     Prime Minister X"); conflict
//     cues take places too ("war in Ukraine"). Noun cues take only actors in
//     their own prepositional phrase ("sanctions against Russia"). A cue
//     whose object is another act stops there ("condemned the attack on Y"
//     says nothing against Y), except through a relation noun ("suspended the
//     treaty with Washington") or an act of its own kind ("fired missiles at").
//   - Reported speech: in "X said ...", "..., X said", "according to X" the
//     speaker stands in for a missing or pronoun subject ("X said it would
//     not support Y"), and judges the subject of a reported conflict
//     ("X said Y's move was a provocation").
//   - Joint actors ("X and Y", "X, Y and Z", "X-Y", "between X and Y") give
//     every pair for symmetric and cooperative cues ("agreed", "talks"),
//     but not for acts they only call for ("called for a ceasefire").
//     Talks, negotiations, deals signed with, clashes and fights go both
//     ways; a visit or "X met Y" goes from X to Y only, as the gold coding
//     of meetings does.
//   - A threat governs the act it announces: "X threatened to attack Y"
//     and "X warned it would sanction Y" are threats of X toward Y; "X
//     pledged to help Y" is aid. Criticism or rejection of a statement or
//     offer is aimed at its author ("condemned remarks by X").
//   - Negation within a few words reverses a cooperative cue, which then
//     counts as a rejection ("refused to help"), and cancels a conflict one
//     ("refused to criticize"); hedges lower the confidence.
//     Acts only asked for or warned against ("asked Y to help Z", "warned Y
//     against arming Z") give nothing.
//
// # Second generation: structure, actor types, modality
//
// A sentence goes through these steps, in the order analyse (analyse.go)
// runs them, each in files of its own:
//
//   - tokens (text.go, tokens.go): normalised text, sentences, tokens; site
//     boilerplate dropped; the cue lemma and word classes of each word;
//   - actors (gaz_*.go, actors.go, agents.go): the gazetteer's mentions,
//     including misspelt long names, historical names by date (Kampuchea,
//     Zaire, East Germany as DDR until 1990), context rules (Tripoli,
//     Brussels, Congo), datelines dropped, dated office holders from the
//     Phoenix dictionary; mentions of one actor merged ("Russian Foreign
//     Minister Sergey Lavrov"), the preposition in front of each, places
//     told apart from actors, coordinated actors grouped ("X and Y", "X, Y
//     and Z"); then the agent noun after a state's name or adjective decides
//     its type: "Iranian officials" and "U.S. troops" are the state,
//     "Kurdish rebels", "Japanese car makers", "American missionaries",
//     "ethnic Hungarians" and "U.S.-backed" are sub-state
//     (data/agents*.yaml, from the Phoenix agent list). A sub-state actor
//     never acts for its state; as the target of a state's coercion, assault
//     or sanction its people and property do stand for it ("deported 20
//     Chinese nationals"), its rebels and opposition do not;
//   - acts (lexicon.go, acts.go): the cue lexicon is the hand
//     file data/cues.yaml over data/cues_cameo.yaml, generated from the
//     CAMEO verb dictionary and the CAMEO-PLOVER crosswalk (go generate);
//     a cue word is a noun or a verb by where it stands ("the bombing",
//     "Washington's warnings" are nouns); reversal verbs turn the act they
//     govern around ("halted aid" is a sanction, "lifted the blockade" a
//     concession, "cancelled a visit" a rejection); failure verbs cancel it
//     ("talks collapsed"); "X asked Y to ..." and "X said Y must ..." are
//     X's demands on Y;
//   - clauses (clauses.go): the clause of each token, its hedges, and the
//     speaker of each reported clause ("X said ...", "..., X said",
//     "according to X");
//   - structure (structure.go, internal/syntax): for sentences with two or
//     more distinct actors, part-of-speech tags (prose's averaged
//     perceptron), noun phrases, verb groups, prepositional phrases and
//     clauses; a verb cue takes the subject of its verb group and its
//     object, whatever stands between ("The US, which has long backed
//     Israel, condemned Iran"; "After Russia invaded Ukraine, ..."); the
//     token windows below remain for noun cues and where the parse finds no
//     actor;
//   - modality (mode.go): negation ("refused to help", "the collapse of the
//     talks"); conditional, speculative ("may impose"), denied ("denied that
//     it had attacked") and doubly negated ("Neither X nor Y criticised")
//     acts give nothing, nor do acts only asked for or warned against; each
//     evidence carries its mode (factual, intended, threatened);
//   - pairs (pairs.go): the direction rules above; every evidence names the
//     rule that linked it (Evidence.Rule); gatherings of four or more
//     states give every pair both ways; where no cue linked any pair, the
//     subject of a verb the lexicon does not know toward its object, both
//     states, with the sentence's tone (RuleFallback, low confidence, from
//     the parse in structure.go).
//
// Sentence evidence is merged per directed pair: the article score is the
// confidence-weighted mean, the confidence grows with each piece of evidence,
// and the category is that of the strongest evidence. Every search is bounded
// in tokens, so the work is linear in the length of the text.
package stance
