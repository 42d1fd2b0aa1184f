-- stance_hourly aggregates stance_events per directed dyad and hour (Unix
-- seconds of the start of the hour, UTC); the trigger keeps it up to date
-- in the transaction that inserts the events. Columns as in ClickHouse:
-- articles, score_sum, confidence_sum, hostile (score < 0), cooperative
-- (score > 0).
CREATE TABLE IF NOT EXISTS stance_hourly (
    hour INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    articles INTEGER NOT NULL,
    score_sum REAL NOT NULL,
    confidence_sum REAL NOT NULL,
    hostile INTEGER NOT NULL,
    cooperative INTEGER NOT NULL,
    PRIMARY KEY (source, target, hour)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS stance_hourly_hour ON stance_hourly (hour);

CREATE TRIGGER IF NOT EXISTS stance_hourly_insert AFTER INSERT ON stance_events
BEGIN
    INSERT INTO stance_hourly (hour, source, target, articles, score_sum, confidence_sum, hostile, cooperative)
    VALUES (NEW.published_at - (NEW.published_at % 3600), NEW.source, NEW.target, 1,
            NEW.score, NEW.confidence, NEW.score < 0, NEW.score > 0)
    ON CONFLICT (source, target, hour) DO UPDATE SET
        articles = articles + 1,
        score_sum = score_sum + excluded.score_sum,
        confidence_sum = confidence_sum + excluded.confidence_sum,
        hostile = hostile + excluded.hostile,
        cooperative = cooperative + excluded.cooperative;
END;
