package main

import (
	"strings"
	"testing"
)

// TestParseCrosswalk checks the mapping of CAMEO codes to the scorer's
// categories and PLOVER modes.
func TestParseCrosswalk(t *testing.T) {
	cases := []struct {
		name, line, code string
		cat, mode        string
	}{
		{"category and mode", "042: CONSULT, visit,   # Make a visit", "042", "CONSULT", "visit"},
		{"no mode, a context", "073: AID,   ,   humanitarian # Provide aid", "073", "AID", ""},
		{"REQUEST is DEMAND", "1041: REQUEST, change, executive # Demand change", "1041", "DEMAND", "change"},
		{"ACCUSE is DISAPPROVE", "112: ACCUSE, disapprove,    # Accuse", "112", "DISAPPROVE", "disapprove"},
		{"ACCUSE investigate is INVESTIGATE", "091: ACCUSE, investigate, crime; corruption # Investigate crime", "091", "INVESTIGATE", "investigate"},
		{"spaces inside the mode", "0861: RETREAT, access , peacekeeping # Receive", "0861", "RETREAT", "access"},
		{"category alone", "035: AGREE # Express intent to yield", "035", "AGREE", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cw, err := parseCrosswalk(strings.NewReader("# header\n03: AGREE\n" + tc.line + "\n~~~~~\n"))
			if err != nil {
				t.Fatal(err)
			}
			if len(cw.problems) > 0 {
				t.Fatalf("problems: %+v", cw.problems)
			}
			pc, ok := cw.codes[tc.code]
			if !ok || pc.category != tc.cat || pc.mode != tc.mode || pc.line != 3 {
				t.Errorf("code %s = %+v, want %s mode %q on line 3", tc.code, pc, tc.cat, tc.mode)
			}
			if _, ok := cw.codes["03"]; ok {
				t.Errorf("group heading 03 mapped")
			}
		})
	}
}

// TestParseCrosswalkProblems checks the lines the crosswalk parser skips.
func TestParseCrosswalkProblems(t *testing.T) {
	cases := []struct{ name, text, reason string }{
		{"no colon", "042 CONSULT, visit\n", "malformed crosswalk line"},
		{"unknown category", "042: GOSSIP, ,\n", "unknown PLOVER category GOSSIP"},
		{"conflicting duplicate", "175: ASSAULT, , military\n175: COERCE, , military\n", "code 175 mapped twice (line 1)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cw, err := parseCrosswalk(strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(cw.problems) != 1 || cw.problems[0].reason != tc.reason {
				t.Errorf("got %+v, want one problem %q", cw.problems, tc.reason)
			}
		})
	}
	t.Run("identical duplicate", func(t *testing.T) {
		cw, _ := parseCrosswalk(strings.NewReader("175: ASSAULT, pro_autocracy , military\n175: ASSAULT, pro_autocracy , military\n"))
		if len(cw.problems) != 0 || cw.codes["175"].line != 1 {
			t.Errorf("got %+v %+v", cw.problems, cw.codes["175"])
		}
	})
}

// TestCrosswalkLookup checks the fallback from a 4-digit code to its
// parent.
func TestCrosswalkLookup(t *testing.T) {
	cw, _ := parseCrosswalk(strings.NewReader("173: COERCE, arrest, legal\n1712: ASSAULT, seize,\n"))
	cases := []struct {
		code, via, cat string
		ok             bool
	}{
		{"173", "173", "COERCE", true},
		{"1731", "173", "COERCE", true},
		{"1712", "1712", "ASSAULT", true},
		{"0231", "", "", false},
	}
	for _, tc := range cases {
		pc, via, ok := cw.lookup(tc.code)
		if ok != tc.ok || via != tc.via || pc.category != tc.cat {
			t.Errorf("lookup(%s) = %s %s %v, want %s %s %v", tc.code, pc.category, via, ok, tc.cat, tc.via, tc.ok)
		}
	}
}
