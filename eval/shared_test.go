//go:build shared

package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancemon/stancemon/stance"
)

// TestEvalDevGold scores the development gold set from ../shared and checks
// the figures do not fall back. Run it with: go test -tags shared ./eval/
func TestEvalDevGold(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "shared", "data", "dev-gold.jsonl"))
	if err != nil {
		t.Fatalf("opening the dev gold set (the shared tag needs ../shared): %v", err)
	}
	defer f.Close()
	items, err := ReadGold(f, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := stance.NewScorer()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(context.Background(), sc, items, SplitAll)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("P %.3f R %.3f F1 %.3f polarity %.3f (TP %d FP %d FN %d)", r.Precision, r.Recall, r.F1, r.PolarityAcc, r.TP, r.FP, r.FN)
	if r.F1 < 0.78 || r.PolarityAcc < 0.9 {
		t.Errorf("F1 %.3f, polarity accuracy %.3f: want at least 0.78 and 0.9", r.F1, r.PolarityAcc)
	}
}
