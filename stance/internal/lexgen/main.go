// Command lexgen builds the scorer's generated cue lexicon,
// stance/data/cues_cameo.yaml, from the field's event-coding dictionaries:
// the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, MIT licence) gives
// verbs and verb phrases with their CAMEO codes, and the CAMEO to PLOVER
// crosswalk (CAMEO2PLOVER-2021.txt, CC BY-SA 4.0) maps each code to a PLOVER
// category and mode, which become the scorer's categories (REQUEST is
// DEMAND, ACCUSE is DISAPPROVE, ACCUSE investigate is INVESTIGATE).
//
// Every entry records the dictionary and crosswalk lines it came from; the
// licence notices go to the header of the output and, in full, to
// LICENSES.md beside it. The program prints what it skipped and why, and the
// coverage of the PLOVER categories and modes by the generated and the hand
// entries.
//
//	go run ./internal/lexgen -lexicons ../../shared/data/lexicons -out data/cues_cameo.yaml
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
)

// Source file names in the lexicons folder.
const (
	dictFile      = "CAMEO.2.0.txt"
	crosswalkFile = "CAMEO2PLOVER-2021.txt"
	mitFile       = "LICENSE.petrarch2.txt"
)

func main() {
	lexicons := flag.String("lexicons", "../../shared/data/lexicons", "folder of the source lexicons")
	hand := flag.String("hand", "data/cues.yaml", "hand cue lexicon the generated one lies beneath")
	out := flag.String("out", "data/cues_cameo.yaml", "generated cue lexicon")
	licenses := flag.String("licenses", "", "licence notices file (default: LICENSES.md beside -out)")
	verbose := flag.Bool("v", false, "print examples of every skip reason")
	flag.Parse()
	if *licenses == "" {
		*licenses = filepath.Join(filepath.Dir(*out), "LICENSES.md")
	}
	g, err := generate(*lexicons, *hand)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*out, g.lexicon); err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*licenses, g.licenses); err != nil {
		log.Fatal(err)
	}
	g.report(os.Stdout, *verbose)
}

// generated is the output of one generator run.
type generated struct {
	lexicon  []byte // data/cues_cameo.yaml
	licenses []byte // data/LICENSES.md
	res      *result
	dict     *dictionary
	cw       *crosswalk
	// cells is the coverage table of the generated and hand entries.
	cells []coverageCell
}

// generate reads the sources in folder dir and the hand lexicon, and
// renders the outputs.
func generate(dir, handPath string) (*generated, error) {
	handData, err := os.ReadFile(handPath)
	if err != nil {
		return nil, fmt.Errorf("reading hand lexicon: %w", err)
	}
	h, err := parseHand(handData)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", handPath, err)
	}
	dictData, err := os.ReadFile(filepath.Join(dir, dictFile))
	if err != nil {
		return nil, fmt.Errorf("reading verb dictionary: %w", err)
	}
	cwData, err := os.ReadFile(filepath.Join(dir, crosswalkFile))
	if err != nil {
		return nil, fmt.Errorf("reading crosswalk: %w", err)
	}
	mit, err := os.ReadFile(filepath.Join(dir, mitFile))
	if err != nil {
		return nil, fmt.Errorf("reading PETRARCH2 licence: %w", err)
	}
	d, err := parseDictionary(bytes.NewReader(dictData))
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", dictFile, err)
	}
	cw, err := parseCrosswalk(bytes.NewReader(cwData))
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", crosswalkFile, err)
	}
	if len(cw.codes) == 0 {
		return nil, fmt.Errorf("parsing %s: no code mappings", crosswalkFile)
	}
	if err := checkHandModes(h, cw); err != nil {
		return nil, fmt.Errorf("checking %s: %w", handPath, err)
	}
	res := build(d, cw, h)
	if len(res.entries) == 0 {
		return nil, fmt.Errorf("building cues: no entries")
	}
	cells := coverage(res, cw, h)
	n := notices{mit: string(mit), dictCopyright: copyrightLine(dictData)}
	return &generated{
		lexicon:  renderLexicon(res, d, cw, cells, n),
		licenses: renderLicenses(n),
		res:      res,
		dict:     d,
		cw:       cw,
		cells:    cells,
	}, nil
}

// writeFile writes data to name.
func writeFile(name string, data []byte) error {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// report prints the counts, the skip reasons and the coverage table.
func (g *generated) report(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "lexgen: %d entries from %d verb blocks, %d patterns, %d noun sets\n",
		len(g.res.entries), len(g.dict.blocks), countPatterns(g.dict), len(g.dict.sets))
	fmt.Fprintf(w, "dictionary lines skipped: %d\n", len(g.dict.problems))
	for _, rc := range problemCounts(g.dict.problems) {
		fmt.Fprintf(w, "  %5d  %s\n", rc.n, rc.reason)
	}
	fmt.Fprintf(w, "crosswalk lines skipped: %d\n", len(g.cw.problems))
	for _, rc := range problemCounts(g.cw.problems) {
		fmt.Fprintf(w, "  %5d  %s\n", rc.n, rc.reason)
	}
	fmt.Fprintf(w, "noun modifiers dropped from %d candidate phrases\n", g.res.modifiers)
	fmt.Fprintf(w, "candidates skipped:\n")
	for _, rc := range sortCounts(g.res.skipped) {
		fmt.Fprintf(w, "  %5d  %s\n", rc.n, rc.reason)
		if verbose {
			for _, ex := range g.res.examples[rc.reason] {
				fmt.Fprintf(w, "           e.g. %s\n", ex)
			}
		}
	}
	fmt.Fprintf(w, "coverage (category x mode -> generated and hand entries):\n")
	for _, l := range coverageLines(g.cells) {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// countPatterns counts the patterns of all blocks.
func countPatterns(d *dictionary) int {
	n := 0
	for _, b := range d.blocks {
		n += len(b.patterns)
	}
	return n
}
