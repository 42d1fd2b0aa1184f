//go:build phxprobe

package stance

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestPhoenixProbe(t *testing.T) {
	g := testGazetteer(t)
	f, err := os.Open("/work/shared/data/reuters21578.jsonl.gz")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	zr, _ := gzip.NewReader(f)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	type key struct{ text, code, kind string }
	counts := map[key]int{}
	examples := map[key]string{}
	var dst []Mention
	for sc.Scan() {
		var a struct {
			Title, Body, Published_at string
		}
		json.Unmarshal(sc.Bytes(), &a)
		at, _ := time.Parse(time.RFC3339, a.Published_at)
		at = at.UTC().Truncate(24 * time.Hour)
		if os.Getenv("PHX_NODATE") != "" {
			at = time.Time{}
		}
		text := a.Title + "\n" + a.Body
		dst = g.Find(text, at, dst[:0])
		for _, m := range dst {
			if m.Form != FormOfficial {
				continue
			}
			s := text[m.Start:m.End]
			n, ok := g.m.lookup(s)
			exact := false
			if ok {
				for _, c := range g.m.nodes[n].cands {
					if c.form == FormOfficial {
						exact = c.strict
					}
				}
			}
			if !exact {
				continue
			}
			kind := "full"
			if !strings.ContainsAny(s, " \n") {
				kind = "bare"
			}
			k := key{s, m.Code, kind}
			counts[k]++
			if _, ok := examples[k]; !ok {
				lo, hi := max(0, m.Start-60), min(len(text), m.End+60)
				examples[k] = strings.ReplaceAll(text[lo:hi], "\n", " ")
			}
		}
	}
	var ks []key
	tot := map[string]int{}
	for k, c := range counts {
		ks = append(ks, k)
		tot[k.kind] += c
	}
	sort.Slice(ks, func(i, j int) bool { return counts[ks[i]] > counts[ks[j]] })
	fmt.Println("totals", tot, "distinct", len(ks))
	for _, k := range ks {
		fmt.Printf("%5d %-4s %-25s %s | %s\n", counts[k], k.kind, k.text, k.code, examples[k])
	}
}
