-- stance_events holds one row per article and directed dyad (source toward
-- target), with the strongest evidence sentence and its cue words.
CREATE TABLE IF NOT EXISTS stance_events (
    published_at DateTime('UTC'),
    article_id String,
    outlet String,
    url String,
    source String,
    target String,
    score Float32,
    category String,
    confidence Float32,
    sentence_index UInt32,
    evidence String,
    cues Array(String),
    kafka_topic String,
    kafka_partition Int32,
    kafka_offset Int64
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(published_at)
ORDER BY (source, target, published_at)
