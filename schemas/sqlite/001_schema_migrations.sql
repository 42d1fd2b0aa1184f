-- schema_migrations records every schema file applied to this database:
-- its name, the SHA-256 of its content and when it was applied.
CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    checksum TEXT NOT NULL,
    applied_at INTEGER NOT NULL -- Unix seconds
);
