#!/usr/bin/env bash
# What encryption at rest costs (issue 12, §2), in one run on SQLite: the same demo region
# twice, one sealed with field keys and one made and served with --allow-plaintext, served
# side by side; on each, GET /healthz, the audited read of a pupil with a BSN (care
# coordinator, full view) and a 25-entry chronology page (a case-team member, the web UI's
# page size) take turns for BENCH_ROUNDS rounds. The table gives each scenario's median
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
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
command -v wrk >/dev/null || bash scripts/install-deps.sh
say() { echo "sealing: $*" >&2; }
unset SAMEN_FIELD_KEYS SAMEN_FIELD_KEYS_FILE SAMEN_ALLOW_PLAINTEXT
"$SAMEN" keys init --file "$TMP/field.keys" >/dev/null

# start NAME PORT KEY-OPTION: a demo region served on PORT; sets NAME_CASE, NAME_PUPIL and
# the cookies NAME_READER and NAME_COORDINATOR.
start() {
  local name=$1 port=$2 keys=$3 db="$TMP/$1.db"
  say "demo region ($PUPILS pupils) $name"
  "$SAMEN" demo --db "$db" --password "$PASSWORD" --pupils "$PUPILS" --no-serve $keys >/dev/null
  "$SAMEN" serve --db "$db" --listen "127.0.0.1:$port" --log-level warn $keys >"$TMP/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  eval "$(python3 bench/cases_setup.py --port "$port" --db "$db" --password "$PASSWORD" --entries 200 |
    sed "s/^/${name}_/")"
  eval "${name}_CASE=\$${name}_CASE_ID ${name}_READER=\$${name}_READER_COOKIE"
  eval "${name}_COORDINATOR=\$${name}_COORDINATOR_COOKIE"
  eval "${name}_PUPIL=$(sqlite3 "$db" "SELECT p.id FROM pupils p JOIN organisations o ON o.id = p.school_id \
    WHERE o.name = 'Het Baken College' AND p.bsn IS NOT NULL ORDER BY p.id LIMIT 1")"
}
start sealed "$PORT" "--field-keys $TMP/field.keys"
start plain $((PORT + 1)) "--allow-plaintext"
[ "$(sqlite3 "$TMP/sealed.db" "SELECT substr(bsn, 1, 5) FROM pupils WHERE id = $sealed_PUPIL")" = enc1: ]
[ "$(sqlite3 "$TMP/plain.db" "SELECT length(bsn) FROM pupils WHERE id = $plain_PUPIL")" = 9 ]

# rps PORT PATH COOKIE: requests/s of one wrk run (after a warm-up)
rps() {
  local args=(-t1 -c"$CONNECTIONS" -s bench/cookie.lua)
  SAMEN_COOKIE=$3 wrk "${args[@]}" -d2s "http://127.0.0.1:$1$2" >/dev/null
  SAMEN_COOKIE=$3 wrk "${args[@]}" -d"$DURATION" "http://127.0.0.1:$1$2" >"$TMP/wrk.txt"
  grep -q Non-2xx "$TMP/wrk.txt" && { say "non-2xx answers on $2"; cat "$TMP/wrk.txt" >&2; exit 1; }
  awk '/Requests\/sec/ {printf "%.0f", $2}' "$TMP/wrk.txt"
}
ratio() { echo "scale=1; 100 * $1 / $2" | bc -l; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
declare -A runs
for round in $(seq "$ROUNDS"); do
  say "round $round of $ROUNDS"
  for side in sealed plain; do
    port=$PORT
    [ $side = plain ] && port=$((PORT + 1))
    case_var=${side}_CASE pupil_var=${side}_PUPIL reader_var=${side}_READER coord_var=${side}_COORDINATOR
    runs[$side-healthz]+=" $(rps $port /healthz "${!reader_var}")"
    runs[$side-read]+=" $(rps $port "/api/pupils/${!pupil_var}" "${!coord_var}")"
    runs[$side-page]+=" $(rps $port "/api/cases/${!case_var}/entries?limit=25" "${!reader_var}")"
  done
done

{
  echo "## Sealing run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "$PUPILS pupils, $ROUNDS rounds of $DURATION per scenario and side, wrk -t1 -c$CONNECTIONS; median requests/s."
  echo
  echo "| scenario | sealed | plain | sealed ÷ plain | every round (sealed / plain) |"
  echo "|---|---|---|---|---|"
  for scenario in healthz read page; do
    # shellcheck disable=SC2086 # the runs are a word list
    s=$(median ${runs[sealed-$scenario]}) p=$(median ${runs[plain-$scenario]})
    label=$scenario
    [ $scenario = read ] && label="audited read GET /api/pupils/{id} (with BSN)"
    [ $scenario = page ] && label="chronology page GET /api/cases/{id}/entries?limit=25"
    [ $scenario = healthz ] && label="GET /healthz"
    echo "| $label | $s | $p | $(ratio "$s" "$p") % | ${runs[sealed-$scenario]# } / ${runs[plain-$scenario]# } |"
  done
} | tee bench/results/sealing-latest.md
