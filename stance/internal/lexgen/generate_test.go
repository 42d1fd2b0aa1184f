package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancemon/stancemon/internal/fuzzseed"
)

// lexiconsDir is the shared lexicons folder beside the project checkout,
// seen from this package.
var lexiconsDir = filepath.Join("..", "..", "..", "..", "shared", "data", "lexicons")

// needShared skips the test when the shared lexicons are missing: the
// repository builds and tests without them.
func needShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(lexiconsDir, dictFile)); err != nil {
		t.Skipf("SKIPPED, NOT PASSED: the shared lexicons (%s) are missing, so the generated lexicon cannot be rebuilt and compared: %v", lexiconsDir, err)
	}
}

// sharedDictionary parses the shared CAMEO verb dictionary.
func sharedDictionary(t *testing.T) *dictionary {
	t.Helper()
	needShared(t)
	f, err := os.Open(filepath.Join(lexiconsDir, dictFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := parseDictionary(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGeneratedUpToDate checks that the committed data/cues_cameo.yaml and
// data/LICENSES.md are what the generator makes of the shared lexicons and
// the current hand lexicon. If it fails, run: go generate ./stance/
func TestGeneratedUpToDate(t *testing.T) {
	needShared(t)
	g, err := generate(lexiconsDir, filepath.Join("..", "..", "data", "cues.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name string
		want []byte
	}{
		{"cues_cameo.yaml", g.lexicon},
		{"LICENSES.md", g.licenses},
	} {
		got, err := os.ReadFile(filepath.Join("..", "..", "data", f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.want) {
			t.Errorf("stance/data/%s is not what the generator makes of the sources; run: go generate ./stance/", f.name)
		}
	}
	var report bytes.Buffer
	g.report(&report, false)
	for _, want := range []string{"entries from 397 verb blocks", "coverage (category x mode -> generated and hand entries):", "ASSAULT      torture"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestGenerateMissingSources checks the error for a folder without the
// sources.
func TestGenerateMissingSources(t *testing.T) {
	_, err := generate(t.TempDir(), filepath.Join("..", "..", "data", "cues.yaml"))
	if err == nil || !strings.Contains(err.Error(), "reading verb dictionary") {
		t.Errorf("got %v, want a reading error", err)
	}
}

// FuzzParseDictionary checks that the dictionary parser and the build
// never panic and report problems on lines that exist.
func FuzzParseDictionary(f *testing.F) {
	fuzzseed.Files(f, "testdata/*.txt")
	f.Add([]byte("---  X  [070:  ---\n- * ( { ) } [1]\n+\n&\n+A_\n- * &NOPE [070]\n"))
	h, err := parseHand([]byte(sampleHand))
	if err != nil {
		f.Fatal(err)
	}
	cw, err := parseCrosswalk(strings.NewReader("070: AID, ,\n111: ACCUSE, disapprove,\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseDictionary(bytes.NewReader(data))
		if err != nil {
			return // a line longer than the scanner takes
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range d.problems {
			if p.line < 1 || p.line > lines || p.reason == "" {
				t.Errorf("problem %+v outside the %d lines", p, lines)
			}
		}
		for _, e := range build(d, cw, h).entries {
			for _, w := range e.words {
				for _, form := range w {
					if !plainWord(form) {
						t.Errorf("entry %q has word %q", e.text(), form)
					}
				}
			}
		}
	})
}

// FuzzParseCrosswalk checks that the crosswalk parser never panics and
// maps only to the scorer's categories.
func FuzzParseCrosswalk(f *testing.F) {
	fuzzseed.Files(f, "testdata/*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		cw, err := parseCrosswalk(bytes.NewReader(data))
		if err != nil {
			return
		}
		for code, pc := range cw.codes {
			if _, ok := categoryByName(pc.category); !ok {
				t.Errorf("code %s maps to %q", code, pc.category)
			}
		}
	})
}
