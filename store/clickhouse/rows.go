package clickhouse

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/stancemon/stancemon/store"
)

// articleRow is a row of articles.
type articleRow struct {
	ID             string    `ch:"id"`
	PublishedAt    time.Time `ch:"published_at"`
	Outlet         string    `ch:"outlet"`
	URL            string    `ch:"url"`
	Title          string    `ch:"title"`
	Lang           string    `ch:"lang"`
	Tone           float32   `ch:"tone"`
	Countries      []string  `ch:"countries"`
	Actors         []string  `ch:"actors"`
	KafkaTopic     string    `ch:"kafka_topic"`
	KafkaPartition int32     `ch:"kafka_partition"`
	KafkaOffset    int64     `ch:"kafka_offset"`
	IngestedAt     time.Time `ch:"ingested_at"`
}

// eventRow is a row of stance_events.
type eventRow struct {
	PublishedAt    time.Time `ch:"published_at"`
	ArticleID      string    `ch:"article_id"`
	Outlet         string    `ch:"outlet"`
	URL            string    `ch:"url"`
	Source         string    `ch:"source"`
	Target         string    `ch:"target"`
	Score          float32   `ch:"score"`
	Category       string    `ch:"category"`
	Confidence     float32   `ch:"confidence"`
	SentenceIndex  uint32    `ch:"sentence_index"`
	Evidence       string    `ch:"evidence"`
	Cues           []string  `ch:"cues"`
	KafkaTopic     string    `ch:"kafka_topic"`
	KafkaPartition int32     `ch:"kafka_partition"`
	KafkaOffset    int64     `ch:"kafka_offset"`
}

func newArticleRow(it store.Item, ingestedAt time.Time) *articleRow {
	a := it.Article
	countries := a.Countries
	if countries == nil {
		countries = []string{}
	}
	return &articleRow{
		ID:             a.ID,
		PublishedAt:    a.PublishedAt.UTC(),
		Outlet:         a.Outlet,
		URL:            a.URL,
		Title:          a.Title,
		Lang:           a.Lang,
		Tone:           float32(it.Result.Tone),
		Countries:      countries,
		Actors:         it.ActorCodes(),
		KafkaTopic:     it.Pos.Topic,
		KafkaPartition: int32(it.Pos.Partition),
		KafkaOffset:    it.Pos.Offset,
		IngestedAt:     ingestedAt,
	}
}

func newEventRows(it store.Item) []any {
	events := it.Events()
	rows := make([]any, 0, len(events))
	for _, e := range events {
		rows = append(rows, &eventRow{
			PublishedAt:    it.Article.PublishedAt.UTC(),
			ArticleID:      it.Article.ID,
			Outlet:         it.Article.Outlet,
			URL:            it.Article.URL,
			Source:         e.Source,
			Target:         e.Target,
			Score:          float32(e.Score),
			Category:       string(e.Category),
			Confidence:     float32(e.Confidence),
			SentenceIndex:  uint32(e.Sentence),
			Evidence:       e.Evidence,
			Cues:           e.Cues,
			KafkaTopic:     it.Pos.Topic,
			KafkaPartition: int32(it.Pos.Partition),
			KafkaOffset:    it.Pos.Offset,
		})
	}
	return rows
}

// columns returns the comma-separated `ch` tags of the struct row, in
// field order: the explicit column list that ClickHouse 18.16 needs in an
// INSERT and that a SELECT into the struct uses.
func columns(row any) string {
	t := reflect.TypeOf(row)
	names := make([]string, 0, t.NumField())
	for f := range t.Fields() {
		names = append(names, f.Tag.Get("ch"))
	}
	return strings.Join(names, ", ")
}

// insert sends rows (pointers to structs of one type) to table as one
// INSERT block.
func insert(ctx context.Context, conn driver.Conn, table string, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO "+table+" ("+columns(reflect.ValueOf(rows[0]).Elem().Interface())+")")
	if err != nil {
		return fmt.Errorf("preparing insert into %s: %w", table, err)
	}
	defer batch.Close()
	for _, r := range rows {
		if err := batch.AppendStruct(r); err != nil {
			return fmt.Errorf("appending to %s: %w", table, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("inserting into %s: %w", table, err)
	}
	return nil
}
