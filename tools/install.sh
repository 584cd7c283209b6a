#!/usr/bin/env bash
# Installs the npm tools the build runs (pinned in package-lock.json) into tools/node_modules.
# Skips the install when node_modules already matches the lock file, so a warm build pays nothing.
#
# A fresh clone copies them from a per-user cache of finished installs, one per lock file, instead of
# running npm ci (14 s and 19 CPU s on the 2-core build machine, against under a second): the cache lives in
# $KLING_EFFECTS_TOOLS_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/kling-effects-tools; CI keeps it like
# ~/.npm), holds at most the 2 newest lock files' installs (about 165 MB each), and
# KLING_EFFECTS_TOOLS_CACHE=off turns it off.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.installed-from-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi

cache=${KLING_EFFECTS_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kling-effects-tools}
keep=2
entry=
if [ "$cache" != off ]; then
  entry=$cache/$(sha256sum package-lock.json | cut -c1-64)
  # An entry is complete once its stamp matches the lock: it is renamed into place only when whole.
  if [ -f "$entry/node_modules/.installed-from-lock" ] && cmp -s package-lock.json "$entry/node_modules/.installed-from-lock"; then
    touch "$entry" 2>/dev/null || true # the newest used is kept longest
    rm -rf node_modules node_modules.partial
    if cp -a "$entry/node_modules" node_modules.partial 2>/dev/null \
        && cmp -s package-lock.json node_modules.partial/.installed-from-lock; then
      mv node_modules.partial node_modules
      exit 0
    fi
    rm -rf node_modules.partial # another build pruned it while it was read: install as without a cache
  fi
fi

if ! command -v npm >/dev/null; then
  echo "tools/install.sh: npm is needed (Node.js 20+): apt-get install nodejs npm" >&2
  exit 1
fi
# No install scripts: nothing here needs one, and one of them only reports usage.
export SCARF_ANALYTICS=false
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"

if [ -n "$entry" ] && mkdir -p "$cache" 2>/dev/null; then
  # Copied beside the entry, then renamed: another build never sees half of it. A cache that cannot be
  # written (full disk, read-only home) only costs the next clone its npm ci.
  partial=$(mktemp -d "$cache/partial.XXXXXX") || exit 0
  if cp -a node_modules "$partial/node_modules" && mv -T "$partial" "$entry" 2>/dev/null; then
    :
  else
    rm -rf "$partial"
  fi
  # Bounded: the newest $keep entries stay; older lock files' installs, and partial copies a killed build
  # left over an hour ago, go.
  { ls -1dt "$cache"/[0-9a-f]*[0-9a-f] 2>/dev/null || true; } | tail -n +$((keep + 1)) | xargs -r rm -rf
  find "$cache" -maxdepth 1 -name 'partial.*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
fi
