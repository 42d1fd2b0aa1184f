-- stance_events holds one row per article and directed dyad (source toward
-- target), with the strongest evidence sentence and its cue words.
CREATE TABLE IF NOT EXISTS stance_events (
    published_at INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    outlet TEXT NOT NULL,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    score REAL NOT NULL,
    category TEXT NOT NULL,
    confidence REAL NOT NULL,
    sentence_index INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    cues TEXT NOT NULL, -- JSON array of the cue words
    kafka_topic TEXT NOT NULL,
    kafka_partition INTEGER NOT NULL,
    kafka_offset INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stance_events_dyad ON stance_events (source, target, published_at);
