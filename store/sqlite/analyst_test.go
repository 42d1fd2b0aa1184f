package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stancemon/stancemon/store/storetest"
)

func TestAnalyst(t *testing.T) {
	storetest.RunAnalyst(t, func(t *testing.T) storetest.AnalystStore {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "stancemon.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
