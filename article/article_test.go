package article

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		max     int
		want    Message
		wantErr error
		errText string
	}{
		{
			name: "full",
			in:   `{"id":"a1","published_at":"2023-02-22T10:00:00+02:00","title":"T","body":"B","url":"https://x/1","outlet":"AP","lang":"en","extra":{"k":1}}`,
			want: Message{ID: "a1", PublishedAt: time.Date(2023, 2, 22, 8, 0, 0, 0, time.UTC), Title: "T", Body: "B", URL: "https://x/1", Outlet: "AP", Lang: "en"},
		},
		{
			name: "text instead of body",
			in:   `{"id":"a2","published_at":"2023-02-22T08:00:00.123Z","text":"China warned Japan."}`,
			want: Message{ID: "a2", PublishedAt: time.Date(2023, 2, 22, 8, 0, 0, 123e6, time.UTC), Text: "China warned Japan."},
		},
		{
			name: "title only",
			in:   `{"id":"a3","published_at":"1987-02-26T15:01:01Z","title":"BAHIA COCOA REVIEW"}`,
			want: Message{ID: "a3", PublishedAt: time.Date(1987, 2, 26, 15, 1, 1, 0, time.UTC), Title: "BAHIA COCOA REVIEW"},
		},
		{name: "not JSON", in: `{"id":`, wantErr: ErrMalformed},
		{name: "array", in: `[1,2]`, wantErr: ErrMalformed},
		{name: "trailing data", in: `{"id":"a","published_at":"2023-02-22T08:00:00Z","body":"b"} {}`, wantErr: ErrMalformed, errText: "after top-level value"},
		{name: "id wrong type", in: `{"id":7,"published_at":"2023-02-22T08:00:00Z","body":"b"}`, wantErr: ErrMalformed},
		{name: "no id", in: `{"published_at":"2023-02-22T08:00:00Z","body":"b"}`, wantErr: ErrMissingField, errText: "id"},
		{name: "blank id", in: `{"id":"  ","published_at":"2023-02-22T08:00:00Z","body":"b"}`, wantErr: ErrMissingField},
		{name: "long id", in: `{"id":"` + strings.Repeat("x", 300) + `","published_at":"2023-02-22T08:00:00Z","body":"b"}`, wantErr: ErrInvalidField, errText: "id is 300 bytes"},
		{name: "no time", in: `{"id":"a","body":"b"}`, wantErr: ErrMissingField, errText: "published_at"},
		{name: "bad time", in: `{"id":"a","published_at":"31-MAR-1987 605:12:19.12","body":"b"}`, wantErr: ErrInvalidField, errText: "not an RFC 3339 time"},
		{name: "time before 1970", in: `{"id":"a","published_at":"1969-12-31T00:00:00Z","body":"b"}`, wantErr: ErrInvalidField, errText: "outside 1970..2105"},
		{name: "no content", in: `{"id":"a","published_at":"2023-02-22T08:00:00Z","url":"u"}`, wantErr: ErrMissingField, errText: "one of title, body or text"},
		{name: "not UTF-8", in: "{\"id\":\"a\",\"published_at\":\"2023-02-22T08:00:00Z\",\"body\":\"caf\xe9\"}", wantErr: ErrNotUTF8, errText: "at byte 59"},
		{name: "too large", in: `{"id":"a","published_at":"2023-02-22T08:00:00Z","body":"` + strings.Repeat("b", 100) + `"}`, max: 64, wantErr: ErrTooLarge, errText: "limit 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in), tt.max)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(fmt.Sprint(err), tt.errText) {
					t.Fatalf("Decode error = %v, want %v containing %q", err, tt.wantErr, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestKind(t *testing.T) {
	for err, want := range map[error]string{
		fmt.Errorf("x: %w", ErrTooLarge): "too_large", ErrNotUTF8: "not_utf8", ErrMalformed: "malformed",
		ErrMissingField: "missing_field", ErrInvalidField: "invalid_field", errors.New("other"): "other",
	} {
		if got := Kind(err); got != want {
			t.Errorf("Kind(%v) = %q, want %q", err, got, want)
		}
	}
}

func TestContent(t *testing.T) {
	if got := (&Message{Body: "b", Text: "t"}).Content(); got != "b" {
		t.Errorf("Content with body = %q", got)
	}
	if got := (&Message{Text: "t"}).Content(); got != "t" {
		t.Errorf("Content with text only = %q", got)
	}
}

func TestStance(t *testing.T) {
	at := time.Date(2023, 2, 22, 8, 0, 0, 0, time.UTC)
	m := Message{ID: "a", PublishedAt: at, Title: "T", Text: "China warned Japan.", URL: "u", Outlet: "o", Lang: "en"}
	want := stance.Article{ID: "a", Title: "T", Body: "China warned Japan.", PublishedAt: at}
	if got := m.Stance(); got != want {
		t.Errorf("Stance = %+v, want %+v", got, want)
	}
}

// FuzzDecode: no panic; an accepted message satisfies every rule.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"a1","published_at":"2023-02-22T10:00:00Z","title":"T","body":"B"}`))
	f.Add([]byte(`{"id":"a","published_at":"1969-12-31T00:00:00Z","text":"x"}`))
	f.Add([]byte("{\"id\":\"\xff\"}"))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b, 4096)
		if err != nil {
			if Kind(err) == "other" {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if strings.TrimSpace(m.ID) == "" || m.PublishedAt.Location() != time.UTC ||
			(m.Title == "" && m.Content() == "") || len(b) > 4096 {
			t.Fatalf("accepted an invalid message %+v", m)
		}
	})
}

func ExampleDecode() {
	m, err := Decode([]byte(`{"id":"x1","published_at":"2023-02-22T12:00:00+03:00","text":"Russia praised China."}`), 0)
	fmt.Println(m.ID, m.PublishedAt, m.Content(), err)
	_, err = Decode([]byte(`{"id":"x2","text":"no time"}`), 0)
	fmt.Println(Kind(err), err)
	// Output:
	// x1 2023-02-22 09:00:00 +0000 UTC Russia praised China. <nil>
	// missing_field missing required field: published_at
}

func BenchmarkDecode(b *testing.B) {
	msg := []byte(`{"id":"reuters-1","published_at":"1987-02-26T15:01:01.790Z","title":"BAHIA COCOA REVIEW","body":"` +
		strings.Repeat("Showers continued throughout the week in the Bahia cocoa zone. ", 30) + `","outlet":"Reuters"}`)
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(msg, 0); err != nil {
			b.Fatal(err)
		}
	}
}
