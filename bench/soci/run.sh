#!/usr/bin/env bash
# Measures the store's connection seam against SOCI (Debian's libsoci-dev), on SQLite and
# the test PostgreSQL: installs SOCI if missing, builds the benchmark, runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! dpkg-query -W -f='${Status}' libsoci-dev 2>/dev/null | grep -q 'install ok installed'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq --no-install-recommends libsoci-dev
fi
BUILD="${BUILD:-build}"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target seam_vs_soci_bench
export SAMEN_TEST_PG="${SAMEN_TEST_PG:-$(bash scripts/test-postgres.sh start)}"
"$BUILD"/bench/seam_vs_soci_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
