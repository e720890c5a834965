#!/usr/bin/env bash
# Agenda and mail benchmark (issue 14), part of `make bench`: in one run on SQLite, a school
# of 2,000 pupils with 200 open cases (half due for review before the next consultation),
#   - GET /healthz (the yardstick),
#   - GET /api/meetings/{id}: the chair reads the proposed agenda (who attends each item,
#     the policy's named decision per item, an audit entry per item shown),
#   - POST /api/meeting-series/{id}/meetings: the next consultation planned, its agenda
#     proposed from the school's open signals and cases (and every invitee told),
# then bench/mail_queue.py: 1,000 queued notification mails sent to a local SMTP server.
# Settings: SAMEN [build/samen], BENCH_DURATION [15s], BENCH_CONNECTIONS [64],
# BENCH_AGENDA_PORT [18600], BENCH_SCHOOL_PUPILS [2000], BENCH_MAILS [1000], BENCH_PYTHON
# [/usr/bin/python3: Debian's, with python3-aiosmtpd].
set -euo pipefail
cd "$(dirname "$0")/.."

SAMEN=${SAMEN:-build/samen}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_AGENDA_PORT:-18600}
SCHOOL_PUPILS=${BENCH_SCHOOL_PUPILS:-2000}
MAILS=${BENCH_MAILS:-1000}
PASSWORD='Lindeveld-demo-2026!'
BENCH_NAME=agenda
source bench/lib.sh

say "creating the demo region ($((SCHOOL_PUPILS * 2)) pupils, $SCHOOL_PUPILS in Het Baken College)"
serve_demo $((SCHOOL_PUPILS * 2))
say "opening 200 open cases and planning the consultation through the API"
eval "$(python3 bench/cases_setup.py --port "$PORT" --db "$TMP/$BENCH_NAME.db" --password "$PASSWORD" --entries 0 --open-share 10)"
eval "$(python3 bench/agenda_setup.py --port "$PORT" --password "$PASSWORD")"

export SAMEN_COOKIE=$CHAIR_COOKIE SAMEN_CSRF=$CHAIR_CSRF
read -r h_rps h_p50 h_p99 h_bad < <(wrk_run healthz /healthz bench/cookie.lua)
read -r a_rps a_p50 a_p99 a_bad < <(wrk_run agenda "/api/meetings/$MEETING_ID" bench/cookie.lua)
read -r p_rps p_p50 p_p99 p_bad < <(wrk_run plan "/api/meeting-series/$SERIES_ID/meetings" bench/post.lua 4)
stop_server
verify=$("$SAMEN" audit verify --db "$TMP/$BENCH_NAME.db")
say "sending $MAILS queued mails"
mail=$("${BENCH_PYTHON:-/usr/bin/python3}" bench/mail_queue.py --samen "$SAMEN" --queued "$MAILS")

mkdir -p bench/results
{
  echo "## Agenda run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "| scenario | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| GET /healthz | $h_rps | $h_p50 | $h_p99 | $h_bad |"
  echo "| GET /api/meetings/{id} — the chair's agenda, $ITEMS items proposed from $OPEN_CASES open cases of a $SCHOOL_PUPILS-pupil school ($REVIEWS due for review) | $a_rps | $a_p50 | $a_p99 | $a_bad |"
  echo "| POST /api/meeting-series/{id}/meetings — the next consultation planned with its proposed agenda | $p_rps | $p_p50 | $p_p99 | $p_bad |"
  echo
  echo "- **agenda ÷ /healthz: $(ratio "$a_rps" "$h_rps") %** (goal ≥ 10 %)"
  echo "- planning ÷ /healthz: $(ratio "$p_rps" "$h_rps") % (a write: the proposal, the meeting, a notification per invitee)"
  echo "- afterwards: \`$verify\`"
  echo
  echo "| mail | time | rate | beside it |"
  echo "|---|---:|---:|---:|"
  echo "$mail"
} | tee bench/results/agenda.md
