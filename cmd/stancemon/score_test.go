package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestRunScoreText(t *testing.T) {
	cases := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"table", func(t *testing.T, out string) {
			if !strings.Contains(out, "CHN") || !strings.Contains(out, "JPN") || !strings.Contains(out, "DISAPPROVE") {
				t.Errorf("table lacks the dyad:\n%s", out)
			}
		}},
		{"json", func(t *testing.T, out string) {
			var r scoredArticle
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("decoding %q: %v", out, err)
			}
			if len(r.Dyads) != 1 || r.Dyads[0].Source != "CHN" || r.Dyads[0].Target != "JPN" || r.Actors["CHN"] != 1 {
				t.Errorf("result %+v, want one CHN>JPN dyad", r)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.format, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := runScore(strings.NewReader("China warned Japan on Tuesday."), &out, &errOut, scoreOptions{input: "text", format: tc.format, maxLine: 1 << 20})
			if err != nil {
				t.Fatalf("runScore: %v (stderr %s)", err, errOut.String())
			}
			tc.check(t, out.String())
		})
	}
}

func TestRunScoreJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "China warned Japan."}`,
		`{"id": "b", "text": `,
		``,
		`{"id": 7, "title": "Talks", "body": "Iran and Iraq held talks.", "published_at": "2008-08-02T10:00:00Z"}`,
		`{"id": "c", "text": "` + strings.Repeat("x", 200) + `"}`,
		`{"id": "d", "body": "Nothing here.", "published_at": "yesterday"}`,
		`{"id": "e", "text": ""}`,
	}, "\n")
	var out, errOut bytes.Buffer
	err := runScore(strings.NewReader(in), &out, &errOut, scoreOptions{input: "jsonl", maxLine: 120})
	if !errors.Is(err, errBadLines) {
		t.Fatalf("runScore error %v, want errBadLines", err)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r scoredArticle
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("decoding output line %q: %v", line, err)
		}
		if r.Dyads == nil || r.Actors == nil {
			t.Errorf("line %q: dyads and actors must be lists and maps, not null", line)
		}
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, ","), "a,7,e"; got != want {
		t.Errorf("scored ids %s, want %s in input order", got, want)
	}
	stderr := errOut.String()
	for _, want := range []string{"line 2:", "line 5: line too long", "line 6:", "published_at"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestRunScoreFlags(t *testing.T) {
	cases := []struct {
		name string
		o    scoreOptions
		want string
	}{
		{"input", scoreOptions{input: "xml", maxLine: 1}, "--input"},
		{"format", scoreOptions{input: "text", format: "csv", maxLine: 1}, "--format"},
		{"max line", scoreOptions{input: "jsonl", maxLine: 0}, "--max-line"},
		{"published", scoreOptions{input: "text", published: "soon", maxLine: 1}, "--published"},
		{"actors", scoreOptions{input: "text", actors: "/nonexistent/actors.yaml", maxLine: 1}, "reading actors file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := runScore(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}
