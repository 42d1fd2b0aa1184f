// Command devset draws the sentences of the stancemon development set from
// the Reuters-21578 corpus (../shared/data/reuters21578.jsonl.gz) at random,
// with a fixed seed, and writes them as JSON Lines ready for annotation
// (docs/annotation.md). Every item records the article it came from.
//
// The corpus is 1987 economics and politics wire; most of its sentences name
// no state at all, so the draw is stratified by the number of distinct states
// the embedded gazetteer finds in a sentence (see docs/annotation.md, "The
// sample"). Source and terms: Reuters-21578, Distribution 1.0, free
// distribution for research purposes only.
//
//	go run ./cmd/devset -corpus ../shared/data/reuters21578.jsonl.gz -out testdata/devset/sentences.jsonl
//	go run ./cmd/devset -agree   # Cohen's kappa of the two annotators
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/stancemon/stancemon/stance"
)

// item is one sentence to annotate.
type item struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Date    string `json:"date"`
	Article string `json:"article"`
	Stratum string `json:"stratum"`
}

func main() {
	corpus := flag.String("corpus", "../shared/data/reuters21578.jsonl.gz", "the Reuters corpus (JSON Lines, gzip)")
	out := flag.String("out", "-", "output file, - for standard output")
	seed := flag.Uint64("seed", 20261202, "random seed")
	two := flag.Int("two", 420, "sentences naming two or more states")
	one := flag.Int("one", 130, "sentences naming exactly one state")
	any := flag.Int("any", 100, "sentences drawn from all")
	exclude := flag.String("exclude", "", "a sentences file whose items are not drawn again")
	agreeFlag := flag.Bool("agree", false, "print the agreement of two annotators' answer files instead (-a, -b)")
	fileA := flag.String("a", "testdata/devset/annotator-1.jsonl", "with -agree: the first annotator's answers")
	fileB := flag.String("b", "testdata/devset/annotator-2.jsonl", "with -agree: the second annotator's answers")
	flag.Parse()
	if *agreeFlag {
		if err := agree(os.Stdout, *fileA, *fileB); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := run(*corpus, *out, *exclude, *seed, map[string]int{"two": *two, "one": *one, "any": *any}); err != nil {
		log.Fatal(err)
	}
}

// run reads the corpus, splits it into sentences as the scorer does and
// draws want[stratum] sentences from each stratum.
func run(corpus, out, exclude string, seed uint64, want map[string]int) error {
	f, err := os.Open(corpus)
	if err != nil {
		return fmt.Errorf("opening corpus: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading corpus: %w", err)
	}
	sc, err := stance.NewScorer()
	if err != nil {
		return err
	}
	gaz := sc.Gazetteer()
	strata := map[string][]item{}
	dec := json.NewDecoder(bufio.NewReaderSize(zr, 1<<20))
	var ms []stance.Mention
	for {
		var a struct {
			ID          string `json:"id"`
			PublishedAt string `json:"published_at"`
			Title       string `json:"title"`
			Body        string `json:"body"`
		}
		if err := dec.Decode(&a); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("decoding corpus: %w", err)
		}
		at, err := time.Parse(time.RFC3339, a.PublishedAt)
		if err != nil {
			continue // the one malformed date of the corpus
		}
		sents := sc.Sentences(stance.Article{Body: a.Body, PublishedAt: at})
		for k, s := range sents {
			words := len(strings.Fields(s))
			if words < 6 || words > 70 {
				continue // tables, datelines and run-on fragments
			}
			ms = gaz.Find(s, at, ms[:0])
			states := map[string]bool{}
			for _, m := range ms {
				if m.Kind == stance.KindState {
					states[m.Code] = true
				}
			}
			it := item{ID: fmt.Sprintf("%s-s%d", a.ID, k), Text: s, Date: at.UTC().Format("2006-01-02"), Article: a.ID}
			switch {
			case len(states) >= 2:
				strata["two"] = append(strata["two"], it)
			case len(states) == 1:
				strata["one"] = append(strata["one"], it)
			}
			strata["all"] = append(strata["all"], it)
		}
	}
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	seen := map[string]bool{}
	if exclude != "" {
		ids, err := readIDs(exclude)
		if err != nil {
			return err
		}
		for _, id := range ids {
			seen[id] = true
		}
	}
	var picked []item
	for _, st := range []string{"two", "one", "any"} {
		pool := strata[st]
		if st == "any" {
			pool = strata["all"]
		}
		perm := r.Perm(len(pool))
		n := 0
		for _, i := range perm {
			if n == want[st] {
				break
			}
			it := pool[i]
			if seen[it.ID] {
				continue
			}
			seen[it.ID] = true
			it.Stratum = st
			picked = append(picked, it)
			n++
		}
		log.Printf("stratum %s: %d of %d sentences", st, n, len(pool))
	}
	// Shuffle so that annotators do not see the strata in blocks.
	r.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	w := io.Writer(os.Stdout)
	if out != "-" {
		of, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("creating output: %w", err)
		}
		defer of.Close()
		w = of
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, it := range picked {
		if err := enc.Encode(it); err != nil {
			return fmt.Errorf("writing: %w", err)
		}
	}
	return bw.Flush()
}

// readIDs reads the item ids of a JSON Lines file.
func readIDs(path string) ([]string, error) {
	_, ids, err := readAnswers(path)
	return ids, err
}
