package clickhouse

import (
	"context"
	"testing"

	"github.com/stancemon/stancemon/internal/chtest"
	"github.com/stancemon/stancemon/store/storetest"
)

func TestAnalyst(t *testing.T) {
	storetest.RunAnalyst(t, func(t *testing.T) storetest.AnalystStore {
		db := chtest.New(t)
		ctx := context.Background()
		if _, err := Migrate(ctx, db.DSN); err != nil {
			t.Fatal(err)
		}
		s, err := Open(ctx, db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
