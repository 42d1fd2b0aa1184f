package eval

import "fmt"

// Split selects the items evaluated, by position in the file.
type Split string

// Splits.
const (
	// SplitAll evaluates every item.
	SplitAll Split = "all"
	// SplitFirst evaluates the first half of the items, n/2 rounded down.
	SplitFirst Split = "first"
	// SplitSecond evaluates the second half: the items SplitFirst leaves.
	SplitSecond Split = "second"
)

// ParseSplit parses "first", "second" or "all"; "" is "all".
func ParseSplit(s string) (Split, error) {
	switch Split(s) {
	case "", SplitAll:
		return SplitAll, nil
	case SplitFirst, SplitSecond:
		return Split(s), nil
	}
	return "", fmt.Errorf("split must be first, second or all, not %q", s)
}

// bounds returns the half-open range [from, to) of the n items that s
// selects; an unknown split selects them all.
func (s Split) bounds(n int) (from, to int) {
	switch s {
	case SplitFirst:
		return 0, n / 2
	case SplitSecond:
		return n / 2, n
	}
	return 0, n
}

// Apply returns the items that s selects, in file order.
func (s Split) Apply(items []Item) []Item {
	from, to := s.bounds(len(items))
	return items[from:to]
}
