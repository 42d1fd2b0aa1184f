package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stancemon/stancemon/stance"
)

func TestEvaluateMetrics(t *testing.T) {
	items := []goldItem{
		{ID: "1", Text: "one", Dyads: []goldDyad{{"USA", "RUS", -1}, {"RUS", "USA", -1}}},
		{ID: "2", Text: "two", Dyads: []goldDyad{{"CHN", "JPN", 1}}},
		{ID: "3", Text: "three", Dyads: []goldDyad{}},
		{ID: "4", Text: "four", Dyads: []goldDyad{{"ISR", "PSE", -1}, {"ISR", "PSE", -1}}},
	}
	predictions := map[string][]stance.Dyad{
		// TP with the right sign, one miss (RUS>USA), an org dyad ignored.
		"one": {{Source: "USA", Target: "RUS", Score: -0.5}, {Source: "NATO", Target: "RUS", Score: -0.5}},
		// TP with the wrong sign.
		"two": {{Source: "CHN", Target: "JPN", Score: -0.2}},
		// Two false dyads.
		"three": {{Source: "FRA", Target: "DEU", Score: 0.3}, {Source: "DEU", Target: "FRA", Score: 0.3}},
		// Duplicate gold dyads count once.
		"four": {{Source: "ISR", Target: "PSE", Score: -0.9}},
	}
	isState := func(code string) bool { return len(code) == 3 }
	r := evaluate(items, func(text string) []stance.Dyad { return predictions[text] }, isState)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"items", float64(r.Items), 4},
		{"gold", float64(r.Gold), 4},
		{"predicted", float64(r.Predicted), 5},
		{"tp", float64(r.TP), 3},
		{"fp", float64(r.FP), 2},
		{"fn", float64(r.FN), 1},
		{"precision", r.Precision, 3.0 / 5},
		{"recall", r.Recall, 3.0 / 4},
		{"f1", r.F1, 2 * (0.6 * 0.75) / (0.6 + 0.75)},
		{"polarity ok", float64(r.PolarityOK), 2},
		{"polarity accuracy", r.PolarityAcc, 2.0 / 3},
		{"misses", float64(len(r.Misses)), 1},
		{"false", float64(len(r.False)), 2},
		{"wrong sign", float64(len(r.WrongSign)), 1},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
			}
		})
	}
	if m := r.Misses[0]; m.ID != "1" || m.Source != "RUS" || m.Target != "USA" || m.Text != "one" {
		t.Errorf("miss %+v, want item 1 RUS>USA with its sentence", m)
	}
}

func TestEvaluateEmpty(t *testing.T) {
	r := evaluate(nil, func(string) []stance.Dyad { return nil }, func(string) bool { return true })
	if r.Precision != 0 || r.Recall != 0 || r.F1 != 0 || r.PolarityAcc != 0 {
		t.Errorf("empty evaluation %+v, want zero ratios", r)
	}
}

func TestDecodeGoldLine(t *testing.T) {
	cases := []struct {
		name    string
		line    string
		wantErr string
	}{
		{"good", `{"id":"a","text":"t","dyads":[{"source":"USA","target":"RUS","polarity":-1}]}`, ""},
		{"empty dyads", `{"id":"a","text":"","dyads":[]}`, ""},
		{"no id", `{"text":"t","dyads":[]}`, "id: missing"},
		{"no text", `{"id":"a","dyads":[]}`, "text: missing"},
		{"no dyads", `{"id":"a","text":"t"}`, "dyads: missing"},
		{"null dyads", `{"id":"a","text":"t","dyads":null}`, "dyads: missing or null"},
		{"dyads not a list", `{"id":"a","text":"t","dyads":{}}`, "dyads:"},
		{"bad code", `{"id":"a","text":"t","dyads":[{"source":"usa","target":"RUS","polarity":1}]}`, `dyads[0]: source "usa"`},
		{"self", `{"id":"a","text":"t","dyads":[{"source":"RUS","target":"RUS","polarity":1}]}`, "both"},
		{"polarity", `{"id":"a","text":"t","dyads":[{"source":"USA","target":"RUS","polarity":0}]}`, "polarity must be"},
		{"unknown field", `{"id":"a","text":"t","dyads":[],"x":1}`, "unknown field"},
		{"unknown dyad field", `{"id":"a","text":"t","dyads":[{"source":"USA","target":"RUS","polarity":1,"w":2}]}`, "unknown field"},
		{"trailing", `{"id":"a","text":"t","dyads":[]}x`, "trailing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeGoldLine([]byte(tc.line))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("decodeGoldLine: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestReadGoldNamesLine(t *testing.T) {
	in := `{"id":"a","text":"t","dyads":[]}` + "\n\n" + `{"id":"b","text":"t","dyads":[{"source":"USA"}]}`
	_, err := readGold(strings.NewReader(in), 1<<10)
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("error %v, want one naming line 3", err)
	}
	_, err = readGold(strings.NewReader(`{"id":"a","text":"`+strings.Repeat("x", 100)+`","dyads":[]}`), 50)
	if err == nil || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "too long") {
		t.Fatalf("error %v, want a too-long line 1", err)
	}
}

func FuzzDecodeGoldLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"t","dyads":[{"source":"USA","target":"RUS","polarity":-1}]}`,
		`{"id":"a","text":"","dyads":[]}`,
		`{"id":"a","text":"t","dyads":null}`,
		`{}`, `[]`, `{"id":`, "\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		it, err := decodeGoldLine(line)
		if err != nil {
			return
		}
		if it.ID == "" || it.Dyads == nil {
			t.Errorf("accepted item without id or dyads: %+v", it)
		}
		for _, d := range it.Dyads {
			if !isStateCode(d.Source) || !isStateCode(d.Target) || d.Source == d.Target || d.Polarity*d.Polarity != 1 {
				t.Errorf("accepted bad dyad %+v", d)
			}
		}
	})
}

func TestEvalCommand(t *testing.T) {
	dir := t.TempDir()
	gold := dir + "/gold.jsonl"
	lines := `{"id":"w","text":"China warned Japan on Tuesday.","dyads":[{"source":"CHN","target":"JPN","polarity":-1}]}
{"id":"n","text":"The weather was fine in Paris.","dyads":[]}
`
	if err := os.WriteFile(gold, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := newEvalCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetArgs([]string{"--gold", gold, "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("eval: %v", err)
	}
	var r evalReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("decoding report: %v\n%s", err, out.String())
	}
	if r.Items != 2 || r.TP != 1 || r.FP != 0 || r.FN != 0 || r.F1 != 1 || r.PolarityAcc != 1 {
		t.Errorf("report %+v, want a perfect score on two items", r)
	}
}
