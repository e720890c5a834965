"""Two samen servers behind nginx (TLS, round robin) on one PostgreSQL, as in production:
consecutive requests alternate between the servers, and a session, its CSRF token and
the login limit hold whichever server answers; the audit chain both servers wrote
verifies. Needs SAMEN_TEST_PG (make test provides it) and nginx."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from cluster_harness import SOURCE_DIR, Cluster
from samen_harness import PASSWORD, run_cli

CLIENT = "127.0.0.2"  # a user's machine, as nginx sees it
ATTACKER = "127.0.0.3"  # another machine, guessing passwords


class ClusterBehindNginx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = Cluster()
        # A class cleanup also runs when setUpClass fails halfway: nothing is left running.
        cls.addClassCleanup(cls.cluster.stop)
        cls.cluster.start()

    def served(self, responses):
        return [self.cluster.server_of(resp.getheader("X-Request-Id")) for resp in responses]

    def assert_audit_chain_intact(self):
        verify = run_cli("audit", "verify", "--db", self.cluster.db)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        self.assertIn("audit chain intact", verify.stdout)

    def test_requests_alternate_between_the_servers_and_the_session_holds_on_both(self):
        c = self.cluster.client(CLIENT)
        status, login, _ = c.login("mentor@hetbaken.example")
        self.assertEqual(status, 200)
        responses = [login]
        # Listings are audited, so both servers write audit entries (requests 3 and 4).
        for path in ["/api/me", "/api/pupils?limit=5", "/api/pupils?limit=3", "/api/me"]:
            status, resp, body = c.get(path)
            self.assertEqual(status, 200, (path, body))
            responses.append(resp)
        servers = self.served(responses)
        self.assertEqual(set(servers), {1, 2}, servers)
        for before, after in zip(servers, servers[1:]):
            self.assertNotEqual(before, after, f"round robin should alternate: {servers}")
        # Both servers appended to the one audit chain, and it is still one line.
        prefixes = {row[0].split("-")[0] for row in self.cluster.query(
            "SELECT request_id FROM audit_log WHERE request_id IN ({})".format(
                ",".join("?" * len(responses))), *[r.getheader("X-Request-Id") for r in responses])}
        self.assertEqual(len(prefixes), 2, "audit entries from both servers")
        self.assert_audit_chain_intact()

    def test_the_web_ui_goes_out_precompressed(self):
        # make test builds web/dist (with its .br and .gz twins) before the tests; nginx
        # serves it with brotli_static and gzip_static.
        dist = os.path.join(SOURCE_DIR, "web", "dist")
        with open(os.path.join(dist, "index.html")) as f:
            script = re.search(r'<script[^>]*src="(/assets/[^"]+\.js)"', f.read()).group(1)
        c = self.cluster.client(CLIENT)
        for accept, encoding, suffix in [("gzip, deflate, br", "br", ".br"), ("gzip", "gzip", ".gz"),
                                         ("identity", None, "")]:
            status, resp, body = c.get(script, headers={"Accept-Encoding": accept})
            self.assertEqual(status, 200, accept)
            self.assertEqual(resp.getheader("Content-Encoding"), encoding, accept)
            self.assertIn("Accept-Encoding", resp.getheader("Vary") or "", accept)
            with open(os.path.join(dist, script.lstrip("/")) + suffix, "rb") as f:
                self.assertEqual(body, f.read(), accept)

    def test_a_csrf_token_from_one_server_is_accepted_by_the_other(self):
        c = self.cluster.client(CLIENT)
        status, login, me = c.login("beheer@lindeveld.example")
        self.assertEqual(status, 200)
        school = next(m for m in me["memberships"] if m["organisation_name"] == "Het Baken College")
        status, switch, body = c.put("/api/session/membership", {"membership_id": school["id"]})
        self.assertEqual(status, 200, body)
        self.assertNotEqual(*self.served([login, switch]), "the switch went to the server that did not log in")
        status, resp, body = c.get("/api/pupils?limit=5")
        self.assertEqual(status, 200, body)
        self.assertEqual(len(body["pupils"]), 5, "acting as the school's administrator on either server")
        refused = []
        for _ in range(2):  # one refusal on each server
            status, resp, body = c.put("/api/session/membership", {"membership_id": school["id"]},
                                       headers={"X-CSRF-Token": "0" * 64})
            self.assertEqual((status, body["error"]["code"]), (403, "csrf_failed"))
            refused.append(resp)
        self.assertEqual(set(self.served(refused)), {1, 2})
        self.assert_audit_chain_intact()

    def test_the_login_limit_holds_across_servers_and_counts_the_real_client(self):
        attacker = self.cluster.client(ATTACKER)
        failures = []
        for i in range(50):  # unknown addresses: only the limit per client address can trip
            # nginx's own login limit (5 per second, burst 20) must not answer first: samen's
            # per-address limit (50 in 15 minutes) is the one under test.
            time.sleep(0.21)
            status, resp, _ = attacker.post("/api/session",
                                            {"email": f"gok{i}@nergens.example", "password": "Verkeerd-wachtwoord"})
            self.assertEqual(status, 401, f"guess {i}: {_}")
            failures.append(resp)
        self.assertEqual(set(self.served(failures)), {1, 2}, "the failures were spread over both servers")
        blocked = []
        for _ in range(2):  # one on each server
            status, resp, body = attacker.login("docent@hetbaken.example", PASSWORD)
            self.assertEqual((status, body["error"]["code"]), (429, "rate_limited"))
            self.assertTrue(resp.getheader("X-Request-Id"), "samen's limit answered, not nginx's")
            self.assertGreater(int(resp.getheader("Retry-After")), 1)
            blocked.append(resp)
        self.assertEqual(set(self.served(blocked)), {1, 2})
        status, _, _ = self.cluster.client(CLIENT).login("docent@hetbaken.example", PASSWORD)
        self.assertEqual(status, 200, "another machine behind the same nginx is not blocked")
        self.assert_audit_chain_intact()

    def test_the_audit_log_records_the_real_client_not_nginx_nor_what_the_client_claims(self):
        c = self.cluster.client(CLIENT)
        status, resp, _ = c.post("/api/session", {"email": "zorg@hetbaken.example", "password": PASSWORD},
                                 headers={"X-Forwarded-For": "203.0.113.9"})
        self.assertEqual(status, 200)
        rows = self.cluster.query("SELECT DISTINCT client_address FROM audit_log WHERE request_id = ?",
                                  resp.getheader("X-Request-Id"))
        self.assertEqual(rows, [(CLIENT,)])


class ProductionNginxConfig(unittest.TestCase):
    def test_deploy_nginx_samen_conf_passes_nginx_t(self):
        # The cluster above includes only the server block's body; this checks the rest of
        # the production file (redirect, listen, upstream) with a throw-away certificate.
        d = tempfile.mkdtemp(prefix="samen-nginx-t-")
        try:
            subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                            "-nodes", "-days", "1", "-subj", "/CN=samen.example", "-keyout", f"{d}/key.pem",
                            "-out", f"{d}/cert.pem"], check=True, capture_output=True)
            os.mkdir(f"{d}/snippets")
            shutil.copy(f"{SOURCE_DIR}/deploy/nginx/samen-server.conf", f"{d}/snippets/")
            with open(f"{SOURCE_DIR}/deploy/nginx/samen.conf") as f:
                site = f.read()
            site = site.replace("/etc/letsencrypt/live/samen.example/fullchain.pem", f"{d}/cert.pem")
            site = site.replace("/etc/letsencrypt/live/samen.example/privkey.pem", f"{d}/key.pem")
            with open(f"{d}/samen.conf", "w") as f:
                f.write(site)
            with open(f"{d}/nginx.conf", "w") as f:
                f.write(f"load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n"
                        f"pid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\n"
                        f"http {{ include /etc/nginx/mime.types; include {d}/samen.conf; }}\n")
            result = subprocess.run(["nginx", "-t", "-p", f"{d}/", "-c", f"{d}/nginx.conf"],
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
        finally:
            shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
