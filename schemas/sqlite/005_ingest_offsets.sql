-- ingest_offsets holds, per table and Kafka partition, the highest offset
-- stored. It is updated in the transaction that stores the rows, so an
-- item at or below it is already there and is skipped.
CREATE TABLE IF NOT EXISTS ingest_offsets (
    tbl TEXT NOT NULL,
    kafka_topic TEXT NOT NULL,
    kafka_partition INTEGER NOT NULL,
    kafka_offset INTEGER NOT NULL,
    PRIMARY KEY (tbl, kafka_topic, kafka_partition)
) WITHOUT ROWID;
