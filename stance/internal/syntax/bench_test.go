package syntax

import (
	"strings"
	"testing"
)

// benchSentences are wire-news sentences, tokenised as the scorer does.
var benchSentences = func() [][]string {
	var out [][]string
	for _, s := range []string{
		"Turkish jets , including several F - 16s , struck Kurdish positions in northern Iraq on Tuesday , the army said .",
		"After Russia invaded Ukraine , Poland criticised Moscow and called for new sanctions against the Kremlin .",
		"Brazil threatened to cut ties with Bolivia and Paraguay over their votes at the United Nations .",
		"Israel rejected Iran 's claim that Israel had attacked Syria , calling it a lie .",
		"If Iran attacks Kuwait , the United States will respond with force , a Pentagon spokesman said on Monday .",
		"Japan was criticised by the United States for its trade policy .",
		"Neither Egypt nor Jordan criticised Israel , which had struck targets in Gaza overnight .",
		"Japanese Prime Minister Yasuhiro Nakasone said Japan would not send troops to the Gulf .",
		"The US , which has long backed Israel , condemned Iran for supplying drones to Russia .",
		"Chile has once again flatly rejected a Peruvian proposal to redraw the maritime border .",
		"Officials in Brussels said the European Union was preparing new sanctions against Moscow over the war , while Hungary warned it would veto any measure that hurt its energy supplies .",
		"\" We will not accept threats from anyone , \" the Chinese foreign ministry spokesman told reporters in Beijing on Thursday .",
	} {
		out = append(out, strings.Fields(s))
	}
	return out
}()

// benchBytes returns the tokens and bytes of the bench sentences.
func benchBytes() (tokens, bytes int) {
	for _, s := range benchSentences {
		tokens += len(s)
		for _, t := range s {
			bytes += len(t) + 1
		}
	}
	return tokens, bytes
}

// benchSetup returns a parser and the token count of the benchmark
// sentences, with the byte count and allocations reported.
func benchSetup(b *testing.B) (*Parser, int) {
	b.Helper()
	p, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	ntok, nbytes := benchBytes()
	b.SetBytes(int64(nbytes))
	b.ReportAllocs()
	return p, ntok
}

// reportTokens reports the tokens parsed per second.
func reportTokens(b *testing.B, ntok int) {
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkParse(b *testing.B) {
	p, ntok := benchSetup(b)
	for b.Loop() {
		for _, s := range benchSentences {
			p.Parse(s)
		}
	}
	reportTokens(b, ntok)
}

// BenchmarkTag measures the tagger alone.
func BenchmarkTag(b *testing.B) {
	p, ntok := benchSetup(b)
	s := &p.s
	for b.Loop() {
		for _, toks := range benchSentences {
			s.reset(toks)
			s.units(nil)
			p.tg.tag(len(s.tags), s.rawU, s.normU, s.forced, s.tags)
		}
	}
	reportTokens(b, ntok)
}

// BenchmarkParseQueries parses and asks every verb group for its subject,
// objects and clause, as the scorer would.
func BenchmarkParseQueries(b *testing.B) {
	p, ntok := benchSetup(b)
	for b.Loop() {
		for _, toks := range benchSentences {
			s := p.Parse(toks)
			for i := range toks {
				if v, ok := s.VerbGroup(i); ok && v.Head == i {
					s.Subject(v)
					s.Objects(v)
					s.Clause(i)
				}
			}
		}
	}
	reportTokens(b, ntok)
}
