-- articles holds one row per scored article with its Kafka position.
-- countries are the state codes mentioned, actors all the actor codes
-- (states and organisations). The writer filters on
-- (kafka_topic, kafka_partition, kafka_offset) to stay idempotent.
CREATE TABLE IF NOT EXISTS articles (
    id String,
    published_at DateTime('UTC'),
    outlet String,
    url String,
    title String,
    lang String,
    tone Float32,
    countries Array(String),
    actors Array(String),
    kafka_topic String,
    kafka_partition Int32,
    kafka_offset Int64,
    ingested_at DateTime('UTC')
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(published_at)
ORDER BY (published_at, id)
