-- alerts holds the saved states of alert instances (an alert rule applied
-- to one directed dyad, identified by the fingerprint of its labels). One
-- row per instance and activation (active_at); a later state of the same
-- activation replaces the earlier one (the highest updated_at wins, read
-- with FINAL or argMax). Times are UTC; 1970-01-01 00:00:00 means "not
-- yet" (fired_at, resolved_at). labels and annotations are JSON objects
-- (ClickHouse 18.16 has no Map type).
CREATE TABLE IF NOT EXISTS alerts (
    fingerprint String,
    rule String,
    source String,
    target String,
    state String,
    value Float64,
    active_at DateTime('UTC'),
    fired_at DateTime('UTC'),
    resolved_at DateTime('UTC'),
    updated_at DateTime('UTC'),
    labels String,
    annotations String
) ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (fingerprint, active_at)
