// Package pipeline is the streaming backbone of stancemon: it reads article
// messages from Kafka with a consumer group, dead-letters the ones that
// cannot be decoded, scores the others, writes the results to a store and
// only then commits the offsets.
//
// Delivery is at-least-once: an offset is committed only after every
// message before it in its partition is stored (or dead-lettered). A crash
// between the store write and the commit redelivers the batch; the store's
// writes are idempotent with respect to Kafka positions (store.Writer), so
// nothing is counted twice.
package pipeline
