package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stancemon/stancemon/stance/internal/words"
)

// categoryInfo is a scorer category, its sign and the weight of its
// generated cues.
type categoryInfo struct {
	name   string
	sign   int
	weight float64
}

// categories are the scorer's categories (stance/api.go) in the order of
// data/cues.yaml. Generated weights follow the intensity of the PLOVER
// conflict-cooperation scores (PLOVER_MANUAL.tex, tab:ploverscores), with
// ASSAULT strongest, and stay below the weights of the hand entries of the
// same category (most of which are 0.4 to 0.7): a generated cue is a
// looser guess than a hand one.
var categories = []categoryInfo{
	{"AGREE", 1, 0.30},
	{"CONSULT", 1, 0.25},
	{"SUPPORT", 1, 0.35},
	{"CONCEDE", 1, 0.30},
	{"COOPERATE", 1, 0.35},
	{"AID", 1, 0.40},
	{"RETREAT", 1, 0.30},
	{"INVESTIGATE", 1, 0.15},
	{"DEMAND", -1, 0.25},
	{"DISAPPROVE", -1, 0.30},
	{"REJECT", -1, 0.30},
	{"THREATEN", -1, 0.35},
	{"SANCTION", -1, 0.35},
	{"PROTEST", -1, 0.35},
	{"MOBILIZE", -1, 0.30},
	{"COERCE", -1, 0.40},
	{"ASSAULT", -1, 0.45},
}

// categoryByName returns the category called name.
func categoryByName(name string) (categoryInfo, bool) {
	for _, c := range categories {
		if c.name == name {
			return c, true
		}
	}
	return categoryInfo{}, false
}

// override replaces the crosswalk's mapping of one CAMEO code.
type override struct {
	category, mode string
	why            string
}

// codeOverrides are the CAMEO codes whose crosswalk mapping the scorer does
// not follow, with the reason.
var codeOverrides = map[string]override{
	"163":  {"SANCTION", "discontinue", "the PLOVER codebook codes international sanctions as SANCTION discontinue (tab:sanctionmode), as the hand lexicon does; the 2021 crosswalk says COERCE restrict"},
	"085":  {"CONCEDE", "", "lifting sanctions or an embargo is CONCEDE in the hand lexicon; the crosswalk says RETREAT ease, a mode it has since dropped"},
	"0813": {"CONCEDE", "", "the PLOVER codebook names removing curfews as CONCEDE (section CONCEDE); the crosswalk says RETREAT"},
	"0814": {"CONCEDE", "", "easing a state of emergency is a concession like easing a curfew (PLOVER codebook, section CONCEDE); the crosswalk says RETREAT"},
}

// genericVerbs are verbs that say nothing about stance on their own: a cue
// of the verb alone, or of the verb and a preposition ("go to", "come
// from"), would fire in most sentences. Their phrases with an object stay
// ("give aid", "send troops", "take hostage").
var genericVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		be have do say tell go come get make take give put set keep let see look
		seem hold bring carry send move run turn leave call ask use find show try
		work play stand stay start end open close return reach raise enter follow
		pass meet face serve benefit consider hear learn think intend mean plan
		prepare offer influence affect impact link bind attach connect merge
		combine enact establish found constitute boost increase expand enhance
		deepen escalate exaggerate amplify facilitate improve ease better allocate
		assign enlist enroll import purchase buy pay fund finance trade deal
		express state report announce note declare observe watch view notice
		allow approve clear pass permit enable authorize authorise
		engage die beat break best master match hit pit struggle cross mark
		lead head direct control manage handle command conduct order rule steer
		address administer govern oversee regulate supervise
		arm equip stock furnish gear render tender outfit attire
		desire hope want need press push campaign bid
		appear circle ring surround contain hold restrict withhold
		approach arrive assemble gather join unite cable contact encounter
		introduce invite notify apprise
		bless encourage favor favour prefer respect reward honor honour
		celebrate toast clap greet admire commemorate
		protect shield guard defend tend ward shelter
		free release liberate
		cry grieve lament mourn wail weep whine regret doubt suspect distrust
		compound harm hurt damage crack tear spoil injure wound
		fire blow blast
		aim decide determine expect signal vote strive revive dock communicate
		debate bargain abandon submit yield monitor search spy decree dismiss
		mock delay object disturb march parade bar exclude extract kick slap
		wrestle whip stabilise stabilize intervene abuse breach broker
	`) {
		genericVerbs[w] = true
	}
}

// exclusions are generated entries left out on purpose, by their words
// (first forms, one space apart), with the reason.
var exclusions = map[string]string{}

func init() {
	for reason, keys := range map[string]string{
		// Test sentences the generated entry got wrong.
		"abstaining in a vote is no concession to the body that votes (wire_test \"abstained\")":                                                        `abstain`,
		"sending troops is as often war as aid, and a refusal to send them is no stance (wire_test \"will not send troops\"): hand entries in MOBILIZE": `send army|send military|send soldiers|send troops|deliver army|deliver military|deliver soldiers|deliver troops|give army|give military|give soldiers|give troops`,
		"withdrawing forces is RETREAT in the hand lexicon (wire_test \"pulled out of\"); CAMEO 166 means peacekeepers and observers":                   `withdraw forces|remove army|remove military|remove soldiers|remove troops`,
		// The CAMEO pattern's code does not fit the phrase on its own.
		"funding or joining a war is no aid to its target":             `finance attack|fund fight|fund fighting|fund hostilities|fund war|join fight|join fighting|join hostilities|join war`,
		"a deployment is no aid to the place it goes to":               `begin deployment of army|begin deployment of military|begin deployment of soldiers|begin deployment of troops|order deployment of army|order deployment of military|order deployment of soldiers|order deployment of troops|begin military in`,
		"raising concerns is criticism, not consultation":              `raise concerns`,
		"domestic appointments and politics, no stance between actors": `sign law|impose law|appoint as minister|appoint minister|pick minister|win parliament|form company|form group|elect to head|present cabinet|promote to cabinet|pull out of government|force minister out|grant economy|acknowledge forces|restore order`,
		"the pattern's object or code is garbled out of context":       `offer car|export cars to|pelt cars|base diplomat|order diplomat to close|struggle for access|identify prisoner|weaken by resignation|exercise countries|grapple with warning|propose government|propose defence|propose defense|set rift|return to market|decree allow|announce plan|call to press|move block|rule against banning|sign army|sign military|sign soldiers|sign troops|sign export|exercise army|exercise military|exercise soldiers|exercise troops|take exercises|join with army|join with military|join with soldiers|join with troops|boost defence|boost defense|postpone payment|prepare asylum|prepare refuge|prepare sanctuary|reinforce force|sign over dollar|sign over euro|hear report|prepare report|approve claim|declare state|enforce ceasefire|enforce truce|issue statement for|repeat that|want assets|compensate|disappoint by promises|suspect of cooperation|issue statement|declare accord|declare agreement|declare pact|declare treaty|make concession|shelve plan to withdraw|throw off deal|drop call for meeting|drop plan|apply to court|consider army|consider military|consider soldiers|consider troops|submit evidence|weigh aid|cast over meeting of|disagree on ceasefire|disagree on truce|disband|fail meeting|order to close|pursue rapprochement|trash visit|guard by army|guard by military|guard by soldiers|guard by troops|hit target|launch plan|report force|appear in court|declare closed|force police|maintain forces|order permission|identify hostage|make stop in|plan stop in|submit force|call for halt|offer pounds`,
	} {
		for _, k := range strings.Split(keys, "|") {
			exclusions[k] = reason
		}
	}
}

// maxWords is the most words a generated cue has, verb included.
const maxWords = 4

// setCore lists, for the noun sets whose members the patterns use as
// objects, the members wire news uses. The sets are WordNet synonym sets
// ("&FOOD": aliment, commissariat, nutriment, ...); expanding them whole
// would add hundreds of phrases no news text contains. A set not listed
// here stands for its first member ("&CURRENCY" -> money).
var setCore = map[string][]string{
	"AIRCRAFT":      {"aircraft", "warplane", "helicopter", "jet", "drone"},
	"ASYLUM":        {"asylum", "refuge", "sanctuary"},
	"CAR":           {"car", "vehicle", "truck"},
	"CEASEFIRE":     {"ceasefire", "truce", "armistice"},
	"CRIME":         {"crime", "violation", "wrongdoing"},
	"CURRENCY":      {"money", "cash", "dollar", "euro"},
	"DEFENSE":       {"defense", "defence"},
	"DETENTION":     {"detention", "jail", "prison", "custody"},
	"DISPUTE":       {"dispute", "conflict", "disagreement"},
	"EVIDENCE":      {"evidence", "proof"},
	"FIGHT":         {"war", "fight", "fighting", "battle", "hostilities"},
	"HOSTAGE":       {"hostage", "prisoner", "captive"},
	"INFORMATION":   {"information", "intelligence"},
	"INVESTIGATION": {"investigation", "inquiry", "probe"},
	"MEDIATION":     {"mediation", "arbitration"},
	"MILITARY":      {"troops", "soldiers", "army", "military"},
	"NEGOTIATION":   {"negotiation", "dialogue", "discussion"},
	"OPPOSITION":    {"opposition", "enemy", "rival"},
	"PEOPLE":        {"people", "civilians", "citizens"},
	"PKO":           {"peacekeeping", "peacekeeper"},
	"REFUGEE":       {"refugee", "exile"},
	"SECURITY":      {"security", "protection"},
	"SOLUTION":      {"solution", "resolution"},
	"TOWN":          {"town", "city", "village"},
	"TREATY":        {"treaty", "pact", "accord", "agreement"},
	"WEAPON":        {"weapon", "missile", "rocket"},
}

// candidate is one cue proposed by one dictionary line.
type candidate struct {
	words    [][]string // per word: its forms, the lemma first
	category string
	mode     string
	code     string // the CAMEO code as written
	via      string // the crosswalk code used, if not the code itself
	sym      bool   // the code is the same in both directions ("[040:040]")
	line     int    // dictionary line
	cwLine   int    // crosswalk line
	override string // why the crosswalk mapping was overridden, if it was
}

// key returns the words of c, first forms only, one space apart.
func (c *candidate) key() string {
	ws := make([]string, len(c.words))
	for i, w := range c.words {
		ws[i] = w[0]
	}
	return strings.Join(ws, " ")
}

// entry is one generated cue.
type entry struct {
	words    [][]string
	category string
	mode     string
	weight   float64
	sym      bool
	sources  []*candidate // the winning category's candidates, in line order
}

// key returns the words of e, first forms only, one space apart.
func (e *entry) key() string { return (&candidate{words: e.words}).key() }

// text returns the cue entry as written in the lexicon.
func (e *entry) text() string {
	var b strings.Builder
	for i, w := range e.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Join(w, "|"))
	}
	fmt.Fprintf(&b, " %.2f verb", e.weight)
	if e.sym {
		b.WriteString(" sym")
	}
	if e.loc() {
		b.WriteString(" loc")
	}
	if e.mode != "" {
		b.WriteString(" " + modePrefix + e.mode)
	}
	return b.String()
}

// loc reports whether a place right after the cue is its target, as for
// the hand entries of the same kind: violence and protest happen at a place
// ("rioted outside the US embassy", "massacred villagers in Rwanda"), and an
// embassy is closed in a country ("closed its embassy in Georgia").
func (e *entry) loc() bool {
	last := e.words[len(e.words)-1][0]
	return e.category == "ASSAULT" || e.category == "PROTEST" || last == "embassy" || last == "consulate"
}

// source renders where a candidate came from.
func (c *candidate) source(dictName, cwName string) string {
	code := c.code
	if c.via != "" && c.via != c.code {
		code += " (as " + c.via + ")"
	}
	mode := c.mode
	if mode == "" {
		mode = "-"
	}
	s := fmt.Sprintf("%s:%d code %s -> %s mode %s (%s:%d)", dictName, c.line, code, c.category, mode, cwName, c.cwLine)
	if c.override != "" {
		s = fmt.Sprintf("%s:%d code %s -> %s mode %s (override: %s)", dictName, c.line, code, c.category, mode, c.override)
	}
	return s
}

// result is the outcome of a build: the entries and what was skipped.
type result struct {
	entries []*entry
	skipped map[string]int // reason -> count
	// modifiers counts the phrases whose noun modifiers were dropped.
	modifiers int
	// examples holds up to three skipped items per reason.
	examples map[string][]string
}

// skip records one skipped item.
func (r *result) skip(reason, example string) {
	r.skipped[reason]++
	if len(r.examples[reason]) < 3 {
		r.examples[reason] = append(r.examples[reason], example)
	}
}

// build turns the dictionary and the crosswalk into cue entries, given the
// hand lexicon they lie beneath.
func build(d *dictionary, cw *crosswalk, h *handLexicon) *result {
	r := &result{skipped: map[string]int{}, examples: map[string][]string{}}
	var cands []*candidate
	for _, b := range d.blocks {
		for _, v := range b.verbs {
			cands = append(cands, r.verbCandidates(b, v, cw)...)
		}
		for _, p := range b.patterns {
			cands = append(cands, r.patternCandidates(d, b, p, cw)...)
		}
	}
	r.entries = r.prune(r.merge(cands), h)
	return r
}

// prune drops the entries that would hurt under the hand lexicon or add
// nothing: single verbs the hand lexicon lists as function words ("offer"
// is a light verb: "offered talks" is CONSULT), phrases that contain a hand
// cue of their sign, which they would replace by weaker evidence ("provide
// humanitarian aid", "condemn attack"), and phrases that contain a
// generated single verb of their category ("torture prisoner").
func (r *result) prune(entries []*entry, h *handLexicon) []*entry {
	singles := map[string]map[string]bool{}
	for _, e := range entries {
		if len(e.words) == 1 && !h.function[e.words[0][0]] {
			for f := range formSet(e.words[0]) {
				if singles[f] == nil {
					singles[f] = map[string]bool{}
				}
				singles[f][e.category] = true
			}
		}
	}
	var out []*entry
	for _, e := range entries {
		ci, _ := categoryByName(e.category)
		if len(e.words) == 1 {
			if h.function[e.words[0][0]] {
				r.skip("a function word of the hand lexicon (light, speech, request verb, ...)", e.key())
				continue
			}
			out = append(out, e)
			continue
		}
		if w, ok := unknownWord(e.words[1:], h); ok {
			r.skip("a word after the verb that the hand lexicon does not know", fmt.Sprintf("%s (%s)", e.key(), w))
			continue
		}
		if ci.sign > 0 && h.forms[e.words[0][0]][-1] {
			r.skip("positive phrase of a hand conflict verb (\"denounce detention\": the scorer aims the verb through its object itself)", e.key())
			continue
		}
		if w, ok := h.swallows(e.words, ci.sign); ok {
			r.skip("phrase contains a hand cue of its sign", fmt.Sprintf("%s (%s)", e.key(), w))
			continue
		}
		if w, ok := containsSingle(e.words, singles, e.category); ok {
			r.skip("phrase contains a generated single verb of its category", fmt.Sprintf("%s (%s)", e.key(), w))
			continue
		}
		out = append(out, e)
	}
	return out
}

// unknownWord returns the first word of ws that is neither a word of the
// hand lexicon nor in newWords. Every word of a cue becomes a cue word for
// the scorer, in every sentence; the scorer's rules about unknown words
// ("Representatives from Brazil" are people from Brazil, "lift the trade
// sanctions" skips "trade", "a bitter border dispute" makes "dispute" a
// noun) would no longer see it as unknown. So the words after a generated
// verb are limited to those the hand lexicon already knows and a few
// vetted object nouns.
func unknownWord(ws [][]string, h *handLexicon) (string, bool) {
	for _, w := range ws {
		if !h.known[w[0]] && newWords[w[0]] == "" {
			return w[0], true
		}
	}
	return "", false
}

// newWords are the object nouns generated phrases may add to the scorer's
// cue words, with why they are safe: nouns that rarely stand before another
// noun and name no people ("representatives from").
var newWords = map[string]string{
	"asylum":    "grant asylum; not a modifier in wire news",
	"refuge":    "grant refuge",
	"sanctuary": "grant sanctuary",
	"curfew":    "impose or lift a curfew",
	"hostage":   "take hostages, free hostages",
	"embassy":   "close an embassy, storm an embassy",
	"consulate": "close a consulate",
}

// containsSingle reports whether a word of a phrase is a single-word cue
// of the given category, and which.
func containsSingle(words [][]string, singles map[string]map[string]bool, cat string) (string, bool) {
	for _, w := range words {
		if singles[w[0]][cat] {
			return w[0], true
		}
	}
	return "", false
}

// mapCode maps a pattern or verb code through the crosswalk. It returns
// false, after recording why, if the code gives no cue.
func (r *result) mapCode(c code, line int, what string, cw *crosswalk) (*candidate, bool) {
	where := fmt.Sprintf("line %d %s", line, what)
	switch {
	case !c.set || c.src == "" && c.tgt == "":
		r.skip("no code ([---] or none)", where)
		return nil, false
	case c.src == "":
		r.skip("code for the target's act only ([:code])", where)
		return nil, false
	}
	cand := &candidate{code: c.String(), sym: c.tgt != "" && c.tgt == c.src, line: line}
	if o, ok := codeOverrides[c.src]; ok {
		cand.category, cand.mode, cand.override = o.category, o.mode, o.why
		return cand, true
	}
	pc, via, ok := cw.lookup(c.src)
	if !ok {
		r.skip("code not in the crosswalk (CAMEO 01 statements, 02 appeals)", where+" ["+c.String()+"]")
		return nil, false
	}
	cand.category, cand.mode, cand.via, cand.cwLine = pc.category, pc.mode, via, pc.line
	return cand, true
}

// verbCandidates proposes the verb alone, if it has a code: its own, or
// the block's if it is the block's own verb. Other synonyms of a block are
// WordNet synonym sets, too loose to inherit the block's code.
func (r *result) verbCandidates(b *block, v *verb, cw *crosswalk) []*candidate {
	c := v.code
	if !c.set {
		if v.key != b.name {
			r.skip("synonym without a code of its own (the block's code fits only its own verb)", fmt.Sprintf("line %d %s in %s", v.line, v.key, b.name))
			return nil
		}
		c = b.code
	}
	cand, ok := r.mapCode(c, v.line, v.key, cw)
	if !ok {
		return nil
	}
	words, why := verbForms(v)
	if why != "" {
		r.skip(why, fmt.Sprintf("line %d %s", v.line, v.key))
		return nil
	}
	if len(words) == 1 && genericVerbs[words[0][0]] {
		r.skip("generic verb alone", fmt.Sprintf("line %d %s", v.line, v.key))
		return nil
	}
	cand.words = words
	return []*candidate{cand}
}

// verbForms returns the forms of each word of a verb: the lemma, then the
// irregular forms the dictionary lists that regular inflection does not
// give. It returns a reason if the verb cannot be a cue.
func verbForms(v *verb) ([][]string, string) {
	words := make([][]string, len(v.words))
	for i, w := range v.words {
		if !plainWord(w) {
			return nil, "word with digits or punctuation"
		}
		if w == "and" || w == "or" {
			return nil, "coordination fragment (\"killed and\")"
		}
		words[i] = []string{w}
		for _, f := range v.forms {
			if f[i] != w && plainWord(f[i]) && !regular(w, f[i]) && !contains(words[i], f[i]) {
				words[i] = append(words[i], f[i])
			}
		}
	}
	return words, ""
}

// patternCandidates proposes the phrases of a pattern, for each verb its
// comment names.
func (r *result) patternCandidates(d *dictionary, b *block, p *pattern, cw *crosswalk) []*candidate {
	where := fmt.Sprintf("line %d - %s", p.line, p.text)
	base, ok := r.mapCode(p.code, p.line, "- "+p.text, cw)
	if !ok {
		return nil
	}
	for _, it := range p.pre {
		if it.kind != itSource {
			r.skip("words before the verb (a subject constraint)", where)
			return nil
		}
	}
	var verbs []*verb
	for _, name := range p.verbs {
		for _, v := range b.verbs {
			if v.key == name && !containsVerb(verbs, v) {
				verbs = append(verbs, v)
			}
		}
	}
	if len(verbs) == 0 {
		if len(b.verbs) != 1 {
			r.skip("comment names no verb of its block", where)
			return nil
		}
		verbs = b.verbs
	}
	objs, why := expand(d, p.post)
	if why != "" {
		r.skip(why, where)
		return nil
	}
	var out []*candidate
	for _, v := range verbs {
		vw, why := verbForms(v)
		if why != "" {
			r.skip(why, where)
			continue
		}
		for _, obj := range objs {
			if head := headsOnly(obj); len(head) < len(obj) {
				r.modifiers++
				obj = head
			}
			switch {
			case len(vw)+len(obj) > maxWords:
				r.skip(fmt.Sprintf("longer than %d words", maxWords), where)
				continue
			case len(obj) == 0 && len(vw) == 1 && genericVerbs[vw[0][0]]:
				r.skip("generic verb alone", where)
				continue
			case len(obj) > 0 && allFunctionWords(obj):
				r.skip("verb with only a preposition or particle: the verb alone decides", where)
				continue
			case anyFlagName(obj):
				r.skip("a word that is a cue flag name (\"from\") in the lexicon syntax", where)
				continue
			}
			c := *base
			c.words = append([][]string(nil), vw...)
			for _, w := range obj {
				c.words = append(c.words, []string{w})
			}
			out = append(out, &c)
		}
	}
	return out
}

// headsOnly drops the modifiers of the nouns of a phrase: of consecutive
// content words only the last, the head, stays ("{HUMANITARIAN AID}" ->
// "aid", "(OF {BANNED PARTIES})" -> "of parties"). The scorer matches a
// phrase across up to two unknown words, so "send aid" still matches "sent
// humanitarian aid"; a modifier in a phrase would make that word a cue word
// everywhere, and other phrases could no longer skip it ("restored
// diplomatic relations").
func headsOnly(ws []string) []string {
	var out []string
	for i, w := range ws {
		if !functionWords[w] && i+1 < len(ws) && !functionWords[ws[i+1]] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// expand returns the word sequences the items after a pattern's verb stand
// for, or a reason if they give no usable cue. A noun set that is the last
// word (the object: "send &MILITARY") expands to its core members
// (setCore); a noun set before another word is a modifier and stands for its
// first member ("{&MILITARY AID}" -> "military aid").
func expand(d *dictionary, items []item) ([][]string, string) {
	last := -1
	for k, it := range items {
		if it.kind == itWord || it.kind == itSet {
			last = k
		}
	}
	seqs := [][]string{nil}
	for k, it := range items {
		switch it.kind {
		case itOpen, itClose:
		case itCompound:
			return nil, "compound actor (%)"
		case itSource, itTarget, itSkip:
			if k < last {
				return nil, "actor or noun phrase between the words (the scorer's phrases cannot skip an actor)"
			}
		case itWord:
			if !plainWord(it.text) {
				return nil, "word with digits or punctuation"
			}
			for i := range seqs {
				seqs[i] = append(seqs[i], it.text)
			}
		case itSet:
			s, ok := d.sets[it.text]
			if !ok {
				return nil, "unknown noun set"
			}
			members := s.core()
			if k < last || len(members) == 0 {
				members = nil
				if len(s.members) > 0 && allPlain(s.members[0].words) {
					members = [][]string{s.members[0].words}
				}
			}
			if len(members) == 0 {
				return nil, "noun set without usable members"
			}
			var next [][]string
			for _, sq := range seqs {
				for _, m := range members {
					next = append(next, append(append([]string(nil), sq...), m...))
				}
			}
			seqs = next
		}
	}
	return seqs, ""
}

// core returns the members of s listed in setCore, as one-word phrases.
func (s *nounSet) core() [][]string {
	var out [][]string
	for _, w := range setCore[s.name] {
		for _, m := range s.members {
			if len(m.words) == 1 && m.words[0] == w {
				out = append(out, m.words)
				break
			}
		}
	}
	return out
}

// merge groups candidates by their words and decides each entry's
// category: the most frequent one, the first in the dictionary on a tie.
// Words whose candidates disagree on the sign are dropped.
func (r *result) merge(cands []*candidate) []*entry {
	byKey := map[string][]*candidate{}
	var keys []string
	for _, c := range cands {
		k := c.key()
		if _, seen := byKey[k]; !seen {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], c)
	}
	// A plural phrase joins its singular ("lift sanctions" -> "lift
	// sanction"): the scorer matches inflected forms.
	for _, k := range keys {
		if sing, ok := singularKey(k); ok && byKey[sing] != nil && k != sing {
			byKey[sing] = append(byKey[sing], byKey[k]...)
			delete(byKey, k)
		}
	}
	var out []*entry
	for _, k := range keys {
		cs := byKey[k]
		if cs == nil {
			continue
		}
		if why, ok := exclusions[k]; ok {
			r.skip("excluded: "+why, k)
			continue
		}
		signs := map[int]bool{}
		count := map[string]int{}
		for _, c := range cs {
			ci, _ := categoryByName(c.category)
			signs[ci.sign] = true
			count[c.category]++
		}
		if len(signs) > 1 {
			r.skip("dictionary lines disagree on the sign", fmt.Sprintf("%s (%s)", k, categoryList(cs)))
			continue
		}
		best := cs[0].category
		for _, c := range cs {
			if count[c.category] > count[best] {
				best = c.category
			}
		}
		ci, _ := categoryByName(best)
		e := &entry{words: cs[0].words, category: best, weight: ci.weight}
		for _, c := range cs {
			if c.category != best {
				continue
			}
			if e.sources == nil {
				e.mode = c.mode
			}
			e.sources = append(e.sources, c)
			e.sym = e.sym || c.sym
			e.words = mergeForms(e.words, c.words)
		}
		sort.SliceStable(e.sources, func(i, j int) bool { return e.sources[i].line < e.sources[j].line })
		out = append(out, e)
	}
	order := map[string]int{}
	for i, c := range categories {
		order[c.name] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].category != out[j].category {
			return order[out[i].category] < order[out[j].category]
		}
		return out[i].key() < out[j].key()
	})
	return out
}

// mergeForms adds the forms of b to a, word by word (same lemmas).
func mergeForms(a, b [][]string) [][]string {
	if len(a) != len(b) {
		return a
	}
	out := make([][]string, len(a))
	for i := range a {
		out[i] = append([]string(nil), a[i]...)
		for _, f := range b[i] {
			if !contains(out[i], f) && !regular(out[i][0], f) {
				out[i] = append(out[i], f)
			}
		}
	}
	return out
}

// categoryList renders the categories of candidates with their lines.
func categoryList(cs []*candidate) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s line %d", c.category, c.line)
	}
	return strings.Join(parts, ", ")
}

// singularKey returns the key with a plural last word made singular
// ("sanctions" -> "sanction", "supplies" -> "supply").
func singularKey(k string) (string, bool) {
	i := strings.LastIndexByte(k, ' ')
	if i < 0 {
		return "", false
	}
	w := k[i+1:]
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return k[:i+1] + w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return k[:i+1] + w[:len(w)-1], true
	}
	return "", false
}

// functionWords are prepositions and particles: a phrase of a verb and
// these alone is the verb itself.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`about above across after against along among around as at
		before behind below beneath beside between beyond by down during for from in inside into
		near of off on onto out outside over past since through to toward towards under until up
		upon with within without back away forth together`) {
		functionWords[w] = true
	}
}

// allFunctionWords reports whether every word of ws is a preposition or
// particle (true for none).
func allFunctionWords(ws []string) bool {
	for _, w := range ws {
		if !functionWords[w] {
			return false
		}
	}
	return true
}

// anyFlagName reports whether a word of ws is a flag name of the cue
// entry syntax, which the scorer would read as a flag.
func anyFlagName(ws []string) bool {
	for _, w := range ws {
		if cueFlagNames[w] {
			return true
		}
	}
	return false
}

// cueFlagNames are the flag names of the cue entry syntax
// (stance.cueFlagNames).
var cueFlagNames = map[string]bool{
	"sym": true, "noun": true, "verb": true, "loc": true, "from": true,
	"obj": true, "intent": true, "governs": true,
}

// plainWord reports whether w is lower-case ASCII letters only, which the
// scorer's tokenizer keeps as one word.
func plainWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// allPlain reports whether every word of ws is a plain word.
func allPlain(ws []string) bool {
	for _, w := range ws {
		if !plainWord(w) {
			return false
		}
	}
	return true
}

// contains reports whether ss contains s.
func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// containsVerb reports whether vs contains v.
func containsVerb(vs []*verb, v *verb) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// regular reports whether form is a regular inflection of w, which the
// scorer derives itself (stance.inflections: -s, -es, -ies, -ed, -d, -ied,
// -ing, with a doubled final consonant).
func regular(w, form string) bool {
	for _, f := range words.Inflections(w) {
		if f == form {
			return true
		}
	}
	return false
}
