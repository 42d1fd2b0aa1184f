package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancemon/stancemon/eval"
)

// runEval runs "stancemon eval" with args and returns its output.
func runEval(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(append([]string{"eval"}, args...))
	err := cmd.Execute()
	return out.String(), err
}

func TestEvalCommand(t *testing.T) {
	const gold = "testdata/eval-gold.jsonl"
	cases := []struct {
		split                     string
		items, tp, fp, fn, opt    int
		first, last               int
		precision, recall, polAcc float64
	}{
		{"all", 4, 3, 0, 1, 1, 1, 4, 1, 0.75, 1},
		{"first", 2, 2, 0, 0, 1, 1, 2, 1, 1, 1},
		{"second", 2, 1, 0, 1, 0, 3, 4, 1, 0.5, 1},
	}
	for _, tc := range cases {
		t.Run(tc.split, func(t *testing.T) {
			out, err := runEval(t, "--gold", gold, "--json", "--split", tc.split)
			if err != nil {
				t.Fatalf("eval: %v\n%s", err, out)
			}
			var r eval.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("decoding report: %v\n%s", err, out)
			}
			if r.Items != tc.items || r.TP != tc.tp || r.FP != tc.fp || r.FN != tc.fn || r.Optional != tc.opt ||
				r.First != tc.first || r.Last != tc.last || r.Total != 4 ||
				r.Precision != tc.precision || r.Recall != tc.recall || r.PolarityAcc != tc.polAcc {
				t.Errorf("report %+v, want %+v", r, tc)
			}
		})
	}
}

func TestEvalCommandText(t *testing.T) {
	out, err := runEval(t, "--gold", "testdata/eval-gold.jsonl", "--errors", "5")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, out)
	}
	for _, want := range []string{
		"items            4\n",
		"predicted dyads  3 (and 1 optional, not counted)\n",
		"TP 3  FP 0  FN 1\n",
		"F1               0.857\n",
		"  CONSULT                 2      2   1.000",
		"  no-actor                1      0          0\n",
		"missed dyads (1):\n  calm  USA->CHN -1  no-actor (not found: USA, CHN)  Markets were calm on Monday.\n",
		"false dyads (0):\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, err = runEval(t, "--gold", "testdata/eval-gold.jsonl", "--errors", "0")
	if err != nil || !strings.Contains(out, "missed dyads (1):\n  ... 1 more\n") {
		t.Errorf("--errors 0: %v\n%s", err, out)
	}
}

func TestEvalCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"a","text":"t","dyads":[]}`+"\n"+`{"id":"b","text":"t","dyads":[{"source":"USA","target":"RUS","polarity":2}]}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no gold", nil, "--gold is required"},
		{"bad split", []string{"--gold", bad, "--split", "third"}, `--split: split must be first, second or all, not "third"`},
		{"missing file", []string{"--gold", filepath.Join(dir, "none.jsonl")}, "opening gold:"},
		{"bad line", []string{"--gold", bad}, bad + `: reading gold: line 2: item "b": dyads[0].polarity: must be 1 or -1, not 2`},
		{"line too long", []string{"--gold", bad, "--max-line", "40"}, "reading gold: line 2: line over the size limit of 40 bytes"},
		{"file too large", []string{"--gold", bad, "--max-file", "40"}, "reading gold: file over the size limit of 40 bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runEval(t, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
