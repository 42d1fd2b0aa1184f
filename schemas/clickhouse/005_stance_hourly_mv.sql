-- stance_hourly_mv feeds stance_hourly from every block inserted into
-- stance_events.
CREATE MATERIALIZED VIEW IF NOT EXISTS stance_hourly_mv TO stance_hourly AS
SELECT
    toStartOfHour(published_at) AS hour,
    source,
    target,
    count() AS articles,
    sum(toFloat64(score)) AS score_sum,
    sum(toFloat64(confidence)) AS confidence_sum,
    countIf(score < 0) AS hostile,
    countIf(score > 0) AS cooperative
FROM stance_events
GROUP BY hour, source, target
