"""Security review (issue 11), logins: failed and limited logins reach the privacy officer of
the account's region; the limit holds under concurrency (the attempt is reserved before the
password is hashed); limits per (account, address), per account and per address; the
session cookie carries the __Host- prefix.

The server trusts 127.0.0.1 as a proxy, so X-Forwarded-For plays the client's address."""
import threading
import unittest

from samen_harness import PASSWORD, SESSION_COOKIE, Client, Server

WRONG = "Verkeerd-wachtwoord-42"
OFFICER = "fg@lindeveld.example"


def attempt(server, email, password, address):
    status, resp, body = Client(server.port).post(
        "/api/session", {"email": email, "password": password}, headers={"X-Forwarded-For": address})
    return status, resp, body


def user_id(server, email):
    return str(server.scalar("SELECT id FROM users WHERE email = ?", email))


def failures_audited(server, email, reason):
    return server.scalar(
        "SELECT count(DISTINCT request_id) FROM audit_log WHERE action = 'login_failed' AND reason = ? "
        "AND actor_user_id = ?", reason, user_id(server, email))


class FailedLoginsReachThePrivacyOfficer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10, extra_args=["--trusted-proxy", "127.0.0.1"])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_failed_and_limited_logins_carry_the_accounts_region_and_show_as_refusals(self):
        email = "leerplicht@lindeveld.example"
        region = str(self.server.scalar(
            "SELECT DISTINCT o.region_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
            "WHERE m.user_id = ?", user_id(self.server, email)))
        for _ in range(5):
            self.assertEqual(attempt(self.server, email, WRONG, "198.51.100.20")[0], 401)
        self.assertEqual(attempt(self.server, email, WRONG, "198.51.100.20")[0], 429)
        rows = self.server.query(
            "SELECT reason, region_id FROM audit_log WHERE action = 'login_failed' AND actor_user_id = ?",
            user_id(self.server, email))
        self.assertEqual(sorted(r[0] for r in rows), ["invalid_credentials"] * 5 + ["rate_limited"])
        self.assertTrue(all(str(r[1]) == region for r in rows), rows)
        officer = self.server.login(OFFICER)
        status, _, found = officer.get(f"/api/audit?denied_only=true&actor_user_id={user_id(self.server, email)}")
        self.assertEqual(status, 200)
        reasons = sorted(e["reason"] for e in found["entries"] if e["action"] == "login_failed")
        self.assertEqual(reasons, ["invalid_credentials"] * 5 + ["rate_limited"])

    def test_an_unknown_address_is_audited_without_a_region(self):
        status, resp, _ = attempt(self.server, "niemand@nergens.example", WRONG, "198.51.100.21")
        self.assertEqual(status, 401)
        rows = self.server.query("SELECT region_id, actor_user_id FROM audit_log WHERE request_id = ?",
                                 resp.getheader("X-Request-Id"))
        self.assertEqual([tuple(str(v or "") for v in r) for r in rows], [("", "")])


class ConcurrentGuesses(unittest.TestCase):
    def test_forty_parallel_wrong_passwords_are_evaluated_at_most_five_times(self):
        server = Server(pupils=10, extra_args=["--trusted-proxy", "127.0.0.1"])
        try:
            email = "jv@ggd-lindeveld.example"
            statuses = []
            start = threading.Barrier(40)

            def guess():
                start.wait()
                statuses.append(attempt(server, email, WRONG, "198.51.100.30")[0])

            threads = [threading.Thread(target=guess) for _ in range(40)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            # Each evaluated attempt (an argon2id hash) answers 401 and leaves one
            # invalid_credentials row; a refused one answers 429 before any hashing.
            self.assertEqual(sorted(set(statuses)), [401, 429])
            self.assertEqual(statuses.count(401), 5, statuses)
            self.assertEqual(statuses.count(429), 35)
            self.assertEqual(failures_audited(server, email, "invalid_credentials"), 5)
            self.assertEqual(failures_audited(server, email, "rate_limited"), 35)
            self.assertEqual(server.scalar("SELECT count(*) FROM login_failures"), 5,
                             "a reservation stays as the failure it turned out to be")
        finally:
            server.cleanup()

    def test_a_successful_login_removes_its_reservation(self):
        server = Server(pupils=10)
        try:
            for _ in range(3):
                self.assertEqual(Client(server.port).login("docent@hetbaken.example")[0], 200)
            self.assertEqual(server.scalar("SELECT count(*) FROM login_failures"), 0)
        finally:
            server.cleanup()


class ThreeLimits(unittest.TestCase):
    """Per (account, address) 5, per account 10, per address 50 failures in 15 minutes."""

    def test_a_school_address_hammering_one_account_locks_neither_colleagues_nor_the_owner(self):
        server = Server(pupils=10, extra_args=["--trusted-proxy", "127.0.0.1"])
        try:
            school, home, victim, colleague = "192.0.2.10", "192.0.2.77", "mentor@hetbaken.example", "docent@hetbaken.example"
            for _ in range(5):
                self.assertEqual(attempt(server, victim, WRONG, school)[0], 401)
            # Per (account, address): this address is done with this account, even with the
            # right password...
            status, resp, body = attempt(server, victim, PASSWORD, school)
            self.assertEqual((status, body["error"]["code"]), (429, "rate_limited"))
            self.assertTrue(0 < int(resp.getheader("Retry-After")) <= 900)
            # ...but a colleague behind the same school address logs in,
            self.assertEqual(attempt(server, colleague, PASSWORD, school)[0], 200)
            # and so does the owner from another address: the account is not locked.
            self.assertEqual(attempt(server, victim, PASSWORD, home)[0], 200)

            # Per account: guesses spread over addresses add up; at 10 the account is locked
            # everywhere, also from an address that never failed.
            for i in range(5):
                self.assertEqual(attempt(server, victim, WRONG, f"203.0.113.{i + 1}")[0], 401)
            status, _, body = attempt(server, victim, PASSWORD, "203.0.113.200")
            self.assertEqual((status, body["error"]["code"]), (429, "rate_limited"))
            self.assertEqual(attempt(server, colleague, PASSWORD, "203.0.113.200")[0], 200)

            # Per address: 50 failures from one address over many accounts block that
            # address for everyone, and no other address.
            for i in range(50):
                self.assertEqual(attempt(server, f"gok{i}@nergens.example", WRONG, "198.51.100.99")[0], 401)
            self.assertEqual(attempt(server, colleague, PASSWORD, "198.51.100.99")[0], 429)
            self.assertEqual(attempt(server, colleague, PASSWORD, "198.51.100.98")[0], 200)
        finally:
            server.cleanup()


class SessionCookie(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_the_cookie_has_the_host_prefix_and_what_it_requires(self):
        c = Client(self.server.port)
        status, resp, _ = c.login("docent@hetbaken.example")
        self.assertEqual(status, 200)
        cookie = resp.getheader("Set-Cookie")
        self.assertTrue(cookie.startswith("__Host-samen_session="), cookie)
        attributes = [a.strip().lower() for a in cookie.split(";")[1:]]
        self.assertIn("secure", attributes)
        self.assertIn("path=/", attributes)
        self.assertFalse(any(a.startswith("domain") for a in attributes), "__Host- forbids Domain")
        self.assertEqual(c.get("/api/me")[0], 200)
        # The old name is no session any more.
        status, _, _ = Client(self.server.port).get("/api/me", headers={"Cookie": f"samen_session={c.cookie}"})
        self.assertEqual(status, 401)
        status, resp, _ = c.delete("/api/session")
        self.assertEqual(status, 204)
        self.assertTrue(resp.getheader("Set-Cookie").startswith(f"{SESSION_COOKIE}=;"))
        self.assertIn("Max-Age=0", resp.getheader("Set-Cookie"))


if __name__ == "__main__":
    unittest.main()
