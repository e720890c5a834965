# Sourced by the HTTP benchmarks (bench/cases.sh, bench/agenda.sh) after SAMEN, PORT,
# DURATION and CONNECTIONS are set: a scratch directory with the benchmark's field keys,
# cleaned up with the server on exit; a demo region served on PORT; and wrk_run.
BENCH_NAME=${BENCH_NAME:-bench}
TMP=$(mktemp -d "/tmp/samen-bench-$BENCH_NAME.XXXXXX")
source bench/field_keys.sh
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
command -v wrk >/dev/null || bash scripts/install-deps.sh
URL="http://127.0.0.1:$PORT"
say() { echo "$BENCH_NAME: $*" >&2; }

# serve_demo PUPILS: a demo region of PUPILS pupils in $TMP/$BENCH_NAME.db, served on PORT.
serve_demo() {
  "$SAMEN" demo --db "$TMP/$BENCH_NAME.db" --password "$PASSWORD" --pupils "$1" --no-serve >/dev/null
  "$SAMEN" serve --db "$TMP/$BENCH_NAME.db" --listen "127.0.0.1:$PORT" --log-level warn >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.1; done
}

# stop_server: the server stopped (its audit chain can then be verified offline).
stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
}

# wrk_run NAME PATH SCRIPT [CONNECTIONS]: a warm-up, then DURATION of wrk with the lua
# SCRIPT (which reads SAMEN_COOKIE and the like from the environment); prints
# "req/s p50 p99 non-2xx".
wrk_run() {
  local args=(-t1 -c"${4:-$CONNECTIONS}" --latency -s "$3") rps p50 p99 bad
  say "wrk $1: $2"
  wrk "${args[@]}" -d3s "$URL$2" >/dev/null
  wrk "${args[@]}" -d"$DURATION" "$URL$2" >"$TMP/wrk-$1.txt"
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$TMP/wrk-$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$TMP/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk-$1.txt")
  bad=$(awk '/Non-2xx/ {print $5}' "$TMP/wrk-$1.txt")
  echo "$rps $p50 $p99 ${bad:-0}"
}

ratio() { echo "scale=1; 100 * $1 / $2" | bc -l; }
