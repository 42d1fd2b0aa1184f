package simulate

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/internal/fuzzseed"
)

func collect(t *testing.T, cfg Config) []article.Message {
	t.Helper()
	g, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	var out []article.Message
	for {
		m, ok := g.Next()
		if !ok {
			return out
		}
		out = append(out, m)
	}
}

func TestDeterministic(t *testing.T) {
	a := collect(t, DemoConfig())
	b := collect(t, DemoConfig())
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two generators with the same config differ")
	}
	cfg := DemoConfig()
	cfg.Seed++
	c := collect(t, cfg)
	if reflect.DeepEqual(a, c) {
		t.Fatal("a different seed gave the same stream")
	}
}

func TestDemoStream(t *testing.T) {
	cfg := DemoConfig()
	msgs := collect(t, cfg)
	if n := len(msgs); n < 1800 || n > 2200 {
		t.Errorf("demo stream has %d articles, want about 2,000", n)
	}
	outlets := map[string]bool{}
	ids := map[string]bool{}
	prev := cfg.Start
	end := cfg.Start.Add(cfg.Duration)
	for _, m := range msgs {
		if m.PublishedAt.Before(prev) || !m.PublishedAt.Before(end) || m.PublishedAt.Location() != time.UTC {
			t.Fatalf("article %s published at %v: out of order or outside [%v, %v)", m.ID, m.PublishedAt, cfg.Start, end)
		}
		prev = m.PublishedAt
		if ids[m.ID] {
			t.Fatalf("duplicate id %s", m.ID)
		}
		ids[m.ID] = true
		outlets[m.Outlet] = true
		if m.Title == "" || m.Body == "" || m.URL == "" || m.Lang != "en" {
			t.Fatalf("incomplete article %+v", m)
		}
		if strings.Contains(m.Title+m.Body, "{") {
			t.Fatalf("unfilled placeholder in %+v", m)
		}
		// The message must pass the pipeline's decoder.
		b := fmt.Appendf(nil, `{"id":%q,"published_at":%q,"title":%q,"body":%q}`, m.ID, m.PublishedAt.Format(time.RFC3339), m.Title, m.Body)
		if _, err := article.Decode(b, 0); err != nil {
			t.Fatalf("article %s does not decode: %v", m.ID, err)
		}
	}
	if len(outlets) != len(cfg.Outlets) {
		t.Errorf("%d outlets used, want %d", len(outlets), len(cfg.Outlets))
	}
}

func TestRate(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Rate = 50
	cfg.Duration = 100 * time.Hour
	cfg.Dyads = []Dyad{{Source: "USA", Target: "CAN", Base: 0.5}}
	n := float64(len(collect(t, cfg)))
	if want := 5000.0; math.Abs(n-want) > 4*math.Sqrt(want) {
		t.Errorf("%v articles, want %v +- 4 sigma", n, want)
	}
}

func TestMeanAt(t *testing.T) {
	d := Dyad{Base: 0, Shifts: []Shift{{At: 10 * time.Hour, To: -1, Over: 10 * time.Hour}, {At: 30 * time.Hour, To: 0.5}}}
	for _, tc := range []struct {
		off  time.Duration
		want float64
	}{
		{0, 0}, {10 * time.Hour, 0}, {15 * time.Hour, -0.5}, {20 * time.Hour, -1},
		{29 * time.Hour, -1}, {30 * time.Hour, 0.5}, {100 * time.Hour, 0.5},
	} {
		if got := d.MeanAt(tc.off); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("MeanAt(%s) = %v, want %v", tc.off, got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := func() Config {
		c := DefaultConfig()
		c.Dyads = []Dyad{{Source: "CHN", Target: "PHL", Base: -0.2}}
		return c
	}
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"rate", func(c *Config) { c.Rate = 0 }, "rate must be a positive number"},
		{"duration", func(c *Config) { c.Duration = 0 }, "duration must be positive"},
		{"outlets", func(c *Config) { c.Outlets = nil }, "outlets must name at least one outlet"},
		{"blank outlet", func(c *Config) { c.Outlets = []string{" "} }, "outlets[0] is empty"},
		{"noise", func(c *Config) { c.Noise = -1 }, "noise must be between 0 and 2"},
		{"filler", func(c *Config) { c.Filler = 1 }, "filler must be at least 0 and below 1"},
		{"no dyads", func(c *Config) { c.Dyads = nil }, "dyads must list at least one dyad"},
		{"unknown actor", func(c *Config) { c.Dyads[0].Source = "XXX" }, `dyads[0] (XXX->PHL): source "XXX" is not one of`},
		{"self", func(c *Config) { c.Dyads[0].Target = "CHN" }, "source and target must differ"},
		{"base", func(c *Config) { c.Dyads[0].Base = 2 }, "base must be between -1 and 1"},
		{"order", func(c *Config) {
			c.Dyads[0].Shifts = []Shift{{At: 5 * time.Hour, To: 0, Over: time.Hour}, {At: 5 * time.Hour, To: 1}}
		}, "shifts[1]: at 5h0m0s is before the end of the previous shift (6h0m0s)"},
		{"to", func(c *Config) { c.Dyads[0].Shifts = []Shift{{At: time.Hour, To: -3}} }, "shifts[0]: to must be between -1 and 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ok()
			tc.change(&c)
			_, err := New(c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	if _, err := New(ok()); err != nil {
		t.Fatalf("valid config: %v", err)
	}
}

// TestConfigFiles decodes testdata/*.good.yaml, which must be valid, and
// testdata/*.bad.yaml, whose first comment line is the expected error text.
func TestConfigFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseConfig(b)
			if strings.HasSuffix(f, ".good.yaml") {
				if err != nil {
					t.Fatalf("ParseConfig: %v", err)
				}
				return
			}
			first, _, _ := strings.Cut(string(b), "\n")
			want := strings.TrimSpace(strings.TrimPrefix(first, "#"))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("ParseConfig error = %v, want it to contain %q", err, want)
			}
		})
	}
}

func FuzzParseConfig(f *testing.F) {
	fuzzseed.Files(f, "testdata/*.yaml")
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg, err := ParseConfig(b)
		if err != nil {
			return
		}
		cfg.Duration = min(cfg.Duration, time.Hour)
		cfg.Rate = min(cfg.Rate, 100)
		g, err := New(cfg)
		if err != nil {
			t.Fatalf("ParseConfig accepted a config that New rejects: %v", err)
		}
		for range 5 {
			if _, ok := g.Next(); !ok {
				break
			}
		}
	})
}

func ExampleGenerator_Next() {
	cfg := DefaultConfig()
	cfg.Filler = 0
	cfg.Noise = 0
	cfg.Dyads = []Dyad{{Source: "CHN", Target: "PHL", Base: -0.9}}
	g, err := New(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := g.Next()
	fmt.Println(m.ID, m.PublishedAt.Format(time.RFC3339), m.Outlet)
	fmt.Println(m.Title)
	// Output:
	// sim-1-000001 2025-03-03T00:00:21Z Associated Press
	// The Chinese government threatens the Philippines with sanctions over the detention of a journalist
}

// BenchmarkNext measures the generation of one article.
func BenchmarkNext(b *testing.B) {
	cfg := DemoConfig()
	cfg.Duration = 1 << 40
	g, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var n int64
	for b.Loop() {
		m, _ := g.Next()
		n += int64(len(m.Title) + len(m.Body))
	}
	b.SetBytes(n / int64(b.N))
}
