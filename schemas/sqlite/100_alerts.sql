-- alerts holds the saved states of alert instances (an alert rule applied
-- to one directed dyad, identified by the fingerprint of its labels), as
-- the ClickHouse table of the same name: one row per instance and
-- activation (active_at), updated in place by a later state (the highest
-- updated_at wins). Times are Unix seconds (UTC); 0 means "not yet"
-- (fired_at, resolved_at). labels and annotations are JSON objects.
CREATE TABLE IF NOT EXISTS alerts (
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    state TEXT NOT NULL,
    value REAL NOT NULL,
    active_at INTEGER NOT NULL,
    fired_at INTEGER NOT NULL,
    resolved_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    labels TEXT NOT NULL,
    annotations TEXT NOT NULL,
    PRIMARY KEY (fingerprint, active_at)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alerts_state ON alerts (state, fingerprint);
CREATE INDEX IF NOT EXISTS alerts_active_at ON alerts (active_at);
