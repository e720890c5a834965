"""Mail benchmark (issue 14), part of `make bench` (bench/mail.sh): the time `samen serve`
takes to send QUEUED notification mails (default 1,000) that wait in its queue, to a local
SMTP server that requires STARTTLS and AUTH (aiosmtpd, as in the integration tests), and
the same server's /healthz rate measured beside it with one client, so the figure reads as
a ratio on this noisy machine. Prints a Markdown table.

The mails are queued with SQL into a stopped demo database (what a busy afternoon of
meetings would leave), then the server starts and its sender drains the queue."""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
# The benchmark's key file (bench/field_keys.sh), handed on the way the test harness, which
# sets SAMEN_FIELD_KEYS when it is imported, expects it: one of the two, not both.
if os.environ.get("SAMEN_FIELD_KEYS_FILE"):
    with open(os.environ.pop("SAMEN_FIELD_KEYS_FILE")) as keys:
        os.environ["SAMEN_FIELD_KEYS"] = keys.read()
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
from samen_harness import free_port  # noqa: E402
from test_notifications import make_certificate, smtp_args, start_smtp  # noqa: E402

PASSWORD = "Lindeveld-demo-2026!"


def unsent(db):
    with sqlite3.connect(db, timeout=5) as con:
        return con.execute("SELECT count(*) FROM mail_queue WHERE sent_at IS NULL").fetchone()[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samen", default=os.path.join(HERE, "..", "build", "samen"))
    ap.add_argument("--queued", type=int, default=1000)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="samen-bench-mail-")
    db = os.path.join(work, "mail.db")
    subprocess.run([args.samen, "demo", "--db", db, "--password", PASSWORD, "--pupils", "200", "--no-serve"],
                   check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    now_ms = int(time.time() * 1000)
    users = [r[0] for r in con.execute("SELECT id, email FROM users ORDER BY id")]
    con.executemany(
        "INSERT INTO mail_queue(to_address, subject, body, calendar, purpose, user_id, created_at, "
        "next_attempt_at) VALUES (?, 'Nieuw in Samen', ?, '', 'notification', ?, ?, ?)",
        [(f"collega{n}@lindeveld.example",
          "Er is iets nieuws voor je in Samen.\r\n\r\nBekijk het op https://samen.lindeveld.example/meldingen\r\n",
          users[n % len(users)], now_ms, now_ms) for n in range(args.queued)])
    con.commit()
    cert, key = make_certificate(work)
    smtp_port, port = free_port(), free_port()
    collector, controller = start_smtp(smtp_port, cert, key)
    server = subprocess.Popen([args.samen, "serve", "--db", db, "--listen", f"127.0.0.1:{port}",
                               "--log-level", "warn", *smtp_args(smtp_port, cert)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    healthz = 0
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    r.read()
                healthz += 1
            except OSError:
                time.sleep(0.01)
            if len(collector.mails) >= args.queued and unsent(db) == 0:
                break
            if time.monotonic() - started > 600:
                sys.exit(f"mail bench: only {len(collector.mails)} of {args.queued} sent in 600 s")
        took = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()
        controller.stop()
    print(f"| {args.queued} queued notification mails to a local SMTP server (STARTTLS, AUTH), "
          f"until every one is marked sent | {took:.1f} s | {args.queued / took:.0f} mails/s "
          f"| {healthz / took:.0f} /healthz/s beside it (one client) |")


if __name__ == "__main__":
    main()
