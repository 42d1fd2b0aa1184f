package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDemo runs the whole demo on the embedded store: the sample stream is
// published, processed and summed, and the built-in rules fire on the turn
// the stream contains.
func TestDemo(t *testing.T) {
	out := string(mustRun(t, "demo", "--serve=false", "--http", "127.0.0.1:0", "--store", filepath.Join(t.TempDir(), "demo.db")))
	m := regexp.MustCompile(`published (\d+) sample articles`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("demo published nothing:\n%s", out)
	}
	for _, want := range []string{
		"processed " + m[1] + " articles",
		"SOURCE  TARGET  ARTICLES  MEAN SCORE",
		"RelationshipTurnedHostile  CHN -> PHL",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
}
