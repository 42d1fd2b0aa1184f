// Package kafka is stancemon's one door to Kafka, on franz-go's kgo client:
// the consumer-group Consumer that the pipeline fetches from and commits
// to, the Producer that every producer uses (dead letters, articles,
// alerts, the simulator), topic creation and the reading of a group's
// committed offsets and lag (kadm), and the publishing of JSON Lines
// articles keyed by article id. Every client takes the same Options:
// bootstrap brokers, client id, TLS and SASL.
//
// # Consumer groups
//
// The Consumer uses the cooperative-sticky balancer, so a member joining
// or leaving moves only the partitions that change owner while the others
// keep flowing, and optional static membership (Options.InstanceID), so a
// restarted member gets its partitions back without a rebalance. When a
// partition is revoked, the Consumer drops what it fetched of it and not
// yet handed out, then waits until every message of it already handed to
// the pipeline is committed (or RevokeTimeout passes) before it lets the
// group hand the partition to another member; it never commits a
// partition it no longer owns. The old owner thus stops writing a
// partition before the new owner starts reading it.
//
// Other packages use Message, Header and Writer from here and never import
// a Kafka client themselves; tests inject faults through the Writer
// interface and the pipeline's Source.
package kafka
