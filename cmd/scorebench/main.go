// Command scorebench measures the throughput of the stance scorer on a JSON
// Lines corpus and compares it with VADER sentence sentiment on the same
// sentences.
//
//	go run ./cmd/scorebench ../shared/data/reuters21578.jsonl.gz
//
// (or -corpus FILE).
// The corpus holds one {"id","published_at","title","body"} object a line,
// plain or gzip-compressed. Empty articles are scored like the others; a
// malformed date counts as unknown; an undecodable line is counted and
// skipped.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jonreiter/govader"

	"github.com/stancemon/stancemon/internal/jsonl"
	"github.com/stancemon/stancemon/stance"
)

func main() {
	corpus := flag.String("corpus", "../shared/data/reuters21578.jsonl.gz", "JSON Lines corpus, plain or .gz")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "workers of the all-core runs")
	limit := flag.Int("limit", 0, "score at most this many articles (0: all)")
	skipVADER := flag.Bool("no-vader", false, "skip the VADER runs")
	flag.Parse()
	if flag.NArg() > 0 {
		*corpus = flag.Arg(0)
	}
	if err := run(os.Stdout, *corpus, *workers, *limit, !*skipVADER); err != nil {
		fmt.Fprintln(os.Stderr, "scorebench:", err)
		os.Exit(1)
	}
}

// corpusLine is one line of the corpus.
type corpusLine struct {
	ID          string `json:"id"`
	PublishedAt string `json:"published_at"`
	Title       string `json:"title"`
	Body        string `json:"body"`
}

// loaded is a corpus in memory.
type loaded struct {
	articles []stance.Article
	bytes    int64 // title + body bytes
	skipped  int   // undecodable lines
	badDates int   // dates that did not parse
}

// errLimit stops the reading of the corpus at -limit articles.
var errLimit = errors.New("limit reached")

// loadCorpus reads a JSON Lines corpus, plain or gzip-compressed.
func loadCorpus(path string, limit int) (loaded, error) {
	var l loaded
	f, err := os.Open(path)
	if err != nil {
		return l, fmt.Errorf("opening corpus: %w", err)
	}
	defer f.Close()
	r, err := jsonl.NewReader(f)
	if err != nil {
		return l, fmt.Errorf("opening corpus: %w", err)
	}
	err = jsonl.Scan(r, jsonl.Options{MaxLine: 64 << 20, KeepBlank: true}, func(n int, line []byte, err error) error {
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if limit > 0 && len(l.articles) >= limit {
			return errLimit
		}
		var cl corpusLine
		if err := json.Unmarshal(line, &cl); err != nil {
			l.skipped++
			return nil
		}
		a := stance.Article{ID: cl.ID, Title: cl.Title, Body: cl.Body}
		if cl.PublishedAt != "" {
			if t, err := time.Parse(time.RFC3339, cl.PublishedAt); err == nil {
				a.PublishedAt = t.UTC()
			} else {
				l.badDates++
			}
		}
		l.articles = append(l.articles, a)
		l.bytes += int64(len(cl.Title) + len(cl.Body))
		return nil
	})
	if err != nil && !errors.Is(err, errLimit) {
		return l, fmt.Errorf("reading corpus: %w", err)
	}
	return l, nil
}

// forEach runs fn on every article with n workers, each with its own state
// made by newWorker, and returns the elapsed time.
func forEach[W any](articles []stance.Article, n int, newWorker func() W, fn func(W, stance.Article)) time.Duration {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range n {
		w := newWorker()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(articles) {
					return
				}
				fn(w, articles[i])
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}

// rate is a measured throughput.
type rate struct {
	name     string
	workers  int
	elapsed  time.Duration
	articles int
	bytes    int64
}

// perSecond returns articles/s and MB/s.
func (r rate) perSecond() (float64, float64) {
	s := r.elapsed.Seconds()
	return float64(r.articles) / s, float64(r.bytes) / 1e6 / s
}

// run loads the corpus, scores it with the stance scorer on one and on
// all workers, then (withVADER) with VADER on the same sentences, and
// prints the rates and their ratio.
func run(out io.Writer, path string, workers, limit int, withVADER bool) error {
	if workers < 1 {
		return fmt.Errorf("-workers must be at least 1, not %d", workers)
	}
	c, err := loadCorpus(path, limit)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "corpus %s: %d articles, %.1f MB, %d undecodable lines skipped, %d bad dates (scored as unknown)\n",
		path, len(c.articles), float64(c.bytes)/1e6, c.skipped, c.badDates)
	sc, err := stance.NewScorer()
	if err != nil {
		return err
	}
	var dyads atomic.Int64
	scoreOne := func(_ struct{}, a stance.Article) { dyads.Add(int64(len(sc.Score(a).Dyads))) }
	var rates []rate
	for _, n := range []int{1, workers} {
		dyads.Store(0)
		el := forEach(c.articles, n, func() struct{} { return struct{}{} }, scoreOne)
		rates = append(rates, rate{"stance", n, el, len(c.articles), c.bytes})
	}
	fmt.Fprintf(out, "stance: %d dyads\n", dyads.Load())
	if withVADER {
		var sentences atomic.Int64
		vaderOne := func(v *govader.SentimentIntensityAnalyzer, a stance.Article) {
			ss := sc.Sentences(a)
			sentences.Add(int64(len(ss)))
			for _, s := range ss {
				v.PolarityScores(s)
			}
		}
		for _, n := range []int{1, workers} {
			sentences.Store(0)
			el := forEach(c.articles, n, govader.NewSentimentIntensityAnalyzer, vaderOne)
			rates = append(rates, rate{"vader", n, el, len(c.articles), c.bytes})
		}
		fmt.Fprintf(out, "vader: %d sentences\n", sentences.Load())
	}
	for _, r := range rates {
		aps, mbps := r.perSecond()
		fmt.Fprintf(out, "%-6s workers=%-2d %8.2fs %10.0f articles/s %7.2f MB/s\n", r.name, r.workers, r.elapsed.Seconds(), aps, mbps)
	}
	if withVADER {
		for i := 0; i < 2; i++ {
			s, _ := rates[i].perSecond()
			v, _ := rates[i+2].perSecond()
			fmt.Fprintf(out, "ratio stance/vader workers=%d: %.2fx\n", rates[i].workers, s/v)
		}
	}
	return nil
}
