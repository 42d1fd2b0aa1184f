#!/usr/bin/env bash
# kill-check.sh CORPUS [BIN]: the at-least-once check as a user would do it.
# Publishes CORPUS (JSON Lines, plain or .gz) to `stancemon broker`, runs
# `stancemon run` into one ClickHouse database and kills it with SIGKILL
# several times mid-stream, restarting it each time; runs a clean
# `stancemon run` of the same topic into another database; then compares
# `stancemon dyads --format json` of both, which must be equal.
# Needs a ClickHouse server (scripts/clickhouse.sh start); STANCEMON_TEST_CLICKHOUSE
# names it (default clickhouse://default:@127.0.0.1:9000/).
set -euo pipefail
corpus=${1:?usage: kill-check.sh CORPUS [BIN]}
bin=${2:-bin/stancemon}
server=${STANCEMON_TEST_CLICKHOUSE:-clickhouse://default:@127.0.0.1:9000/}
server=${server%/}
work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
broker=127.0.0.1:$port
"$bin" broker --addr "$broker" --data "$work/broker" >"$work/broker.log" 2>&1 &
pids+=($!)
sleep 1
"$bin" produce --brokers "$broker" --topic articles "$corpus"
total=$( (zcat -f "$corpus" | grep -c .) || true)
suffix=$$
killed_db=killcheck_killed_$suffix
clean_db=killcheck_clean_$suffix

# Small batches: many commits to be killed between.
printf 'batch:\n  count: 500\n  period: 200ms\n' >"$work/run.yaml"

run() { # group db -> pid
	STANCEMON_LOG_FORMAT=json STANCEMON_LOG_LEVEL=warn "$bin" run --config "$work/run.yaml" --brokers "$broker" \
		--topic articles --group "$1" --clickhouse "$server/$2" --http off >>"$work/run-$1.log" 2>&1 &
	pids+=($!)
	echo $!
}

stored() { # db -> articles stored
	clickhouse-client -q "SELECT count() FROM $1.articles" 2>/dev/null || echo 0
}

in_time() { # fails the check after 10 minutes
	if [ "$SECONDS" -gt 600 ]; then
		echo "kill-check: no progress within 10 minutes; logs:" >&2
		tail -5 "$work"/run-*.log >&2
		exit 1
	fi
}

# Killed run: SIGKILL five times at growing progress, then let it finish.
for frac in 10 30 50 70 90; do
	pid=$(run killed "$killed_db")
	target=$((total * frac / 100))
	until [ "$(stored "$killed_db")" -ge "$target" ]; do sleep 0.05; in_time; done
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	echo "SIGKILL at $(stored "$killed_db") of $total articles stored"
done
pid=$(run killed "$killed_db")
clean=$(run clean "$clean_db")
# Done when both hold the same count, unchanged for 3 seconds (the corpus
# has undecodable lines, which go to the dead-letter topic, not the tables).
stable=0 last=
while [ "$stable" -lt 3 ]; do
	sleep 1
	in_time
	now="$(stored "$killed_db") $(stored "$clean_db")"
	if [ "$now" = "$last" ] && [ "${now% *}" = "${now#* }" ] && [ "${now% *}" -gt $((total * 9 / 10)) ]; then
		stable=$((stable + 1))
	else
		stable=0
	fi
	last=$now
done
kill -TERM "$pid" "$clean"
wait "$pid" "$clean" 2>/dev/null || true

"$bin" dyads --clickhouse "$server/$killed_db" --format json >"$work/killed.json"
"$bin" dyads --clickhouse "$server/$clean_db" --format json >"$work/clean.json"
echo "killed run: $(stored "$killed_db") articles, clean run: $(stored "$clean_db") articles, of $total lines"
echo "dyads: $(grep -c '"source"' "$work/clean.json") in the clean run"
clickhouse-client -q "DROP DATABASE $killed_db"
clickhouse-client -q "DROP DATABASE $clean_db"
if cmp -s "$work/killed.json" "$work/clean.json"; then
	echo "kill-check: equal"
else
	echo "kill-check: DIFFERENT" >&2
	diff "$work/killed.json" "$work/clean.json" | head -20 >&2
	exit 1
fi
