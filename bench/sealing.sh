#!/usr/bin/env bash
# What encryption at rest costs (issue 12, §2), in one run on SQLite: the same demo region
# twice, one sealed with field keys and one made and served with --allow-plaintext, served
# side by side (bench/two_sides.sh: /healthz, the audited read of a pupil with a BSN, a
# 25-entry chronology page, taking turns). The table gives each scenario's median
# requests/s and the ratio sealed ÷ plain (the issue's goal: >= 90 %).
# Settings: SAMEN [build/samen], BENCH_DURATION [10s], BENCH_CONNECTIONS [64],
# BENCH_ROUNDS [3], BENCH_SEALING_PUPILS [4000], BENCH_SEALING_PORT [18520] (and +1).
set -euo pipefail
cd "$(dirname "$0")/.."

SAMEN=${SAMEN:-build/samen}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
ROUNDS=${BENCH_ROUNDS:-3}
PUPILS=${BENCH_SEALING_PUPILS:-4000}
PORT=${BENCH_SEALING_PORT:-18520}
PASSWORD='Lindeveld-demo-2026!'
TMP=$(mktemp -d /tmp/samen-bench-sealing.XXXXXX)
say() { echo "sealing: $*" >&2; }
source bench/two_sides.sh
unset SAMEN_FIELD_KEYS SAMEN_FIELD_KEYS_FILE SAMEN_ALLOW_PLAINTEXT
"$SAMEN" keys init --file "$TMP/field.keys" >/dev/null

start_side sealed "$SAMEN" "$PORT" --field-keys "$TMP/field.keys"
start_side plain "$SAMEN" $((PORT + 1)) --allow-plaintext
[ "$(sqlite3 "$TMP/sealed.db" "SELECT substr(bsn, 1, 5) FROM pupils WHERE id = $sealed_PUPIL")" = enc1: ]
[ "$(sqlite3 "$TMP/plain.db" "SELECT length(bsn) FROM pupils WHERE id = $plain_PUPIL")" = 9 ]
mkdir -p bench/results
measure_sides sealed plain "Sealing" | tee bench/results/sealing-latest.md
