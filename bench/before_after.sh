#!/usr/bin/env bash
# An issue's "measure before and after", in one run on SQLite: a build of an earlier commit
# (BEFORE) and this one (SAMEN) each serve their own demo region, side by side
# (bench/two_sides.sh: /healthz, the audited read of a pupil with a BSN, a 25-entry
# chronology page, taking turns), then each imports the same 100,000-row pupil export into
# a fresh 10-pupil region, BENCH_ROUNDS times, alternating. Build the earlier commit with
#   git worktree add /work/before COMMIT && cmake -S /work/before -B /work/before/build \
#     -DCMAKE_BUILD_TYPE=Release -DSAMEN_TESTS=OFF && cmake --build /work/before/build --target samen
# then: BEFORE=/work/before/build/samen SAMEN=build/samen bash bench/before_after.sh
# This side seals with field keys (SAMEN_BENCH_PLAINTEXT=1: without); BEFORE gets no key
# options, so a build from before encryption at rest runs as it did.
# Settings: BENCH_DURATION [10s], BENCH_CONNECTIONS [64], BENCH_ROUNDS [3],
# BENCH_COMPARE_PUPILS [4000], BENCH_COMPARE_PORT [18540] (and +1), BENCH_IMPORT_ROWS [100000].
set -euo pipefail
cd "$(dirname "$0")/.."

SAMEN=$(realpath "${SAMEN:-build/samen}")
BEFORE=$(realpath "${BEFORE:?BEFORE must name the earlier build of samen}")
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
ROUNDS=${BENCH_ROUNDS:-3}
PUPILS=${BENCH_COMPARE_PUPILS:-4000}
PORT=${BENCH_COMPARE_PORT:-18540}
ROWS=${BENCH_IMPORT_ROWS:-100000}
PASSWORD='Lindeveld-demo-2026!'
TMP=$(mktemp -d /tmp/samen-bench-compare.XXXXXX)
say() { echo "before_after: $*" >&2; }
source bench/timed.sh
source bench/two_sides.sh
# Keys on the command line of this side only: an earlier build may not know them.
if [ "${SAMEN_BENCH_PLAINTEXT:-}" = 1 ]; then
  after_keys=(--allow-plaintext)
else
  "$SAMEN" keys init --file "$TMP/field.keys" >/dev/null
  after_keys=(--field-keys "$TMP/field.keys")
fi
unset SAMEN_FIELD_KEYS SAMEN_FIELD_KEYS_FILE SAMEN_ALLOW_PLAINTEXT

start_side before "$BEFORE" "$PORT"
start_side after "$SAMEN" $((PORT + 1)) "${after_keys[@]}"
mkdir -p bench/results
{
  measure_sides after before "Before and after"
  echo
  say "import of $ROWS rows"
  python3 bench/gen_pupils_csv.py "$ROWS" "$TMP/pupils.csv"
  echo "Import of $ROWS pupils into a fresh 10-pupil region, wall seconds per round (\`samen import pupils\`):"
  echo
  echo "| round | after | before | after ÷ before |"
  echo "|---|---|---|---|"
  for round in $(seq "$ROUNDS"); do
    for side in after before; do
      run=("$SAMEN") keys=("${after_keys[@]}")
      [ $side = before ] && run=("$BEFORE") keys=()
      rm -f "$TMP/import.db"*
      "${run[@]}" demo --db "$TMP/import.db" --password "$PASSWORD" --pupils 10 --no-serve "${keys[@]}" >/dev/null
      timed "$TMP/import-$side" "${run[@]}" import pupils --db "$TMP/import.db" "${keys[@]}" \
        --school 'Het Baken College' "$TMP/pupils.csv"
      eval "${side}_s=$(wall_seconds "$TMP/import-$side.time")"
    done
    echo "| $round | $after_s | $before_s | $(echo "scale=2; $after_s / $before_s" | bc -l) |"
  done
} | tee bench/results/before-after-latest.md
