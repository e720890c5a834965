#!/usr/bin/env bash
# Lighthouse on the three pages issue 13 names, with its mobile defaults (simulated slow 4G,
# 4x CPU slowdown): the login page, a family portal child page (as the demo's parent) and
# the case page of a 200-entry case (as its mentor). Run by bench/case_page.sh with
# BENCH_LIGHTHOUSE=1, on its server and case: URL, CASE_ID, READER_COOKIE and PASSWORD come
# from there. Lighthouse comes from npm (pinned), Chromium from Debian. Prints one Markdown
# table row per page, and the audits that failed accessibility.
set -euo pipefail
: "${URL:?}" "${CASE_ID:?}" "${READER_COOKIE:?}" "${PASSWORD:?}"
LIGHTHOUSE=${LIGHTHOUSE:-lighthouse@13.5.0}
CHROME=${SAMEN_CHROMIUM:-/usr/bin/chromium}
OUT=$(mktemp -d /tmp/samen-lighthouse.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

# The parent's session and their first child, through the API as the portal gets them.
guardian=$(curl -si -H 'Content-Type: application/json' \
  -d "{\"email\":\"ouder@ouders.example\",\"password\":\"$PASSWORD\"}" "$URL/api/session" |
  sed -n 's/^[Ss]et-[Cc]ookie: __Host-samen_session=\([^;]*\).*/\1/p' | tr -d '\r')
[ -n "$guardian" ] || { echo "lighthouse: the demo parent could not log in" >&2; exit 1; }
child=$(curl -sf -b "__Host-samen_session=$guardian" "$URL/api/family/pupils" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["pupils"][0]["id"])')

echo "| page | performance | accessibility | best practices | first contentful paint | largest contentful paint | total blocking time | accessibility audits failed |"
echo "|---|---|---|---|---|---|---|---|"
audit() {
  local name=$1 path=$2 cookie=$3 headers='{}'
  [ -z "$cookie" ] || headers="{\"Cookie\":\"__Host-samen_session=$cookie\"}"
  CHROME_PATH=$CHROME npx --yes "$LIGHTHOUSE" "$URL$path" --quiet \
    --chrome-flags="--headless=new --no-sandbox" \
    --only-categories=performance,accessibility,best-practices \
    --extra-headers="$headers" --output=json --output-path="$OUT/$name.json" >/dev/null 2>&1
  python3 - "$OUT/$name.json" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, a = r["categories"], r["audits"]
score = lambda k: round(c[k]["score"] * 100)
ms = lambda k: f'{a[k]["numericValue"] / 1000:.1f} s' if a[k]["numericValue"] >= 1000 else f'{a[k]["numericValue"]:.0f} ms'
failed = [ref["id"] for ref in c["accessibility"]["auditRefs"]
          if ref["weight"] > 0 and a[ref["id"]]["score"] is not None and a[ref["id"]]["score"] < 1]
for ref in failed:
    items = (a[ref].get("details") or {}).get("items") or []
    nodes = [i.get("node", {}).get("selector", "?") for i in items[:3]]
    print(f'lighthouse: {sys.argv[2]}: {ref} at {"; ".join(nodes)}', file=sys.stderr)
print(f'| {sys.argv[2]} | {score("performance")} | {score("accessibility")} | {score("best-practices")} | '
      f'{ms("first-contentful-paint")} | {ms("largest-contentful-paint")} | {ms("total-blocking-time")} | '
      f'{", ".join(failed) or "none"} |')
PY
}
audit login / ""
audit "family child page" "/gezin/$child" "$guardian"
audit "case page, 200 entries" "/dossiers/$CASE_ID" "$READER_COOKIE"
