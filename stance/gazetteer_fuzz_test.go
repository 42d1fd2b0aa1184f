package stance

import (
	"strings"
	"testing"
	"time"
)

// FuzzFind checks that Find never panics and returns non-overlapping,
// increasing, in-range, non-empty mentions, with or without a date.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"China's foreign ministry warned the U.S. and Moscow's allies.",
		"U.S. WARNS JAPAN ON CHIP PACT",
		"Atlanta, Georgia and Tbilisi; Jordan Peterson; Jordan said.",
		"People's Republic of China, Republic of China, Guinea-Bissau",
		"Côte d\u2019Ivoire, É\u0301lysée, Erdoğan, \xff\xfe",
		"Vladimir Putin met Xi Jinping and Blinken.",
		strings.Repeat("Papua New ", 20),
		"MOSCOW, Feb 24 (Reuters) - Afganistan, Netanyhu and Phillippines.",
		"BEIJING —\nTRIPOLI, Lebanon (AP) -- Tripoli, Brussels. Belgian Brussels; Congo, Brazzaville.",
		"East Germany, Bonn, GDR and Zaire; AUSTRLIA, Slovania, LeBaron.",
		"Clayton Yeutter, YEUTTER, Yeutter Industries; the GATT; Juan Carlos Pugliese; Baker said.",
		"",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1_700_000_000))
	}
	g, err := LoadGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var at time.Time
		if unix != 0 {
			at = time.Unix(unix%(1<<40), 0).UTC()
		}
		ms := g.Find(text, at, nil)
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad offsets %d..%d (prev end %d, len %d) in %q", m.Start, m.End, prev, len(text), text)
			}
			if text[m.Start:m.End] == "" || m.Code == "" || m.Kind != g.Kind(m.Code) || m.Form == 0 {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
			if (m.Role != "") != (m.Form == FormOfficial) {
				t.Fatalf("role %q with form %v", m.Role, m.Form)
			}
			prev = m.End
		}
	})
}

// FuzzLoadGazetteer checks that any override document either loads or
// fails with an error, never a panic.
func FuzzLoadGazetteer(f *testing.F) {
	f.Add([]byte("states: [{code: FRE, name: Freedonia, names: [Freedonia]}]"))
	f.Add([]byte("officials: [{name: X, terms: [{country: USA, role: head_of_state, from: 2000-01-01}]}]"))
	f.Add([]byte("exclude: [a b c]\nnot_surnames: [Z]"))
	f.Add([]byte("historical: [{form: seat, names: [Oldtown], terms: [{country: USA, to: 1900-01-01}, {country: GBR}]}]"))
	f.Add([]byte("context: [{phrase: Paris, when: [USA], scope: sentence, country: USA, form: capital}]\nnot_typos: [Parisian]"))
	f.Add([]byte("officials: [{name: X Y, aliases: [X], surnames: [Y], strict: true, terms: [{country: USA, role: official, from: 2000-01-01}]}]"))
	f.Add([]byte("# JSON body\n{\"officials\": [{\"name\": \"X Y\", \"surnames\": [\"Y\"], \"strict\": true, \"source\": \"s\", \"terms\": [{\"country\": \"USA\", \"role\": \"official\", \"from\": \"2000-01-01\"}]}]}"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		g, err := LoadGazetteer(doc)
		if err == nil && g.Kind("USA") != KindState {
			t.Fatal("override lost USA")
		}
	})
}
