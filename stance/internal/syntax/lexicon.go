package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordClass is a set of closed-class properties of a lower-case word.
type wordClass uint32

const (
	wSub      wordClass = 1 << iota // opens an adverbial clause ("after", "because")
	wSubAlso                        // also a preposition ("after", "since"): a clause only before subject + verb
	wCond                           // conditional ("if", "unless")
	wRel                            // relative pronoun ("which", "who")
	wThat                           // "that"
	wWhether                        // "whether"
	wNeg                            // negation ("not", "n't", "never")
	wModal                          // modal verb
	wHypo                           // modal of possibility ("would", "could", "might", "may")
	wFuture                         // "will", "shall"
	wBe                             // form of "be"
	wGet                            // form of "get" (passive auxiliary)
	wHave                           // form of "have"
	wDo                             // form of "do"
	wSpeech                         // verb that reports speech or thought ("said", "believes")
	wControl                        // verb whose object controls an infinitive ("urged Y to")
	wTime                           // time noun ("Tuesday", "week", "March")
	wCompNoun                       // noun taking a "that" clause ("claim", "report")
	wPrep                           // participle or adverb used as a preposition ("including")
	wCorr                           // first word of a correlative pair ("neither", "either", "both")
	wCoord                          // coordinator ("and", "or", "nor", "but")
	wNoDet                          // negative determiner ("no")
	wDash                           // dash
	wTimeMod                        // "last", "next", "this", "earlier" before a time noun
)

// lexicon maps lower-case words to their classes.
var lexicon = func() map[string]wordClass {
	m := map[string]wordClass{}
	add := func(c wordClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= c
		}
	}
	add(wSub, "after before while as when since because although though if unless whereas until once whilst")
	add(wSubAlso, "after before as since until once")
	add(wCond, "if unless")
	add(wRel, "which who whom whose where")
	add(wThat, "that")
	add(wWhether, "whether")
	add(wNeg, "not n't never cannot")
	add(wModal, "would could might may should must will shall can 'll 'd wo ca")
	add(wHypo, "would could might may 'd")
	add(wFuture, "will shall 'll wo")
	add(wBe, "be is are was were been being am 're 'm")
	add(wGet, "get gets got gotten getting")
	add(wHave, "have has had having 've")
	add(wDo, "do does did")
	add(wSpeech, `say says said saying tell tells told telling announce announces announced
		declare declares declared state states stated add adds added claim claims claimed
		insist insists insisted argue argues argued note notes noted report reports reported
		confirm confirms confirmed deny denies denied warn warns warned stress stresses stressed
		explain explains explained acknowledge acknowledges acknowledged admit admits admitted
		allege alleges alleged believe believes believed think thinks thought suggest suggests
		suggested indicate indicates indicated reiterate reiterates reiterated assert asserts
		asserted complain complains complained predict predicts predicted fear fears feared
		hope hopes hoped know knows knew agree agrees agreed charge charges charged
		contend contends contended maintain maintains maintained recall recalls recalled
		write writes wrote show shows showed shown reveal reveals revealed concede concedes conceded
		emphasise emphasises emphasised emphasize emphasizes emphasized signal signals signalled signaled`)
	add(wControl, `ask asks asked urge urges urged tell tells told call calls called press presses
		pressed force forces forced allow allows allowed encourage encourages encouraged
		invite invites invited persuade persuades persuaded warn warns warned order orders ordered
		pressure pressures pressured push pushes pushed want wants wanted expect expects expected
		help helps helped enable enables enabled request requests requested authorize authorizes
		authorized authorise authorises authorised appeal appeals appealed`)
	add(wTime, `monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
		tonight week weeks weekend month months year years day days morning afternoon evening night
		nights decade decades century hour hours minute minutes january february march april may june
		july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept.
		oct. nov. dec. spring summer autumn winter time times period moment overnight`)
	add(wCompNoun, `claim claims report reports allegation allegations accusation accusations
		assertion assertions warning warnings fear fears belief statement statements announcement
		suggestion suggestions news evidence charge charges fact idea hope hopes view assurance
		assurances insistence rumour rumours rumor rumors threat threats promise promises pledge
		pledges denial denials sign signs indication indications message notion possibility concern
		concerns argument proof confirmation conclusion realisation realization recognition demand
		demands`)
	add(wPrep, "including following according regarding concerning excluding involving barring pending notwithstanding amid amidst despite via")
	add(wCorr, "neither either both")
	add(wCoord, "and or nor but")
	add(wNoDet, "no")
	add(wDash, "- -- --- \u2013 \u2014 \u2015")
	add(wTimeMod, "last next this earlier later previous past coming same")
	return m
}()

// contraction is a negated auxiliary written as one token ("didn't").
type contraction struct {
	tag  Tag
	base string // the word prose's context sees
	neg  bool
}

// contractions are the negated auxiliaries the scorer keeps whole, and
// "cannot", which the treebank splits.
var contractions = map[string]contraction{
	"don't": {VBP, "do", true}, "doesn't": {VBZ, "does", true}, "didn't": {VBD, "did", true},
	"isn't": {VBZ, "is", true}, "aren't": {VBP, "are", true}, "wasn't": {VBD, "was", true},
	"weren't": {VBD, "were", true}, "hasn't": {VBZ, "has", true}, "haven't": {VBP, "have", true},
	"hadn't": {VBD, "had", true}, "won't": {MD, "will", true}, "wouldn't": {MD, "would", true},
	"can't": {MD, "can", true}, "cannot": {MD, "can", true}, "couldn't": {MD, "could", true},
	"shouldn't": {MD, "should", true}, "mustn't": {MD, "must", true}, "mightn't": {MD, "might", true},
	"needn't": {MD, "need", true}, "shan't": {MD, "shall", true}, "ain't": {VBZ, "is", true},
}

// clitics are the pronoun + auxiliary forms the scorer keeps whole.
var clitics = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, p := range strings.Fields("i you he she it we they there that who") {
		m[p+"'ll"] = wModal | wFuture
		m[p+"'d"] = wModal | wHypo
		m[p+"'ve"] = wHave
		m[p+"'re"] = wBe
	}
	m["i'm"] = wBe
	return m
}()

// appendLower appends w in lower case to dst.
func appendLower(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(w[i:])
		if r == utf8.RuneError && size <= 1 {
			dst = append(dst, c)
			i++
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}
