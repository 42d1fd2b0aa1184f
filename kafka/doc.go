// Package kafka is stancemon's one door to Kafka (segmentio/kafka-go): the
// consumer-group reader that the pipeline fetches from and commits to, the
// writer that every producer uses (dead letters, articles, alerts, the
// simulator), topic creation, the publishing of JSON Lines articles keyed
// by article id, and the reading of a group's committed offsets.
//
// Other packages use Message, Header and Writer from here and never import
// kafka-go themselves; tests inject faults through the Writer interface
// and the pipeline's Source.
package kafka
