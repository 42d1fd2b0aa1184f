// Package fuzzseed seeds fuzz tests with the testdata files of a package.
package fuzzseed

import (
	"os"
	"path/filepath"
	"testing"
)

// Files adds the content of every file matching the glob patterns to the
// seed corpus of f; it fails when no file matches.
func Files(f *testing.F, patterns ...string) {
	f.Helper()
	n := 0
	for _, p := range patterns {
		names, err := filepath.Glob(p)
		if err != nil {
			f.Fatalf("bad pattern %q: %v", p, err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no seed files match %v", patterns)
	}
}
