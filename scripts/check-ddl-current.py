#!/usr/bin/env python3
"""Check that the ClickHouse schema also works on a current ClickHouse.

Runs every statement of schemas/clickhouse/*.sql, in order and twice (the
files must be idempotent), in chDB, an in-process build of a current
ClickHouse (pip install chdb), in a database of a throw-away session; then
inserts two stance events and checks that stance_hourly_mv fed
stance_hourly. Statements are split like schemas.Statements in Go: a
semicolon that ends a line ends a statement.

Usage: scripts/check-ddl-current.py [SCHEMA_DIR]
Exits non-zero on the first failing statement.
"""

import pathlib
import sys
import tempfile

from chdb import session

DATABASE = "stancemon_ddl_check"


def statements(sql):
    """Split a schema file as schemas.Statements does."""
    out, cur = [], []

    def flush():
        stmt = "".join(cur).strip()
        code = [l for l in stmt.splitlines() if l.strip() and not l.strip().startswith("--")]
        if code:
            out.append(stmt)
        cur.clear()

    for line in sql.splitlines(keepends=True):
        trimmed = line.rstrip(" \t\r\n")
        if trimmed.endswith(";") and not trimmed.strip().startswith("--"):
            cur.append(trimmed[:-1])
            flush()
            continue
        cur.append(line)
    flush()
    return out


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    schema_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "schemas" / "clickhouse"
    files = sorted(schema_dir.glob("*.sql"))
    if not files:
        sys.exit(f"no schema file in {schema_dir}")
    with tempfile.TemporaryDirectory() as tmp:
        s = session.Session(tmp)
        version = s.query("SELECT version()", "TSV").data().strip()
        s.query(f"CREATE DATABASE IF NOT EXISTS {DATABASE}")
        s.query(f"USE {DATABASE}")
        for round_ in (1, 2):
            for f in files:
                for stmt in statements(f.read_text()):
                    try:
                        s.query(stmt)
                    except Exception as e:  # chdb raises a plain RuntimeError
                        sys.exit(f"FAIL {f.name} (round {round_}) on ClickHouse {version}: {e}")
                print(f"ok   {f.name} (round {round_})")
        s.query(
            "INSERT INTO stance_events (published_at, article_id, source, target, score, confidence, "
            "kafka_topic, kafka_partition, kafka_offset) VALUES "
            "('2026-01-01 10:20:00', 'a', 'USA', 'CHN', -0.5, 0.75, 't', 0, 1), "
            "('2026-01-01 10:40:00', 'b', 'USA', 'CHN', 0.25, 0.5, 't', 0, 2)"
        )
        got = s.query(
            "SELECT source, target, toString(hour), sum(articles), sum(score_sum), sum(hostile), sum(cooperative) "
            "FROM stance_hourly GROUP BY source, target, hour",
            "TSV",
        ).data().strip()
        want = "USA\tCHN\t2026-01-01 10:00:00\t2\t-0.25\t1\t1"
        if got != want:
            sys.exit(f"FAIL stance_hourly_mv on ClickHouse {version}: got {got!r}, want {want!r}")
        print("ok   stance_hourly_mv feeds stance_hourly")
        print(f"PASS: {len(files)} schema files on ClickHouse {version} (chDB)")


if __name__ == "__main__":
    main()
