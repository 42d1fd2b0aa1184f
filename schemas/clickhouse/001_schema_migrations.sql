-- schema_migrations records every schema file applied to this database:
-- its name, the SHA-256 of its content and when it was applied.
CREATE TABLE IF NOT EXISTS schema_migrations (
    name String,
    checksum String,
    applied_at DateTime('UTC')
) ENGINE = MergeTree()
ORDER BY name
