package redact

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://127.0.0.1:9093", "http://127.0.0.1:9093"},
		{"https://alice:s3cret@hooks.example.com/x?team=ops", "https://alice:xxxxx@hooks.example.com/x?team=ops"},
		{"https://alice@hooks.example.com/x", "https://alice@hooks.example.com/x"},
		{"clickhouse://stancemon:pa%40ss@ch:9000/stancemon?dial_timeout=5s", "clickhouse://stancemon:xxxxx@ch:9000/stancemon?dial_timeout=5s"},
		{"tcp://ch:9000?username=u&password=hunter22&debug=true", "tcp://ch:9000?debug=true&password=xxxxx&username=u"},
		{"https://h/hook?access_token=abc&X-Amz-Signature=def&api_key=ghi&page=2",
			"https://h/hook?X-Amz-Signature=xxxxx&access_token=xxxxx&api_key=xxxxx&page=2"},
		{"https://h/hook?Token=abc", "https://h/hook?Token=xxxxx"},
		{"http://u:p@h/%zz", "http://(unparsable URL)"},
		{"not a url at all %zz", "(unparsable URL)"},
	}
	for _, tt := range tests {
		if got := URL(tt.in); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no url here", "no url here"},
		{`posting alerts to https://a:b1@h/x?token=t1: 500 Internal Server Error`, `posting alerts to https://a:xxxxx@h/x?token=xxxxx: 500 Internal Server Error`},
		{`{"dsn":"clickhouse://u:pw@ch:9000/db","n":1}`, `{"dsn":"clickhouse://u:xxxxx@ch:9000/db","n":1}`},
		{`url "http://u:pw@h/p", then.`, `url "http://u:xxxxx@h/p", then.`},
		{`{"error":"Post \"http://u:pw@h/p?key=k\": refused"}`, `{"error":"Post \"http://u:xxxxx@h/p?key=xxxxx\": refused"}`},
		{"two: http://a:1@x and http://b:2@y.", "two: http://a:xxxxx@x and http://b:xxxxx@y."},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestError(t *testing.T) {
	if Error(nil) != nil {
		t.Fatal("Error(nil) != nil")
	}
	// A real *url.Error from the HTTP client, wrapped with %w.
	_, err := http.Post("http://user:hunter2secret@127.0.0.1:1/hook?token=tok123secret", "text/plain", nil)
	if err == nil {
		t.Fatal("posting to port 1 succeeded")
	}
	wrapped := fmt.Errorf("notifying: %w", err)
	red := Error(wrapped)
	for _, secret := range []string{"hunter2secret", "tok123secret"} {
		if strings.Contains(red.Error(), secret) {
			t.Errorf("redacted error %q shows %q", red, secret)
		}
	}
	if !errors.Is(red, err) {
		t.Error("the redacted error does not unwrap to the original")
	}
	// An error formatted with %s (no *url.Error) is redacted by its text.
	plain := fmt.Errorf("dialing clickhouse://u:pw12345@h:9000/db: %w", errors.New("refused"))
	if got := Error(plain).Error(); got != "dialing clickhouse://u:xxxxx@h:9000/db: refused" {
		t.Errorf("Error(plain) = %q", got)
	}
	clean := errors.New("nothing secret")
	if Error(clean) != clean {
		t.Error("an error without secrets was replaced")
	}
}

func BenchmarkText(b *testing.B) {
	line := `{"level":"error","msg":"notifying","error":"posting alerts to https://a:b@h/x?token=t: 500"}`
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		_ = Text(line)
	}
}

// FuzzURL: no panic, and a URL with a password comes out with the mask in
// its place.
func FuzzURL(f *testing.F) {
	f.Add("https://u:p@h/x?token=t")
	f.Add("clickhouse://default:@127.0.0.1:9000/stancemon")
	f.Add("tcp://h:9000?username=u&password=p")
	f.Fuzz(func(t *testing.T, s string) {
		out := URL(s)
		u, err := url.Parse(s)
		if err != nil {
			return
		}
		if _, has := u.User.Password(); !has {
			return
		}
		ou, err := url.Parse(out)
		if err != nil {
			t.Fatalf("URL(%q) = %q, which does not parse: %v", s, out, err)
		}
		if p, _ := ou.User.Password(); p != Mask {
			t.Fatalf("URL(%q) = %q: password %q", s, out, p)
		}
	})
}
