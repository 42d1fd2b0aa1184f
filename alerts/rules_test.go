package alerts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/internal/fuzzseed"
)

// TestRuleFiles loads testdata/*.good.yaml, which must be valid, and
// testdata/*.bad.yaml, whose first line is a comment with the expected
// error text (file:line:column: message).
func TestRuleFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			rs, err := LoadRules(f)
			if strings.HasSuffix(f, ".good.yaml") {
				if err != nil {
					t.Fatalf("LoadRules: %v", err)
				}
				if len(rs.Groups) == 0 {
					t.Fatal("no groups")
				}
				return
			}
			b, _ := os.ReadFile(f)
			first, _, _ := strings.Cut(string(b), "\n")
			want := "testdata/" + strings.TrimSpace(strings.TrimPrefix(first, "#"))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("LoadRules error = %v\nwant it to contain %q", err, want)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	rs, err := LoadRules("testdata/minimal.good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := rs.Groups[0]
	r := g.Rules[0]
	if g.Interval != Duration(time.Minute) || *r.MinArticles != 10 || *r.MinOutlets != 2 {
		t.Errorf("defaults: interval %s, min_articles %d, min_outlets %d", g.Interval, *r.MinArticles, *r.MinOutlets)
	}
	d := r.Detector
	if *d.Recent != Duration(3*time.Hour) || *d.Baseline != Duration(48*time.Hour) || *d.Z != 3 || *d.MinDelta != 0.3 || d.Direction != "both" {
		t.Errorf("shift defaults: %+v", d)
	}
}

func TestDefaultRules(t *testing.T) {
	rs := DefaultRules()
	var names []string
	for _, g := range rs.Groups {
		for _, r := range g.Rules {
			names = append(names, r.Alert)
		}
	}
	if got := strings.Join(names, ","); got != "RelationshipTurnedHostile,RelationshipWarmed" {
		t.Errorf("default rules = %s", got)
	}
}

func TestSizeLimit(t *testing.T) {
	big := "# " + strings.Repeat("x", MaxRuleFileBytes) + "\n"
	_, err := ParseRules("big.yaml", []byte(big))
	if err == nil || !strings.Contains(err.Error(), "big.yaml: rule file is") {
		t.Fatalf("error = %v", err)
	}
	p := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(p, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRules(p); err == nil || !strings.Contains(err.Error(), "larger than the limit") {
		t.Fatalf("LoadRules error = %v", err)
	}
}

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"0", 0, false},
		{"90s", 90 * time.Second, false},
		{"5m", 5 * time.Minute, false},
		{"48h", 48 * time.Hour, false},
		{"7d", 7 * 24 * time.Hour, false},
		{"1w", 7 * 24 * time.Hour, false},
		{"1d12h30m", 36*time.Hour + 30*time.Minute, false},
		{"250ms", 250 * time.Millisecond, false},
		{"", 0, true},
		{"5", 0, true},
		{"-5m", 0, true},
		{"1.5h", 0, true},
		{"5m1h", 0, true},
		{"99999999999999w", 0, true},
	} {
		got, err := ParseDuration(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func FuzzParseRules(f *testing.F) {
	fuzzseed.Files(f, "testdata/*.yaml", "rules/default.yaml")
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ParseRules("fuzz.yaml", b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml:") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		// A rule set that parsed is complete: every rule is compiled.
		for _, g := range rs.Groups {
			if g.Interval <= 0 {
				t.Fatalf("group %q has interval %s", g.Name, g.Interval)
			}
			for _, r := range g.Rules {
				if r.det == nil || r.MinArticles == nil || *r.MinArticles < 2 {
					t.Fatalf("rule %q is not compiled", r.Alert)
				}
			}
		}
	})
}

func ExampleParseRules() {
	_, err := ParseRules("rules.yaml", []byte(`groups:
  - name: g
    rules:
      - alert: Hostile
        detector: {type: shift, z: -1}
        min_outlets: 0
`))
	fmt.Println(err)
	// Output:
	// rules.yaml:5:36: groups[0] (g): rules[0] (Hostile): detector: z: must be a positive number, got -1
	// rules.yaml:6:22: groups[0] (g): rules[0] (Hostile): min_outlets: must be at least 1, got 0
}
