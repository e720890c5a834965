#!/usr/bin/env bash
# Installs, by exact Debian package name, what Samen needs, in profiles:
#   install-deps.sh run      build and run the server and web UI (`make demo`, `make build`)
#   install-deps.sh cluster  run + PostgreSQL, nginx and openssl (`make cluster`)
#   install-deps.sh test     everything: run + cluster + the test libraries, Chromium for the
#                            browser tests, wrk and bc for the benchmarks, clang-format
#                            (`make test`, `make test-asan`, `make bench`, CI); the default
#   install-deps.sh PROFILE --list   print the profile's missing packages, install nothing
# Idempotent: packages already present are skipped, so a second `make demo` stays fast.
# Boost 1.81 is named explicitly: mixing with 1.74 breaks builds.
set -euo pipefail

profile=${1:-test}

run=(
  build-essential cmake ninja-build pkg-config ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  libcsv-dev libzxcvbn-dev libpq-dev
  # Notifications: e-mail over SMTP (libcurl), meeting invitations as iCalendar (libical).
  libcurl4-openssl-dev libical-dev
  # The README's tour reads the demo database and calls the API from the shell.
  sqlite3 curl
)
# brotli-static: nginx sends the web UI's precompressed .br files (deploy/nginx/samen-server.conf).
cluster=(postgresql nginx libnginx-mod-http-brotli-static openssl)
# chromium: the web UI's browser tests drive Debian's build (playwright-core; no download).
# test_cluster runs nginx and PostgreSQL, so the test profile holds the cluster's packages.
test=(
  "${cluster[@]}"
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-psycopg2 git clang-format
  # The e-mail tests start a real SMTP server (with STARTTLS, a certificate made by openssl).
  python3-aiosmtpd
  chromium
  wrk bc time
)

case "$profile" in
  run) packages=("${run[@]}") ;;
  cluster) packages=("${run[@]}" "${cluster[@]}") ;;
  test) packages=("${run[@]}" "${test[@]}") ;;
  *)
    echo "usage: $0 [run|cluster|test]" >&2
    exit 2
    ;;
esac

# Node.js builds the web UI; Vite needs 20.19 or newer, and Debian 12's nodejs is 18, so
# for running its ~400 packages (npm is split into hundreds) buy nothing: `make demo` then
# serves the API alone and says so. Node.js 20 comes from another source with its own npm
# (README); Debian's npm conflicts with that, so the test profile adds Debian's only when
# node is absent (the OpenAPI linter runs on it).
if [ "$profile" = test ]; then
  command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
elif ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "install-deps ($profile): no Node.js 20.19 or newer: the web UI will not be built (README, \"The two commands\")" >&2
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${2:-}" = "--list" ]; then
  echo "${missing[*]}"
  exit 0
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps ($profile): all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps ($profile): installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
