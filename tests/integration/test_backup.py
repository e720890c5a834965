"""`samen backup` copies the database consistently while the server keeps serving and
auditing; the copy serves and verifies on its own."""
import os
import threading
import unittest

from samen_harness import Server, pupil_of_class, run_cli


class Backup(unittest.TestCase):
    def test_backup_while_serving(self):
        server = Server(pupils=200)
        try:
            pupil = pupil_of_class(server, "Het Baken College", "1A")
            c = server.login("zorg@hetbaken.example")
            stop = threading.Event()
            statuses = []

            def load():
                while not stop.is_set():
                    statuses.append(c.get(f"/api/pupils/{pupil}")[0])

            worker = threading.Thread(target=load)
            worker.start()
            try:
                target = os.path.join(server.dir, "backup.db")
                r = run_cli("backup", "--db", server.db, "--to", target)
            finally:
                stop.set()
                worker.join()
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("audit chain intact", r.stdout)
            self.assertTrue(statuses and all(s == 200 for s in statuses), "serving went on during the backup")
            verify = run_cli("audit", "verify", "--db", target)
            self.assertEqual(verify.returncode, 0, verify.stderr)
            self.assertEqual(
                run_cli("import", "pupils", "--db", target, "--school", "Het Baken College", "--dry-run",
                        os.devnull).returncode, 1, "the copy opens as a samen database (empty file refused)")
            again = run_cli("backup", "--db", server.db, "--to", target)
            self.assertNotEqual(again.returncode, 0)
            self.assertIn("exists", again.stderr)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
