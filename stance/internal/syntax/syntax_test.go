package syntax

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// newTestParser returns a parser, failing the test if the model does not load.
func newTestParser(tb testing.TB) *Parser {
	tb.Helper()
	p, err := NewParser()
	if err != nil {
		tb.Fatalf("NewParser: %v", err)
	}
	return p
}

// tokenize splits text as the scorer does: runs of letters and digits (with
// inner dots and apostrophes: "U.S.", "didn't"), "'s" on its own, and every
// other mark as one token; spaced[i] tells whether space precedes token i.
func tokenize(text string) (toks []string, spaced []bool) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	space := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == ' ':
			space = true
			i += size
			continue
		case r == '\'' && strings.HasPrefix(text[i:], "'s") && (i+2 == len(text) || !isWord(rune(text[i+2]))):
			toks, spaced = append(toks, "'s"), append(spaced, space)
			i += 2
		case !isWord(r):
			toks, spaced = append(toks, text[i:i+size]), append(spaced, space)
			i += size
		default:
			j := i + size
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWord(r2) {
					j += n2
					continue
				}
				if (r2 == '.' || r2 == '\'' || r2 == ',' && unicode.IsDigit(r) && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') &&
					j+1 < len(text) && isWord(rune(text[j+1])) &&
					!(r2 == '\'' && text[j+1] == 's' && (j+2 == len(text) || !isWord(rune(text[j+2])))) {
					j += 2
					continue
				}
				break
			}
			if j < len(text) && text[j] == '.' && j-2 >= i && text[j-2] == '.' {
				j++ // "U.S."
			}
			toks, spaced = append(toks, text[i:j]), append(spaced, space)
			i = j
		}
		space = false
	}
	return toks, spaced
}

// verbWant is what a test expects of one verb group.
type verbWant struct {
	verb   string // a word of the group, "said#2" for the second "said"
	subj   string // subject text, "" for none
	objs   string // objects as "NP:x|PP:with y", "-" for none, "" unchecked
	agent  string // agent text, "" for none
	clause ClauseKind
	has    VGFlags // flags that must be set
	not    VGFlags // flags that must not be set
}

// findToken returns the index of word w ("said#2": the second "said").
func findToken(toks []string, w string) int {
	n := 1
	if i := strings.LastIndexByte(w, '#'); i > 0 {
		fmt.Sscan(w[i+1:], &n)
		w = w[:i]
	}
	for i, t := range toks {
		if t == w {
			n--
			if n == 0 {
				return i
			}
		}
	}
	return -1
}

func objectsText(s *Sentence, v VG) string {
	var parts []string
	for _, o := range s.Objects(v) {
		parts = append(parts, o.Kind.String()+":"+s.Text(o.Span))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "|")
}

func clauseKinds(s *Sentence) string {
	var kinds []string
	for _, c := range s.Clauses() {
		kinds = append(kinds, c.Kind.String())
	}
	return strings.Join(kinds, " ")
}

var parseTests = []struct {
	name    string
	text    string
	clauses string // kinds of Clauses() in order, "" unchecked
	verbs   []verbWant
}{
	// Noun phrases, titles, coordination.
	{"title and name", "Japanese Prime Minister Yasuhiro Nakasone said Japan would not send troops to the Gulf.", "main complement", []verbWant{
		{verb: "said", subj: "Japanese Prime Minister Yasuhiro Nakasone", objs: "-", clause: MainClause},
		{verb: "send", subj: "Japan", objs: "NP:troops|PP:to the Gulf", clause: ComplementClause, has: Modal | Hypothetical | Negated},
	}},
	{"title with of", "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing.", "main", []verbWant{
		{verb: "met", subj: "U.S. Secretary of State Antony Blinken", objs: "NP:Chinese Foreign Minister Wang Yi|PP:in Beijing"},
	}},
	{"possessive title", "Syria's President Bashar al-Assad thanked Russia for its support.", "main", []verbWant{
		{verb: "thanked", subj: "Syria 's President Bashar al - Assad", objs: "NP:Russia|PP:for its support"},
	}},
	{"coordinated subject", "Japan and South Korea agreed to deepen security cooperation with the United States.", "main", []verbWant{
		{verb: "agreed", subj: "Japan and South Korea", objs: "-"},
		{verb: "deepen", subj: "Japan and South Korea", objs: "NP:security cooperation|PP:with the United States", has: Infinitive},
	}},
	{"list subject", "Egypt, Jordan and Saudi Arabia condemned the Israeli raid.", "main", []verbWant{
		{verb: "condemned", subj: "Egypt , Jordan and Saudi Arabia", objs: "NP:the Israeli raid"},
	}},
	{"neither nor", "Neither Egypt nor Jordan criticised Israel.", "main", []verbWant{
		{verb: "criticised", subj: "Neither Egypt nor Jordan", objs: "NP:Israel", has: NegSubject, not: Negated},
	}},
	{"coordinated object in PP", "Brazil threatened to cut ties with Bolivia and Paraguay over their votes.", "main", []verbWant{
		{verb: "threatened", subj: "Brazil", objs: "-"},
		{verb: "cut", subj: "Brazil", objs: "NP:ties|PP:with Bolivia and Paraguay|PP:over their votes", has: Infinitive},
	}},
	{"between X and Y", "The talks between Israel and Hamas collapsed.", "main", []verbWant{
		{verb: "collapsed", subj: "The talks", objs: "-"},
	}},
	{"clause coordination", "Israel attacked Gaza and Egypt condemned the strikes.", "main", []verbWant{
		{verb: "attacked", subj: "Israel", objs: "NP:Gaza"},
		{verb: "condemned", subj: "Egypt", objs: "NP:the strikes"},
	}},
	{"verb coordination", "Russia invaded Ukraine and annexed Crimea.", "main", []verbWant{
		{verb: "invaded", subj: "Russia", objs: "NP:Ukraine"},
		{verb: "annexed", subj: "Russia", objs: "NP:Crimea"},
	}},

	// Verb groups: adverbs, negation, modality, voice.
	{"adverbs in the verb group", "Chile has once again flatly rejected a Peruvian proposal.", "main", []verbWant{
		{verb: "rejected", subj: "Chile", objs: "NP:a Peruvian proposal", has: Perfect | Finite, not: Passive | Negated},
	}},
	{"time between subject and verb", "Israel on Wednesday released 20 Palestinian prisoners.", "main", []verbWant{
		{verb: "released", subj: "Israel", objs: "NP:20 Palestinian prisoners", has: Past},
	}},
	{"fronted time", "Last week, Israel struck targets in Syria.", "main", []verbWant{
		{verb: "struck", subj: "Israel", objs: "NP:targets|PP:in Syria"},
	}},
	{"negated contraction", "The United States didn't criticise Israel.", "main", []verbWant{
		{verb: "criticise", subj: "The United States", objs: "NP:Israel", has: Negated | Past},
	}},
	{"never", "China never recognised the tribunal.", "main", []verbWant{
		{verb: "recognised", subj: "China", objs: "NP:the tribunal", has: Negated},
	}},
	{"cannot", "Moscow cannot accept NATO expansion.", "main", []verbWant{
		{verb: "accept", subj: "Moscow", objs: "NP:NATO expansion", has: Negated | Modal, not: Hypothetical},
	}},
	{"hypothetical modal", "India could retaliate against Pakistan.", "main", []verbWant{
		{verb: "retaliate", subj: "India", objs: "PP:against Pakistan", has: Modal | Hypothetical},
	}},
	{"obligation modal", "The EU should impose sanctions on Belarus.", "main", []verbWant{
		{verb: "impose", subj: "The EU", objs: "NP:sanctions|PP:on Belarus", has: Modal, not: Hypothetical | Negated},
	}},
	{"future", "China will hold talks with Japan next month.", "main", []verbWant{
		{verb: "hold", subj: "China", objs: "NP:talks|PP:with Japan", has: Future | Modal, not: Hypothetical},
	}},
	{"passive with agent", "Japan was criticised by the United States.", "main", []verbWant{
		{verb: "criticised", subj: "Japan", objs: "-", agent: "the United States", has: Passive | Past},
	}},
	{"perfect passive with agent", "Saudi Arabia and the United Arab Emirates have been accused by Qatar of supporting terrorism.", "main subordinate", []verbWant{
		{verb: "accused", subj: "Saudi Arabia and the United Arab Emirates", agent: "Qatar", has: Passive | Perfect},
		{verb: "supporting", subj: "Saudi Arabia and the United Arab Emirates", objs: "NP:terrorism", clause: SubordinateClause},
	}},
	{"active with by", "Russia retaliated by expelling British diplomats.", "main subordinate", []verbWant{
		{verb: "retaliated", subj: "Russia", objs: "-", not: Passive},
		{verb: "expelling", subj: "Russia", objs: "NP:British diplomats"},
	}},
	{"object control", "Ukrainian President Volodymyr Zelensky urged Germany to send more tanks.", "main", []verbWant{
		{verb: "urged", subj: "Ukrainian President Volodymyr Zelensky", objs: "NP:Germany"},
		{verb: "send", subj: "Germany", objs: "NP:more tanks", has: Infinitive},
	}},
	{"prepositional gerund of the object", "Pakistan accused India of violating the ceasefire.", "main subordinate", []verbWant{
		{verb: "accused", subj: "Pakistan", objs: "NP:India"},
		{verb: "violating", subj: "India", objs: "NP:the ceasefire", clause: SubordinateClause},
	}},

	// Relative clauses, appositives, parentheticals.
	{"relative between commas", "The US, which has long backed Israel, condemned Iran.", "main relative", []verbWant{
		{verb: "backed", subj: "The US", objs: "NP:Israel", clause: RelativeClause},
		{verb: "condemned", subj: "The US", objs: "NP:Iran", clause: MainClause},
	}},
	{"who relative", "The minister, who visited Kyiv on Monday, praised Ukraine.", "main relative", []verbWant{
		{verb: "visited", subj: "The minister", objs: "NP:Kyiv", clause: RelativeClause},
		{verb: "praised", subj: "The minister", objs: "NP:Ukraine", clause: MainClause},
	}},
	{"restrictive relative", "The missiles that hit Kyiv were fired from Belarus.", "main relative", []verbWant{
		{verb: "hit", subj: "The missiles", objs: "NP:Kyiv", clause: RelativeClause},
		{verb: "fired", subj: "The missiles", objs: "PP:from Belarus", clause: MainClause, has: Passive},
	}},
	{"object relative", "Britain expelled Russian diplomats over the poisoning, which it blamed on Moscow.", "main relative", []verbWant{
		{verb: "expelled", subj: "Britain", objs: "NP:Russian diplomats|PP:over the poisoning"},
		{verb: "blamed", subj: "it", objs: "PP:on Moscow", clause: RelativeClause},
	}},
	{"relative on the object", "Russia criticised the United States, which had sent weapons to Ukraine.", "main relative", []verbWant{
		{verb: "criticised", subj: "Russia", objs: "NP:the United States"},
		{verb: "sent", subj: "the United States", objs: "NP:weapons|PP:to Ukraine", clause: RelativeClause},
	}},
	{"reduced relative", "Rebels backed by Turkey attacked Kurdish positions.", "main reduced", []verbWant{
		{verb: "backed", subj: "Rebels", objs: "-", agent: "Turkey", clause: ReducedClause, has: Passive | Participle},
		{verb: "attacked", subj: "Rebels", objs: "NP:Kurdish positions", clause: MainClause, not: Passive},
	}},
	{"reduced relative between commas", "Hamas, backed by Iran, fired rockets at Israel.", "main reduced", []verbWant{
		{verb: "backed", subj: "Hamas", agent: "Iran", clause: ReducedClause},
		{verb: "fired", subj: "Hamas", objs: "NP:rockets|PP:at Israel"},
	}},
	{"participle adjunct", "Israel struck Gaza, killing 20 people.", "main reduced", []verbWant{
		{verb: "struck", subj: "Israel", objs: "NP:Gaza"},
		{verb: "killing", subj: "Israel", objs: "NP:20 people", clause: ReducedClause},
	}},
	{"including between commas", "Turkish jets, including several F-16s, struck Kurdish positions in northern Iraq on Tuesday.", "main parenthetical", []verbWant{
		{verb: "struck", subj: "Turkish jets", objs: "NP:Kurdish positions|PP:in northern Iraq", clause: MainClause},
	}},
	{"appositive", "Vladimir Putin, Russia's president, said the sanctions would fail.", "main appositive complement", []verbWant{
		{verb: "said", subj: "Vladimir Putin", objs: "-"},
		{verb: "fail", subj: "the sanctions", clause: ComplementClause, has: Hypothetical},
	}},
	{"appositive with PP", "Sergei Lavrov, the foreign minister of Russia, met his Chinese counterpart in Beijing.", "main appositive", []verbWant{
		{verb: "met", subj: "Sergei Lavrov", objs: "NP:his Chinese counterpart|PP:in Beijing"},
	}},
	{"dashes", "Iran - which has long backed Syria - condemned the strike.", "main parenthetical relative", []verbWant{
		{verb: "backed", subj: "Iran", objs: "NP:Syria", clause: RelativeClause},
		{verb: "condemned", subj: "Iran", objs: "NP:the strike", clause: MainClause},
	}},
	{"brackets", "The United Nations (UN) criticised Israel.", "main parenthetical", []verbWant{
		{verb: "criticised", subj: "The United Nations", objs: "NP:Israel"},
	}},
	{"aside between commas", "Israel, however, rejected the plan.", "main parenthetical", []verbWant{
		{verb: "rejected", subj: "Israel", objs: "NP:the plan"},
	}},

	// Adverbial clauses.
	{"fronted subordinate", "After Russia invaded Ukraine, Poland criticised Moscow.", "main subordinate", []verbWant{
		{verb: "invaded", subj: "Russia", objs: "NP:Ukraine", clause: SubordinateClause},
		{verb: "criticised", subj: "Poland", objs: "NP:Moscow", clause: MainClause},
	}},
	{"final subordinate", "Poland criticised Moscow after Russia invaded Ukraine.", "main subordinate", []verbWant{
		{verb: "criticised", subj: "Poland", objs: "NP:Moscow", clause: MainClause},
		{verb: "invaded", subj: "Russia", objs: "NP:Ukraine", clause: SubordinateClause},
	}},
	{"after as preposition", "Poland criticised Moscow after the invasion.", "main", []verbWant{
		{verb: "criticised", subj: "Poland", objs: "NP:Moscow|PP:after the invasion"},
	}},
	{"since as preposition", "Since 2014, Russia has occupied Crimea.", "main", []verbWant{
		{verb: "occupied", subj: "Russia", objs: "NP:Crimea"},
	}},
	{"conditional", "If Iran attacks Kuwait, the United States will respond.", "main conditional", []verbWant{
		{verb: "attacks", subj: "Iran", objs: "NP:Kuwait", clause: ConditionalClause, has: Conditional | Hypothetical},
		{verb: "respond", subj: "the United States", objs: "-", clause: MainClause, has: Consequent | Hypothetical | Future},
	}},
	{"unless", "Unless Israel withdraws, Egypt will suspend the treaty.", "main conditional", []verbWant{
		{verb: "withdraws", subj: "Israel", clause: ConditionalClause, has: Conditional},
		{verb: "suspend", subj: "Egypt", objs: "NP:the treaty", has: Consequent},
	}},
	{"because", "Because Iran refused to cooperate, the IAEA censured Tehran.", "main subordinate", []verbWant{
		{verb: "refused", subj: "Iran", clause: SubordinateClause},
		{verb: "cooperate", subj: "Iran", clause: SubordinateClause, has: Infinitive},
		{verb: "censured", subj: "the IAEA", objs: "NP:Tehran", clause: MainClause, not: Hypothetical},
	}},
	{"although", "Although China opposed the resolution, Russia abstained.", "main subordinate", []verbWant{
		{verb: "opposed", subj: "China", objs: "NP:the resolution", clause: SubordinateClause},
		{verb: "abstained", subj: "Russia", objs: "-", clause: MainClause},
	}},
	{"while", "While India welcomed the deal, Pakistan rejected it.", "main subordinate", []verbWant{
		{verb: "welcomed", subj: "India", clause: SubordinateClause},
		{verb: "rejected", subj: "Pakistan", objs: "NP:it", clause: MainClause},
	}},
	{"when", "When Iraq invaded Kuwait, the United States sent troops.", "main subordinate", []verbWant{
		{verb: "invaded", subj: "Iraq", objs: "NP:Kuwait", clause: SubordinateClause},
		{verb: "sent", subj: "the United States", objs: "NP:troops", clause: MainClause},
	}},
	{"as", "As tensions rose, China warned Taiwan.", "main subordinate", []verbWant{
		{verb: "rose", subj: "tensions", clause: SubordinateClause},
		{verb: "warned", subj: "China", objs: "NP:Taiwan", clause: MainClause},
	}},

	// Reported speech and complements.
	{"said that", "Iran's foreign minister said on Tuesday that Tehran would respond to any attack.", "main complement", []verbWant{
		{verb: "said", subj: "Iran 's foreign minister", objs: "-"},
		{verb: "respond", subj: "Tehran", objs: "PP:to any attack", clause: ComplementClause, has: Hypothetical},
	}},
	{"said without that", "Officials said the European Union was preparing new sanctions against Moscow.", "main complement", []verbWant{
		{verb: "said", subj: "Officials", objs: "-"},
		{verb: "preparing", subj: "the European Union", objs: "NP:new sanctions|PP:against Moscow", clause: ComplementClause, has: Progressive},
	}},
	{"told reporters that", "The spokesman told reporters that China would not accept threats.", "main complement", []verbWant{
		{verb: "told", subj: "The spokesman", objs: "NP:reporters"},
		{verb: "accept", subj: "China", objs: "NP:threats", clause: ComplementClause, has: Negated},
	}},
	{"speaker after", "Israel struck targets in Syria on Tuesday, Syrian state media reported.", "main complement", []verbWant{
		{verb: "struck", subj: "Israel", objs: "NP:targets|PP:in Syria", clause: ComplementClause},
		{verb: "reported", subj: "Syrian state media", objs: "-", clause: MainClause},
	}},
	{"inverted speaker", `"The attack was a crime," said Lavrov.`, "main complement", []verbWant{
		{verb: "was", subj: "The attack", objs: "NP:a crime", clause: ComplementClause},
		{verb: "said", subj: "Lavrov", objs: "-", clause: MainClause},
	}},
	{"noun complement", "Israel rejected Iran's claim that Israel had attacked Syria.", "main noun-complement", []verbWant{
		{verb: "rejected", subj: "Israel", objs: "NP:Iran 's claim"},
		{verb: "attacked", subj: "Israel#2", objs: "NP:Syria", clause: NounComplementClause, has: Perfect},
	}},
	{"denied that", "Iran denied that it had supplied drones to Russia.", "main complement", []verbWant{
		{verb: "denied", subj: "Iran", objs: "-"},
		{verb: "supplied", subj: "it", objs: "NP:drones|PP:to Russia", clause: ComplementClause},
	}},
	{"speech with condition", "Iran said it would retaliate if Israel attacked.", "main complement conditional", []verbWant{
		{verb: "said", subj: "Iran"},
		{verb: "retaliate", subj: "it", clause: ComplementClause, has: Consequent | Hypothetical},
		{verb: "attacked", subj: "Israel", clause: ConditionalClause, has: Conditional},
	}},
	{"two speech verbs and a relative", "Officials in Brussels said the EU was preparing sanctions, while Hungary warned it would veto any measure that hurt its energy supplies.", "", []verbWant{
		{verb: "said", subj: "Officials", objs: "-"},
		{verb: "warned", subj: "Hungary", objs: "-", clause: SubordinateClause},
		{verb: "veto", subj: "it", objs: "NP:any measure", clause: ComplementClause},
		{verb: "hurt", subj: "any measure", objs: "NP:its energy supplies", clause: RelativeClause},
	}},
	{"according to", "Japan and South Korea agreed to deepen cooperation, according to a statement issued after talks in Tokyo.", "main reduced", []verbWant{
		{verb: "agreed", subj: "Japan and South Korea"},
		{verb: "issued", subj: "a statement", clause: ReducedClause, has: Passive},
	}},
	{"semicolon", "Iran condemned the strike; Israel defended it.", "main main", []verbWant{
		{verb: "condemned", subj: "Iran", objs: "NP:the strike"},
		{verb: "defended", subj: "Israel", objs: "NP:it"},
	}},
	{"speech before a colon", "Lavrov said: Russia will respond to any attack.", "main complement", []verbWant{
		{verb: "said", subj: "Lavrov", objs: "-"},
		{verb: "respond", subj: "Russia", objs: "PP:to any attack", clause: ComplementClause},
	}},
	{"as well as", "France as well as Germany criticised the decision.", "main", []verbWant{
		{verb: "criticised", subj: "France as well as Germany", objs: "NP:the decision"},
	}},
	{"whose", "Iran, whose forces attacked the base, denied the report.", "main relative", []verbWant{
		{verb: "attacked", subj: "forces", objs: "NP:the base", clause: RelativeClause},
		{verb: "denied", subj: "Iran", objs: "NP:the report"},
	}},
	{"existential there", "There were clashes between Israeli troops and Palestinians.", "main", []verbWant{
		{verb: "were", subj: "", objs: "NP:clashes|PP:between Israeli troops and Palestinians"},
	}},

	// Headlines in title case.
	{"headline", "Iran Condemns Israeli Strike on Syria", "main", []verbWant{
		{verb: "Condemns", subj: "Iran", objs: "NP:Israeli Strike|PP:on Syria"},
	}},
	{"headline passive", "Japan Criticised by US", "main", []verbWant{
		{verb: "Criticised", subj: "Japan", agent: "US", has: Passive},
	}},
}

func TestParse(t *testing.T) {
	p := newTestParser(t)
	for _, tc := range parseTests {
		t.Run(tc.name, func(t *testing.T) {
			toks, spaced := tokenize(tc.text)
			s := p.ParseSpaced(toks, spaced)
			if tc.clauses != "" {
				if got := clauseKinds(s); got != tc.clauses {
					t.Errorf("clauses %q, want %q\n%s", got, tc.clauses, s)
				}
			}
			for _, w := range tc.verbs {
				i := findToken(toks, w.verb)
				if i < 0 {
					t.Fatalf("no token %q in %q", w.verb, toks)
				}
				v, ok := s.VerbGroup(i)
				if !ok {
					t.Errorf("%s: no verb group\n%s", w.verb, s)
					continue
				}
				want := w.subj
				if j := strings.LastIndexByte(want, '#'); j > 0 {
					want = want[:j]
				}
				got := ""
				if np, ok := s.Subject(v); ok {
					got = s.Text(np.Span)
				}
				if got != want {
					t.Errorf("%s: subject %q, want %q\n%s", w.verb, got, want, s)
				}
				if w.objs != "" {
					if got := objectsText(s, v); got != w.objs {
						t.Errorf("%s: objects %q, want %q\n%s", w.verb, got, w.objs, s)
					}
				}
				got = ""
				if np, ok := s.Agent(v); ok {
					got = s.Text(np.Span)
				}
				if got != w.agent {
					t.Errorf("%s: agent %q, want %q", w.verb, got, w.agent)
				}
				if w.clause != 0 {
					if c := s.Clause(v.Head); c.Kind != w.clause {
						t.Errorf("%s: clause %s, want %s\n%s", w.verb, c.Kind, w.clause, s)
					}
				}
				if v.Flags&w.has != w.has || v.Flags&w.not != 0 {
					t.Errorf("%s: flags %b, want set %b, unset %b", w.verb, v.Flags, w.has, w.not)
				}
			}
		})
	}
}

func TestVGFlagMethods(t *testing.T) {
	p := newTestParser(t)
	cases := []struct {
		text, verb                                string
		passive, negated, modal, hypo, infinitive bool
	}{
		{"Japan was criticised by the US.", "criticised", true, false, false, false, false},
		{"Iran did not attack Israel.", "attack", false, true, false, false, false},
		{"Neither Egypt nor Jordan criticised Israel.", "criticised", false, true, false, false, false},
		{"China must withdraw.", "withdraw", false, false, true, false, false},
		{"Iran might attack Israel.", "attack", false, false, true, true, false},
		{"Turkey threatened to cut ties.", "cut", false, false, false, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			toks, spaced := tokenize(tc.text)
			s := p.ParseSpaced(toks, spaced)
			v, ok := s.VerbGroup(findToken(toks, tc.verb))
			if !ok {
				t.Fatalf("no verb group for %q\n%s", tc.verb, s)
			}
			got := []bool{v.IsPassive(), v.IsNegated(), v.IsModal(), v.IsHypothetical(), v.IsInfinitive()}
			want := []bool{tc.passive, tc.negated, tc.modal, tc.hypo, tc.infinitive}
			for k, name := range []string{"passive", "negated", "modal", "hypothetical", "infinitive"} {
				if got[k] != want[k] {
					t.Errorf("%s = %v, want %v", name, got[k], want[k])
				}
			}
		})
	}
}

func TestMembersAndPossessor(t *testing.T) {
	p := newTestParser(t)
	toks, spaced := tokenize("Neither Egypt nor Jordan criticised Iran's claim.")
	s := p.ParseSpaced(toks, spaced)
	np, ok := s.NounPhrase(findToken(toks, "Jordan"))
	if !ok || !np.Coord || !np.Negated {
		t.Fatalf("NounPhrase(Jordan) = %+v, %v; want a negated coordination\n%s", np, ok, s)
	}
	var names []string
	for _, m := range s.Members(np) {
		names = append(names, s.Text(m.Span))
	}
	if got := strings.Join(names, "|"); got != "Egypt|Jordan" {
		t.Errorf("members %q, want Egypt|Jordan", got)
	}
	claim, ok := s.NounPhrase(findToken(toks, "claim"))
	if !ok {
		t.Fatalf("no NP for claim\n%s", s)
	}
	if s.Token(claim.Head) != "claim" {
		t.Errorf("head %q, want claim", s.Token(claim.Head))
	}
	poss, ok := s.Possessor(claim)
	if !ok || s.Text(poss.Span) != "Iran 's" {
		t.Errorf("possessor %q, %v; want \"Iran 's\"", s.Text(poss.Span), ok)
	}
}

func TestClauseAnchors(t *testing.T) {
	p := newTestParser(t)
	toks, spaced := tokenize("The US, which has long backed Israel, condemned Iran after Tehran attacked Kuwait.")
	s := p.ParseSpaced(toks, spaced)
	rel := s.Clause(findToken(toks, "backed"))
	if rel.Kind != RelativeClause || s.Token(rel.Anchor) != "US" || s.Token(rel.Opener) != "which" {
		t.Errorf("relative clause %+v\n%s", rel, s)
	}
	sub := s.Clause(findToken(toks, "attacked"))
	if sub.Kind != SubordinateClause || s.Token(sub.Anchor) != "condemned" || s.Token(sub.Opener) != "after" {
		t.Errorf("subordinate clause %+v\n%s", sub, s)
	}
	if parent, ok := s.ParentClause(sub); !ok || parent.Kind != MainClause {
		t.Errorf("parent of subordinate %+v, %v", parent, ok)
	}
	said, _ := tokenize("Iran said Israel attacked Syria.")
	s = p.Parse(said)
	v, _ := s.VerbGroup(1)
	c, ok := s.Complement(v)
	if !ok || c.Kind != ComplementClause || s.Text(c.Span) != "Israel attacked Syria ." {
		t.Errorf("complement %+v %q, %v", c, s.Text(c.Span), ok)
	}
	inf, _ := s.VerbGroup(0)
	if _, ok := s.Governor(inf); ok {
		t.Errorf("Governor of a non-infinitive reported")
	}
}

func TestGovernor(t *testing.T) {
	p := newTestParser(t)
	toks, spaced := tokenize("Brazil threatened to cut ties with Bolivia.")
	s := p.ParseSpaced(toks, spaced)
	v, _ := s.VerbGroup(findToken(toks, "cut"))
	g, ok := s.Governor(v)
	if !ok || s.Token(g.Head) != "threatened" {
		t.Errorf("governor of %q: %q, %v", s.Text(v.Span), s.Text(g.Span), ok)
	}
}

// TestHyphens checks that Parse joins hyphenated words and ParseSpaced
// tells a spaced dash from a hyphen.
func TestHyphens(t *testing.T) {
	p := newTestParser(t)
	toks, spaced := tokenize("Pro-Russian separatists - backed by Moscow - attacked Mariupol.")
	s := p.ParseSpaced(toks, spaced)
	if got := s.Clause(findToken(toks, "backed")).Kind; got != ReducedClause {
		t.Errorf("spaced dash: clause of backed %s, want reduced\n%s", got, s)
	}
	v, _ := s.VerbGroup(findToken(toks, "attacked"))
	if np, ok := s.Subject(v); !ok || s.Text(np.Span) != "Pro - Russian separatists" {
		t.Errorf("subject %q, %v\n%s", s.Text(np.Span), ok, s)
	}
	s = p.Parse(strings.Fields("Saudi - led forces struck Houthi positions ."))
	if s.Tag(0) != s.Tag(2) || s.Tag(1) != s.Tag(0) {
		t.Errorf("hyphenated word tags %s %s %s, want one tag", s.Tag(0), s.Tag(1), s.Tag(2))
	}
	v, _ = s.VerbGroup(4)
	if np, ok := s.Subject(v); !ok || s.Text(np.Span) != "Saudi - led forces" {
		t.Errorf("subject %q, %v\n%s", s.Text(np.Span), ok, s)
	}
}

// TestTags checks the tagger on a few words whose tags the chunker relies on.
func TestTags(t *testing.T) {
	p := newTestParser(t)
	toks, spaced := tokenize(`"We won't accept threats," the minister said, adding that China's army was ready.`)
	s := p.ParseSpaced(toks, spaced)
	want := map[string]Tag{`"`: LQuote, "won't": MD, "accept": VB, "threats": NNS, ",": Comma, "minister": NN,
		"said": VBD, "that": IN, "China": NNP, "'s": POS, "was": VBD, ".": Period}
	for w, tag := range want {
		if got := s.Tag(findToken(toks, w)); got != tag {
			t.Errorf("tag of %q: %s, want %s", w, got, tag)
		}
	}
	if got := s.Tag(findToken(toks, `"#2`)); got != RQuote {
		t.Errorf("closing quote %s", got)
	}
}

// TestParseReuse checks that a parser gives the same result for a sentence
// whatever it parsed before, and that parsers run concurrently.
func TestParseReuse(t *testing.T) {
	p := newTestParser(t)
	var want []string
	for _, tc := range parseTests {
		toks, spaced := tokenize(tc.text)
		want = append(want, p.ParseSpaced(toks, spaced).String())
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			q := newTestParser(t)
			for k := range parseTests {
				i := (k*7 + g) % len(parseTests)
				toks, spaced := tokenize(parseTests[i].text)
				if got := q.ParseSpaced(toks, spaced).String(); got != want[i] {
					t.Errorf("%s: %s, want %s", parseTests[i].name, got, want[i])
				}
			}
		}(g)
	}
	wg.Wait()
}

// TestParseLinearWork parses adversarial sentences of n and 2n tokens and
// checks that the work grows no faster than the input.
func TestParseLinearWork(t *testing.T) {
	p := newTestParser(t)
	cases := []struct {
		name string
		unit string
	}{
		{"clauses without punctuation", "Russia said that Iran which attacked Iraq after Syria warned "},
		{"relative chain", "the missiles that hit the town that "},
		{"commas", "Russia , which , "},
		{"coordination", "Russia , China and Iran and "},
		{"speech", "Iran said Iraq said "},
		{"dashes and brackets", "- ( Iran - ( "},
		{"verbs", "attacked has been criticised to "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			steps := func(n int) int {
				toks := strings.Fields(strings.Repeat(tc.unit, n))
				s := p.Parse(toks)
				return s.steps
			}
			small, large := steps(500), steps(1000)
			if large > 2*small+1000 {
				t.Errorf("steps %d for n, %d for 2n: not linear", small, large)
			}
		})
	}
}

func TestNoAllocsAfterWarmUp(t *testing.T) {
	p := newTestParser(t)
	toks, spaced := tokenize("The US, which has long backed Israel, condemned Iran after Tehran attacked Kuwait, officials said.")
	p.ParseSpaced(toks, spaced)
	if n := testing.AllocsPerRun(20, func() { p.ParseSpaced(toks, spaced) }); n > 0 {
		t.Errorf("%.0f allocations per parse, want 0", n)
	}
}
