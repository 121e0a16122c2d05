#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Check the Flatpak manifest offline: valid JSON, and flatpak-builder parses
# it without warnings (it only warns about unknown keys, so a typo in a key
# would otherwise go unnoticed until a real build).
#
# Usage: flatpak-check.sh [SOURCE_ROOT]
# Exits 77 (skipped) when json-glib-validate or flatpak-builder is missing.

set -eu

root=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
manifest="$root/flatpak/org.casewise.Casewise.json"

for tool in json-glib-validate flatpak-builder; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (tools/setup installs it)"
    exit 77
  fi
done

if [ ! -f "$manifest" ]; then
  echo "FAIL: $manifest does not exist"
  exit 1
fi

json-glib-validate "$manifest"
echo "json-glib-validate: ok"

# flatpak-builder leaves a .flatpak-builder/ cache in the working directory.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
(cd "$work" && flatpak-builder --show-manifest "$manifest") >"$work/out" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -q WARNING "$work/out"; then
  grep -v '^[[:space:]]*[]{}["]' "$work/out" || true
  echo "FAIL: flatpak-builder --show-manifest exited $status or warned"
  exit 1
fi
echo "flatpak-builder --show-manifest: ok"
