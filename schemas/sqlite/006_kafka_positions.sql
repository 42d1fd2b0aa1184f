-- Every row carries its Kafka position; these indexes let a write skip,
-- row by row, the positions already stored (a redelivered batch, a batch
-- overlapping another instance's). ingest_offsets (005) is no longer
-- written: a highest offset cannot tell which lower offsets are missing.
CREATE INDEX IF NOT EXISTS articles_kafka_position ON articles (kafka_topic, kafka_partition, kafka_offset);
CREATE INDEX IF NOT EXISTS stance_events_kafka_position ON stance_events (kafka_topic, kafka_partition, kafka_offset);
