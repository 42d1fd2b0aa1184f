package clickhouse

import (
	"testing"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
)

// TestAlertLog runs the AlertLog contract against the test server
// (STANCEMON_TEST_CLICKHOUSE; `scripts/clickhouse.sh start` runs one), on a
// fresh database per test. It fails when the server is unreachable.
func TestAlertLog(t *testing.T) {
	storetest.RunAlertLog(t, func(t *testing.T) store.AlertLog { return openTest(t) })
}
