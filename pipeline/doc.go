// Package pipeline is the streaming backbone of stancemon: it reads article
// messages from a Source (the consumer-group reader of package kafka),
// dead-letters the ones that cannot be decoded through a kafka.Writer,
// scores the others, writes the results to a store.Writer and only then
// commits the offsets.
//
// The stages run concurrently with bounded hand-offs (pipeline.go): the
// fetcher, the assembler that closes batches by count, bytes and age
// (batcher.go), the scorer (a worker per CPU, order kept) and the writer,
// which dead-letters, stores and commits each batch in order, retrying
// each step with backoff. On cancellation the open batch is flushed,
// stored and committed within Config.DrainTimeout. The dead-letter
// record and its headers are in source.go, the metrics in metrics.go.
//
// Delivery is at-least-once: an offset is committed only after every
// message before it in its partition is stored (or dead-lettered). A crash
// between the store write and the commit redelivers the batch; the store's
// writes are idempotent with respect to Kafka positions (store.Writer), so
// nothing is counted twice.
package pipeline
