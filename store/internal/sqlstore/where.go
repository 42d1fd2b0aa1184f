package sqlstore

import (
	"strings"
	"time"

	"github.com/stancemon/stancemon/store"
)

// Dialect is how a backend's SQL writes what the WHERE clauses of Where
// need.
type Dialect struct {
	// Time is the expression of a time parameter given in Unix seconds,
	// with one placeholder: "toDateTime(?)" in ClickHouse, "?" in SQLite
	// (which stores Unix seconds).
	Time string
	// In returns the condition that column col holds one of vals (not
	// empty) and the arguments of its placeholders.
	In func(col string, vals []string) (string, []any)
}

// Where is a WHERE clause: conditions joined by AND, with the arguments of
// their placeholders in order.
type Where struct {
	d     Dialect
	conds []string
	args  []any
}

// Where returns an empty clause written in d.
func (d Dialect) Where() *Where {
	return &Where{d: d}
}

// And adds cond, with the arguments of its placeholders.
func (w *Where) And(cond string, args ...any) *Where {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
	return w
}

// Window keeps the rows whose time column col is in win. Stored times
// are whole seconds, so the bounds are rounded up to whole seconds.
func (w *Where) Window(col string, win store.Window) *Where {
	if !win.From.IsZero() {
		w.And(col+" >= "+w.d.Time, ceilUnix(win.From))
	}
	if !win.To.IsZero() {
		w.And(col+" < "+w.d.Time, ceilUnix(win.To))
	}
	return w
}

// Dyads keeps the rows of the dyads (columns source and target) that f
// selects.
func (w *Where) Dyads(f store.DyadFilter) *Where {
	if f.Source != "" {
		w.And("source = ?", f.Source)
	}
	if f.Target != "" {
		w.And("target = ?", f.Target)
	}
	if len(f.Actors) > 0 {
		source, sourceArgs := w.d.In("source", f.Actors)
		target, targetArgs := w.d.In("target", f.Actors)
		w.And("("+source+" OR "+target+")", append(sourceArgs, targetArgs...)...)
	}
	return w
}

// Active keeps the rows whose span, from the time column start to the time
// column end (0 in Unix seconds while the span lasts), meets win: started
// before win.To and not ended before win.From.
func (w *Where) Active(start, end string, win store.Window) *Where {
	if !win.To.IsZero() {
		w.And(start+" < "+w.d.Time, ceilUnix(win.To))
	}
	if !win.From.IsZero() {
		w.And("("+end+" = "+w.d.Time+" OR "+end+" >= "+w.d.Time+")", int64(0), ceilUnix(win.From))
	}
	return w
}

// String returns the clause: empty without conditions, else " WHERE " and
// the conditions.
func (w *Where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// Args returns the arguments of the placeholders of the clause, in order.
func (w *Where) Args() []any {
	return w.args
}

// ceilUnix returns t in Unix seconds, rounded up.
func ceilUnix(t time.Time) int64 {
	s := t.Unix()
	if t.Nanosecond() > 0 {
		s++
	}
	return s
}
