#!/usr/bin/env bash
# vendor.sh [VERSION]
#
# Fetches Apache ECharts from the npm registry and copies the minified
# browser bundle with its licence files into web/assets/vendor/, where
# go:embed picks them up: the dashboard loads nothing from a CDN.
#
# Run from anywhere; it needs npm (Node.js) and network access to the npm
# registry. To update, run it with the new version, check the dashboard
# (make test-browser), then bump ECHARTS_VERSION
# below and in web/assets/vendor/README.md.
#
# Environment:
#   NPM  the npm client. Default: npm
set -euo pipefail

ECHARTS_VERSION=6.1.0
version=${1:-$ECHARTS_VERSION}
npm=${NPM:-npm}

here=$(cd "$(dirname "$0")" && pwd)
dest=$here/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack checks the tarball against the registry's integrity hash.
(cd "$work" && "$npm" pack --silent "echarts@$version" >/dev/null)
tar -xzf "$work"/echarts-*.tgz -C "$work"

mkdir -p "$dest"
cp "$work/package/dist/echarts.min.js" "$dest/echarts.min.js"
cp "$work/package/LICENSE" "$dest/echarts.LICENSE"
if [[ -f $work/package/NOTICE ]]; then
	cp "$work/package/NOTICE" "$dest/echarts.NOTICE"
fi
echo "vendor.sh: echarts $version -> $dest/echarts.min.js" \
	"(sha256 $(sha256sum "$dest/echarts.min.js" | cut -d' ' -f1))" >&2
