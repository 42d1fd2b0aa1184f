package clickhouse

import (
	"context"
	"fmt"
	"math"
	"slices"
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

// partState is what the Store knows of one Kafka partition.
type partState struct {
	// lastSeen is the highest offset of the last batch written with the
	// partition.
	lastSeen int64
	// marks holds per table name the highest offset known to be stored in
	// the table, -1 when none.
	marks map[string]int64
}

// WriteBatch implements store.Writer: it stores the items of b that are
// above the high-water marks of each table (see the package doc).
func (s *Store) WriteBatch(ctx context.Context, b store.Batch) error {
	return s.write(ctx, b, allTables)
}

// write stores the items of b in tables.
func (s *Store) write(ctx context.Context, b store.Batch, tables []table) error {
	if len(b.Items) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	spans := b.Spans()
	if err := s.loadMarks(ctx, b, spans); err != nil {
		return fmt.Errorf("writing batch: %w", err)
	}
	ingestedAt := s.now().UTC().Truncate(time.Second)
	for _, t := range tables {
		var rows []any
		for _, it := range b.Items {
			st := s.parts[store.Partition{Topic: it.Pos.Topic, Partition: it.Pos.Partition}]
			if it.Pos.Offset > st.marks[t.name] {
				rows = append(rows, t.rows(it, ingestedAt)...)
			}
		}
		if err := insert(ctx, s.conn, t.name, rows); err != nil {
			// The insert may have reached the server all the same: reload
			// the marks from the tables at the next batch.
			for p := range spans {
				delete(s.parts, p)
			}
			return fmt.Errorf("writing batch: %w", err)
		}
		for p, sp := range spans {
			st := s.parts[p]
			st.marks[t.name] = max(st.marks[t.name], sp.Last)
		}
	}
	for p, sp := range spans {
		s.parts[p].lastSeen = sp.Last
	}
	return nil
}

// loadMarks reads from the tables the marks of the partitions of b that
// may be stale: those never seen, those whose first offset in b does not
// follow the last one seen, and those that another writer advanced (see
// probe).
func (s *Store) loadMarks(ctx context.Context, b store.Batch, spans map[store.Partition]store.Span) error {
	advanced, err := s.probe(ctx, b, spans)
	if err != nil {
		return err
	}
	stale := make(map[string]map[store.Partition]*partState) // by topic
	for p, sp := range spans {
		if st, ok := s.parts[p]; ok && sp.First == st.lastSeen+1 && !advanced[p] {
			continue
		}
		if stale[p.Topic] == nil {
			stale[p.Topic] = make(map[store.Partition]*partState)
		}
		st := &partState{marks: make(map[string]int64, len(allTables))}
		for _, t := range allTables {
			st.marks[t.name] = -1
		}
		stale[p.Topic][p] = st
	}
	for topic, fresh := range stale {
		for _, t := range allTables {
			if err := s.readMarks(ctx, t.name, topic, fresh); err != nil {
				return err
			}
		}
		for p, st := range fresh {
			s.parts[p] = st
		}
	}
	return nil
}

// probe returns the known partitions of b in which articles holds, among
// the rows published within the publication times of b, an offset above
// the mark: another instance wrote to the partition since this one did
// (a rebalance that handed the partition over and back), although the
// first offset of b may follow the last one seen. Redelivered articles
// have the publication times of their first delivery, and articles are
// inserted before their stance events, so this lookup on the primary key
// of articles (published_at first) is enough.
func (s *Store) probe(ctx context.Context, b store.Batch, spans map[store.Partition]store.Span) (map[store.Partition]bool, error) {
	var (
		topics      []string
		first, last int64 = math.MaxInt64, -1
	)
	for p, sp := range spans {
		if _, ok := s.parts[p]; !ok {
			continue // reloaded anyway
		}
		if !slices.Contains(topics, p.Topic) {
			topics = append(topics, p.Topic)
		}
		first, last = min(first, sp.First), max(last, sp.Last)
	}
	if len(topics) == 0 {
		return nil, nil
	}
	// DateTime holds whole seconds since the epoch.
	from, to := int64(math.MaxInt64), int64(0)
	for _, it := range b.Items {
		at := max(0, it.Article.PublishedAt.Unix())
		from, to = min(from, at), max(to, at)
	}
	rows, err := s.conn.Query(ctx, `SELECT kafka_topic, kafka_partition, max(kafka_offset) FROM articles
		WHERE published_at >= toDateTime(?) AND published_at <= toDateTime(?)
		AND has(?, kafka_topic) AND kafka_offset >= ? AND kafka_offset <= ?
		GROUP BY kafka_topic, kafka_partition`, from, to, topics, first, last)
	if err != nil {
		return nil, fmt.Errorf("probing stored offsets: %w", err)
	}
	defer rows.Close()
	advanced := make(map[store.Partition]bool)
	for rows.Next() {
		var (
			p         store.Partition
			partition int32
			offset    int64
		)
		if err := rows.Scan(&p.Topic, &partition, &offset); err != nil {
			return nil, fmt.Errorf("probing stored offsets: %w", err)
		}
		p.Partition = int(partition)
		if st, ok := s.parts[p]; ok && offset > st.marks[articlesTable.name] {
			advanced[p] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("probing stored offsets: %w", err)
	}
	return advanced, nil
}

// readMarks sets in fresh the highest offset stored in table for each
// partition of topic.
func (s *Store) readMarks(ctx context.Context, table, topic string, fresh map[store.Partition]*partState) error {
	rows, err := s.conn.Query(ctx, "SELECT kafka_partition, max(kafka_offset) FROM "+table+" WHERE kafka_topic = ? GROUP BY kafka_partition", topic)
	if err != nil {
		return fmt.Errorf("reading stored offsets of %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			partition int32
			offset    int64
		)
		if err := rows.Scan(&partition, &offset); err != nil {
			return fmt.Errorf("reading stored offsets of %s: %w", table, err)
		}
		if st, ok := fresh[store.Partition{Topic: topic, Partition: int(partition)}]; ok {
			st.marks[table] = offset
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading stored offsets of %s: %w", table, err)
	}
	return nil
}
