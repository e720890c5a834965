#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster for the test suite, as the postgres user (it
# refuses to run as root), on its own port and socket directory, with trust auth on
# 127.0.0.1 only. Prints the URI the tests take from SAMEN_TEST_PG.
#   scripts/test-postgres.sh start   # idempotent
#   scripts/test-postgres.sh stop
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${SAMEN_PG_DIR:-/tmp/samen-test-pg}
PORT=${SAMEN_PG_PORT:-55432}
URI="postgresql://postgres@127.0.0.1:$PORT/postgres"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ ! -s "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR/data" "$DIR/socket"
      [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$DIR"
      as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null
    fi
    echo "$URI"
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
