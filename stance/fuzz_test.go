package stance

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkResult reports the ways r breaks the Result contract.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	if math.IsNaN(r.Tone) || r.Tone < -1 || r.Tone > 1 {
		t.Errorf("tone %v outside [-1, 1]", r.Tone)
	}
	for _, d := range r.Dyads {
		if d.Source == d.Target {
			t.Errorf("self dyad %s", d.Source)
		}
		if math.IsNaN(d.Score) || d.Score < -1 || d.Score > 1 {
			t.Errorf("%s>%s score %v outside [-1, 1]", d.Source, d.Target, d.Score)
		}
		if math.IsNaN(d.Confidence) || d.Confidence < 0 || d.Confidence > 1 {
			t.Errorf("%s>%s confidence %v outside [0, 1]", d.Source, d.Target, d.Confidence)
		}
		if len(d.Evidence) == 0 || d.Category == "" {
			t.Errorf("%s>%s without evidence or category", d.Source, d.Target)
		}
		for _, e := range d.Evidence {
			if e.Score < -1 || e.Score > 1 || e.Confidence < 0 || e.Confidence > 1 {
				t.Errorf("%s>%s evidence score %v confidence %v out of range", d.Source, d.Target, e.Score, e.Confidence)
			}
			for _, c := range e.Cues {
				if c.Start < 0 || c.End > len(e.Text) || c.Start >= c.End || e.Text[c.Start:c.End] != c.Text {
					t.Errorf("cue %+v does not lie in %q", c, e.Text)
				}
			}
		}
	}
}

func FuzzScore(f *testing.F) {
	for _, seed := range []string{
		"",
		seedLike,
		"China warned Japan. Russia and China agreed to cooperate.",
		"<p>Iran &amp; Iraq</p><script>x</script>",
		"\u201cWe condemn it,\u201d the French minister said. U. S. U. N.",
		"Evidence against Russia was presented by the US.",
		"\xff\xfe<<<>>>&&&;;;\"\"\"",
		strings.Repeat("Russia, ", 50) + "and China met.",
	} {
		f.Add(seed, "")
		f.Add("", seed)
	}
	s, err := NewScorer()
	if err != nil {
		f.Fatalf("NewScorer: %v", err)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		r := s.Score(Article{Title: title, Body: body})
		checkResult(t, r)
		if !utf8.ValidString(title + body) {
			return
		}
		for _, d := range r.Dyads {
			for _, e := range d.Evidence {
				if !utf8.ValidString(e.Text) {
					t.Errorf("evidence text %q is not UTF-8", e.Text)
				}
			}
		}
	})
}

// TestScoreLinearWork scores adversarial inputs of size n and 2n and checks
// that the search work and the allocations grow no faster than the input.
func TestScoreLinearWork(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		name string
		gen  func(n int) string
	}{
		{"one long sentence without punctuation", func(n int) string {
			return strings.Repeat("russia china warned attacked the talks with and said that its ", n/64)
		}},
		{"country name repeated", func(n int) string { return strings.Repeat("Russia ", n/7) }},
		{"country list", func(n int) string { return strings.Repeat("Russia, China and Iran, ", n/24) }},
		{"cues and actors without clause breaks", func(n int) string {
			return strings.Repeat("China attacked Japan and condemned the sanctions on Iran's ties with Syria ", n/76)
		}},
		{"speech verbs", func(n int) string { return strings.Repeat("Iran said that Iraq said ", n/25) }},
		{"nested quotes", func(n int) string {
			return strings.Repeat("\u201c'\"", n/5) + "Iran warned Iraq" + strings.Repeat("\"'\u201d", n/5)
		}},
		{"nested html", func(n int) string {
			return strings.Repeat("<div><p><b>", n/22) + "Iran warned Iraq" + strings.Repeat("</b></p></div>", n/22)
		}},
		{"unclosed html", func(n int) string { return strings.Repeat("<script><!--<p>", n/15) }},
	}
	const n = 1 << 17
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			small, large := tc.gen(n), tc.gen(2*n)
			_, stepsSmall := s.score(Article{Body: small})
			_, stepsLarge := s.score(Article{Body: large})
			if stepsLarge > 2*stepsSmall+1000 || stepsLarge > 64*len(large) {
				t.Errorf("steps %d for %d bytes, %d for %d bytes: not linear", stepsSmall, len(small), stepsLarge, len(large))
			}
			allocsSmall := testing.AllocsPerRun(2, func() { s.Score(Article{Body: small}) })
			allocsLarge := testing.AllocsPerRun(2, func() { s.Score(Article{Body: large}) })
			if allocsLarge > 2.2*allocsSmall+100 {
				t.Errorf("allocations %.0f for %d bytes, %.0f for %d bytes: not linear", allocsSmall, len(small), allocsLarge, len(large))
			}
		})
	}
}

// TestScoreHugeSentence scores one 1 MB sentence and a name repeated
// 100,000 times and checks the results stay valid.
func TestScoreHugeSentence(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	s := newTestScorer(t)
	for _, body := range []string{
		strings.Repeat("china warned japan about the talks with russia and ", 1<<20/51),
		strings.Repeat("Russia ", 100000),
	} {
		r, steps := s.score(Article{Body: body})
		checkResult(t, r)
		if steps > 64*len(body) {
			t.Errorf("steps %d for %d bytes", steps, len(body))
		}
	}
}
