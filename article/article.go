// Package article defines the article message that stancemon reads from
// Kafka (schemas/article.schema.json), its strict decoder (Decode), the
// lenient decoder of the score command's JSON Lines input
// (DecodeLenient), and the scorer's view of an article (Message.Stance).
package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/stancemon/stancemon/stance"
)

// DefaultMaxBytes is the default size limit of one message.
const DefaultMaxBytes = 1 << 20

// Message is one article as published on the input topic.
type Message struct {
	// ID identifies the article; it is the Kafka key. Required.
	ID string `json:"id"`
	// PublishedAt is the publication time, RFC 3339. Required.
	PublishedAt time.Time `json:"published_at"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Body is the article text (plain text or HTML).
	Body string `json:"body,omitempty"`
	// Text is an alternative name for Body; one of Title, Body or Text is required.
	Text string `json:"text,omitempty"`
	// URL is where the article was published.
	URL string `json:"url,omitempty"`
	// Outlet is the publisher (e.g. "Reuters").
	Outlet string `json:"outlet,omitempty"`
	// Lang is the ISO 639-1 language code.
	Lang string `json:"lang,omitempty"`
}

// Content returns the body, or Text when Body is empty.
func (m *Message) Content() string {
	if m.Body != "" {
		return m.Body
	}
	return m.Text
}

// Stance returns what the scorer reads of m: its id, title, content (Body,
// or Text when Body is empty) and publication time.
func (m *Message) Stance() stance.Article {
	return stance.Article{ID: m.ID, Title: m.Title, Body: m.Content(), PublishedAt: m.PublishedAt}
}

// Errors returned by Decode, matched with errors.Is. The dead-letter header
// stancemon-error-kind carries their short names.
var (
	ErrTooLarge     = errors.New("message too large")
	ErrNotUTF8      = errors.New("message is not valid UTF-8")
	ErrMalformed    = errors.New("malformed JSON")
	ErrMissingField = errors.New("missing required field")
	ErrInvalidField = errors.New("invalid field")
)

// Kind returns the short name of a decode error for headers and metrics:
// too_large, not_utf8, malformed, missing_field, invalid_field or other.
func Kind(err error) string {
	switch {
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrNotUTF8):
		return "not_utf8"
	case errors.Is(err, ErrMalformed):
		return "malformed"
	case errors.Is(err, ErrMissingField):
		return "missing_field"
	case errors.Is(err, ErrInvalidField):
		return "invalid_field"
	default:
		return "other"
	}
}

// Time bounds that every storage backend can represent (ClickHouse DateTime).
var (
	minTime = time.Date(1970, 1, 1, 0, 0, 1, 0, time.UTC)
	maxTime = time.Date(2105, 12, 31, 0, 0, 0, 0, time.UTC)
)

// wire is the JSON shape with the time as a string so that its errors can
// be reported precisely.
type wire struct {
	ID          *string `json:"id"`
	PublishedAt *string `json:"published_at"`
	Title       string  `json:"title"`
	Body        string  `json:"body"`
	Text        string  `json:"text"`
	URL         string  `json:"url"`
	Outlet      string  `json:"outlet"`
	Lang        string  `json:"lang"`
}

// Decode parses and validates one message of at most maxBytes bytes
// (DefaultMaxBytes when maxBytes <= 0). Unknown fields are ignored. The
// publication time is converted to UTC.
func Decode(b []byte, maxBytes int) (Message, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if len(b) > maxBytes {
		return Message{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(b), maxBytes)
	}
	if !utf8.Valid(b) {
		return Message{}, fmt.Errorf("%w at byte %d", ErrNotUTF8, firstInvalid(b))
	}
	var w wire
	if err := json.Unmarshal(b, &w); err != nil {
		return Message{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if w.ID == nil || strings.TrimSpace(*w.ID) == "" {
		return Message{}, fmt.Errorf("%w: id", ErrMissingField)
	}
	if len(*w.ID) > 256 {
		return Message{}, fmt.Errorf("%w: id is %d bytes, limit 256", ErrInvalidField, len(*w.ID))
	}
	if w.PublishedAt == nil || *w.PublishedAt == "" {
		return Message{}, fmt.Errorf("%w: published_at", ErrMissingField)
	}
	t, err := time.Parse(time.RFC3339Nano, *w.PublishedAt)
	if err != nil {
		return Message{}, fmt.Errorf("%w: published_at %q is not an RFC 3339 time", ErrInvalidField, *w.PublishedAt)
	}
	t = t.UTC()
	if t.Before(minTime) || t.After(maxTime) {
		return Message{}, fmt.Errorf("%w: published_at %s is outside %d..%d", ErrInvalidField, t.Format(time.RFC3339), minTime.Year(), maxTime.Year())
	}
	if w.Title == "" && w.Body == "" && w.Text == "" {
		return Message{}, fmt.Errorf("%w: one of title, body or text", ErrMissingField)
	}
	return Message{
		ID: *w.ID, PublishedAt: t, Title: w.Title, Body: w.Body, Text: w.Text,
		URL: w.URL, Outlet: w.Outlet, Lang: w.Lang,
	}, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
