-- articles holds one row per scored article with its Kafka position, as
-- the ClickHouse table of the same name. Times are Unix seconds (UTC);
-- arrays are JSON arrays of strings.
CREATE TABLE IF NOT EXISTS articles (
    id TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL,
    tone REAL NOT NULL,
    countries TEXT NOT NULL, -- JSON array: the state codes mentioned
    actors TEXT NOT NULL,    -- JSON array: all actor codes
    kafka_topic TEXT NOT NULL,
    kafka_partition INTEGER NOT NULL,
    kafka_offset INTEGER NOT NULL,
    ingested_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published_at ON articles (published_at, id);
