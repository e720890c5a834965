"""When the audit entry cannot be committed, the data does not leave: the reader gets a
clean 503, and once the database is free again everything works without a restart."""
import sqlite3
import unittest

from samen_harness import Server, pupil_of_class


class StorageFailure(unittest.TestCase):
    def test_no_response_without_its_committed_audit_entry(self):
        server = Server(pupils=20)
        try:
            pupil = pupil_of_class(server, "Het Baken College", "1A")
            c = server.login("zorg@hetbaken.example")
            before = server.scalar("SELECT count(*) FROM audit_log")
            # Another process holds the write lock longer than samen's busy timeout (10 s).
            blocker = sqlite3.connect(server.db, timeout=1)
            blocker.execute("BEGIN IMMEDIATE")
            status, _, body = c.get(f"/api/pupils/{pupil}")
            blocker.rollback()
            blocker.close()
            self.assertEqual(status, 503)
            self.assertEqual(body["error"]["code"], "unavailable")
            self.assertNotIn("sqlite", body["error"]["message"].lower(), "no internals in the answer")
            self.assertNotIn("given_name", str(body), "no pupil data without its audit entry")
            self.assertEqual(server.scalar("SELECT count(*) FROM audit_log"), before)
            status, _, body = c.get(f"/api/pupils/{pupil}")
            self.assertEqual(status, 200)
            self.assertEqual(server.scalar("SELECT count(*) FROM audit_log"), before + 1)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
