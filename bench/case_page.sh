#!/usr/bin/env bash
# Case page benchmark (issue 6: "the case page of a 200-entry case usable within 1 s"),
# part of `make bench`: a fresh demo region served with the web UI (`samen serve --static
# web/dist`), a case with BENCH_ENTRIES chronology entries made through the API by
# bench/cases_setup.py, and bench/case_page.mjs timing BENCH_PAGE_RUNS navigations to
# /dossiers/<id> in Debian's Chromium as the case's mentor (first run cold, the rest warm).
# No CPU throttling: this machine is the target. Settings: SAMEN [build/samen],
# BENCH_PAGE_PORT [19400], BENCH_PAGE_RUNS [15], BENCH_ENTRIES [200]; BENCH_LIGHTHOUSE=1 adds
# bench/lighthouse.sh (Lighthouse's mobile defaults on the login, a family child page and
# this case page), BENCH_PAGE_RUNS=0 leaves the timing out.
set -euo pipefail
cd "$(dirname "$0")/.."

SAMEN=${SAMEN:-build/samen}
PORT=${BENCH_PAGE_PORT:-19400}
RUNS=${BENCH_PAGE_RUNS:-15}
ENTRIES=${BENCH_ENTRIES:-200}
PASSWORD='Lindeveld-demo-2026!'
URL="http://127.0.0.1:$PORT"
die() { echo "case_page: $*" >&2; exit 1; }
[ -x "$SAMEN" ] || die "no samen binary at $SAMEN (build it, or set SAMEN=...)"
[ -f web/dist/index.html ] || die "no web/dist/index.html: run 'cd web && npm ci && npm run build' first"
[ -d web/node_modules/playwright-core ] || die "no web/node_modules/playwright-core: run 'cd web && npm ci' first"
[ -x "${SAMEN_CHROMIUM:-/usr/bin/chromium}" ] || die "no Chromium at ${SAMEN_CHROMIUM:-/usr/bin/chromium}"
TMP=$(mktemp -d /tmp/samen-bench-page.XXXXXX)
source bench/field_keys.sh
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
say() { echo "case_page: $*" >&2; }

"$SAMEN" demo --no-serve --db "$TMP/page.db" --password "$PASSWORD" --pupils 400 >/dev/null
"$SAMEN" serve --db "$TMP/page.db" --listen "127.0.0.1:$PORT" --static web/dist --log-level warn >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 300); do
  curl -sf "$URL/healthz" >/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "samen serve exited"; }
  sleep 0.1
done
curl -sf "$URL/healthz" >/dev/null || die "samen serve not healthy on $URL"
say "writing $ENTRIES entries through the API"
eval "$(python3 bench/cases_setup.py --port "$PORT" --db "$TMP/page.db" --password "$PASSWORD" --entries "$ENTRIES" --open-share 0)"
TOTAL=$(curl -sf -b "__Host-samen_session=$READER_COOKIE" "$URL/api/cases/$CASE_ID/entries?limit=500" |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entries"]))')
EXPECT=$((TOTAL < 25 ? TOTAL : 25)) # web/src/features/case/Chronology.tsx, FIRST_PAGE

mkdir -p bench/results
{
  echo "## Case page run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores"
  echo "load at start (/proc/loadavg): $(cat /proc/loadavg)"
  echo "busiest processes at start: $(top -bn1 -o %CPU | sed -n '8,12p' | awk '{printf "%s %s%%, ", $12, $9}')"
  echo '```'
  if [ "$RUNS" -gt 0 ]; then
    URL=$URL CASE_ID=$CASE_ID COOKIE=$READER_COOKIE EXPECT=$EXPECT TOTAL=$TOTAL RUNS=$RUNS \
      NODE_PATH=web/node_modules node bench/case_page.mjs
  fi
  echo '```'
  if [ "${BENCH_LIGHTHOUSE:-0}" = 1 ]; then
    echo "Lighthouse (mobile defaults), \`BENCH_LIGHTHOUSE=1 bench/case_page.sh\`:"
    echo
    URL=$URL CASE_ID=$CASE_ID READER_COOKIE=$READER_COOKIE PASSWORD=$PASSWORD bash bench/lighthouse.sh
  fi
  echo "load at end (/proc/loadavg): $(cat /proc/loadavg)"
} | tee bench/results/case_page.md
