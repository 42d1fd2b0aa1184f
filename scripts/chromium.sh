#!/usr/bin/env bash
# chromium.sh: installs Debian's chromium for the browser test when it is
# missing (root, apt-get). Prints the binary's version.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
	echo "chromium.sh: installing chromium with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq chromium >/dev/null
fi
chromium --version
