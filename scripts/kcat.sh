#!/usr/bin/env bash
# kcat.sh: installs Debian's kcat, the third-party Kafka client the tests
# publish with, when it is missing (root, apt-get).
set -euo pipefail
if ! command -v kcat >/dev/null 2>&1; then
	echo "kcat.sh: installing kcat with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq kcat >/dev/null
fi
