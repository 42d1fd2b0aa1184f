package storetest

import (
	"testing"
	"time"

	"github.com/stancemon/stancemon/stance"
	"github.com/stancemon/stancemon/store"
)

// BenchItems is the number of items per batch of BenchmarkWriteBatch.
const BenchItems = 1000

// BenchmarkWriteBatch writes b.N batches of BenchItems new items to w, each
// item with three dyads, and reports rows/s (articles and stance events)
// and items/s.
func BenchmarkWriteBatch(b *testing.B, w store.Writer) {
	ctx := b.Context()
	dyads := []stance.Dyad{dyad("CHN", "USA", 0.5), dyad(nato, "RUS", -0.25), dyad("USA", "CHN", -0.5)}
	const partitions = 4
	var offsets [partitions]int64 // next offset of each partition
	next := func() store.Batch {
		items := make([]store.Item, BenchItems)
		for i := range items {
			p := i % partitions
			items[i] = fixture(p, offsets[p], time.Duration(offsets[p])*time.Second, dyads...)
			offsets[p]++
		}
		return store.Batch{Items: items}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		batch := next()
		b.StartTimer()
		if err := w.WriteBatch(ctx, batch); err != nil {
			b.Fatalf("WriteBatch: %v", err)
		}
	}
	items := float64(b.N * BenchItems)
	secs := b.Elapsed().Seconds()
	b.ReportMetric(items*float64(1+len(dyads))/secs, "rows/s")
	b.ReportMetric(items/secs, "items/s")
}
