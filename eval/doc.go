// Package eval measures the stance scorer against a gold set of directed
// state-to-state dyads: it reads the gold file (ReadGold), scores every item
// (Evaluate) and reports precision, recall, F1 and polarity accuracy, the
// figures per PLOVER category and per direction rule, and every error with
// its kind (Report.WriteText, Report.WriteJSON). "stancemon eval" wires it.
//
// # Gold file
//
// JSON Lines, one item a line:
//
//	{"id": "a1", "text": "...", "date": "1987-03-30",
//	 "dyads": [{"source": "USA", "target": "JPN", "polarity": -1, "category": "SANCTION"}],
//	 "optional": [{"source": "JPN", "target": "USA"}]}
//
// id (a non-empty string, unique in the file), text and dyads ([] for none)
// are required. date (YYYY-MM-DD or RFC 3339) becomes the article's
// PublishedAt, so that officials resolve to the state they served at that
// date. A dyad's category is a PLOVER name as in docs/annotation.md;
// REQUEST is the scorer's DEMAND and ACCUSE its DISAPPROVE. optional lists
// pairs the annotators disputed: predicting one is neither a true nor a false
// positive. Other fields (note, half, stratum, ...) are ignored. A pair
// given twice in one item counts once, with its last polarity and category.
//
// # Counting
//
// Only state-to-state dyads count: a prediction counts when its SourceKind
// and TargetKind are stance.KindState; gold codes are taken as states. A
// predicted pair that is a gold pair is a true positive (TP), whatever its
// sign; polarity accuracy is the share of TPs with the gold sign. A predicted
// pair neither in the gold dyads nor optional is a false positive (FP); a
// gold pair not predicted is a false negative (FN).
//
// Per gold category (gold dyads that have one): the number of gold dyads,
// how many were predicted (recall) and how many of those with the same
// category (the scorer's INVESTIGATE counts as DISAPPROVE here, as the
// annotation guide folds investigations into ACCUSE). Per predicted category
// (the dyad's Category) and per direction rule (the Rule of its strongest
// evidence, Evidence[0]): the predictions other than optional pairs, TP, FP
// and precision.
//
// Split "first" keeps the first half of the items in file order (n/2 items,
// rounded down), "second" the rest; the dev set is tuned on the first half
// and reported on the second.
//
// # Error kinds
//
// Every miss, false dyad and wrong sign gets exactly one kind; the first
// rule that applies wins. For a missed gold pair S->T:
//
//   - no-actor: S or T is not among the actors the scorer found in the item
//     (Result.Actors);
//   - wrong-direction: T->S was predicted and is not itself a gold pair;
//   - no-cue: the scorer reported no evidence with a cue for any pair of the
//     item, states or organisations. Result does not list cues that linked
//     nothing, so a cue found but attached to no pair counts here too;
//   - not-linked: otherwise: the actors were found and some pair of the item
//     has cue evidence, but not S->T.
//
// For a false dyad S->T:
//
//   - wrong-direction: T->S is a gold pair and was not predicted;
//   - modality: the strongest evidence sentence (Evidence[0]) is a
//     question, or a modality marker starts before its last cue: a
//     condition (if, unless, whether), a hypothetical (would, could, might,
//     may, should), a request of a third party (urged, asked, appealed,
//     requested, called on, called for), a hope or expectation (hoped,
//     expected, likely, possible, speculation) or a denial (denied, rejected
//     claims, dismissed reports). It is a lexical test: the marker shows the
//     act may not be reported as real, not that this is why the gold left it
//     out;
//   - wrong-pair: otherwise: both codes are in the gold dyads of the item but
//     not as this pair, or at least one is not (the detail says which).
//
// A gold pair predicted with the other sign is of kind polarity.
package eval
