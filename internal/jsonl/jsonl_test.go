package jsonl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	long := strings.Repeat("y", 100)
	for _, tc := range []struct {
		name string
		in   string
		o    Options
		want []string // "n:line" or "n!error"
	}{
		{"lines", "a\nb\nc", Options{}, []string{"1:a", "2:b", "3:c"}},
		{"final line break", "a\nb\n", Options{}, []string{"1:a", "2:b"}},
		{"crlf", "a\r\nb\r\n", Options{}, []string{"1:a", "2:b"}},
		{"blank lines skipped but counted", "a\n\n  \t\nb", Options{}, []string{"1:a", "4:b"}},
		{"blank lines kept", "a\n\n b", Options{KeepBlank: true}, []string{"1:a", "2:", "3: b"}},
		{"too long, then on", "short\n" + long + "\nlast", Options{MaxLine: 10}, []string{"1:short", "2!line too long (limit 10 bytes)", "3:last"}},
		{"too long blank line is reported", "a\n" + strings.Repeat(" ", 20) + "\nb", Options{MaxLine: 10}, []string{"1:a", "2!line too long (limit 10 bytes)", "3:b"}},
		{"exactly the limit", "0123456789\n", Options{MaxLine: 10}, []string{"1:0123456789"}},
		{"longer than the read buffer", strings.Repeat("z", 200<<10) + "\nend", Options{MaxLine: 100 << 10}, []string{"1!line too long (limit 102400 bytes)", "2:end"}},
		{"empty", "", Options{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			err := Scan(strings.NewReader(tc.in), tc.o, func(n int, line []byte, err error) error {
				if err != nil {
					if !errors.Is(err, ErrLineTooLong) || len(line) != 0 {
						t.Errorf("line %d: error %v with %d bytes", n, err, len(line))
					}
					got = append(got, fmt.Sprintf("%d!%v", n, err))
					return nil
				}
				got = append(got, fmt.Sprintf("%d:%s", n, line))
				return nil
			})
			if err != nil {
				t.Fatalf("Scan: %v", err)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestScanStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Scan(strings.NewReader("a\nb\nc\n"), Options{}, func(n int, _ []byte, _ error) error {
		calls++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("Scan = %v after %d calls, want the callback's error after 2", err, calls)
	}
	broken := errors.New("disk on fire")
	err = Scan(&failingReader{data: "a\nb", err: broken}, Options{}, func(int, []byte, error) error { return nil })
	if !errors.Is(err, broken) || !strings.Contains(err.Error(), "reading line") {
		t.Errorf("read error: %v", err)
	}
}

// failingReader returns data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestNewReader(t *testing.T) {
	const text = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	for name, in := range map[string][]byte{"plain": []byte(text), "gzip": gz.Bytes(), "one byte": []byte("x")} {
		t.Run(name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if _, err := out.ReadFrom(r); err != nil {
				t.Fatal(err)
			}
			want := text
			if name == "one byte" {
				want = "x"
			}
			if out.String() != want {
				t.Errorf("read %q, want %q", out.String(), want)
			}
		})
	}
	if _, err := NewReader(bytes.NewReader([]byte{0x1f, 0x8b, 0})); err == nil {
		t.Error("broken gzip header accepted")
	}
}

// FuzzScan: every line passed is within the limit and holds no line
// break, and the line numbers increase.
func FuzzScan(f *testing.F) {
	f.Add([]byte("a\nb\r\n\n c"), 4)
	f.Add([]byte(strings.Repeat("x", 300)+"\n"), 16)
	f.Fuzz(func(t *testing.T, in []byte, max int) {
		max = max%512 + 1
		if max < 1 {
			max = -max + 1
		}
		last := 0
		err := Scan(bytes.NewReader(in), Options{MaxLine: max}, func(n int, line []byte, err error) error {
			if n <= last {
				t.Fatalf("line %d after line %d", n, last)
			}
			last = n
			if len(line) > max || bytes.IndexByte(line, '\n') >= 0 {
				t.Fatalf("line %d: %q (limit %d)", n, line, max)
			}
			if err == nil && len(bytes.TrimSpace(line)) == 0 {
				t.Fatalf("blank line %d passed", n)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func ExampleScan() {
	in := "{\"id\":\"a\"}\n\n" + strings.Repeat("x", 40) + "\n{\"id\":\"b\"}\n"
	err := Scan(strings.NewReader(in), Options{MaxLine: 32}, func(n int, line []byte, err error) error {
		if err != nil {
			fmt.Printf("line %d: %v\n", n, err)
			return nil
		}
		fmt.Printf("line %d: %s\n", n, line)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	// Output:
	// line 1: {"id":"a"}
	// line 3: line too long (limit 32 bytes)
	// line 4: {"id":"b"}
}
