"""The draft key (issue 11): GET /api/me/draft-key hands the logged-in user the key their
browser encrypts form drafts with. Only with a session; the same for every session of one
user (so a draft kept while a session expired decrypts after logging in again); different
for two users (so another user on a shared computer cannot read it); never cached, and
never in the server's log."""
import base64
import unittest

from samen_harness import Client, Server

MENTOR = "mentor@hetbaken.example"
COORDINATOR = "zorg@hetbaken.example"


class DraftKey(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def key_of(self, client):
        status, resp, body = client.get("/api/me/draft-key")
        self.assertEqual(status, 200, body)
        self.assertEqual(resp.getheader("Cache-Control"), "no-store")
        self.assertEqual(set(body), {"draft_key"})
        return body["draft_key"]

    def test_no_key_without_a_session(self):
        status, resp, body = Client(self.server.port).get("/api/me/draft-key")
        self.assertEqual((status, body["error"]["code"]), (401, "unauthenticated"))
        self.assertNotIn("draft_key", body)
        self.assertEqual(resp.getheader("Cache-Control"), "no-store")
        # An ended session gets no key either.
        client = self.server.login(MENTOR)
        self.key_of(client)
        self.assertEqual(client.delete("/api/session")[0], 204)
        status, _, body = client.get("/api/me/draft-key")
        self.assertEqual(status, 401)
        self.assertNotIn("draft_key", body)

    def test_one_stable_key_per_user_and_another_for_another_user(self):
        first = self.server.login(MENTOR)
        key = self.key_of(first)
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
        self.assertEqual(len(raw), 32)
        self.assertEqual(self.key_of(first), key)
        # A new session of the same user (after the first expired or ended): the same key.
        self.assertEqual(first.delete("/api/session")[0], 204)
        self.assertEqual(self.key_of(self.server.login(MENTOR)), key)
        other = self.key_of(self.server.login(COORDINATOR))
        self.assertNotEqual(other, key)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM draft_keys"), 2)
        # Neither the login answer nor /api/me carries it, and the log never names it.
        _, _, me = self.server.login(MENTOR).get("/api/me")
        self.assertNotIn(key, str(me))
        log = "".join(self.server.output)
        self.assertNotIn(key, log)
        self.assertNotIn(other, log)


if __name__ == "__main__":
    unittest.main()
