package storetest

import (
	"reflect"
	"testing"
	"time"
)

func TestFixture(t *testing.T) {
	end := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	b := Fixture(end)
	if !reflect.DeepEqual(b, Fixture(end)) {
		t.Fatal("Fixture is not deterministic")
	}
	dyads := map[[2]string]bool{}
	next := map[int]int64{}
	newest := time.Time{}
	for _, it := range b.Items {
		at := it.Article.PublishedAt
		if !at.Before(end) || at.Before(end.Add(-FixtureDays*24*time.Hour)) {
			t.Errorf("%s published at %v, outside the %d days before %v", it.Article.ID, at, FixtureDays, end)
		}
		if at.After(newest) {
			newest = at
		}
		if it.Pos.Offset != next[it.Pos.Partition] {
			t.Errorf("%s at offset %d of partition %d, want %d", it.Article.ID, it.Pos.Offset, it.Pos.Partition, next[it.Pos.Partition])
		}
		next[it.Pos.Partition]++
		for _, e := range it.Events() {
			dyads[[2]string{e.Source, e.Target}] = true
			if e.Evidence == "" || len(e.Cues) == 0 || e.Score < -1 || e.Score > 1 {
				t.Errorf("%s: event %+v lacks evidence or cues, or its score is out of range", it.Article.ID, e)
			}
		}
	}
	if len(b.Items) != 1500 || len(dyads) != len(fixtureDyads) || !newest.Equal(end.Add(-time.Minute)) {
		t.Errorf("%d items, %d dyads, newest %v; want 1500, %d, %v", len(b.Items), len(dyads), newest, len(fixtureDyads), end.Add(-time.Minute))
	}
}
