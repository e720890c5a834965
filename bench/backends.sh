#!/usr/bin/env bash
# Benchmarks of issue 4, in one run:
#   1. the same demo region on SQLite and on PostgreSQL 15, each served by one samen and
#      loaded with the scenarios of bench/run.sh (wrk -t1 -c64, 3 s warm-up, then measured);
#   2. nginx (TLS, round robin, deploy/nginx via scripts/cluster.sh) in front of two samen
#      servers on that PostgreSQL database, next to one of those servers asked directly.
# Every figure comes from this one run on shared cores, so compare them as ratios. The
# machine's load is printed before and after. Results go to stdout and
# bench/results/backends.md. Called by bench/run.sh (`make bench`); runnable alone.
# Settings (defaults in brackets): SAMEN [build/samen], BENCH_PUPILS [100000],
# BENCH_DURATION [15s], BENCH_CONNECTIONS [64], BENCH_BACKENDS_PORT [18490, and the two
# ports after it for the cluster's servers], BENCH_NGINX_PORT [18443], BENCH_PG_PORT [55450].
set -euo pipefail
cd "$(dirname "$0")/.."

SAMEN=${SAMEN:-build/samen}
PUPILS=${BENCH_PUPILS:-100000}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_BACKENDS_PORT:-18490}
NGINX_PORT=${BENCH_NGINX_PORT:-18443}
PG_PORT=${BENCH_PG_PORT:-55450}
PASSWORD='Lindeveld-demo-2026!'
DB_NAME=samen_bench
LOGIN=zorg@hetbaken.example # the care coordinator: may read every pupil of the school

for tool in wrk nginx openssl sqlite3 psql bc /usr/lib/postgresql/15/bin/initdb; do
  command -v "$tool" >/dev/null || { bash scripts/install-deps.sh; break; }
done
[ -x "$SAMEN" ] || { echo "backends.sh: $SAMEN not found; run make build" >&2; exit 1; }
SAMEN=$(realpath "$SAMEN")

TMP=$(mktemp -d /tmp/samen-bench-backends.XXXXXX)
source bench/field_keys.sh
# PostgreSQL (as postgres) and nginx's workers (as www-data) need to reach their
# subdirectories of this one.
chmod 755 "$TMP"
PG_DIR=$TMP/pg
CLUSTER_DIR=$TMP/cluster
SERVER_PID=""
PG_STARTED=""
CLUSTER_STARTED=""

cluster() {
  SAMEN_CLUSTER_DIR=$CLUSTER_DIR SAMEN_CLUSTER_PORT=$NGINX_PORT \
    SAMEN_CLUSTER_SERVER_PORTS="$((PORT + 1)) $((PORT + 2))" \
    SAMEN_CLUSTER_PG="$ADMIN_URI" SAMEN_CLUSTER_DB=$DB_NAME SAMEN_BIN="$SAMEN" \
    SAMEN_CLUSTER_PASSWORD="$PASSWORD" SAMEN_CLUSTER_PUPILS="$PUPILS" \
    bash scripts/cluster.sh "$1"
}

# Runs on every exit, also after a failure or Ctrl-C: nothing of this run stays behind.
cleanup() {
  set +e
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  [ -n "$CLUSTER_STARTED" ] && cluster stop
  [ -n "$PG_STARTED" ] && SAMEN_PG_DIR=$PG_DIR bash scripts/test-postgres.sh stop
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # makes bash run the EXIT trap on these signals too

mkdir -p bench/results
OUT=$TMP/out.md
say() { echo "backends: $*" >&2; }
now() { date +%s.%N; }
elapsed() { printf %.1f "$(echo "$2 - $1" | bc -l)"; }
ratio() { echo "scale=1; 100 * $1 / $2" | bc -l; }
load() { uptime | sed 's/.*load average: //'; }

load_before=$(load)
# What else is using the cores right now (the figures share them with it).
busy_before=$(ps -eo pcpu,comm --sort=-pcpu | awk 'NR > 1 && NR <= 6 {printf "%s %s%%, ", $2, $1}')

# --- PostgreSQL: a throw-away cluster of our own, on its own port -------------------------
say "starting PostgreSQL 15 on port $PG_PORT in $PG_DIR"
PG_STARTED=1
ADMIN_URI=$(SAMEN_PG_DIR=$PG_DIR SAMEN_PG_PORT=$PG_PORT bash scripts/test-postgres.sh start)
PG_URI="${ADMIN_URI%/*}/$DB_NAME"
psql "$ADMIN_URI" -qc "CREATE DATABASE $DB_NAME" >/dev/null

# --- The same demo region on both backends --------------------------------------------------
say "creating the demo region ($PUPILS pupils) on SQLite"
t0=$(now)
"$SAMEN" demo --db "$TMP/bench.db" --password "$PASSWORD" --pupils "$PUPILS" --no-serve >/dev/null
demo_sqlite_s=$(elapsed "$t0" "$(now)")
say "creating the demo region ($PUPILS pupils) on PostgreSQL"
t0=$(now)
"$SAMEN" migrate --db "$PG_URI" >/dev/null
"$SAMEN" demo --db "$PG_URI" --password "$PASSWORD" --pupils "$PUPILS" --no-serve >/dev/null
demo_pg_s=$(elapsed "$t0" "$(now)")

PUPIL_SQL="SELECT p.id FROM pupils p JOIN organisations o ON o.id = p.school_id
           WHERE o.name = 'Het Baken College' ORDER BY p.id LIMIT 1"
pupil_sqlite=$(sqlite3 "$TMP/bench.db" "$PUPIL_SQL")
pupil_pg=$(psql "$PG_URI" -tAc "$PUPIL_SQL")
count_sqlite=$(sqlite3 "$TMP/bench.db" "SELECT count(*) FROM pupils")
count_pg=$(psql "$PG_URI" -tAc "SELECT count(*) FROM pupils")

# --- Helpers ---------------------------------------------------------------------------------
start_server() { # DB PORT: one samen, as bench/run.sh starts it
  "$SAMEN" serve --db "$1" --listen "127.0.0.1:$2" --log-level warn >"$TMP/server-$2.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return 0; sleep 0.1; done
  say "samen on port $2 did not start:"
  cat "$TMP/server-$2.log" >&2
  exit 1
}
stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
}
# login BASE_URL: sets SAMEN_COOKIE (read by bench/cookie.lua) to a fresh session.
login() {
  rm -f "$TMP/jar"
  curl -sfk -c "$TMP/jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$LOGIN\",\"password\":\"$PASSWORD\"}" "$1/api/session" >/dev/null
  SAMEN_COOKIE=$(awk '/__Host-samen_session/ {print $7}' "$TMP/jar")
  [ -n "$SAMEN_COOKIE" ] || { say "login at $1 failed"; exit 1; }
  export SAMEN_COOKIE
}
# CPU time (clock ticks) used so far by the processes named: utime + stime of each.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
postgres_pids() { pgrep -u postgres -x postgres | tr '\n' ' '; }
# µs of CPU per request from TICKS over REQUESTS.
per_request_us() { echo "scale=0; $1 * 1000000 / $(getconf CLK_TCK) / $2" | bc -l; }
# wrk_run NAME URL [script]: prints "req/s p50 p99 non-2xx socket-errors samen-µs pg-µs",
# the last two the CPU time per request of the one samen server (SERVER_PID) and of all
# PostgreSQL processes during the measured run ("-" where not measured).
wrk_run() {
  local name=$1 url=$2 script=${3:-} rps p50 p99 bad errors requests
  local args=(-t1 -c"$CONNECTIONS" --latency) samen_us=- pg_us=- s0=0 p0 pg_pids
  [ -n "$script" ] && args+=(-s "$script")
  say "wrk $name: $url"
  wrk "${args[@]}" -d3s "$url" >/dev/null # warm-up
  pg_pids=$(postgres_pids)
  [ -n "$SERVER_PID" ] && s0=$(cpu_ticks "$SERVER_PID")
  # shellcheck disable=SC2086 # a list of pids
  p0=$(cpu_ticks $pg_pids)
  wrk "${args[@]}" -d"$DURATION" "$url" >"$TMP/wrk-$name.txt"
  requests=$(awk '/requests in/ {print $1}' "$TMP/wrk-$name.txt")
  if [ -n "$SERVER_PID" ]; then
    samen_us=$(per_request_us $(($(cpu_ticks "$SERVER_PID") - s0)) "$requests")
    # shellcheck disable=SC2086
    [[ "$name" == pg-* ]] && pg_us=$(per_request_us $(($(cpu_ticks $pg_pids) - p0)) "$requests")
  fi
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$TMP/wrk-$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$TMP/wrk-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk-$name.txt")
  bad=$(awk '/Non-2xx/ {print $5}' "$TMP/wrk-$name.txt")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$TMP/wrk-$name.txt")
  echo "$rps $p50 $p99 ${bad:-0} ${errors:-0} $samen_us $pg_us"
}
row() { # LABEL "rps p50 p99 bad errors samen-µs pg-µs"
  local rps p50 p99 bad errors samen_us pg_us
  read -r rps p50 p99 bad errors samen_us pg_us <<<"$2"
  echo "| $1 | $rps | $p50 | $p99 | $bad | $errors | $samen_us | $pg_us |"
}
rps_of() { echo "${1%% *}"; }

# --- 1. SQLite vs PostgreSQL, one server each -----------------------------------------------
# bench_backend NAME DB PUPIL: the three scenarios of bench/run.sh against one server;
# sets NAME_healthz, NAME_read and NAME_search.
sqlite_healthz="" sqlite_read="" sqlite_search="" pg_healthz="" pg_read="" pg_search=""
bench_backend() {
  local name=$1 url="http://127.0.0.1:$PORT"
  start_server "$2" "$PORT"
  login "$url"
  curl -sf -b "__Host-samen_session=$SAMEN_COOKIE" "$url/api/pupils/$3" >/dev/null
  printf -v "${name}_healthz" %s "$(wrk_run "$name-healthz" "$url/healthz")"
  printf -v "${name}_read" %s "$(wrk_run "$name-read" "$url/api/pupils/$3" bench/cookie.lua)"
  printf -v "${name}_search" %s "$(wrk_run "$name-search" "$url/api/pupils?q=jan&limit=20" bench/cookie.lua)"
  stop_server
}
audit_sqlite_0=$(sqlite3 "$TMP/bench.db" "SELECT count(*) FROM audit_log")
audit_pg_0=$(psql "$PG_URI" -tAc "SELECT count(*) FROM audit_log")
bench_backend sqlite "$TMP/bench.db" "$pupil_sqlite"
bench_backend pg "$PG_URI" "$pupil_pg"
audit_sqlite_1=$(sqlite3 "$TMP/bench.db" "SELECT count(*) FROM audit_log")
audit_pg_1=$(psql "$PG_URI" -tAc "SELECT count(*) FROM audit_log")
sqlite_read_rps=$(rps_of "$sqlite_read")
pg_read_rps=$(rps_of "$pg_read")
sqlite_search_rps=$(rps_of "$sqlite_search")
pg_search_rps=$(rps_of "$pg_search")

# --- 2. nginx (TLS) in front of two servers vs one server direct, on PostgreSQL -------------
# scripts/cluster.sh reuses the loaded database (it loads a region only into an empty one)
# and builds its nginx config from deploy/nginx. SAMEN_LOG_LEVEL reaches the servers it
# starts, so they log as little as the servers above.
say "starting nginx and two samen servers (scripts/cluster.sh)"
CLUSTER_STARTED=1
SAMEN_LOG_LEVEL=warn cluster start >"$TMP/cluster.out"
direct="http://127.0.0.1:$((PORT + 1))"
proxied="https://127.0.0.1:$NGINX_PORT"
login "$proxied"
curl -sfk -b "__Host-samen_session=$SAMEN_COOKIE" "$proxied/api/pupils/$pupil_pg" >/dev/null
# The same server process first alone (nginx idle), then behind nginx with its twin.
direct_healthz=$(wrk_run direct-healthz "$direct/healthz")
direct_read=$(wrk_run direct-read "$direct/api/pupils/$pupil_pg" bench/cookie.lua)
nginx_healthz=$(wrk_run nginx-healthz "$proxied/healthz")
nginx_read=$(wrk_run nginx-read "$proxied/api/pupils/$pupil_pg" bench/cookie.lua)
# The production config logs every /api/ request (not /healthz), so that is part of the
# proxy's cost measured here.
api_log_lines=$(awk '/api\/pupils/ {n++} END {print n + 0}' "$CLUSTER_DIR/nginx/access.log")
cluster stop
CLUSTER_STARTED=""
audit_pg_2=$(psql "$PG_URI" -tAc "SELECT count(*) FROM audit_log")

# Two servers appended to one chain: it must still verify.
verify_sqlite=$("$SAMEN" audit verify --db "$TMP/bench.db")
verify_pg=$("$SAMEN" audit verify --db "$PG_URI")
load_after=$(load)

cat >"$OUT" <<MD
## PostgreSQL and nginx: run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(uname -r))

Command: \`bash bench/backends.sh\` (also run by \`make bench\`), commit $(git rev-parse --short HEAD).
$PUPILS pupils on each backend (SQLite: $count_sqlite, PostgreSQL: $count_pg rows); wrk -t1 -c$CONNECTIONS for $DURATION
per scenario after a 3 s warm-up, on the same cores as the servers, nginx and PostgreSQL;
samen at --log-level warn. PostgreSQL 15 as scripts/test-postgres.sh starts it (fsync on,
synchronous_commit on, default shared_buffers).

Machine load (1, 5, 15 min) before: $load_before; after: $load_after.
Busiest processes at the start: ${busy_before%, }.

| one samen, SQLite | requests/s | p50 | p99 | non-2xx | socket errors | samen CPU µs/req | PostgreSQL CPU µs/req |
|---|---:|---:|---:|---:|---:|---:|---:|
$(row "GET /healthz" "$sqlite_healthz")
$(row "GET /api/pupils/{id} (session, policy, committed audit entry)" "$sqlite_read")
$(row "GET /api/pupils?q=jan&limit=20 (20 audit entries each)" "$sqlite_search")

| one samen, PostgreSQL | requests/s | p50 | p99 | non-2xx | socket errors | samen CPU µs/req | PostgreSQL CPU µs/req |
|---|---:|---:|---:|---:|---:|---:|---:|
$(row "GET /healthz" "$pg_healthz")
$(row "GET /api/pupils/{id} (session, policy, committed audit entry)" "$pg_read")
$(row "GET /api/pupils?q=jan&limit=20 (20 audit entries each)" "$pg_search")

- **audited read, PostgreSQL ÷ SQLite: $(ratio "$pg_read_rps" "$sqlite_read_rps") %** (goal ≥ 50 %); search: $(ratio "$pg_search_rps" "$sqlite_search_rps") %
- demo region created in $demo_sqlite_s s on SQLite, $demo_pg_s s on PostgreSQL (migrate + demo)
- audit entries written: SQLite $((audit_sqlite_1 - audit_sqlite_0)), PostgreSQL $((audit_pg_1 - audit_pg_0)) (one server), then $((audit_pg_2 - audit_pg_1)) through the cluster
- afterwards: SQLite \`$verify_sqlite\`; PostgreSQL \`$verify_pg\`

| PostgreSQL, direct vs through nginx | requests/s | p50 | p99 | non-2xx | socket errors | samen CPU µs/req | PostgreSQL CPU µs/req |
|---|---:|---:|---:|---:|---:|---:|---:|
$(row "GET /healthz, one samen direct (http)" "$direct_healthz")
$(row "GET /healthz, nginx (https) → two samen" "$nginx_healthz")
$(row "GET /api/pupils/{id}, one samen direct (http)" "$direct_read")
$(row "GET /api/pupils/{id}, nginx (https) → two samen" "$nginx_read")

- through nginx ÷ direct: /healthz $(ratio "$(rps_of "$nginx_healthz")" "$(rps_of "$direct_healthz")") %, audited read $(ratio "$(rps_of "$nginx_read")" "$(rps_of "$direct_read")") %
- nginx wrote $api_log_lines access-log lines for /api/ requests, warm-up included (deploy/nginx logs /api/, not /healthz)
- on $(nproc) cores nginx, both servers, PostgreSQL and wrk share the same CPUs: this
  measures what the proxy and TLS cost, not how the cluster scales
MD
tee bench/results/backends.md <"$OUT"
