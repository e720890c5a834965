"""Login, cookies, CSRF, logout, membership switching, and the login rate limit."""
import time
import unittest

from samen_harness import PASSWORD, Client, Server


class Sessions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=30)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_login_answers_user_memberships_and_csrf_and_sets_a_strict_cookie(self):
        c = Client(self.server.port)
        status, resp, body = c.login("zorg@hetbaken.example")
        self.assertEqual(status, 200)
        self.assertEqual(body["user"]["email"], "zorg@hetbaken.example")
        self.assertEqual(body["active_membership"]["role"], "care_coordinator")
        self.assertEqual(body["active_membership"]["organisation_name"], "Het Baken College")
        self.assertEqual(len(body["csrf_token"]), 64)
        cookie = resp.getheader("Set-Cookie")
        for flag in ["__Host-samen_session=", "HttpOnly", "Secure", "SameSite=Strict", "Path=/"]:
            self.assertIn(flag, cookie)
        self.assertGreaterEqual(len(c.cookie), 43, "256-bit token")
        status, _, me = c.get("/api/me")
        self.assertEqual(status, 200)
        self.assertEqual(me["csrf_token"], body["csrf_token"])
        stored = self.server.scalar("SELECT count(*) FROM sessions WHERE token_hash = ?", c.cookie)
        self.assertEqual(stored, 0, "the token itself is never stored")

    def test_wrong_password_and_unknown_email_look_the_same(self):
        c = Client(self.server.port)
        s1, _, b1 = c.post("/api/session", {"email": "docent@hetbaken.example", "password": "Verkeerd-wachtwoord-1"})
        s2, _, b2 = c.post("/api/session", {"email": "niemand@nergens.example", "password": "Verkeerd-wachtwoord-1"})
        self.assertEqual((s1, s2), (401, 401))
        self.assertEqual(b1, b2)
        self.assertEqual(b1["error"]["code"], "invalid_credentials")
        rows = self.server.query("SELECT decision, reason FROM audit_log WHERE action = 'login_failed'")
        self.assertIn(("deny", "invalid_credentials"), rows)

    def test_requests_without_a_session_are_401(self):
        status, _, body = Client(self.server.port).get("/api/me")
        self.assertEqual(status, 401)
        self.assertEqual(body["error"]["code"], "unauthenticated")
        status, _, body = Client(self.server.port).get("/api/pupils", headers={"Cookie": "__Host-samen_session=forged"})
        self.assertEqual(status, 401)

    def test_state_changing_requests_need_the_csrf_token(self):
        c = self.server.login("beheer@lindeveld.example")
        status, _, body = c.delete("/api/session", headers={"X-CSRF-Token": "wrong"})
        self.assertEqual(status, 403)
        self.assertEqual(body["error"]["code"], "csrf_failed")
        c.csrf, token = None, c.csrf
        status, _, body = c.delete("/api/session")
        self.assertEqual(status, 403)
        self.assertEqual(body["error"]["code"], "csrf_failed")
        c.csrf = token
        self.assertEqual(c.get("/api/me")[0], 200, "the session survived the refused attempts")

    def test_logout_revokes_the_session_on_the_server(self):
        c = self.server.login("docent@hetbaken.example")
        cookie = c.cookie
        status, resp, _ = c.delete("/api/session")
        self.assertEqual(status, 204)
        self.assertIn("Max-Age=0", resp.getheader("Set-Cookie"))
        replay = Client(self.server.port)
        replay.cookie = cookie
        self.assertEqual(replay.get("/api/me")[0], 401)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM audit_log WHERE action = 'logout'") >= 1, True)

    def test_switching_membership_changes_what_the_session_acts_as(self):
        c = self.server.login("beheer@lindeveld.example")
        _, _, me = c.get("/api/me")
        self.assertEqual(len(me["memberships"]), 2)
        school = next(m for m in me["memberships"] if m["organisation_name"] == "Het Baken College")
        status, _, body = c.put("/api/session/membership", {"membership_id": school["id"]})
        self.assertEqual(status, 200)
        self.assertEqual(body["active_membership"]["id"], school["id"])
        self.assertEqual(c.get("/api/me")[2]["active_membership"]["organisation_name"], "Het Baken College")
        status, _, pupils = c.get("/api/pupils?limit=5")
        self.assertEqual(len(pupils["pupils"]), 5, "as the school's administrator they see its pupils")
        status, _, body = c.put("/api/session/membership", {"membership_id": "999999"})
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["field"], "membership_id")
        rows = self.server.query("SELECT actor_organisation_id FROM audit_log WHERE action = 'switch_membership'")
        self.assertTrue(rows)


class SessionExpiry(unittest.TestCase):
    """The server reads sessions from the database on every request, so moving a session's
    clock back there is the same as waiting."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def age(self, client, column, minutes):
        self.server.execute(
            f"UPDATE sessions SET {column} = {column} - ? WHERE user_id = (SELECT id FROM users WHERE email = ?)",
            minutes * 60 * 1000, client.email)

    def login(self, email):
        c = self.server.login(email)
        c.email = email
        return c

    def test_activity_keeps_a_session_and_thirty_idle_minutes_end_it(self):
        c = self.login("docent@hetbaken.example")
        self.age(c, "last_seen_at", 29)
        self.assertEqual(c.get("/api/me")[0], 200)  # activity moves last_seen to now
        time.sleep(0.3)
        self.age(c, "last_seen_at", 29)
        self.assertEqual(c.get("/api/me")[0], 200)
        time.sleep(0.3)
        self.age(c, "last_seen_at", 31)
        status, _, body = c.get("/api/me")
        self.assertEqual((status, body["error"]["code"]), (401, "session_expired"))

    def test_twelve_hours_in_all_expires_even_when_active(self):
        c = self.login("leerplicht@lindeveld.example")
        self.age(c, "created_at", 12 * 60 + 1)
        status, _, body = c.get("/api/me")
        self.assertEqual((status, body["error"]["code"]), (401, "session_expired"))


class LoginRateLimit(unittest.TestCase):
    """The limits themselves, per account, per address and per both, are proven in
    test_sec_logins; these keep the basic answer: 429 with Retry-After, audited."""

    def test_five_failures_from_one_address_lock_the_account_there_with_retry_after(self):
        server = Server(pupils=10)
        try:
            c = Client(server.port)
            for _ in range(5):
                status, _, _ = c.post("/api/session", {"email": "jv@ggd-lindeveld.example", "password": "Verkeerd-wachtwoord"})
                self.assertEqual(status, 401)
            status, resp, body = c.post("/api/session", {"email": "jv@ggd-lindeveld.example", "password": PASSWORD})
            self.assertEqual(status, 429)
            self.assertEqual(body["error"]["code"], "rate_limited")
            retry = int(resp.getheader("Retry-After"))
            self.assertTrue(0 < retry <= 900, retry)
            self.assertEqual(server.scalar(
                "SELECT count(*) FROM audit_log WHERE action = 'login_failed' AND reason = 'rate_limited'"), 1)
        finally:
            server.cleanup()

    def test_fifty_failures_from_one_address_block_that_address(self):
        server = Server(pupils=10)
        try:
            c = Client(server.port)
            for i in range(50):
                c.post("/api/session", {"email": f"gok{i}@nergens.example", "password": "Verkeerd-wachtwoord"})
            status, resp, _ = c.post("/api/session", {"email": "docent@hetbaken.example", "password": PASSWORD})
            self.assertEqual(status, 429)
            self.assertTrue(resp.getheader("Retry-After"))
            stored = server.query("SELECT account_key FROM login_failures")
            self.assertFalse(any("nergens" in row[0] for row in stored), "unknown addresses are not stored")
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
