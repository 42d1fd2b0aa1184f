package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// lenientLine is the JSON shape DecodeLenient reads; nil fields were
// absent or null.
type lenientLine struct {
	ID          *json.RawMessage `json:"id"`
	Text        *string          `json:"text"`
	Title       *string          `json:"title"`
	Body        *string          `json:"body"`
	PublishedAt *string          `json:"published_at"`
}

// DecodeLenient decodes one line of JSON Lines input scored without Kafka
// (`stancemon score --input jsonl`): {"id","text"} or
// {"id","title","body","published_at"}. The id may be a string or a
// number; every field may be missing except one of text, title or body,
// and text excludes title and body. Other fields are ignored, so that a
// gold file ({"id","text","dyads"}) can be scored as it is. Unlike Decode,
// it sets no size limit and no date range; it fails with the zero Message.
func DecodeLenient(line []byte) (Message, error) {
	var l lenientLine
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&l); err != nil {
		return Message{}, fmt.Errorf("decoding article: %w", err)
	}
	if dec.More() {
		return Message{}, errors.New("decoding article: trailing data after the JSON object")
	}
	var m Message
	if l.ID != nil {
		var s string
		if err := json.Unmarshal(*l.ID, &s); err == nil {
			m.ID = s
		} else {
			var num json.Number
			if err := json.Unmarshal(*l.ID, &num); err != nil {
				return Message{}, errors.New("decoding article: id must be a string or a number")
			}
			m.ID = num.String()
		}
	}
	switch {
	case l.Text != nil && (l.Title != nil || l.Body != nil):
		return Message{}, fmt.Errorf("decoding article %q: give text, or title and body, not both", m.ID)
	case l.Text != nil:
		m.Text = *l.Text
	case l.Title == nil && l.Body == nil:
		return Message{}, fmt.Errorf("decoding article %q: no text, title or body", m.ID)
	}
	if l.Title != nil {
		m.Title = *l.Title
	}
	if l.Body != nil {
		m.Body = *l.Body
	}
	if l.PublishedAt != nil && *l.PublishedAt != "" {
		t, err := time.Parse(time.RFC3339, *l.PublishedAt)
		if err != nil {
			return Message{}, fmt.Errorf("decoding article %q: published_at %q is not an RFC 3339 time", m.ID, *l.PublishedAt)
		}
		m.PublishedAt = t.UTC()
	}
	return m, nil
}

// ParseDate parses a date given by a user or a gold file: YYYY-MM-DD (UTC
// midnight) or RFC 3339 (converted to UTC).
func ParseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither YYYY-MM-DD nor RFC 3339", s)
	}
	return t.UTC(), nil
}
