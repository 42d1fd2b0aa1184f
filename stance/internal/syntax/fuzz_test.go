package syntax

import (
	"strings"
	"testing"
)

// checkSentence reports the ways s breaks the Sentence contract: every span
// lies within the tokens and inside its clause, and queries do not panic.
func checkSentence(t *testing.T, s *Sentence, n int) {
	t.Helper()
	inside := func(what string, sp Span) {
		if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
			t.Fatalf("%s span %+v outside [0, %d)", what, sp, n)
		}
	}
	token := func(what string, i int, sp Span) {
		if i < sp.Start || i >= sp.End {
			t.Fatalf("%s token %d outside %+v", what, i, sp)
		}
	}
	clauses := s.Clauses()
	if n > 0 && (len(clauses) == 0 || clauses[0].Kind != MainClause) {
		t.Fatalf("first clause %+v, want main", clauses)
	}
	end := 0
	for _, c := range clauses {
		inside("clause", c.Span)
		if c.Parent < 0 {
			if c.Start != end {
				t.Fatalf("top clause %+v does not start where the one before ended (%d)", c, end)
			}
			end = c.End
		}
		if c.Parent >= 0 {
			p := clauses[c.Parent]
			if c.Start < p.Start || c.End > p.End {
				t.Fatalf("clause %+v not inside its parent %+v", c, p)
			}
		}
		if c.Opener >= 0 {
			token("opener", c.Opener, Span{0, n})
		}
		if c.Anchor >= 0 {
			token("anchor", c.Anchor, Span{0, n})
		}
	}
	if n > 0 && end != n {
		t.Fatalf("top clauses end at %d, want %d", end, n)
	}
	for _, np := range s.NPs() {
		inside("NP", np.Span)
		token("NP head", np.Head, np.Span)
		for _, m := range s.Members(np) {
			inside("member", m.Span)
		}
	}
	for _, v := range s.VGs() {
		inside("VG", v.Span)
		token("VG head", v.Head, v.Span)
		if got, ok := s.VerbGroup(v.Head); !ok || got.Span != v.Span {
			t.Fatalf("VerbGroup(%d) = %+v, want %+v", v.Head, got, v)
		}
		if np, ok := s.Subject(v); ok {
			inside("subject", np.Span)
		}
		if np, ok := s.Agent(v); ok {
			inside("agent", np.Span)
		}
		for _, o := range s.Objects(v) {
			inside("object", o.Span)
			inside("object NP", o.NP.Span)
			if o.Kind == PhrasePP {
				inside("preposition", o.Prep)
			}
		}
		if c, ok := s.Complement(v); ok {
			inside("complement", c.Span)
		}
		s.Governor(v)
	}
	for i := 0; i < n; i++ {
		c := s.Clause(i)
		token("clause", i, c.Span)
		s.Tag(i)
		if np, ok := s.NounPhrase(i); ok {
			token("noun phrase", i, np.Span)
		}
	}
	_ = s.String()
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseTests {
		f.Add(tc.text, true)
	}
	for _, seed := range []string{
		"",
		" ",
		"- - - ( ) ) ( , , , . . ;",
		"which which that that if if said said",
		"\xff\xfe \u2014 \u201c quoted \u201d",
		strings.Repeat("Russia , ", 40) + "and China met .",
		strings.Repeat("the missiles that hit the town that ", 20),
		"Iran 's 's 's claim that that",
		"to to to not never n't",
	} {
		f.Add(seed, false)
	}
	p := newTestParser(f)
	f.Fuzz(func(t *testing.T, text string, spacedMode bool) {
		var toks []string
		var spaced []bool
		if spacedMode {
			toks, spaced = tokenize(text)
		} else {
			toks = strings.Split(text, " ") // empty tokens too
		}
		s := p.ParseSpaced(toks, spaced)
		if s.Len() != len(toks) {
			t.Fatalf("Len %d, want %d", s.Len(), len(toks))
		}
		checkSentence(t, s, len(toks))
		s = p.Parse(toks)
		checkSentence(t, s, len(toks))
	})
}

// TestRandomTokens parses random token slices drawn from a news vocabulary.
func TestRandomTokens(t *testing.T) {
	p := newTestParser(t)
	vocab := strings.Fields(`Russia Iran the US , . ; : - ( ) " 's which who that if after said
		attacked was criticised by and or nor neither to not n't didn't would could has been
		including killing backed Japan Prime Minister of talks with claim on Tuesday 2014 F 16s`)
	seed := uint64(1)
	next := func(n int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	for k := 0; k < 3000; k++ {
		toks := make([]string, next(40))
		spaced := make([]bool, len(toks))
		for i := range toks {
			toks[i] = vocab[next(len(vocab))]
			spaced[i] = next(3) > 0
		}
		checkSentence(t, p.ParseSpaced(toks, spaced), len(toks))
		checkSentence(t, p.Parse(toks), len(toks))
	}
}
