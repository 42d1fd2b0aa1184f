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
// Sentence evidence is merged per directed pair: the article score is the
// confidence-weighted mean, the confidence grows with each piece of evidence,
// and the category is that of the strongest evidence. Every search is bounded
// in tokens, so the work is linear in the length of the text.
package stance
