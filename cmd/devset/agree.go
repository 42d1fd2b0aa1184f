package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
)

// answer is one annotator's answer for one item.
type answer struct {
	ID    string `json:"id"`
	Dyads []struct {
		Source   string `json:"source"`
		Target   string `json:"target"`
		Polarity int    `json:"polarity"`
	} `json:"dyads"`
}

// readAnswers reads a JSON Lines file of answers, keyed by item id.
func readAnswers(path string) (map[string]map[[2]string]int, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("opening answers: %w", err)
	}
	defer f.Close()
	out := map[string]map[[2]string]int{}
	var ids []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var a answer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		m := map[[2]string]int{}
		for _, d := range a.Dyads {
			if d.Source != d.Target {
				m[[2]string{d.Source, d.Target}] = d.Polarity
			}
		}
		out[a.ID] = m
		ids = append(ids, a.ID)
	}
	return out, ids, sc.Err()
}

// kappa is Cohen's kappa of paired labels, and the observed agreement.
func kappa(pairs [][2]int) (k, observed float64) {
	n := float64(len(pairs))
	if n == 0 {
		return 0, 0
	}
	cats := map[int]bool{}
	agree := 0
	for _, p := range pairs {
		cats[p[0]], cats[p[1]] = true, true
		if p[0] == p[1] {
			agree++
		}
	}
	po := float64(agree) / n
	pe := 0.0
	for c := range cats {
		var a, b float64
		for _, p := range pairs {
			if p[0] == c {
				a++
			}
			if p[1] == c {
				b++
			}
		}
		pe += a / n * b / n
	}
	if pe == 1 {
		return 1, po
	}
	return (po - pe) / (1 - pe), po
}

// agree prints the agreement of two annotators' answer files: Cohen's kappa
// on "any pair or none" per item, kappa on the label (none, +1, -1) of every
// ordered pair of the states either named in an item, and the pair F1 of
// the second against the first.
func agree(w io.Writer, pathA, pathB string) error {
	A, ids, err := readAnswers(pathA)
	if err != nil {
		return err
	}
	B, _, err := readAnswers(pathB)
	if err != nil {
		return err
	}
	var items, pairs [][2]int
	common, onlyA, onlyB, differ := 0, 0, 0, 0
	for _, id := range ids {
		pa, pb := A[id], B[id]
		items = append(items, [2]int{b2i(len(pa) > 0), b2i(len(pb) > 0)})
		codes := map[string]bool{}
		for k := range pa {
			codes[k[0]], codes[k[1]] = true, true
		}
		for k := range pb {
			codes[k[0]], codes[k[1]] = true, true
		}
		list := make([]string, 0, len(codes))
		for c := range codes {
			list = append(list, c)
		}
		slices.Sort(list)
		for _, s := range list {
			for _, t := range list {
				if s != t {
					k := [2]string{s, t}
					pairs = append(pairs, [2]int{pa[k], pb[k]})
				}
			}
		}
		same := len(pa) == len(pb)
		for k, v := range pa {
			if pv, ok := pb[k]; ok {
				common++
				same = same && pv == v
			} else {
				onlyA++
				same = false
			}
		}
		for k := range pb {
			if _, ok := pa[k]; !ok {
				onlyB++
			}
		}
		if !same {
			differ++
		}
	}
	ki, oi := kappa(items)
	kp, op := kappa(pairs)
	p := float64(common) / float64(max(1, common+onlyB))
	r := float64(common) / float64(max(1, common+onlyA))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	fmt.Fprintf(w, "items %d; any pair or none: kappa %.3f (observed %.3f)\n", len(ids), ki, oi)
	fmt.Fprintf(w, "ordered pairs of the states either named, labelled none/+1/-1: kappa %.3f (observed %.3f, %d pairs)\n", kp, op, len(pairs))
	fmt.Fprintf(w, "pairs of the second against the first: F1 %.3f (%d in common, %d only in the first, %d only in the second); %d items differ\n", f1, common, onlyA, onlyB, differ)
	return nil
}

// b2i is 1 for true.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
