-- stance_hourly aggregates stance_events per directed dyad and hour. It is
-- filled by stance_hourly_mv. SummingMergeTree merges rows of the same key
-- lazily, so queries must sum() and GROUP BY.
--   articles        articles with a stance of source toward target
--   score_sum       sum of their scores (mean = score_sum / articles)
--   confidence_sum  sum of their confidences
--   hostile         articles with a negative score
--   cooperative     articles with a positive score
CREATE TABLE IF NOT EXISTS stance_hourly (
    hour DateTime('UTC'),
    source String,
    target String,
    articles UInt64,
    score_sum Float64,
    confidence_sum Float64,
    hostile UInt64,
    cooperative UInt64
) ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(hour)
ORDER BY (source, target, hour)
