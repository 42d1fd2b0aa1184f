package alerts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancemon/stancemon/internal/fuzzseed"
)

func TestRuleUnitTests(t *testing.T) {
	files, _ := filepath.Glob("testdata/tests/*.yaml")
	if len(files) == 0 {
		t.Fatal("no rule unit tests")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if err := RunTestFile(t.Context(), f); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestRuleUnitTestFailures(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "t.yaml")
	write := func(s string) {
		if err := os.WriteFile(f, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ name, in, want string }{
		{"unknown key", "rule_files: [builtin]\ntests:\n  - name: x\n    input: []\n", "t.yaml:4:5: unknown field \"input\""},
		{"no tests", "rule_files: [builtin]\n", "t.yaml: tests: a test file needs at least one test"},
		{"missing rule file", "rule_files: [nope.yaml]\ntests: [{name: x}]\n", "rule_files: reading rule file: open " + filepath.Join(dir, "nope.yaml")},
		{"wrong expectation", `rule_files: [builtin]
tests:
  - name: quiet
    input_series:
      - {source: CHN, target: PHL, values: [{from: 0h, to: 10h, per_hour: 5, score: 0.2, outlets: 3}]}
    alert_rule_test:
      - eval_time: 9h
        alertname: RelationshipTurnedHostile
        exp_alerts: [{exp_labels: {source: CHN, target: PHL, severity: warning}}]
`, `tests[0] (quiet): eval_time 9h0m0s, alertname RelationshipTurnedHostile: got alerts [], want [{severity="warning", source="CHN", target="PHL"} firing]`},
		{"bad span", `rule_files: [builtin]
tests:
  - name: x
    input_series: [{source: CHN, target: PHL, values: [{from: 5h, to: 1h, per_hour: 1}]}]
`, "input_series[0].values[0]: to (1h0m0s) must be after from (5h0m0s)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			write(tc.in)
			err := RunTestFile(t.Context(), f)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("RunTestFile error = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func FuzzParseTestFile(f *testing.F) {
	fuzzseed.Files(f, "testdata/tests/*.yaml")
	f.Fuzz(func(t *testing.T, b []byte) {
		tf, err := ParseTestFile("fuzz.yaml", b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if tf.Start.IsZero() || len(tf.Tests) == 0 {
			t.Fatalf("incomplete test file %+v", tf)
		}
	})
}
