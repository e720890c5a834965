#!/usr/bin/env bash
# Import at scale (issue 4): generated pupil exports of 100,000 and 1,000,000 rows
# (bench/gen_pupils_csv.py), each imported into a fresh demo database and then imported
# again (every row unchanged), with wall time, rows/s and peak memory from /usr/bin/time -v.
# SQLite always; PostgreSQL too when SAMEN_BENCH_PG names a server URI from which this
# script may create databases (`bash scripts/test-postgres.sh start` prints one); it makes
# its own and drops them afterwards. The goal: peak memory does not grow with the file.
# Markdown to stdout and bench/results/import-scale.md; progress to stderr.
#   BENCH_IMPORT_ROWS="100000 1000000" SAMEN=build/samen SAMEN_BENCH_PG=postgresql://... bash bench/import_scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/timed.sh

SAMEN=${SAMEN:-build/samen}
SIZES=${BENCH_IMPORT_ROWS:-100000 1000000}
PG=${SAMEN_BENCH_PG:-}
PASSWORD='Lindeveld-demo-2026!'
SCHOOL='Het Baken College'
TMP=$(mktemp -d /tmp/samen-import-scale.XXXXXX)
source bench/field_keys.sh
PG_DATABASES=()
cleanup() {
  for db in "${PG_DATABASES[@]}"; do psql "$PG" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p bench/results

# fresh_database BACKEND ROWS: prints the --db value of a new demo region (10 pupils).
fresh_database() {
  local db
  if [ "$1" = sqlite ]; then
    db="$TMP/import-$2.db"
  else
    local name="samen_bench_import_$$_$2"
    psql "$PG" -qc "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1
    psql "$PG" -qc "CREATE DATABASE $name" >/dev/null
    PG_DATABASES+=("$name")
    db="${PG%/*}/$name"
  fi
  "$SAMEN" demo --db "$db" --password "$PASSWORD" --pupils 10 --no-serve >/dev/null
  echo "$db"
}

# import_cells RUN ROWS: the "seconds | rows/s | peak MiB" cells of one timed import.
import_cells() {
  local s
  s=$(wall_seconds "$1.time")
  printf '%.2f | %s | %s' "$s" "$(echo "$2 / $s" | bc)" "$(peak_rss_mib "$1.time")"
}

backends=(sqlite)
[ -n "$PG" ] && backends+=(postgresql)
rows_md=""
declare -A peak
for n in $SIZES; do
  echo "import_scale: generating $n rows" >&2
  python3 bench/gen_pupils_csv.py "$n" "$TMP/pupils-$n.csv"
  mib=$(printf %.1f "$(echo "$(stat -c %s "$TMP/pupils-$n.csv") / 1048576" | bc -l)")
  for backend in "${backends[@]}"; do
    # Not db=$(fresh_database ...): a subshell would lose the name cleanup needs.
    fresh_database "$backend" "$n" >"$TMP/db"
    db=$(cat "$TMP/db")
    echo "import_scale: $backend, $n rows, first import" >&2
    timed "$TMP/first-$backend-$n" "$SAMEN" import pupils --db "$db" --school "$SCHOOL" "$TMP/pupils-$n.csv"
    echo "import_scale: $backend, $n rows, again" >&2
    timed "$TMP/again-$backend-$n" "$SAMEN" import pupils --db "$db" --school "$SCHOOL" "$TMP/pupils-$n.csv"
    grep -q "^imported: 0 created, 0 updated, $n unchanged" "$TMP/again-$backend-$n.out" ||
      { echo "import_scale: the second import changed something" >&2; cat "$TMP/again-$backend-$n.out" >&2; exit 1; }
    peak[$backend-$n]=$(peak_rss_mib "$TMP/first-$backend-$n.time")
    rows_md+="| $backend | $n | $mib | $(import_cells "$TMP/first-$backend-$n" "$n") | $(import_cells "$TMP/again-$backend-$n" "$n") |"$'\n'
    [ "$backend" = sqlite ] && rm -f "$db" "$db-wal" "$db-shm"
  done
done

{
  echo
  echo "### Import at scale ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo
  echo "Command: \`bash bench/import_scale.sh\`$([ -n "$PG" ] && echo " with SAMEN_BENCH_PG set") (also run by \`make bench\`). Each file"
  echo "is imported into a fresh demo region (\`samen import pupils\`, one transaction, an audit"
  echo "entry per pupil), then imported again (every row unchanged). Peak memory is /usr/bin/time's"
  echo "maximum resident set size of the samen process (PostgreSQL's own memory not included)."
  echo
  echo "| backend | rows | CSV MiB | first import s | rows/s | peak MiB | again s | rows/s | peak MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$rows_md"
  set -- $SIZES
  if [ $# -ge 2 ]; then
    echo
    for backend in "${backends[@]}"; do
      echo "- $backend: peak memory of the first import, $2 rows ÷ $1 rows:" \
        "**$(echo "scale=2; ${peak[$backend-$2]} / ${peak[$backend-$1]}" | bc -l)** (goal ≤ 1.5)"
    done
  fi
} | tee bench/results/import-scale.md
