package alerts

import (
	"path/filepath"
	"testing"
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
