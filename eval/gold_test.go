package eval

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/internal/fuzzseed"
	"github.com/stancemon/stancemon/stance"
)

// readFile reads a gold file with the default limits.
func readFile(t testing.TB, name string) ([]Item, error) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadGold(f, Limits{})
}

func TestReadGoldBadFiles(t *testing.T) {
	want := map[string]string{
		"bad_source.bad.jsonl":       `line 1: item "a": dyads[0].source: "usa" is not a 3-letter upper-case code`,
		"category.bad.jsonl":         `line 1: item "a": dyads[0].category: "WAR" is not a PLOVER category (one of AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN, SANCTION, PROTEST, MOBILIZE, COERCE, ASSAULT, REQUEST, ACCUSE)`,
		"date.bad.jsonl":             `line 1: item "a": date: "28/03/1987" is neither YYYY-MM-DD nor RFC 3339`,
		"duplicate_id.bad.jsonl":     `line 3: item "a": id: already used on line 1`,
		"dyads_object.bad.jsonl":     `line 1: item "a": dyads: want a list, not object`,
		"id_number.bad.jsonl":        `line 1: decoding item: id: want a string, not number`,
		"no_dyads.bad.jsonl":         `line 1: item "a": dyads: missing or null (use [] for none)`,
		"no_id.bad.jsonl":            `line 2: id: missing or empty`,
		"no_target.bad.jsonl":        `line 1: item "a": dyads[1].target: missing`,
		"no_text.bad.jsonl":          `line 1: item "a": text: missing or null`,
		"not_object.bad.jsonl":       `line 1: decoding item: want an object, not array`,
		"optional_code.bad.jsonl":    `line 1: item "a": optional[0].target: "Russia" is not a 3-letter upper-case code`,
		"optional_gold.bad.jsonl":    `line 1: item "a": optional[0]: USA->RUS is also a gold dyad`,
		"optional_object.bad.jsonl":  `line 1: item "a": optional: want a list, not object`,
		"polarity_missing.bad.jsonl": `line 1: item "a": dyads[0].polarity: missing`,
		"polarity_string.bad.jsonl":  `line 1: item "a": dyads[0].polarity: want an integer, not string`,
		"polarity_zero.bad.jsonl":    `line 1: item "a": dyads[0].polarity: must be 1 or -1, not 0`,
		"self_pair.bad.jsonl":        `line 1: item "a": dyads[0]: source and target are both "RUS"`,
		"syntax.bad.jsonl":           `line 1: decoding item: invalid JSON: the line ends inside the object`,
		"trailing.bad.jsonl":         `line 1: item "a": trailing data after the JSON object`,
	}
	files, err := filepath.Glob("testdata/*.bad.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			w, ok := want[base]
			if !ok {
				t.Fatalf("no expected error for %s: add it to the table", base)
			}
			delete(want, base)
			_, err := readFile(t, name)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != "reading gold: "+w {
				t.Errorf("error\n  %s\nwant\n  reading gold: %s", got, w)
			}
			var le *LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Errorf("error %v is no *LineError with a line", err)
			}
		})
	}
	for base := range want {
		t.Errorf("%s: listed but missing from testdata", base)
	}
}

func TestReadGoldGoodFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/*.good.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no good files")
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			items, err := readFile(t, name)
			if err != nil {
				t.Fatal(err)
			}
			if len(items) == 0 {
				t.Error("no items")
			}
		})
	}
}

func TestReadGoldFields(t *testing.T) {
	items, err := readFile(t, "testdata/full.good.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	a, b, c := items[0], items[1], items[2]
	cases := []struct {
		name      string
		got, want any
	}{
		{"a date", a.Date, time.Date(1987, 3, 28, 0, 0, 0, 0, time.UTC)},
		{"a line", a.Line, 1},
		{"a dyads", len(a.Dyads), 1},
		{"a category", a.Dyads[0].Category, stance.Sanction},
		{"b line after a blank one", b.Line, 3},
		{"b RFC 3339 date in UTC", b.Date, time.Date(2023, 2, 22, 9, 30, 0, 0, time.UTC)},
		{"b REQUEST is DEMAND", b.Dyads[0].Category, stance.Demand},
		{"b lower-case accuse is DISAPPROVE", b.Dyads[1].Category, stance.Disapprove},
		{"b optional", len(b.Optional), 1},
		{"b optional pair", b.Optional[0], Pair{"JPN", "USA"}},
		{"c empty date", c.Date.IsZero(), true},
		{"c empty category", c.Dyads[0].Category, stance.Category("")},
		{"c null category", c.Dyads[1].Category, stance.Category("")},
		{"c null optional", len(c.Optional), 0},
		{"c polarity", c.Dyads[1].Polarity, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestReadGoldLimits(t *testing.T) {
	line := `{"id":"a","text":"t","dyads":[]}` // 32 bytes
	cases := []struct {
		name    string
		in      string
		lim     Limits
		items   int
		wantErr string
		line    int // of a *LineError, 0 for none
	}{
		{"line at the limit", line + "\n", Limits{MaxLine: len(line)}, 1, "", 0},
		{"CRLF line at the limit", line + "\r\n", Limits{MaxLine: len(line)}, 1, "", 0},
		{"line over the limit", line + "\n" + line + " \n", Limits{MaxLine: len(line)}, 0,
			"reading gold: line 2: line over the size limit of 32 bytes", 2},
		{"long line over the buffer", line + "\n" + strings.Repeat(" ", 1000) + line + "\n", Limits{MaxLine: 100}, 0,
			"reading gold: line 2: line over the size limit of 100 bytes", 2},
		{"file at the limit", line + "\n", Limits{MaxFile: int64(len(line) + 1)}, 1, "", 0},
		{"file over the limit", line + "\n" + line + "\n", Limits{MaxFile: int64(len(line) + 10)}, 0,
			"reading gold: file over the size limit of 42 bytes", 0},
		{"no final line break", line, Limits{}, 1, "", 0},
		{"blank lines only", "\n \n\t\n", Limits{}, 0, "", 0},
		{"largest limits", line + "\n" + strings.Replace(line, `"a"`, `"b"`, 1) + "\n", Limits{MaxLine: math.MaxInt, MaxFile: math.MaxInt64}, 2, "", 0},
		{"negative limit", line, Limits{MaxLine: -1}, 0, "reading gold: negative size limit (line -1, file 268435456)", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			items, err := ReadGold(strings.NewReader(tc.in), tc.lim)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(items) != tc.items {
					t.Errorf("%d items, want %d", len(items), tc.items)
				}
				return
			}
			if err == nil || err.Error() != tc.wantErr {
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			if strings.Contains(tc.wantErr, "size limit of") && !errors.Is(err, ErrTooLarge) {
				t.Errorf("error %v does not wrap ErrTooLarge", err)
			}
			var le *LineError
			if got := errors.As(err, &le); got != (tc.line > 0) || (got && le.Line != tc.line) {
				t.Errorf("error %v: line error %v, want line %d", err, le, tc.line)
			}
		})
	}
}

// FuzzReadGold checks that ReadGold accepts only valid items and never
// panics; the seeds are the testdata files.
func FuzzReadGold(f *testing.F) {
	fuzzseed.Files(f, "testdata/*.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ReadGold(strings.NewReader(string(data)), Limits{MaxLine: 4096, MaxFile: 1 << 16})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "reading gold: ") {
				t.Errorf("error %q lacks the reading gold prefix", err)
			}
			var le *LineError
			if errors.As(err, &le) && le.Line < 1 {
				t.Errorf("error %q names line %d", err, le.Line)
			}
			return
		}
		ids := map[string]bool{}
		line := 0
		for _, it := range items {
			if it.ID == "" || ids[it.ID] || it.Dyads == nil || it.Line <= line {
				t.Errorf("accepted item with a bad id, dyads or line: %+v", it)
			}
			ids[it.ID], line = true, it.Line
			gold := map[Pair]bool{}
			for _, d := range it.Dyads {
				if !isStateCode(d.Source) || !isStateCode(d.Target) || d.Source == d.Target || d.Polarity*d.Polarity != 1 {
					t.Errorf("accepted bad dyad %+v", d)
				}
				if _, ok := goldCategories[string(d.Category)]; d.Category != "" && !ok {
					t.Errorf("accepted unknown category %q", d.Category)
				}
				gold[Pair{d.Source, d.Target}] = true
			}
			for _, p := range it.Optional {
				if !isStateCode(p.Source) || !isStateCode(p.Target) || p.Source == p.Target || gold[p] {
					t.Errorf("accepted bad optional pair %+v", p)
				}
			}
			if !it.Date.IsZero() && it.Date.Location() != time.UTC {
				t.Errorf("date %v is not UTC", it.Date)
			}
		}
	})
}
