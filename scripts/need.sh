#!/usr/bin/env bash
# need.sh COMMAND...: installs, with apt-get (as root), the Debian package
# of each command that is missing. The package is named like the command
# (kcat, chromium). Prints each command's path.
set -euo pipefail
missing=()
for cmd in "$@"; do
	command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
done
if ((${#missing[@]})); then
	echo "need.sh: installing ${missing[*]} with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for cmd in "$@"; do
	command -v "$cmd"
done
