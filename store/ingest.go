package store

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/stancemon/stancemon/stance"
)

// Position is where a record came from in Kafka.
type Position struct {
	Topic     string
	Partition int
	Offset    int64
}

// Article is the metadata of a scored article as the pipeline decoded it.
type Article struct {
	ID          string
	PublishedAt time.Time
	Title       string
	URL         string
	Outlet      string
	Lang        string
	// Countries are the codes of the states among the actors of the
	// article's result (stance.Result.States), sorted; the pipeline fills it
	// from the scorer's result.
	Countries []string
}

// Item is one scored article with its origin.
type Item struct {
	Pos     Position
	Article Article
	Result  stance.Result
}

// ActorCodes returns the codes of all the actors of the item's result,
// sorted.
func (it Item) ActorCodes() []string {
	return slices.Sorted(maps.Keys(it.Result.Actors))
}

// Event is the flat form of one directed dyad of one article, as the
// backends store it: one row per article and dyad, with the strongest
// evidence sentence only.
type Event struct {
	Source     string
	Target     string
	Score      float64
	Category   stance.Category
	Confidence float64
	// Sentence is the index of the strongest evidence sentence (0 when the
	// dyad has no evidence).
	Sentence int
	// Evidence is the text of the strongest evidence sentence.
	Evidence string
	// Cues are the cue words of the strongest evidence sentence.
	Cues []string
}

// Events returns one Event per dyad of the item's result, in the order of
// the dyads.
func (it Item) Events() []Event {
	events := make([]Event, 0, len(it.Result.Dyads))
	for _, d := range it.Result.Dyads {
		e := Event{
			Source:     d.Source,
			Target:     d.Target,
			Score:      d.Score,
			Category:   d.Category,
			Confidence: d.Confidence,
			Cues:       []string{},
		}
		if len(d.Evidence) > 0 {
			strongest := d.Evidence[0]
			e.Sentence = strongest.Sentence
			e.Evidence = strongest.Text
			for _, c := range strongest.Cues {
				e.Cues = append(e.Cues, c.Text)
			}
		}
		events = append(events, e)
	}
	return events
}

// Batch is a group of items written together. Items are in offset order
// within each partition.
type Batch struct {
	Items []Item
}

// Partition identifies a Kafka partition.
type Partition struct {
	Topic     string
	Partition int
}

// Span is the range of offsets [First, Last] of one partition in a batch.
type Span struct {
	First int64
	Last  int64
}

// Spans returns, per partition, the lowest and the highest offset of the
// items of b.
func (b Batch) Spans() map[Partition]Span {
	spans := make(map[Partition]Span)
	for _, it := range b.Items {
		p := Partition{Topic: it.Pos.Topic, Partition: it.Pos.Partition}
		sp, ok := spans[p]
		if !ok {
			sp = Span{First: it.Pos.Offset, Last: it.Pos.Offset}
		}
		sp.First = min(sp.First, it.Pos.Offset)
		sp.Last = max(sp.Last, it.Pos.Offset)
		spans[p] = sp
	}
	return spans
}

// Writer stores batches. WriteBatch is idempotent with respect to Kafka
// positions: an item whose position was already stored is skipped, so a
// batch redelivered after a crash between the write and the offset commit
// is not counted twice.
type Writer interface {
	WriteBatch(ctx context.Context, b Batch) error
}

// PermanentError marks a write error that retrying cannot fix: the schema
// does not match the rows (a missing table or column, a type mismatch),
// the credentials or rights are wrong. The pipeline stops on it with the
// error instead of retrying forever; network and overload errors are not
// permanent and are retried.
type PermanentError struct {
	Err error
}

func (e *PermanentError) Error() string { return "permanent error: " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PermanentError) Unwrap() error { return e.Err }

// IsPermanent reports whether err is or wraps a *PermanentError.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}
