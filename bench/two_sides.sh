# Sourced by the benchmarks that compare two servers in one run (sealing.sh: sealed against
# plain; before_after.sh: a commit against an earlier one): each side gets its own demo
# region and server, then GET /healthz, the audited read of a pupil with a BSN (care
# coordinator, full view) and a 25-entry chronology page (a case-team member, the web UI's
# page size) take turns, side after side, for BENCH_ROUNDS rounds, so both sides see the
# same machine. Needs SAMEN (for cases_setup's tools), TMP, PUPILS, PASSWORD, DURATION,
# CONNECTIONS, ROUNDS and say(); the servers are stopped and TMP removed on exit.

PIDS=()
two_sides_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap two_sides_cleanup EXIT
command -v wrk >/dev/null || bash scripts/install-deps.sh

# start_side NAME BIN PORT OPTIONS...: a demo region made and served by BIN with OPTIONS
# (key options, say) on PORT; sets NAME_PORT, NAME_CASE, NAME_PUPIL, NAME_READER and
# NAME_COORDINATOR (the cookies).
start_side() {
  local name=$1 bin=$2 port=$3 db="$TMP/$1.db"
  shift 3
  say "demo region ($PUPILS pupils) $name"
  "$bin" demo --db "$db" --password "$PASSWORD" --pupils "$PUPILS" --no-serve "$@" >/dev/null
  "$bin" serve --db "$db" --listen "127.0.0.1:$port" --log-level warn "$@" >"$TMP/$name.log" 2>&1 &
  PIDS+=($!)
  eval "${name}_PID=$!"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  eval "$(python3 bench/cases_setup.py --port "$port" --db "$db" --password "$PASSWORD" --entries 200 |
    sed "s/^/${name}_/")"
  eval "${name}_PORT=$port ${name}_CASE=\$${name}_CASE_ID ${name}_READER=\$${name}_READER_COOKIE"
  eval "${name}_COORDINATOR=\$${name}_COORDINATOR_COOKIE"
  eval "${name}_PUPIL=$(sqlite3 "$db" "SELECT p.id FROM pupils p JOIN organisations o ON o.id = p.school_id \
    WHERE o.name = 'Het Baken College' AND p.bsn IS NOT NULL ORDER BY p.id LIMIT 1")"
}

# cpu_ticks PID: the server's user + system CPU time so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# side_run PID PORT PATH COOKIE: "requests/s CPU-µs-per-request" of one wrk run (after a
# warm-up). The server's CPU time per request is the steadier figure on shared cores: it
# does not count the time the server waited for a core that wrk or a neighbour held.
side_run() {
  local args=(-t1 -c"$CONNECTIONS" -s bench/cookie.lua) before after
  SAMEN_COOKIE=$4 wrk "${args[@]}" -d2s "http://127.0.0.1:$2$3" >/dev/null
  before=$(cpu_ticks "$1")
  SAMEN_COOKIE=$4 wrk "${args[@]}" -d"$DURATION" "http://127.0.0.1:$2$3" >"$TMP/wrk.txt"
  after=$(cpu_ticks "$1")
  grep -q Non-2xx "$TMP/wrk.txt" && { say "non-2xx answers on $3"; cat "$TMP/wrk.txt" >&2; exit 1; }
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    '/requests in/ {n = $1} /Requests\/sec/ {r = $2} END {printf "%.0f %.1f", r, ticks / hz * 1e6 / n}' "$TMP/wrk.txt"
}

# measure_sides A B TITLE: the rounds, then a markdown table per scenario and side: median
# requests/s, median server CPU µs per request, A ÷ B of both (as throughput: B's CPU per
# request ÷ A's), and each side's requests/s as a share of its own /healthz.
measure_sides() {
  local a=$1 b=$2 title=$3 round side scenario path cookie result pid port
  declare -A rps cpu
  for round in $(seq "$ROUNDS"); do
    say "round $round of $ROUNDS"
    for scenario in healthz read page; do
      for side in "$a" "$b"; do
        pid=${side}_PID port=${side}_PORT
        case $scenario in
          healthz) path=/healthz cookie=${side}_READER ;;
          read) path_var=${side}_PUPIL path=/api/pupils/${!path_var} cookie=${side}_COORDINATOR ;;
          page) path_var=${side}_CASE path="/api/cases/${!path_var}/entries?limit=25" cookie=${side}_READER ;;
        esac
        result=$(side_run "${!pid}" "${!port}" "$path" "${!cookie}")
        rps[$side-$scenario]+=" ${result% *}"
        cpu[$side-$scenario]+=" ${result#* }"
      done
    done
  done
  ratio() { echo "scale=1; 100 * $1 / $2" | bc -l; }
  median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
  echo "## $title: run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "$PUPILS pupils, $ROUNDS rounds of $DURATION per scenario and side (the two sides one after the other per scenario), wrk -t1 -c$CONNECTIONS; medians."
  echo
  echo "| scenario | $a req/s | $b req/s | $a ÷ $b (req/s) | $a CPU µs/req | $b CPU µs/req | $a ÷ $b (by CPU) | $a ÷ its /healthz | $b ÷ its /healthz |"
  echo "|---|---|---|---|---|---|---|---|---|"
  local ha hb ra rb ca cb label
  # shellcheck disable=SC2086 # the runs are word lists
  ha=$(median ${rps[$a-healthz]}) hb=$(median ${rps[$b-healthz]})
  for scenario in healthz read page; do
    # shellcheck disable=SC2086
    ra=$(median ${rps[$a-$scenario]}) rb=$(median ${rps[$b-$scenario]})
    # shellcheck disable=SC2086
    ca=$(median ${cpu[$a-$scenario]}) cb=$(median ${cpu[$b-$scenario]})
    label="GET /healthz"
    [ "$scenario" = read ] && label="audited read GET /api/pupils/{id} (with BSN)"
    [ "$scenario" = page ] && label="chronology page GET /api/cases/{id}/entries?limit=25"
    echo "| $label | $ra | $rb | $(ratio "$ra" "$rb") % | $ca | $cb | $(ratio "$cb" "$ca") % | $(ratio "$ra" "$ha") % | $(ratio "$rb" "$hb") % |"
  done
  echo
  echo "Every round, requests/s ($a / $b): $(for s in healthz read page; do printf '%s: %s / %s; ' "$s" "${rps[$a-$s]# }" "${rps[$b-$s]# }"; done)"
}
