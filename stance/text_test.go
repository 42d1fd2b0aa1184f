package stance

import (
	"slices"
	"testing"

	"github.com/stancemon/stancemon/stance/internal/words"
)

func TestSentences(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		name string
		a    Article
		want []string
	}{
		{"title first", Article{Title: "Talks Resume", Body: "The talks resumed. They ended."},
			[]string{"Talks Resume", "The talks resumed.", "They ended."}},
		{"titles and initials", Article{Body: "Mr. Lavrov met Dr. Smith and Gen. Jones. M. Wang left on Jan. 5 with Sen. Reed."},
			[]string{"Mr. Lavrov met Dr. Smith and Gen. Jones.", "M. Wang left on Jan. 5 with Sen. Reed."}},
		{"dotted abbreviations", Article{Body: "The U.S. President spoke to the U.N. Security Council. The U.K. agreed, e.g. on trade."},
			[]string{"The U.S. President spoke to the U.N. Security Council.", "The U.K. agreed, e.g. on trade."}},
		{"sentence ends after an abbreviation", Article{Body: "The claim is not yet in the U.S. The talks ended."},
			[]string{"The claim is not yet in the U.S.", "The talks ended."}},
		{"spaced abbreviations joined", Article{Body: "The U. S. and the U. N. met in the U. K. today."},
			[]string{"The U.S. and the U.N. met in the U.K. today."}},
		{"quotes", Article{Body: "\u201cWe agree,\u201d he said. \u201cIt is over.\u201d Then he left."},
			[]string{`"We agree," he said.`, `"It is over."`, "Then he left."}},
		{"stray quote marks", Article{Body: "It is a \u201cserious problem. \u201c\n\nNext paragraph here."},
			[]string{`It is a "serious problem.`, "Next paragraph here."}},
		{"PTB quotes", Article{Body: "France condemned as`` unacceptable'' the allegations."},
			[]string{`France condemned as" unacceptable" the allegations.`}},
		{"wrapped lines and indented paragraphs", Article{Body: "Showers continued\nthroughout the week.\n    The dry period\nmeans a late crop."},
			[]string{"Showers continued throughout the week.", "The dry period means a late crop."}},
		{"number abbreviation", Article{Body: "He lives at No. 10 Downing Street. It is old."},
			[]string{"He lives at No. 10 Downing Street.", "It is old."}},
		{"boilerplate dropped", Article{Body: "Iran warned Iraq.\n\nLeave a Comment\n\nYour email address will not be published. Required fields are marked *\n\nSign up for our newsletter!\n\n\u00a9 2023 Example. All rights reserved.\n\nInformation for this article provided through Jane Doe of the AP."},
			[]string{"Iran warned Iraq."}},
		{"html", Article{Body: "<html><head><title>x</title><script>var a = '<p>Iran</p>';</script><style>p{}</style></head><body><p>Iran &amp; Iraq <b>met</b>.</p><!-- <p>hidden</p> --><div>Syria&rsquo;s view&nbsp;changed.</div></body></html>"},
			[]string{"Iran & Iraq met.", "Syria's view changed."}},
		{"empty", Article{}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := s.Sentences(tc.a)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"<p>x</p>", true},
		{"a </b>", true},
		{"<!-- c -->", true},
		{"3 < 4 and 5 > 2", false},
		{"x <", false},
		{"", false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := looksLikeHTML(tc.in); got != tc.want {
				t.Errorf("looksLikeHTML(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestInflections(t *testing.T) {
	cases := []struct {
		word string
		want []string
	}{
		{"warn", []string{"warns", "warned", "warning", "warnings"}},
		{"praise", []string{"praises", "praised", "praising"}},
		{"ally", []string{"allies", "allied"}},
		{"ban", []string{"banned", "banning"}},
		{"criticize", []string{"criticized", "criticizes"}},
		{"push", []string{"pushes"}},
	}
	for _, tc := range cases {
		t.Run(tc.word, func(t *testing.T) {
			got := words.Inflections(tc.word)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("words.Inflections(%q) = %v, lacks %q", tc.word, got, w)
				}
			}
		})
	}
}

func TestLexiconInflectedCues(t *testing.T) {
	s := newTestScorer(t)
	for _, form := range []string{"warn", "warns", "warned", "warning", "condemned", "sanctions", "talks", "met", "attacks"} {
		t.Run(form, func(t *testing.T) {
			if wi := s.lx.words[form]; wi.lemma == 0 {
				t.Errorf("%q is no cue word", form)
			}
		})
	}
}
