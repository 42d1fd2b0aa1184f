package testenv

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stancemon/stancemon/article"
)

// sentences are article bodies with clear stances between states.
var sentences = []string{
	"China warned Japan on Monday against any interference in its affairs.",
	"Russia and China signed a broad agreement to deepen energy cooperation.",
	"The United States imposed new sanctions on Iran over its nuclear programme.",
	"France praised Germany for its support in the budget talks.",
	"India condemned Pakistan after a deadly attack in Kashmir, officials said.",
	"Brazil and Argentina agreed to expand trade ties.",
	"North Korea threatened South Korea with military action.",
	"Canada offered humanitarian aid to Haiti after the storm.",
	"Turkey criticised Greece over the islands dispute.",
	"Australia and New Zealand pledged to cooperate on regional security.",
	"The weather stayed mild across the region this week.",
}

// Articles returns n distinct article messages, one every minute from
// start, with bodies drawn in turn from a fixed list of stance sentences.
func Articles(n int, start time.Time) []article.Message {
	out := make([]article.Message, n)
	for i := range out {
		out[i] = article.Message{
			ID:          fmt.Sprintf("a-%06d", i),
			PublishedAt: start.Add(time.Duration(i) * time.Minute).UTC(),
			Title:       fmt.Sprintf("Report %d", i),
			Body:        sentences[i%len(sentences)],
			URL:         fmt.Sprintf("https://news.example/a/%d", i),
			Outlet:      []string{"Wire One", "Daily Two", "Herald Three"}[i%3],
			Lang:        "en",
		}
	}
	return out
}

// JSON encodes msgs, one value each.
func JSON(t testing.TB, msgs []article.Message) [][]byte {
	t.Helper()
	out := make([][]byte, len(msgs))
	for i, m := range msgs {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("encoding article %d: %v", i, err)
		}
		out[i] = b
	}
	return out
}
