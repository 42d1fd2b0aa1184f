package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/stancemon/stancemon/store"
)

// table is a table that WriteBatch fills: its insert statement and how an
// item becomes the arguments of its rows.
type table struct {
	name   string
	insert string
	rows   func(it store.Item, ingestedAt int64) ([][]any, error)
}

var (
	articlesTable = table{
		name: "articles",
		insert: `INSERT INTO articles (id, published_at, outlet, url, title, lang, tone, countries, actors,
			kafka_topic, kafka_partition, kafka_offset, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rows: articleRows,
	}
	eventsTable = table{
		name: "stance_events",
		insert: `INSERT INTO stance_events (published_at, article_id, outlet, url, source, target, score, category,
			confidence, sentence_index, evidence, cues, kafka_topic, kafka_partition, kafka_offset)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rows: eventRows,
	}
	// allTables are the tables WriteBatch fills.
	allTables = []table{articlesTable, eventsTable}
)

func articleRows(it store.Item, ingestedAt int64) ([][]any, error) {
	a := it.Article
	countries, err := jsonArray(a.Countries)
	if err != nil {
		return nil, err
	}
	actors, err := jsonArray(it.ActorCodes())
	if err != nil {
		return nil, err
	}
	return [][]any{{a.ID, a.PublishedAt.Unix(), a.Outlet, a.URL, a.Title, a.Lang, it.Result.Tone,
		countries, actors, it.Pos.Topic, it.Pos.Partition, it.Pos.Offset, ingestedAt}}, nil
}

func eventRows(it store.Item, _ int64) ([][]any, error) {
	a := it.Article
	var rows [][]any
	for _, e := range it.Events() {
		cues, err := jsonArray(e.Cues)
		if err != nil {
			return nil, err
		}
		rows = append(rows, []any{a.PublishedAt.Unix(), a.ID, a.Outlet, a.URL, e.Source, e.Target, e.Score,
			string(e.Category), e.Confidence, e.Sentence, e.Evidence, cues, it.Pos.Topic, it.Pos.Partition, it.Pos.Offset})
	}
	return rows, nil
}

// jsonArray encodes ss as a JSON array, [] when empty.
func jsonArray(ss []string) (string, error) {
	if ss == nil {
		ss = []string{}
	}
	b, err := json.Marshal(ss)
	if err != nil {
		return "", fmt.Errorf("encoding %q: %w", ss, err)
	}
	return string(b), nil
}

// WriteBatch implements store.Writer: it stores, in one transaction, the
// items of b whose Kafka positions each table does not hold yet.
func (s *Store) WriteBatch(ctx context.Context, b store.Batch) error {
	return s.write(ctx, b, allTables)
}

// write stores the items of b in tables.
func (s *Store) write(ctx context.Context, b store.Batch, tables []table) error {
	if len(b.Items) == 0 {
		return nil
	}
	ingestedAt := time.Now().Unix()
	err := inTx(ctx, s.db, func(tx *sql.Tx) error {
		for _, t := range tables {
			if err := writeTable(ctx, tx, t, b, ingestedAt); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("writing batch: %w", err)
	}
	return nil
}

func writeTable(ctx context.Context, tx *sql.Tx, t table, b store.Batch, ingestedAt int64) error {
	exists, err := tx.PrepareContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+t.name+
		" WHERE kafka_topic = ? AND kafka_partition = ? AND kafka_offset = ?)")
	if err != nil {
		return fmt.Errorf("preparing the position lookup of %s: %w", t.name, err)
	}
	defer exists.Close()
	stmt, err := tx.PrepareContext(ctx, t.insert)
	if err != nil {
		return fmt.Errorf("preparing insert into %s: %w", t.name, err)
	}
	defer stmt.Close()
	for _, it := range b.Items {
		var stored bool
		if err := exists.QueryRowContext(ctx, it.Pos.Topic, it.Pos.Partition, it.Pos.Offset).Scan(&stored); err != nil {
			return fmt.Errorf("looking up a stored position of %s: %w", t.name, err)
		}
		if stored {
			continue
		}
		rows, err := t.rows(it, ingestedAt)
		if err != nil {
			return err
		}
		for _, args := range rows {
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("inserting into %s: %w", t.name, err)
			}
		}
	}
	return nil
}
