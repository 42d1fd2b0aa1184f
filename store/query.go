package store

import (
	"context"
	"time"
)

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
