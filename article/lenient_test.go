package article

import (
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
)

func TestDecodeLenient(t *testing.T) {
	cases := []struct {
		name    string
		line    string
		want    stance.Article
		wantErr string
	}{
		{"text", `{"id":"x","text":"hello"}`, stance.Article{ID: "x", Body: "hello"}, ""},
		{"title body date", `{"id":"y","title":"T","body":"B","published_at":"2023-02-22T10:00:00+01:00"}`,
			stance.Article{ID: "y", Title: "T", Body: "B", PublishedAt: time.Date(2023, 2, 22, 9, 0, 0, 0, time.UTC)}, ""},
		{"numeric id", `{"id":12,"text":"a"}`, stance.Article{ID: "12", Body: "a"}, ""},
		{"no id", `{"text":"a"}`, stance.Article{Body: "a"}, ""},
		{"title only", `{"id":"t","title":"T"}`, stance.Article{ID: "t", Title: "T"}, ""},
		{"empty date", `{"id":"t","title":"T","published_at":""}`, stance.Article{ID: "t", Title: "T"}, ""},
		{"both", `{"id":"z","text":"a","body":"b"}`, stance.Article{}, "not both"},
		{"nothing", `{"id":"z"}`, stance.Article{}, "no text"},
		{"other fields ignored", `{"id":"g","text":"a","dyads":[{"source":"USA"}]}`, stance.Article{ID: "g", Body: "a"}, ""},
		{"wrong type", `{"id":"z","text":5}`, stance.Article{}, "decoding article"},
		{"bad date", `{"id":"z","text":"a","published_at":"2023-02-30"}`, stance.Article{}, "RFC 3339"},
		{"bad id", `{"id":[1],"text":"a"}`, stance.Article{}, "id must be"},
		{"trailing", `{"id":"z","text":"a"} {}`, stance.Article{}, "trailing"},
		{"not json", `hello`, stance.Article{}, "decoding article"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := DecodeLenient([]byte(tc.line))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				if m != (Message{}) {
					t.Errorf("error with a non-zero message %+v", m)
				}
				return
			}
			if err != nil {
				t.Fatalf("DecodeLenient: %v", err)
			}
			if got := m.Stance(); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func FuzzDecodeLenient(f *testing.F) {
	for _, s := range []string{
		`{"id":"x","text":"hello"}`,
		`{"id":1,"title":"T","body":"B","published_at":"2023-02-22T10:00:00Z"}`,
		`{"id":"z","text":"a","body":"b"}`,
		`{}`, `[]`, `null`, `{"id":`, "\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		m, err := DecodeLenient(line)
		if err != nil && m != (Message{}) {
			t.Errorf("error %v with a non-zero message %+v", err, m)
		}
		if err == nil && !m.PublishedAt.IsZero() && m.PublishedAt.Location() != time.UTC {
			t.Errorf("published_at %v not in UTC", m.PublishedAt)
		}
	})
}
