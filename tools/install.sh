#!/usr/bin/env bash
# Installs the npm tools the build runs (pinned in package-lock.json) into tools/node_modules.
# Skips the install when node_modules already matches the lock file, so a warm build pays nothing.
#
# A fresh clone copies them from a per-user cache of finished installs instead of running npm ci (14 s and
# 19 CPU s on the 2-core build machine, against under a second). One entry per lock file, platform and Node
# version, in $KLING_EFFECTS_TOOLS_CACHE (an absolute path; default ${XDG_CACHE_HOME:-~/.cache}/kling-effects-tools;
# `off` turns it off). Each npm ci that publishes an entry leaves the 2 most recently used (about 165 MB
# each) and removes the others. An entry is used only when every file it listed is copied whole.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.installed-from-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi

keep=2
default_home=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
cache=${KLING_EFFECTS_TOOLS_CACHE:-${default_home:+$default_home/kling-effects-tools}}
case "$cache" in
  /*) ;;
  off | '') cache= ;;
  *) echo "tools/install.sh: KLING_EFFECTS_TOOLS_CACHE is not an absolute path; installing without the cache" >&2
     cache= ;;
esac

# What every file of an install is, by path and size: an entry missing or cutting one is not used.
listing() { (cd "$1" && find . -type f -printf '%P %s\n' | LC_ALL=C sort | sha256sum | cut -c1-64); }

entry=
if [ -n "$cache" ]; then
  key=$( { cat package-lock.json; uname -sm; ldd --version 2>&1 | head -1; node --version 2>&1; } | sha256sum | cut -c1-64)
  entry=$cache/$key
  if [ -f "$entry/listing" ]; then
    touch "$entry" 2>/dev/null || true # the most recently used are kept
    rm -rf node_modules node_modules.partial
    if cp -a "$entry/node_modules" node_modules.partial 2>/dev/null \
        && cmp -s package-lock.json node_modules.partial/.installed-from-lock \
        && [ "$(listing node_modules.partial)" = "$(cat "$entry/listing")" ]; then
      mv node_modules.partial node_modules
      exit 0
    fi
    # Pruned while it was read, or damaged: install as without a cache, and replace it below.
    rm -rf node_modules.partial
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
  old= # set only here: a variable of that name in the environment must never be taken for a folder to remove
  # Copied beside the entry, then renamed: another build never sees half of it. A cache that cannot be
  # written (full disk, read-only home) only costs the next clone its npm ci.
  if partial=$(mktemp -d "$cache/partial.XXXXXX" 2>/dev/null); then
    if cp -a node_modules "$partial/node_modules" 2>/dev/null && listing node_modules > "$partial/listing"; then
      if [ -e "$entry" ]; then
        old=$(mktemp -d "$cache/partial.XXXXXX") && mv -T "$entry" "$old/entry" 2>/dev/null || true # a damaged entry
      fi
      mv -T "$partial" "$entry" 2>/dev/null || rm -rf "$partial"
    else
      rm -rf "$partial"
    fi
  fi
  # Bounded: only entries (64 hex digits) beyond the most recently used $keep go, and copies a killed build
  # left over an hour ago.
  find "$cache/" -mindepth 1 -maxdepth 1 -type d -regextype posix-extended -regex '.*/[0-9a-f]{64}' -printf '%T@ %p\0' \
    | sort -zrn | tail -zn +$((keep + 1)) | cut -zd' ' -f2- | xargs -0r rm -rf -- || true
  find "$cache/" -mindepth 1 -maxdepth 1 -name 'partial.*' -mmin +60 -exec rm -rf -- {} + 2>/dev/null || true
  if [ -n "$old" ]; then rm -rf -- "$old" 2>/dev/null || true; fi
fi
