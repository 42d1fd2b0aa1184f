#!/usr/bin/env bash
# vulncheck.sh [DBDIR]: runs govulncheck over the main module offline.
#
# govulncheck's default database host is not reachable from CI, so the
# database is built here from golang.org/x/vulndb, which the Go module proxy
# serves: its data/osv holds the Go vulnerability reports and its
# cmd/indexdb writes a database that `govulncheck -db file://DIR` reads.
# The database is built once into DBDIR (default .run/vulndb/VULNDB_VERSION)
# and reused while the pinned version is unchanged. Both modules are pinned
# below; move the pins together with a note of the date of the reports.
#
# Exit status: govulncheck's, so non-zero when any vulnerability is called
# (reached from the module's code), or on any error.
set -euo pipefail
cd "$(dirname "$0")/.."

# golang.org/x/vulndb: reports up to 2026-11-05.
VULNDB_VERSION=${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}
GOVULNCHECK_VERSION=${GOVULNCHECK_VERSION:-v1.9.0}
GO=${GO:-go}
db=${1:-.run/vulndb/$VULNDB_VERSION}

if [[ ! -f "$db/index/db.json" ]]; then
	echo "vulncheck.sh: building the vulnerability database from golang.org/x/vulndb@$VULNDB_VERSION into $db" >&2
	src=$("$GO" mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [[ -z "$src" || ! -d "$src/data/osv" ]]; then
		echo "vulncheck.sh: downloading golang.org/x/vulndb@$VULNDB_VERSION gave no data/osv" >&2
		exit 1
	fi
	tmp="$db.tmp"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	# -mod=mod: the module cache copy is read-only and indexdb's
	# dependencies are resolved from its go.mod and go.sum.
	(cd "$src" && GOFLAGS=-mod=mod "$GO" run ./cmd/indexdb -vulns data/osv -out "$OLDPWD/$tmp")
	rm -rf "$db"
	mv "$tmp" "$db"
fi

dbabs=$(cd "$db" && pwd)
"$GO" run "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION" -db "file://$dbabs" ./...
