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
BENCH_NAME=cases
source bench/lib.sh

# Het Baken College gets half of the demo's pupils (src/demo/demo_region.cpp).
say "creating the demo region ($((SCHOOL_PUPILS * 2)) pupils, $SCHOOL_PUPILS in Het Baken College)"
serve_demo $((SCHOOL_PUPILS * 2))
say "writing $ENTRIES entries and opening cases through the API"
eval "$(python3 bench/cases_setup.py --port "$PORT" --db "$TMP/$BENCH_NAME.db" --password "$PASSWORD" --entries "$ENTRIES")"

shown=$(curl -sf -b "__Host-samen_session=$READER_COOKIE" "$URL/api/cases/$CASE_ID/entries?limit=500" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entries"]))')
listed=$(curl -sf -b "__Host-samen_session=$COORDINATOR_COOKIE" "$URL/api/cases?status=open" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["cases"]))')
read -r h_rps h_p50 h_p99 h_bad < <(SAMEN_COOKIE=$READER_COOKIE wrk_run healthz /healthz bench/cookie.lua)
read -r c_rps c_p50 c_p99 c_bad < <(SAMEN_COOKIE=$READER_COOKIE wrk_run chronology "/api/cases/$CASE_ID/entries?limit=500" bench/cookie.lua)
read -r p_rps p_p50 p_p99 p_bad < <(SAMEN_COOKIE=$READER_COOKIE wrk_run chronology-page "/api/cases/$CASE_ID/entries?limit=25" bench/cookie.lua)
read -r l_rps l_p50 l_p99 l_bad < <(SAMEN_COOKIE=$COORDINATOR_COOKIE wrk_run open-cases "/api/cases?status=open" bench/cookie.lua)
stop_server
verify=$("$SAMEN" audit verify --db "$TMP/$BENCH_NAME.db")

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
