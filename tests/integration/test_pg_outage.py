"""PostgreSQL restarts while samen runs: requests fail cleanly with 503 during the outage
and succeed again afterwards, without restarting samen. Uses a PostgreSQL cluster of its
own (scripts/test-postgres.sh on another port), so other tests are not disturbed."""
import os
import subprocess
import unittest

from samen_harness import pupil_of_class
import samen_harness

SCRIPT = os.path.join(os.environ.get("SAMEN_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")),
                      "scripts", "test-postgres.sh")
ENV = dict(os.environ, SAMEN_PG_DIR="/tmp/samen-outage-pg", SAMEN_PG_PORT="55433")
PGBIN = "/usr/lib/postgresql/15/bin"


def cluster(action):
    return subprocess.run(["bash", SCRIPT, action], env=ENV, capture_output=True, text=True, check=True).stdout.strip()


def pg_ctl(*args):
    subprocess.run(["runuser", "-u", "postgres", "--", f"{PGBIN}/pg_ctl", "-D", "/tmp/samen-outage-pg/data", *args],
                   check=True, capture_output=True)


class PostgresOutage(unittest.TestCase):
    def test_503_during_a_restart_then_recovery_without_restarting_samen(self):
        uri = cluster("start")
        os.environ["SAMEN_TEST_PG"] = uri
        samen_harness.BACKEND = "postgres"
        server = samen_harness.Server(pupils=30)
        try:
            pupil = pupil_of_class(server, "Het Baken College", "1A")
            c = server.login("zorg@hetbaken.example")
            self.assertEqual(c.get(f"/api/pupils/{pupil}")[0], 200)
            pg_ctl("-m", "fast", "stop")
            for _ in range(3):
                status, _, body = c.get(f"/api/pupils/{pupil}")
                self.assertEqual(status, 503)
                self.assertEqual(body["error"]["code"], "unavailable")
            self.assertEqual(c.get("/healthz")[0], 200, "the server itself stays up")
            pg_ctl("-w", "-l", "/tmp/samen-outage-pg/server.log",
                   "-o", "-p 55433 -k /tmp/samen-outage-pg/socket -c listen_addresses=127.0.0.1", "start")
            statuses = [c.get(f"/api/pupils/{pupil}")[0] for _ in range(5)]
            self.assertEqual(statuses, [200] * 5, "recovered on the first request after the restart")
            login = server.login("mentor@hetbaken.example")
            self.assertEqual(login.get("/api/me")[0], 200)
            verify = samen_harness.run_cli("audit", "verify", "--db", server.db)
            self.assertEqual(verify.returncode, 0, verify.stderr)
        finally:
            server.cleanup()
            cluster("stop")


if __name__ == "__main__":
    unittest.main()
