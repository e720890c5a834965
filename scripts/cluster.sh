#!/usr/bin/env bash
# A local Samen cluster shaped like production, on one machine: PostgreSQL 15, two samen
# servers, and nginx in front with TLS (a self-signed certificate) and round robin.
#   scripts/cluster.sh start   # prints the https URL and the demo logins
#   scripts/cluster.sh stop
# Everything (data, logs, pid files, certificate) lives in one directory. Settings, from
# the environment (defaults in brackets):
#   SAMEN_CLUSTER_DIR           [/tmp/samen-cluster]
#   SAMEN_CLUSTER_PORT          nginx's https port [8443]
#   SAMEN_CLUSTER_SERVER_PORTS  one samen per port ["8081 8082"]
#   SAMEN_CLUSTER_PG            URI of a running PostgreSQL to use instead of starting
#                               one (its own, on SAMEN_CLUSTER_PG_PORT [55440])
#   SAMEN_CLUSTER_DB            database created there [samen_cluster]
#   SAMEN_BIN [build/samen]  SAMEN_CLUSTER_PUPILS [600]  SAMEN_CLUSTER_PASSWORD
# The database is created and the demo region loaded only once; a later start reuses them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${SAMEN_CLUSTER_DIR:-/tmp/samen-cluster}
PORT=${SAMEN_CLUSTER_PORT:-8443}
SERVER_PORTS=${SAMEN_CLUSTER_SERVER_PORTS:-8081 8082}
PG_PORT=${SAMEN_CLUSTER_PG_PORT:-55440}
DB_NAME=${SAMEN_CLUSTER_DB:-samen_cluster}
SAMEN=${SAMEN_BIN:-$ROOT/build/samen}
PUPILS=${SAMEN_CLUSTER_PUPILS:-600}
PASSWORD=${SAMEN_CLUSTER_PASSWORD:-Lindeveld-demo-2026!}
NGINX_CONF=$ROOT/deploy/nginx/samen.conf

say() { echo "cluster: $*" >&2; }
die() { say "$*"; exit 1; }

# PostgreSQL refuses to run as root; scripts/test-postgres.sh runs it as postgres.
admin_uri() {
  if [ -n "${SAMEN_CLUSTER_PG:-}" ]; then
    echo "$SAMEN_CLUSTER_PG"
  else
    SAMEN_PG_DIR="$DIR/pg" SAMEN_PG_PORT="$PG_PORT" bash "$ROOT/scripts/test-postgres.sh" start
  fi
}

# One deployment, one field key file (docs/operations.md): every server and the demo seal
# with it. SAMEN_FIELD_KEYS or SAMEN_FIELD_KEYS_FILE in the environment (the tests, bench/)
# is used instead.
field_key_args() {
  if [ -n "${SAMEN_FIELD_KEYS:-}${SAMEN_FIELD_KEYS_FILE:-}" ]; then return 0; fi
  [ -s "$DIR/field.keys" ] || "$SAMEN" keys init --file "$DIR/field.keys" >/dev/null ||
    die "samen keys init failed"
  echo "--field-keys $DIR/field.keys"
}

prepare_database() {
  local admin=$1 uri=$2
  if [ -z "$(psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
    psql "$admin" -qc "CREATE DATABASE $DB_NAME" >/dev/null
  fi
  "$SAMEN" migrate --db "$uri" >/dev/null || die "samen migrate --db $uri failed"
  if [ "$(psql "$uri" -tAc 'SELECT count(*) FROM organisations')" = 0 ]; then
    say "loading the demo region ($PUPILS pupils) into $DB_NAME"
    # shellcheck disable=SC2046 # the key option is two words, or none
    "$SAMEN" demo --db "$uri" --no-serve --password "$PASSWORD" --pupils "$PUPILS" $(field_key_args) \
      --logins-json "$DIR/logins.json" >"$DIR/logins.txt" || die "samen demo --db $uri failed"
  fi
}

# Our own process if the pid file names a live one running `name`; pids get reused, and
# this must never signal someone else's process.
live_pid() {
  local file=$1 name=$2 pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q "$name" || return 1
  echo "$pid"
}

wait_for() {
  local what=$1 url=$2 pidfile=$3 name=$4
  shift 4
  for _ in $(seq 1 200); do
    curl -fsS -o /dev/null "$@" "$url" 2>/dev/null && return 0
    live_pid "$pidfile" "$name" >/dev/null || break
    sleep 0.1
  done
  die "$what did not answer on $url; see its log in $DIR"
}

start_servers() {
  local uri=$1 i=0
  # One deployment, one audit key: every server signs checkpoints with it (docs/operations.md).
  [ -s "$DIR/audit.key" ] || "$SAMEN" audit keygen --out "$DIR/audit.key" >/dev/null ||
    die "samen audit keygen failed"
  for port in $SERVER_PORTS; do
    i=$((i + 1))
    # setsid: the servers outlive this script and a closed terminal.
    # shellcheck disable=SC2046
    setsid "$SAMEN" serve --db "$uri" --listen "127.0.0.1:$port" --trusted-proxy 127.0.0.1 \
      --audit-key "$DIR/audit.key" $(field_key_args) >"$DIR/samen-$i.log" 2>&1 </dev/null &
    echo $! >"$DIR/samen-$i.pid"
  done
  i=0
  for port in $SERVER_PORTS; do
    i=$((i + 1))
    wait_for "samen $i" "http://127.0.0.1:$port/healthz" "$DIR/samen-$i.pid" samen
  done
}

make_certificate() {
  [ -s "$DIR/tls/cert.pem" ] && return 0
  mkdir -p "$DIR/tls"
  chmod 700 "$DIR/tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null
}

# The http-level parts come from deploy/nginx/samen.conf (the login zone, the upstream's
# settings and its server parameters) and the server block's body is included from
# deploy/nginx/samen-server.conf, so this config differs from production only in
# addresses, paths and the certificate.
write_nginx_conf() {
  local static=$ROOT/web/dist upstream_settings server_params servers="" user=""
  if [ ! -d "$static" ]; then
    static=$DIR/www
    mkdir -p "$static"
    echo '<!doctype html><title>Samen</title><p>The web UI is not built yet; the API is at /api.' \
      >"$static/index.html"
  fi
  upstream_settings=$(awk '/^upstream samen_servers/ {f = 1; next} f && /^}/ {f = 0} f && !/^ *server /' "$NGINX_CONF")
  server_params=$(sed -n 's/^ *server [^ ]* \(.*\);$/\1/p' "$NGINX_CONF" | head -1)
  for port in $SERVER_PORTS; do servers+="    server 127.0.0.1:$port $server_params;"$'\n'; done
  # As root nginx starts its workers as another user; Debian has no group "nobody".
  [ "$(id -u)" -eq 0 ] && user="user www-data;"
  mkdir -p "$DIR/nginx/temp"
  cat >"$DIR/nginx/nginx.conf" <<EOF
# Generated by scripts/cluster.sh from deploy/nginx/samen.conf; do not edit.
$user
# brotli_static (deploy/nginx/samen-server.conf); by its full path, since this nginx runs
# with a prefix of its own (Debian's nginx.conf loads it from modules-enabled/).
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 2;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path $DIR/nginx/temp/body;
  proxy_temp_path $DIR/nginx/temp/proxy;
  fastcgi_temp_path $DIR/nginx/temp/fastcgi;
  uwsgi_temp_path $DIR/nginx/temp/uwsgi;
  scgi_temp_path $DIR/nginx/temp/scgi;

  $(sed -n '/^# BEGIN shared http-level/,/^# END shared http-level/p' "$NGINX_CONF")
  # After the shared lines: they define the samen log format (no query strings, no tokens).
  access_log $DIR/nginx/access.log samen;

  upstream samen_servers {
$servers$upstream_settings
  }

  server {
    listen 127.0.0.1:$PORT ssl http2;
    server_name 127.0.0.1 localhost;
    ssl_certificate $DIR/tls/cert.pem;
    ssl_certificate_key $DIR/tls/key.pem;
    root $static;
    include $ROOT/deploy/nginx/samen-server.conf;
  }
}
EOF
}

start_nginx() {
  local args=(-p "$DIR/nginx/" -c "$DIR/nginx/nginx.conf")
  nginx -t -q "${args[@]}"
  nginx "${args[@]}"  # daemonizes; the master writes its pid file
  wait_for nginx "https://127.0.0.1:$PORT/healthz" "$DIR/nginx/nginx.pid" nginx \
    --cacert "$DIR/tls/cert.pem"
}

start() {
  for f in "$DIR"/samen-*.pid "$DIR/nginx/nginx.pid"; do
    if live_pid "$f" "samen\|nginx" >/dev/null; then
      die "already running in $DIR; scripts/cluster.sh stop first"
    fi
  done
  [ -x "$SAMEN" ] || die "$SAMEN not found: run make build (or set SAMEN_BIN)"
  command -v nginx >/dev/null || die "nginx not found: run scripts/install-deps.sh"
  mkdir -p "$DIR"
  # nginx's workers (www-data) and PostgreSQL (postgres) need to reach their subdirectories.
  chmod 755 "$DIR"
  trap 'say "start failed; stopping what was started"; stop' EXIT
  local admin uri
  admin=$(admin_uri)
  uri="${admin%/*}/$DB_NAME"
  prepare_database "$admin" "$uri"
  start_servers "$uri"
  make_certificate
  write_nginx_conf
  start_nginx
  trap - EXIT
  cat <<EOF

Samen cluster is running: https://127.0.0.1:$PORT/
  nginx (TLS, round robin) -> samen on $(for p in $SERVER_PORTS; do printf '127.0.0.1:%s ' "$p"; done)-> $uri
  The certificate is self-signed: curl --cacert $DIR/tls/cert.pem https://127.0.0.1:$PORT/healthz
  Logs: $DIR/samen-*.log, $DIR/nginx/*.log.  Stop: scripts/cluster.sh stop
EOF
  if [ -s "$DIR/logins.txt" ]; then cat "$DIR/logins.txt"; fi
}

stop_pidfile() {
  local file=$1 name=$2 signal=$3 pid
  if pid=$(live_pid "$file" "$name"); then
    kill "-$signal" "$pid"
    # samen finishes in-flight requests and their audit commits first.
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name ($pid) did not stop in 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

stop() {
  stop_pidfile "$DIR/nginx/nginx.pid" nginx QUIT
  for f in "$DIR"/samen-*.pid; do
    [ -e "$f" ] && stop_pidfile "$f" samen TERM
  done
  if [ -d "$DIR/pg/data" ]; then
    SAMEN_PG_DIR="$DIR/pg" bash "$ROOT/scripts/test-postgres.sh" stop
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
