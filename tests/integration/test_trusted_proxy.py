"""X-Forwarded-For names the client only when the TCP peer is a trusted proxy. Otherwise
anyone could choose the address that the per-address login limit counts and the audit
log records. The tests connect from 127.0.0.1 and play the proxy themselves."""
import os
import unittest

from samen_harness import PASSWORD, Client, Server, run_cli


def login(server, email, password=PASSWORD, forwarded_for=None):
    """Logs in once; returns (status, client_address the audit log recorded for it)."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    status, resp, _ = Client(server.port).post(
        "/api/session", {"email": email, "password": password}, headers=headers)
    request_id = resp.getheader("X-Request-Id")
    rows = server.query("SELECT DISTINCT client_address FROM audit_log WHERE request_id = ?", request_id)
    assert len(rows) == 1, f"expected one audited address for request {request_id}, got {rows}"
    return status, rows[0][0]


def fail_logins(server, forwarded_for, count=50):
    # A different unknown e-mail each time, so only the limit per address can trip.
    for i in range(count):
        status, _ = login(server, f"gok{i}@nergens.example", "Verkeerd-wachtwoord", forwarded_for)
        assert status == 401, status


class UntrustedPeer(unittest.TestCase):
    """The server trusts a proxy at 192.0.2.1; the test's 127.0.0.1 is not it."""

    def setUp(self):
        self.server = Server(pupils=10, extra_args=["--trusted-proxy", "192.0.2.1"])

    def tearDown(self):
        self.server.cleanup()

    def test_forwarded_for_does_not_change_the_audited_address(self):
        status, address = login(self.server, "docent@hetbaken.example", forwarded_for="203.0.113.9")
        self.assertEqual(status, 200)
        self.assertEqual(address, "127.0.0.1")

    def test_a_new_forwarded_for_per_attempt_does_not_escape_the_login_limit(self):
        for i in range(50):  # the limit per address
            status, address = login(self.server, f"gok{i}@nergens.example", "Verkeerd-wachtwoord",
                                    forwarded_for=f"203.0.113.{i + 1}")
            self.assertEqual((status, address), (401, "127.0.0.1"))
        status, _ = login(self.server, "docent@hetbaken.example", forwarded_for="198.51.100.1")
        self.assertEqual(status, 429, "all fifty failures counted against the real peer")


class TrustedPeer(unittest.TestCase):
    """The server trusts 127.0.0.1, so the test speaks for the clients behind it."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10, extra_args=["--trusted-proxy", "127.0.0.1"])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_the_rightmost_untrusted_entry_is_the_client(self):
        # The left entry is whatever the client sent; the proxy appended the right one.
        status, address = login(self.server, "docent@hetbaken.example", forwarded_for="192.0.2.66, 198.51.100.7")
        self.assertEqual((status, address), (200, "198.51.100.7"))

    def test_without_the_header_the_proxy_itself_is_the_client(self):
        self.assertEqual(login(self.server, "docent@hetbaken.example"), (200, "127.0.0.1"))

    def test_a_header_that_is_not_an_address_is_not_recorded(self):
        self.assertEqual(login(self.server, "docent@hetbaken.example", forwarded_for="<script>"),
                         (200, "127.0.0.1"))

    def test_the_login_limit_counts_the_forwarded_client(self):
        fail_logins(self.server, "203.0.113.5")
        self.assertEqual(login(self.server, "mentor@hetbaken.example", forwarded_for="203.0.113.5")[0], 429)
        self.assertEqual(login(self.server, "mentor@hetbaken.example", forwarded_for="203.0.113.6")[0], 200,
                         "another client behind the same proxy is not blocked")


class Configuration(unittest.TestCase):
    def test_the_environment_variable_takes_a_comma_list(self):
        env = dict(os.environ, SAMEN_TRUSTED_PROXIES="192.0.2.1, 127.0.0.1")
        server = Server(pupils=10, env=env)
        try:
            self.assertEqual(login(server, "docent@hetbaken.example", forwarded_for="198.51.100.8"),
                             (200, "198.51.100.8"))
        finally:
            server.cleanup()

    def test_a_host_name_is_refused_before_anything_starts(self):
        result = run_cli("serve", "--db", "/nonexistent/samen.db", "--trusted-proxy", "127.0.0.1,proxy.internal")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("'proxy.internal' is not an IP address", result.stderr)


if __name__ == "__main__":
    unittest.main()
