package strictyaml

import (
	"errors"
	"testing"
)

type doc struct {
	Name  string `yaml:"name"`
	Items []struct {
		ID int `yaml:"id"`
	} `yaml:"items"`
}

func TestUnmarshal(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"ok", "name: x\nitems: [{id: 1}]\n", ""},
		{"unknown key", "name: x\nitems:\n  - id: 1\n    idd: 2\n", `4:5: unknown field "idd"`},
		{"type", "name: x\nitems: [{id: one}]\n", "2:14: cannot unmarshal string into Go struct field"},
		{"syntax", "name: [x\n", "1:7:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := Unmarshal([]byte(tc.in), &d)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || len(err.Error()) < len(tc.want) || err.Error()[:len(tc.want)] != tc.want {
				t.Fatalf("Unmarshal error = %v, want it to start with %q", err, tc.want)
			}
		})
	}
}

// TestUnmarshalKeeps: a document sets only its keys, and one without
// content (empty, or only comments) sets nothing, so that callers can
// decode over their defaults.
func TestUnmarshalKeeps(t *testing.T) {
	for _, tc := range []struct{ name, in, wantName string }{
		{"empty", "", "default"},
		{"white space", "  \n\n", "default"},
		{"only comments", "# nothing set\n# at all\n", "default"},
		{"other key", "items: [{id: 7}]\n", "default"},
		{"the key", "name: set\n", "set"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := doc{Name: "default"}
			if err := Unmarshal([]byte(tc.in), &d); err != nil {
				t.Fatal(err)
			}
			if d.Name != tc.wantName {
				t.Errorf("name = %q, want %q", d.Name, tc.wantName)
			}
		})
	}
}

// FuzzUnmarshal: malformed YAML is an *Error, never a panic.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte("name: x\nitems: [{id: 1}]\n"))
	f.Add([]byte("kafka: &a [*a]\n"))
	f.Add([]byte("# only a comment\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d doc
		err := Unmarshal(b, &d)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is not an *Error", err)
		}
	})
}

func TestError(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "r.yaml", Line: 3, Column: 5, Msg: "bad"}, "r.yaml:3:5: bad"},
		{Error{File: "r.yaml", Msg: "bad"}, "r.yaml: bad"},
		{Error{Line: 1, Column: 2, Msg: "bad"}, "1:2: bad"},
		{Error{Msg: "bad"}, "bad"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v.Error() = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestLocator(t *testing.T) {
	l := NewLocator([]byte("a:\n  b:\n    - x: 1\n    - x: 2\n      y: [3]\n"))
	for _, tc := range []struct {
		path      string
		line, col int
	}{
		{"$.a.b[1].x", 4, 10},
		{"$.a.b[1].y[0]", 5, 11},
		{"$.a.b[1].z", 4, 7}, // missing: its parent
		{"$.nothing", 0, 0},
	} {
		line, col := l.Locate(tc.path)
		if line != tc.line || col != tc.col {
			t.Errorf("Locate(%s) = %d:%d, want %d:%d", tc.path, line, col, tc.line, tc.col)
		}
	}
	if line, _ := NewLocator([]byte("a: [")).Locate("$.a"); line != 0 {
		t.Errorf("a document that does not parse located a value at line %d", line)
	}
}
