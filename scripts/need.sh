#!/usr/bin/env bash
# need.sh COMMAND...: installs, with apt-get (as root), the Debian package
# of each command that is missing. The package is named like the command
# (kcat, chromium). Prints each command's path.
# need.sh --pkg PACKAGE...: installs each Debian package that is not
# installed (data packages such as the wamerican word list).
set -euo pipefail
missing=()
if [[ "${1:-}" == --pkg ]]; then
	shift
	for pkg in "$@"; do
		dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
	done
else
	for cmd in "$@"; do
		command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
	done
fi
if ((${#missing[@]})); then
	echo "need.sh: installing ${missing[*]} with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [[ "${pkg:-}" == "" ]]; then
	for cmd in "$@"; do
		command -v "$cmd"
	done
fi
