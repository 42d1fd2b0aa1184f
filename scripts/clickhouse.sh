#!/usr/bin/env bash
# clickhouse.sh start|stop|status [DIR]
#
# Runs a throw-away ClickHouse server for tests and local development, as
# root and without systemd. Everything lives under DIR (default
# ./.run/clickhouse): config, users.xml, data, tmp, logs and the pid file.
#
#   start   installs clickhouse-server/clickhouse-client with apt-get when
#           missing, writes the config, starts the server in the background
#           and waits until it answers `SELECT 1`. A no-op when the server
#           recorded in DIR is already running.
#   stop    stops the server recorded in DIR (SIGTERM, then SIGKILL).
#   status  prints whether the server recorded in DIR runs and answers;
#           exits 0 only when it answers.
#
# Environment:
#   CH_PORT       native protocol port. Default: 9000
#   CH_HTTP_PORT  HTTP port. Default: 8123
#   CH_WAIT       seconds to wait for the server to answer. Default: 30
set -euo pipefail

usage() {
	echo "usage: $0 start|stop|status [DIR]" >&2
	exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
cmd=$1
dir=${2:-./.run/clickhouse}
port=${CH_PORT:-9000}
http_port=${CH_HTTP_PORT:-8123}
wait_seconds=${CH_WAIT:-30}

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
pidfile=$dir/clickhouse.pid

log() { echo "clickhouse.sh: $*" >&2; }

# running succeeds when the pid file names a live clickhouse-server.
running() {
	[[ -f $pidfile ]] || return 1
	local pid
	pid=$(<"$pidfile")
	[[ -n $pid ]] && kill -0 "$pid" 2>/dev/null &&
		grep -q clickhouse "/proc/$pid/cmdline" 2>/dev/null
}

answers() {
	clickhouse-client --host 127.0.0.1 --port "$port" -q 'SELECT 1' >/dev/null 2>&1
}

install_if_missing() {
	if command -v clickhouse-server >/dev/null && command -v clickhouse-client >/dev/null; then
		return
	fi
	log "installing clickhouse-server and clickhouse-client"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	apt-get install -y -q clickhouse-server clickhouse-client
}

write_config() {
	mkdir -p "$dir/data" "$dir/tmp" "$dir/log" "$dir/user_files" "$dir/format_schemas"
	cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>$dir/log/clickhouse-server.log</log>
        <errorlog>$dir/log/clickhouse-server.err.log</errorlog>
        <size>100M</size>
        <count>3</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <tcp_port>$port</tcp_port>
    <http_port>$http_port</http_port>
    <max_connections>1024</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>100</max_concurrent_queries>
    <uncompressed_cache_size>1073741824</uncompressed_cache_size>
    <mark_cache_size>1073741824</mark_cache_size>
    <path>$dir/data/</path>
    <tmp_path>$dir/tmp/</tmp_path>
    <user_files_path>$dir/user_files/</user_files_path>
    <format_schema_path>$dir/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mlock_executable>false</mlock_executable>
</yandex>
XML
	# allow_experimental_low_cardinality_type is set here, not by clients:
	# current ClickHouse rejects the setting name.
	cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>4000000000</max_memory_usage>
            <allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>
        </default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks>
                <ip>127.0.0.1</ip>
                <ip>::1</ip>
            </networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
XML
}

start() {
	if running; then
		if answers; then
			log "already running (pid $(<"$pidfile"), port $port)"
			return
		fi
		log "pid $(<"$pidfile") runs but does not answer on port $port"
		exit 1
	fi
	install_if_missing
	if answers; then
		# A server of another checkout (or the developer's own): tests only
		# need one that answers, each in its own database.
		log "using the server that already answers on port $port (not started from $dir)"
		exit 0
	fi
	write_config
	local server
	server=$(command -v clickhouse-server)
	# 18.16 honours --pid-file only with --daemon, so record $! instead.
	"$server" --config-file="$dir/config.xml" \
		>>"$dir/log/stdout.log" 2>>"$dir/log/stderr.log" </dev/null &
	echo $! >"$pidfile"
	local i
	for ((i = 0; i < wait_seconds * 4; i++)); do
		if answers; then
			log "started (pid $(<"$pidfile"), native port $port, http port $http_port, dir $dir)"
			return
		fi
		if ! running; then
			log "server exited during start-up; last log lines:"
			tail -n 20 "$dir/log/clickhouse-server.err.log" "$dir/log/stderr.log" >&2 2>/dev/null || true
			rm -f "$pidfile"
			exit 1
		fi
		sleep 0.25
	done
	log "server did not answer on port $port within ${wait_seconds}s; see $dir/log"
	exit 1
}

stop() {
	if ! running; then
		log "not running"
		rm -f "$pidfile"
		return
	fi
	local pid i
	pid=$(<"$pidfile")
	kill "$pid"
	for ((i = 0; i < 60; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	if kill -0 "$pid" 2>/dev/null; then
		log "pid $pid ignored SIGTERM for 15s; sending SIGKILL"
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
	log "stopped (pid $pid)"
}

status() {
	if ! running; then
		echo "stopped"
		exit 1
	fi
	if answers; then
		echo "running (pid $(<"$pidfile"), native port $port)"
		return
	fi
	echo "pid $(<"$pidfile") runs but does not answer on port $port"
	exit 1
}

case $cmd in
start) start ;;
stop) stop ;;
status) status ;;
*) usage ;;
esac
