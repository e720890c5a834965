#!/usr/bin/env bash
# Installs, by exact Debian package name, everything Samen needs to build, test and run.
# Idempotent: packages already present are skipped, so `make demo` stays fast on a
# machine that has them. Boost 1.81 is named explicitly: mixing with 1.74 breaks builds.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  libcsv-dev libzxcvbn-dev libpq-dev postgresql
  libgtest-dev libgmock-dev libbenchmark-dev
  wrk curl python3 python3-psycopg2 clang-format bc time
  nginx openssl
  chromium
)

# chromium: the web UI's browser tests drive Debian's build (playwright-core; no download).
# Node.js (for the OpenAPI linter and the web UI) may come from another source
# with its own npm; Debian's npm conflicts with that, so only add it when node is absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
