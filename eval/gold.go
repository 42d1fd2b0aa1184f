package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/internal/jsonl"
	"github.com/stancemon/stancemon/stance"
)

// Dyad is one gold directed dyad.
type Dyad struct {
	// Source is the ISO 3166-1 alpha-3 code of the state that acts.
	Source string
	// Target is the code of the state the act is aimed at.
	Target string
	// Polarity is 1 for a cooperative act, -1 for a hostile one.
	Polarity int
	// Category is the gold category in the scorer's names (REQUEST is
	// stance.Demand, ACCUSE stance.Disapprove); empty when the gold gives
	// none.
	Category stance.Category
}

// Pair is a directed (source, target) pair of codes.
type Pair struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// String returns "SRC->TGT".
func (p Pair) String() string { return p.Source + "->" + p.Target }

// Item is one gold sentence.
type Item struct {
	// ID identifies the item; it is unique in its file.
	ID string
	// Text is the sentence scored.
	Text string
	// Date is the publication date of the article; zero when unknown.
	Date time.Time
	// Dyads are the gold dyads, possibly none.
	Dyads []Dyad
	// Optional are the pairs whose prediction counts neither way.
	Optional []Pair
	// Line is the 1-based line of the item in its file.
	Line int
}

// Limits bound what ReadGold accepts.
type Limits struct {
	// MaxLine is the size limit of one line in bytes.
	// Default: 1 MiB.
	MaxLine int
	// MaxFile is the size limit of the whole file in bytes.
	// Default: 256 MiB.
	MaxFile int64
}

// Default limits, used for zero fields of Limits.
const (
	DefaultMaxLine = 1 << 20
	DefaultMaxFile = 256 << 20
)

// ErrTooLarge is wrapped by the errors of ReadGold for a line or a file over
// its limit.
var ErrTooLarge = errors.New("over the size limit")

// LineError is an error in one line of a gold file.
type LineError struct {
	// Line is the 1-based line number.
	Line int
	// Err is the problem with the line.
	Err error
}

// Error returns "line N: problem".
func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the problem with the line.
func (e *LineError) Unwrap() error { return e.Err }

// ReadGold reads and validates a gold file (see the package doc for the
// format). Blank lines are skipped. The first bad line stops the reading;
// its error is a *LineError that names the item and the field.
func ReadGold(r io.Reader, lim Limits) ([]Item, error) {
	if lim.MaxLine == 0 {
		lim.MaxLine = DefaultMaxLine
	}
	if lim.MaxFile == 0 {
		lim.MaxFile = DefaultMaxFile
	}
	if lim.MaxLine < 0 || lim.MaxFile < 0 {
		return nil, fmt.Errorf("reading gold: negative size limit (line %d, file %d)", lim.MaxLine, lim.MaxFile)
	}
	// Read one byte past the file limit to tell "too large".
	fileMax := lim.MaxFile
	if fileMax < math.MaxInt64 {
		fileMax++
	}
	cr := &countingReader{r: io.LimitReader(r, fileMax)}
	var items []Item
	seen := map[string]int{}
	err := jsonl.Scan(cr, jsonl.Options{MaxLine: int(min(lim.MaxLine, math.MaxInt))}, func(n int, line []byte, err error) error {
		if cr.n > lim.MaxFile {
			return fmt.Errorf("reading gold: file %w of %d bytes", ErrTooLarge, lim.MaxFile)
		}
		if errors.Is(err, jsonl.ErrLineTooLong) {
			return fmt.Errorf("reading gold: %w", &LineError{n, fmt.Errorf("line %w of %d bytes", ErrTooLarge, lim.MaxLine)})
		}
		if err != nil {
			return fmt.Errorf("reading gold: %w", err)
		}
		it, err := decodeItem(line)
		if err != nil {
			return fmt.Errorf("reading gold: %w", &LineError{n, err})
		}
		if first, dup := seen[it.ID]; dup {
			return fmt.Errorf("reading gold: %w", &LineError{n, fmt.Errorf("item %q: id: already used on line %d", it.ID, first)})
		}
		seen[it.ID] = n
		it.Line = n
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if cr.n > lim.MaxFile {
		return nil, fmt.Errorf("reading gold: file %w of %d bytes", ErrTooLarge, lim.MaxFile)
	}
	return items, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// rawItem is the JSON shape of an item; nil fields were absent or null.
type rawItem struct {
	ID       *string            `json:"id"`
	Text     *string            `json:"text"`
	Date     *string            `json:"date"`
	Dyads    *[]json.RawMessage `json:"dyads"`
	Optional *[]json.RawMessage `json:"optional"`
}

// rawDyad is the JSON shape of a gold dyad or an optional pair.
type rawDyad struct {
	Source   *string `json:"source"`
	Target   *string `json:"target"`
	Polarity *int    `json:"polarity"`
	Category *string `json:"category"`
}

// decodeItem decodes and validates one gold line; errors name the item
// and the field.
func decodeItem(line []byte) (Item, error) {
	var raw rawItem
	if err := decodeObject(line, &raw, ""); err != nil {
		// A type error leaves the other fields decoded: name the item.
		if raw.ID != nil && *raw.ID != "" {
			return Item{}, fmt.Errorf("item %q: %w", *raw.ID, err)
		}
		return Item{}, fmt.Errorf("decoding item: %w", err)
	}
	if raw.ID == nil || *raw.ID == "" {
		return Item{}, errors.New("id: missing or empty")
	}
	it := Item{ID: *raw.ID}
	fail := func(format string, args ...any) (Item, error) {
		return Item{}, fmt.Errorf("item %q: %s", it.ID, fmt.Sprintf(format, args...))
	}
	if raw.Text == nil {
		return fail("text: missing or null")
	}
	it.Text = *raw.Text
	if raw.Date != nil && *raw.Date != "" {
		d, err := article.ParseDate(*raw.Date)
		if err != nil {
			return fail("date: %v", err)
		}
		it.Date = d
	}
	if raw.Dyads == nil {
		return fail("dyads: missing or null (use [] for none)")
	}
	it.Dyads = make([]Dyad, 0, len(*raw.Dyads))
	gold := map[Pair]bool{}
	for i, msg := range *raw.Dyads {
		field := fmt.Sprintf("dyads[%d]", i)
		var rd rawDyad
		if err := decodeObject(msg, &rd, field); err != nil {
			return fail("%v", err)
		}
		p, err := checkPair(field, rd)
		if err != nil {
			return fail("%v", err)
		}
		d := Dyad{Source: p.Source, Target: p.Target}
		switch {
		case rd.Polarity == nil:
			return fail("%s.polarity: missing", field)
		case *rd.Polarity != 1 && *rd.Polarity != -1:
			return fail("%s.polarity: must be 1 or -1, not %d", field, *rd.Polarity)
		}
		d.Polarity = *rd.Polarity
		if rd.Category != nil && *rd.Category != "" {
			c, ok := goldCategories[strings.ToUpper(*rd.Category)]
			if !ok {
				return fail("%s.category: %q is not a PLOVER category (%s)", field, *rd.Category, categoryNames)
			}
			d.Category = c
		}
		gold[p] = true
		it.Dyads = append(it.Dyads, d)
	}
	if raw.Optional != nil {
		for i, msg := range *raw.Optional {
			field := fmt.Sprintf("optional[%d]", i)
			var rd rawDyad
			if err := decodeObject(msg, &rd, field); err != nil {
				return fail("%v", err)
			}
			p, err := checkPair(field, rd)
			if err != nil {
				return fail("%v", err)
			}
			if gold[p] {
				return fail("%s: %s is also a gold dyad", field, p)
			}
			it.Optional = append(it.Optional, p)
		}
	}
	return it, nil
}

// checkPair validates the source and target of a gold dyad or an optional
// pair.
func checkPair(field string, rd rawDyad) (Pair, error) {
	switch {
	case rd.Source == nil:
		return Pair{}, fmt.Errorf("%s.source: missing", field)
	case !isStateCode(*rd.Source):
		return Pair{}, fmt.Errorf("%s.source: %q is not a 3-letter upper-case code", field, *rd.Source)
	case rd.Target == nil:
		return Pair{}, fmt.Errorf("%s.target: missing", field)
	case !isStateCode(*rd.Target):
		return Pair{}, fmt.Errorf("%s.target: %q is not a 3-letter upper-case code", field, *rd.Target)
	case *rd.Source == *rd.Target:
		return Pair{}, fmt.Errorf("%s: source and target are both %q", field, *rd.Source)
	}
	return Pair{*rd.Source, *rd.Target}, nil
}

// decodeObject decodes one JSON object into v. Unknown fields are ignored;
// trailing data is an error; errors name the field, under path.
func decodeObject(data []byte, v any, path string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		var (
			te *json.UnmarshalTypeError
			se *json.SyntaxError
		)
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			return prefixed(path, errors.New("invalid JSON: the line ends inside the object"))
		case errors.As(err, &se):
			return prefixed(path, fmt.Errorf("invalid JSON at byte %d: %w", se.Offset, err))
		case !errors.As(err, &te):
			return prefixed(path, err)
		}
		if te.Field == "" {
			return prefixed(path, fmt.Errorf("want an object, not %s", te.Value))
		}
		field := te.Field
		if path != "" {
			field = path + "." + field
		}
		return fmt.Errorf("%s: want %s, not %s", field, jsonKind(te.Type), te.Value)
	}
	if _, err := dec.Token(); err != io.EOF {
		return prefixed(path, errors.New("trailing data after the JSON object"))
	}
	return nil
}

// prefixed prefixes err with "path: " unless path is empty.
func prefixed(path string, err error) error {
	if path == "" {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// jsonKind names the JSON value that decodes into t.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return t.String()
}

// isStateCode reports whether s looks like an ISO 3166-1 alpha-3 code.
func isStateCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// plover lists the scorer's categories in PLOVER order, cooperative first.
var plover = []stance.Category{
	stance.Agree, stance.Consult, stance.Support, stance.Concede, stance.Cooperate,
	stance.Aid, stance.Retreat, stance.Investigate, stance.Demand, stance.Disapprove,
	stance.Reject, stance.Threaten, stance.Sanction, stance.Protest, stance.Mobilize,
	stance.Coerce, stance.Assault,
}

// goldCategories maps the upper-case gold names to the scorer's categories:
// the scorer's own names plus the annotation guide's REQUEST and ACCUSE.
var goldCategories = func() map[string]stance.Category {
	m := map[string]stance.Category{"REQUEST": stance.Demand, "ACCUSE": stance.Disapprove}
	for _, c := range plover {
		m[string(c)] = c
	}
	return m
}()

// categoryNames lists the accepted gold category names for errors.
var categoryNames = func() string {
	names := make([]string, 0, len(plover)+2)
	for _, c := range plover {
		names = append(names, string(c))
	}
	return "one of " + strings.Join(append(names, "REQUEST", "ACCUSE"), ", ")
}()
