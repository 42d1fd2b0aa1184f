package memstore_test

import (
	"testing"

	"github.com/stancemon/stancemon/store/memstore"
	"github.com/stancemon/stancemon/store/storetest"
)

// TestAnalyst runs the contract of store.Analyst that the ClickHouse and
// SQLite backends pass.
func TestAnalyst(t *testing.T) {
	storetest.RunAnalyst(t, func(*testing.T) storetest.AnalystStore { return memstore.New() })
}
