#!/usr/bin/env bash
# Lints docs/openapi.yaml with Spectral (ruleset: .spectral.yaml beside this script).
# Installs the Spectral pinned in package-lock.json first when node_modules is missing or
# older than the lock file. Exits non-zero on any warning or error, or when it cannot run.
# SAMEN_OPENAPI names another spec file to lint instead (as in the parity test). Extra
# arguments go to `spectral lint` (e.g. --format json).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spec="${SAMEN_OPENAPI:-$here/../../docs/openapi.yaml}"
if [[ ! -f "$spec" ]]; then
  echo "lint.sh: no such file: $spec" >&2
  exit 2
fi
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
cd "$here"

for tool in node npm npx; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "lint.sh: $tool is not installed (Spectral needs Node.js 18.18+ or 20.17+)" >&2
    exit 2
  fi
done

# Spectral's dependency @scarf/scarf would report the install to its vendor; it must not.
export SCARF_ANALYTICS=false

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund
  # npm ci recreates node_modules, but make the timestamp explicit for the check above.
  touch node_modules
fi

exec npx --no-install spectral lint --ruleset "$here/.spectral.yaml" --fail-severity=warn "$@" "$spec"
