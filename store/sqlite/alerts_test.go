package sqlite

import (
	"testing"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
)

func TestAlertLog(t *testing.T) {
	storetest.RunAlertLog(t, func(t *testing.T) store.AlertLog { return openTest(t) })
}
