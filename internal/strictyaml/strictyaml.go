// Package strictyaml decodes YAML files from outside the program strictly
// (unknown keys are errors) and reports errors with line and column, for
// configuration and rule files.
package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Error is a problem at a place in a YAML document. Line and Column are
// 1-based; 0 means unknown. File is empty when the document has no name.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

// Error returns "file:line:column: message", leaving out the parts that
// are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// At returns an error at the place of node, for custom unmarshalers.
func At(node ast.Node, format string, args ...any) *Error {
	e := &Error{Msg: fmt.Sprintf(format, args...)}
	if node != nil {
		if tk := node.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		}
	}
	return e
}

// Unmarshal decodes b into v, which must point to a struct. Keys without a
// field are errors; keys the document does not set keep the values v has,
// and a document without content (empty, or only comments) leaves v as it
// is. The error, when not nil, is an *Error.
func Unmarshal(b []byte, v any) (err error) {
	// The decoder panics on some malformed input (found by fuzzing); such
	// input is an error like any other.
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Msg: fmt.Sprintf("malformed YAML: %v", r)}
		}
	}()
	// The decoder zeroes v before it finds that there is no document:
	// keep a copy to put back.
	var saved reflect.Value
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		saved = reflect.New(rv.Elem().Type()).Elem()
		saved.Set(rv.Elem())
	}
	if err := yaml.NewDecoder(bytes.NewReader(b), yaml.Strict()).Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			if saved.IsValid() {
				reflect.ValueOf(v).Elem().Set(saved)
			}
			return nil
		}
		var own *Error
		if errors.As(err, &own) {
			return own
		}
		var ye yaml.Error
		if errors.As(err, &ye) {
			e := &Error{Msg: ye.GetMessage()}
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				e.Line, e.Column = tk.Position.Line, tk.Position.Column
			}
			return e
		}
		return &Error{Msg: err.Error()}
	}
	return nil
}

// Locator finds the place of a value in a YAML document, to point
// validation errors at the line that holds the bad value.
type Locator struct {
	file *ast.File
}

// NewLocator parses b. A document that does not parse gives a Locator
// that finds nothing.
func NewLocator(b []byte) (l *Locator) {
	l = &Locator{}
	defer func() {
		if recover() != nil {
			l.file = nil
		}
	}()
	if f, err := parser.ParseBytes(b, 0); err == nil {
		l.file = f
	}
	return l
}

// Locate returns the line and column of the value at path, a YAML path
// such as "$.groups[0].rules[1].for", or of its nearest enclosing value
// that exists; 0, 0 when nothing matches.
func (l *Locator) Locate(path string) (line, column int) {
	if l.file == nil {
		return 0, 0
	}
	defer func() {
		if recover() != nil {
			line, column = 0, 0
		}
	}()
	for p := path; p != "" && p != "$"; p = parent(p) {
		yp, err := yaml.PathString(p)
		if err != nil {
			continue
		}
		n, err := yp.FilterFile(l.file)
		if err != nil || n == nil {
			continue
		}
		if tk := start(n).GetToken(); tk != nil && tk.Position != nil {
			return tk.Position.Line, tk.Position.Column
		}
	}
	return 0, 0
}

// start returns the node whose token begins n: the first key of a mapping
// rather than its colon.
func start(n ast.Node) ast.Node {
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 {
			return m.Values[0].Key
		}
	case *ast.MappingValueNode:
		return m.Key
	}
	return n
}

// parent strips the last element of a YAML path: "$.a[0].b" -> "$.a[0]"
// -> "$.a" -> "$".
func parent(p string) string {
	for i := len(p) - 1; i > 0; i-- {
		if p[i] == '.' || p[i] == '[' {
			return p[:i]
		}
	}
	return ""
}
