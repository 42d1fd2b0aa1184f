// Package store defines how stance results are written and read back:
// the one query interface that the pipeline, the dashboard, the alerts and
// the command line use, whatever the backend (ClickHouse or the embedded
// store).
package store

import (
	"context"
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
	// article's result (Gazetteer.IsState), sorted; the pipeline fills it
	// since it holds the gazetteer the scorer used.
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

// DyadStat is the aggregate stance of one directed dyad over a window.
type DyadStat struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Articles  uint64  `json:"articles"`
	MeanScore float64 `json:"mean_score"`
}

// Window is a half-open time range [From, To). A zero bound is open.
type Window struct {
	From time.Time
	To   time.Time
}

// Querier reads aggregates back. Dashboards and alerts read through it.
type Querier interface {
	// DyadStats returns per directed dyad the number of articles and the
	// mean score over the window, sorted by articles descending, then
	// source and target.
	//
	// Backends answer from hourly aggregates: an article counts when the
	// start of the hour it was published in (UTC) lies in the window, so a
	// window whose bounds are whole hours is exact and any other window is
	// resolved to the hour.
	DyadStats(ctx context.Context, w Window) ([]DyadStat, error)
}

// Store is a backend: it writes batches and answers queries.
type Store interface {
	Writer
	Querier
	Close() error
}

// DyadSummary is the stance of one directed dyad over a window, with the
// spread and the breadth of its evidence (for alert rules and top movers).
type DyadSummary struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Articles  uint64  `json:"articles"`
	Outlets   uint64  `json:"outlets"`
	MeanScore float64 `json:"mean_score"`
	StdDev    float64 `json:"stddev"`
}

// SeriesPoint is one time bucket of a dyad's series.
type SeriesPoint struct {
	Time      time.Time `json:"time"`
	Articles  uint64    `json:"articles"`
	MeanScore float64   `json:"mean_score"`
}

// EvidenceRow is one stance event with the sentence behind it.
type EvidenceRow struct {
	PublishedAt time.Time `json:"published_at"`
	ArticleID   string    `json:"article_id"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	Outlet      string    `json:"outlet"`
	Source      string    `json:"source"`
	Target      string    `json:"target"`
	Score       float64   `json:"score"`
	Category    string    `json:"category"`
	Confidence  float64   `json:"confidence"`
	Sentence    string    `json:"sentence"`
	Cues        []string  `json:"cues"`
}

// DyadFilter selects dyads. Empty fields match anything; Actors, when set,
// keeps dyads whose source or target is in the list.
type DyadFilter struct {
	Source string
	Target string
	Actors []string
}

// Analyst answers the questions of dashboards and alert rules.
type Analyst interface {
	// Summaries returns per directed dyad matching f the articles, distinct
	// outlets, mean and population standard deviation of the score over w,
	// sorted by articles descending, then source and target.
	Summaries(ctx context.Context, w Window, f DyadFilter) ([]DyadSummary, error)
	// Series returns the buckets of width step (a whole number of hours)
	// of one dyad over w, oldest first; empty buckets are omitted.
	Series(ctx context.Context, source, target string, w Window, step time.Duration) ([]SeriesPoint, error)
	// Evidence returns up to limit stance events of one dyad over w,
	// strongest (highest |score| x confidence) first.
	Evidence(ctx context.Context, source, target string, w Window, limit int) ([]EvidenceRow, error)
	// Latest returns the publication time of the newest stored article,
	// or the zero time when there is none (windows are relative to it in
	// replays of old corpora).
	Latest(ctx context.Context) (time.Time, error)
}

// AlertState is the state of an alert instance.
type AlertState string

// Alert states, as in Prometheus: an alert is pending until its condition
// has held for the rule's `for` duration, then firing, then resolved.
const (
	AlertPending  AlertState = "pending"
	AlertFiring   AlertState = "firing"
	AlertResolved AlertState = "resolved"
)

// AlertRecord is the persisted state of one alert instance (a rule applied
// to one dyad).
type AlertRecord struct {
	// Fingerprint identifies the instance: a hash of the rule and its labels.
	Fingerprint string            `json:"fingerprint"`
	Rule        string            `json:"rule"`
	Source      string            `json:"source"`
	Target      string            `json:"target"`
	State       AlertState        `json:"state"`
	Value       float64           `json:"value"`
	ActiveAt    time.Time         `json:"active_at"`
	FiredAt     time.Time         `json:"fired_at"`
	ResolvedAt  time.Time         `json:"resolved_at"`
	UpdatedAt   time.Time         `json:"updated_at"`
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
}

// AlertLog persists alert states so that a restart neither fires an alert
// twice nor forgets a firing one; the dashboard reads it for markers.
type AlertLog interface {
	// SaveAlert records the current state of an instance (the newest
	// UpdatedAt of a fingerprint wins).
	SaveAlert(ctx context.Context, a AlertRecord) error
	// ActiveAlerts returns the newest state of every instance that is
	// pending or firing.
	ActiveAlerts(ctx context.Context) ([]AlertRecord, error)
	// Alerts returns the newest state of the instances matching f that were
	// active during w, newest first, at most limit.
	Alerts(ctx context.Context, w Window, f DyadFilter, limit int) ([]AlertRecord, error)
}

// Backend is everything a storage backend offers: the ClickHouse store and
// the embedded store both implement it.
type Backend interface {
	Store
	Analyst
	AlertLog
}
