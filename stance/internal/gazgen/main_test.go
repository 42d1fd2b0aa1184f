package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+AFGANISTAN_

GERMAN_DEMOCRATIC_REPUBLIC [DDR]
+EAST_GERMANY
	[DDR 19491007-19901003]
HANS_MODROW_  # CountryInfo.txt
	[DDRGOV 891113-900412]
`

func TestParsePhoenix(t *testing.T) {
	blocks, err := parsePhoenix(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 3 {
		t.Fatalf("%d blocks: %+v", len(blocks), blocks)
	}
	if got := strings.Join(blocks[1].names, " "); got != "GERMAN_DEMOCRATIC_REPUBLIC EAST_GERMANY" {
		t.Errorf("names %q", got)
	}
	if got := strings.Join(blocks[1].codes, "|"); got != "DDR|DDR 19491007-19901003" {
		t.Errorf("codes %q", got)
	}
	line, from, err := findPick(blocks, pick{"EAST_GERMANY", "DDR", "East Germany", "name", "DDR"})
	if err != nil || line != 7 || from != "1949-10-07" {
		t.Errorf("findPick: line %d, from %q, %v", line, from, err)
	}
	if _, _, err := findPick(blocks, pick{"EAST_GERMANY", "DDR", "West Germany", "name", "DDR"}); err == nil {
		t.Error("wrong spelling accepted")
	}
	if _, _, err := findPick(blocks, pick{"AFGANISTAN_", "PAK", "Afganistan", "name", "PAK"}); err == nil {
		t.Error("wrong block accepted")
	}
	if _, err := parsePhoenix(strings.NewReader("+ORPHAN\n")); err == nil {
		t.Error("synonym before entry accepted")
	}
}

func TestPhoenixDate(t *testing.T) {
	for in, want := range map[string]string{"19491007": "1949-10-07", "491007": "1949-10-07", "300101": "1930-01-01",
		"291231": "2029-12-31", "070723": "2007-07-23", ">1990": "", "": "", "4910a7": ""} {
		if got := phoenixDate(in); got != want {
			t.Errorf("phoenixDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGeneratedFilesCurrent regenerates the data files from the sources,
// where this machine has them, and checks the committed files match.
func TestGeneratedFilesCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "data", "actors")
	phoenix := filepath.Join("..", "..", "..", "..", "shared", "data", "lexicons", "Phoenix.Countries.actors.txt")
	if _, err := os.Stat(phoenix); err != nil {
		t.Logf("no Phoenix dictionary: %v", err)
	} else {
		known, err := knownPhrases(dir, historicalFile)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := historicalYAML(phoenix, known)
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, filepath.Join(dir, historicalFile), got)
	}
	dicts := []string{"/usr/share/dict/american-english", "/usr/share/dict/british-english"}
	for _, d := range dicts {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("no word list: %v", err)
		}
	}
	if _, err := os.Stat(phoenix); err == nil {
		got, cnt, err := officialsYAML(phoenix, dir, dicts)
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, filepath.Join(dir, officialsFile), got)
		if cnt.kept < 10000 || cnt.surnames < 1000 {
			t.Errorf("%d officials, %d surnames: too few", cnt.kept, cnt.surnames)
		}
	}
	got, _, err := notTyposYAML(dir, dicts)
	if err != nil {
		t.Fatal(err)
	}
	checkSame(t, filepath.Join(dir, notTyposFile), got)
}

func checkSame(t *testing.T, path string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not current: run go run ./stance/internal/gazgen (see its doc)", path)
	}
}
