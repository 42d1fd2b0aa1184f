package stance

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	sc, err := NewScorer()
	if err != nil {
		t.Fatal(err)
	}
	an := analyser{lx: sc.lx, gaz: sc.gaz, sc: new(scratch)}
	an.analyse(s, false)
	x := an.sc
	for i, tk := range x.toks {
		fmt.Printf("%d:%s[c%d q%d cl%d-%d spk%d cls%x] ", i, s[tk.start:tk.end], tk.chunk, tk.cue, x.clause0[i], x.clause1[i], x.speaker[i], tk.class)
	}
	fmt.Println()
	for i, c := range x.chunks {
		fmt.Printf("chunk %d %s form=%v t%d-%d g%d-%d prep=%d loc=%v poss=%v\n", i, c.code, c.form, c.t0, c.t1, c.group, c.gEnd, c.prep, c.loc, c.poss)
	}
	for i, c := range x.cues {
		d := sc.lx.cues[c.def]
		fmt.Printf("cue %d %q %s noun=%v neg=%v contribs %d-%d\n", i, s[x.toks[c.t0].start:x.toks[c.t1-1].end], d.cat, c.noun, c.negated, c.c0, c.c1)
	}
	for _, c := range x.contribs {
		fmt.Printf("contrib %s->%s cue%d %.2f %.2f dead=%v\n", x.chunks[c.src].code, x.chunks[c.tgt].code, c.cue, c.score, c.conf, c.dead)
	}
}

func TestZZWord(t *testing.T) {
	w := os.Getenv("DBGW")
	if w == "" {
		t.Skip()
	}
	sc, _ := NewScorer()
	wi := sc.lx.words[w]
	fmt.Printf("%q lemma=%d class=%x first=%v\n", w, wi.lemma, wi.class, sc.lx.byFirst[wi.lemma])
}
