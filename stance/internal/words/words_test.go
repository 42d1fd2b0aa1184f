package words

import (
	"slices"
	"testing"
)

func TestInflections(t *testing.T) {
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"agree", []string{"agrees", "agreed", "agreing", "agreings"}},
		{"deny", []string{"denies", "denied", "denying", "denyings"}},
		{"attack", []string{"attacks", "attacked", "attacking", "attackings"}},
		{"ban", []string{"bans", "baned", "baning", "banings", "banned", "banning", "bannings"}},
		{"push", []string{"pushes", "pushed", "pushing", "pushings"}},
		{"a", nil},
	} {
		if got := Inflections(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("Inflections(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"philippines", "philipines", true},
		{"vietnam", "veitnam", true},
		{"pakistan", "pakistian", true},
		{"austria", "australia", false},
		{"iran", "iran", false},
		{"iran", "iraq", true},
		{"abc", "abcde", false},
		{"afganistan", "afghanistan", true},
		{"pakistian", "pakistan", true},
		{"veitnam", "vietnam", true},
		{"philipines", "philippines", true},
		{"venezuala", "venezuela", true},
		{"vietnam", "vietnam", false},
		{"phillipines", "philippines", false},
		{"austria", "australia", false},
		{"ab", "ba", true},
		{"abc", "", false},
	} {
		if got := OneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := OneEdit(tc.b, tc.a); got != tc.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestSkipCommentLines(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"# a\n# b\n{\"x\": 1}", "{\"x\": 1}"},
		{"  \n# only", ""},
		{"x: 1", "x: 1"},
	} {
		if got := string(SkipCommentLines([]byte(tc.in))); got != tc.want {
			t.Errorf("SkipCommentLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
