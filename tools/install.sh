#!/usr/bin/env bash
# Installs the npm tools the build runs (pinned in package-lock.json) into tools/node_modules.
# Skips the install when node_modules already matches the lock file, so a warm build pays nothing.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.installed-from-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "tools/install.sh: npm is needed (Node.js 20+): apt-get install nodejs npm" >&2
  exit 1
fi
# No install scripts: nothing here needs one, and one of them only reports usage.
export SCARF_ANALYTICS=false
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
