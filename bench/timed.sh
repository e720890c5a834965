# Sourced by the benchmark scripts: run a command under /usr/bin/time -v and read back its
# wall time and peak memory.
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || true; }

# timed OUT_PREFIX command...: stdout to OUT_PREFIX.out, time's report to OUT_PREFIX.time.
timed() {
  local prefix=$1
  shift
  /usr/bin/time -v "$@" >"$prefix.out" 2>"$prefix.time"
}
# Wall-clock seconds from a time report ("m:ss.ss" or "h:mm:ss").
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {split($2, a, ":"); print (length(a) == 3 ? a[1]*3600 + a[2]*60 + a[3] : a[1]*60 + a[2])}' "$1"
}
# Peak resident set size in MiB from a time report.
peak_rss_mib() {
  awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$1"
}
