#!/usr/bin/env bash
# Cases benchmark (issue 5), part of `make bench`: in one run on SQLite,
#   - GET /healthz (the yardstick),
#   - GET /api/cases/{id}/entries: a 200-entry chronology read by a case-team member (the
#     policy decides per entry, every entry shown is audited before the response), whole
#     (limit=500) and as the web UI pages it (limit=25),
#   - GET /api/cases?status=open: the care coordinator lists the open cases of a school of
#     2,000 pupils (5 % of them with an open case; a decision and audit entry per case).
# Settings: SAMEN [build/samen], BENCH_DURATION [15s], BENCH_CONNECTIONS [64],
# BENCH_CASES_PORT [18500], BENCH_ENTRIES [200], BENCH_SCHOOL_PUPILS [2000].
set -euo pipefail
cd "$(dirname "$0")/.."

SAMEN=${SAMEN:-build/samen}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_CASES_PORT:-18500}
ENTRIES=${BENCH_ENTRIES:-200}
SCHOOL_PUPILS=${BENCH_SCHOOL_PUPILS:-2000}
PASSWORD='Lindeveld-demo-2026!'
URL="http://127.0.0.1:$PORT"
TMP=$(mktemp -d /tmp/samen-bench-cases.XXXXXX)
source bench/field_keys.sh
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
command -v wrk >/dev/null || bash scripts/install-deps.sh
say() { echo "cases: $*" >&2; }

# Het Baken College gets half of the demo's pupils (src/demo/demo_region.cpp).
say "creating the demo region ($((SCHOOL_PUPILS * 2)) pupils, $SCHOOL_PUPILS in Het Baken College)"
"$SAMEN" demo --db "$TMP/cases.db" --password "$PASSWORD" --pupils $((SCHOOL_PUPILS * 2)) --no-serve >/dev/null
"$SAMEN" serve --db "$TMP/cases.db" --listen "127.0.0.1:$PORT" --log-level warn >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.1; done
say "writing $ENTRIES entries and opening cases through the API"
eval "$(python3 bench/cases_setup.py --port "$PORT" --db "$TMP/cases.db" --password "$PASSWORD" --entries "$ENTRIES")"

# wrk_run NAME PATH COOKIE: prints "req/s p50 p99 non-2xx"
wrk_run() {
  local args=(-t1 -c"$CONNECTIONS" --latency -s bench/cookie.lua) rps p50 p99 bad
  say "wrk $1: $2"
  SAMEN_COOKIE=$3 wrk "${args[@]}" -d3s "$URL$2" >/dev/null # warm-up
  SAMEN_COOKIE=$3 wrk "${args[@]}" -d"$DURATION" "$URL$2" >"$TMP/wrk-$1.txt"
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$TMP/wrk-$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$TMP/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk-$1.txt")
  bad=$(awk '/Non-2xx/ {print $5}' "$TMP/wrk-$1.txt")
  echo "$rps $p50 $p99 ${bad:-0}"
}
shown=$(curl -sf -b "__Host-samen_session=$READER_COOKIE" "$URL/api/cases/$CASE_ID/entries?limit=500" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entries"]))')
listed=$(curl -sf -b "__Host-samen_session=$COORDINATOR_COOKIE" "$URL/api/cases?status=open" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["cases"]))')
read -r h_rps h_p50 h_p99 h_bad < <(wrk_run healthz /healthz "$READER_COOKIE")
read -r c_rps c_p50 c_p99 c_bad < <(wrk_run chronology "/api/cases/$CASE_ID/entries?limit=500" "$READER_COOKIE")
read -r p_rps p_p50 p_p99 p_bad < <(wrk_run chronology-page "/api/cases/$CASE_ID/entries?limit=25" "$READER_COOKIE")
read -r l_rps l_p50 l_p99 l_bad < <(wrk_run open-cases "/api/cases?status=open" "$COORDINATOR_COOKIE")
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || true
SERVER_PID=""
verify=$("$SAMEN" audit verify --db "$TMP/cases.db")
ratio() { echo "scale=1; 100 * $1 / $2" | bc -l; }

mkdir -p bench/results
{
  echo "## Cases run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "| scenario | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| GET /healthz | $h_rps | $h_p50 | $h_p99 | $h_bad |"
  echo "| GET /api/cases/{id}/entries?limit=500 — $ENTRIES entries, all $shown the team member may see | $c_rps | $c_p50 | $c_p99 | $c_bad |"
  echo "| GET /api/cases/{id}/entries?limit=25 — the first page of those | $p_rps | $p_p50 | $p_p99 | $p_bad |"
  echo "| GET /api/cases?status=open — $listed open cases of a $SCHOOL_PUPILS-pupil school | $l_rps | $l_p50 | $l_p99 | $l_bad |"
  echo
  echo "- **whole chronology ÷ /healthz: $(ratio "$c_rps" "$h_rps") %** (goal ≥ 30 %), p99 $c_p99 (goal ≤ 15 ms)"
  echo "- **a 25-entry page ÷ /healthz: $(ratio "$p_rps" "$h_rps") %**, p99 $p_p99"
  echo "- open cases ÷ /healthz: $(ratio "$l_rps" "$h_rps") %"
  echo "- afterwards: \`$verify\`"
} | tee bench/results/cases.md
