package clickhouse

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/stancemon/stancemon/store"
)

// table is a table that WriteBatch fills, with the rows of an item.
type table struct {
	name string
	rows func(it store.Item, ingestedAt time.Time) []any
}

var (
	articlesTable = table{
		name: "articles",
		rows: func(it store.Item, ingestedAt time.Time) []any { return []any{newArticleRow(it, ingestedAt)} },
	}
	eventsTable = table{
		name: "stance_events",
		rows: func(it store.Item, _ time.Time) []any { return newEventRows(it) },
	}
	// allTables are the tables WriteBatch fills, in insert order.
	allTables = []table{articlesTable, eventsTable}
)

// WriteBatch implements store.Writer: it stores the items of b whose Kafka
// positions are not stored yet (see the package doc).
func (s *Store) WriteBatch(ctx context.Context, b store.Batch) error {
	return s.write(ctx, b, allTables)
}

// write stores the items of b in tables, in order: the articles not
// stored yet, then the stance events of the items that have none stored.
func (s *Store) write(ctx context.Context, b store.Batch, tables []table) error {
	if len(b.Items) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ingestedAt := s.now().UTC().Truncate(time.Second)
	// Events are stored only after their article: an item without a
	// stored article has no stored events either, so only the items whose
	// article is stored need the second lookup.
	stored, err := s.storedPositions(ctx, articlesTable.name, b.Items)
	if err != nil {
		return fmt.Errorf("writing batch: %w", classify(err))
	}
	for _, t := range tables {
		var (
			rows  []any
			check []store.Item
		)
		if t.name == eventsTable.name {
			for _, it := range b.Items {
				if stored[it.Pos] && len(it.Result.Dyads) > 0 {
					check = append(check, it)
				}
			}
		}
		skip := stored
		if t.name != articlesTable.name {
			if skip, err = s.storedPositions(ctx, t.name, check); err != nil {
				return fmt.Errorf("writing batch: %w", classify(err))
			}
		}
		for _, it := range b.Items {
			if !skip[it.Pos] {
				rows = append(rows, t.rows(it, ingestedAt)...)
			}
		}
		if err := insert(ctx, s.conn, t.name, rows); err != nil {
			return fmt.Errorf("writing batch: %w", classify(err))
		}
	}
	return nil
}

// storedPositions returns which Kafka positions of items table holds. The
// lookup is bounded by the publication times of the items (a redelivered
// article keeps its publication time, and published_at leads the sorting
// or partitioning key of the tables) and by their partitions and offsets.
func (s *Store) storedPositions(ctx context.Context, table string, items []store.Item) (map[store.Position]bool, error) {
	stored := make(map[store.Position]bool)
	if len(items) == 0 {
		return stored, nil
	}
	want := make(map[store.Position]bool, len(items))
	var (
		topics     []string
		partitions []int32
		seenTopic  = map[string]bool{}
		seenPart   = map[int]bool{}
		first      = int64(math.MaxInt64)
		last       = int64(-1)
		from, to   = int64(math.MaxInt64), int64(math.MinInt64)
	)
	for _, it := range items {
		want[it.Pos] = true
		if !seenTopic[it.Pos.Topic] {
			seenTopic[it.Pos.Topic] = true
			topics = append(topics, it.Pos.Topic)
		}
		if !seenPart[it.Pos.Partition] {
			seenPart[it.Pos.Partition] = true
			partitions = append(partitions, int32(it.Pos.Partition))
		}
		first, last = min(first, it.Pos.Offset), max(last, it.Pos.Offset)
		at := it.Article.PublishedAt.Unix()
		from, to = min(from, at), max(to, at)
	}
	query := "SELECT kafka_topic, kafka_partition, kafka_offset FROM " + table +
		" WHERE has(?, kafka_topic) AND has(?, kafka_partition) AND kafka_offset >= ? AND kafka_offset <= ?"
	args := []any{topics, partitions, first, last}
	// DateTime holds whole seconds from 1970 to 2105: outside that, no
	// bound on the time (a scan), rather than a wrong one.
	if from >= 0 && to < 1<<32 {
		query += " AND published_at >= toDateTime(?) AND published_at <= toDateTime(?)"
		args = append(args, from, to)
	}
	rows, err := s.conn.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the stored positions of %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			p         store.Position
			partition int32
		)
		if err := rows.Scan(&p.Topic, &partition, &p.Offset); err != nil {
			return nil, fmt.Errorf("reading the stored positions of %s: %w", table, err)
		}
		p.Partition = int(partition)
		if want[p] {
			stored[p] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the stored positions of %s: %w", table, err)
	}
	return stored, nil
}
