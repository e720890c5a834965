"""The audit log: the privacy officer's API, and the verifier catching an edited,
removed or truncated history in the SQLite file itself. Also the CLI's basics."""
import os
import shutil
import sqlite3
import tempfile
import unittest

from samen_harness import Server, pupil_of_class, run_cli


class AuditApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        cls.pupil = pupil_of_class(cls.server, "Het Baken College", "2A")
        cls.server.login("zorg@hetbaken.example").get(f"/api/pupils/{cls.pupil}")
        cls.server.login("ib@wilgenhoek.example").get(f"/api/pupils/{cls.pupil}")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_privacy_officer_searches_by_pupil_and_denials(self):
        c = self.server.login("fg@lindeveld.example")
        status, _, body = c.get(f"/api/audit?pupil_id={self.pupil}")
        self.assertEqual(status, 200)
        actions = {(e["action"], e["decision"]) for e in body["entries"]}
        self.assertIn(("read", "allow"), actions)
        self.assertIn(("denied", "deny"), actions)
        self.assertTrue(all(e["pupil_id"] == self.pupil for e in body["entries"]))
        # Each entry names its actor as the users table does.
        for e in body["entries"]:
            expected = self.server.scalar("SELECT name FROM users WHERE id = ?", e["actor_user_id"]) \
                if e["actor_user_id"] else None
            self.assertEqual(e["actor_name"], expected, e)
        self.assertTrue(any(e["actor_name"] for e in body["entries"]))
        _, _, denied = c.get("/api/audit?denied_only=true")
        self.assertTrue(denied["entries"])
        self.assertTrue(all(e["decision"] == "deny" for e in denied["entries"]))
        _, _, page = c.get("/api/audit?limit=2")
        self.assertEqual(len(page["entries"]), 2)
        self.assertGreater(page["entries"][0]["seq"], page["entries"][1]["seq"])
        _, _, older = c.get(f"/api/audit?limit=2&before_seq={page['next_before_seq']}")
        self.assertLess(older["entries"][0]["seq"], page["entries"][1]["seq"])
        status, _, body = c.get("/api/audit?from=gisteren")
        self.assertEqual((status, body["error"]["field"]), (400, "from"))
        _, _, future = c.get("/api/audit?from=2199-01-01")
        self.assertEqual(future["entries"], [])

    def test_privacy_officer_sees_the_chain_status(self):
        c = self.server.login("fg@lindeveld.example")
        status, _, body = c.get("/api/audit/verify")
        self.assertEqual(status, 200)
        self.assertTrue(body["intact"])
        self.assertGreater(body["entries"], 3)

    def test_others_may_not_read_the_log(self):
        for email in ["mentor@hetbaken.example", "beheer@lindeveld.example", "zorg@hetbaken.example"]:
            c = self.server.login(email)
            self.assertEqual(c.get("/api/audit")[0], 403, email)
            self.assertEqual(c.get("/api/audit/verify")[0], 403, email)


class AuditVerifier(unittest.TestCase):
    def setUp(self):
        server = Server(pupils=20)
        pupil = pupil_of_class(server, "Het Baken College", "1A")
        c = server.login("zorg@hetbaken.example")
        for _ in range(5):
            c.get(f"/api/pupils/{pupil}")
        self.assertEqual(server.stop(), 0)
        self.server = server

    def tearDown(self):
        self.server.cleanup()

    def tamper(self, *statements):
        con = sqlite3.connect(self.server.db)
        # An attacker with the file drops the append-only triggers first.
        con.execute("DROP TRIGGER audit_log_no_update")
        con.execute("DROP TRIGGER audit_log_no_delete")
        for sql in statements:
            con.execute(sql)
        con.commit()
        con.close()

    def test_the_database_refuses_changes_to_audit_rows(self):
        con = sqlite3.connect(self.server.db)
        with self.assertRaises(sqlite3.DatabaseError):
            con.execute("UPDATE audit_log SET action = 'nothing' WHERE seq = 3")
        with self.assertRaises(sqlite3.DatabaseError):
            con.execute("DELETE FROM audit_log WHERE seq = 3")
        con.close()

    def test_an_edited_entry_is_named(self):
        ok = run_cli("audit", "verify", "--db", self.server.db)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        self.assertRegex(ok.stdout, r"audit chain intact: \d+ entries, head \d+:[0-9a-f]{64}")
        self.tamper("UPDATE audit_log SET actor_role = 'admin' WHERE seq = 4")
        bad = run_cli("audit", "verify", "--db", self.server.db)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("entry 4", bad.stderr)

    def test_a_removed_entry_is_named(self):
        self.tamper("DELETE FROM audit_log WHERE seq = 3")
        bad = run_cli("audit", "verify", "--db", self.server.db)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("entry 3", bad.stderr)

    def test_expect_head_catches_a_truncated_tail(self):
        head = run_cli("audit", "head", "--db", self.server.db).stdout.strip()
        seq = int(head.split(":")[0])
        self.assertEqual(run_cli("audit", "verify", "--db", self.server.db, "--expect-head", head).returncode, 0)
        self.tamper(f"DELETE FROM audit_log WHERE seq >= {seq - 1}")
        self.assertEqual(run_cli("audit", "verify", "--db", self.server.db).returncode, 0,
                         "a clean cut is invisible to the chain alone")
        bad = run_cli("audit", "verify", "--db", self.server.db, "--expect-head", head)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("truncated", bad.stderr)


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_help_and_version(self):
        self.assertEqual(run_cli("--help").returncode, 0)
        version = run_cli("--version")
        self.assertEqual(version.returncode, 0)
        self.assertIn("samen", version.stdout)

    def test_serve_refuses_an_unmigrated_database_then_migrate_fixes_it(self):
        db = os.path.join(self.tmp, "fresh.db")
        sqlite3.connect(db).close()
        r = run_cli("serve", "--db", db, "--listen", "127.0.0.1:0")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("samen migrate", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, "one clear line, no stack dump")
        m = run_cli("migrate", "--db", db)
        self.assertEqual(m.returncode, 0, m.stderr)
        self.assertIn("schema at version", m.stdout)
        again = run_cli("migrate", "--db", db)
        self.assertIn("0 migration(s) applied", again.stdout)

    def test_serve_says_why_it_cannot_listen(self):
        import socket
        db = os.path.join(self.tmp, "l.db")
        self.assertEqual(run_cli("migrate", "--db", db).returncode, 0)
        taken = socket.socket()
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        r = run_cli("serve", "--db", db, "--listen", f"127.0.0.1:{port}")
        taken.close()
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.strip().splitlines(), [f"samen: error: cannot listen on 127.0.0.1:{port}: "
                                                         "Address already in use (bind)"])
        r = run_cli("serve", "--db", db, "--listen", "nergens:80")
        self.assertEqual(r.returncode, 1)
        self.assertIn("not an IP address", r.stderr)

    def test_user_add_and_bad_input(self):
        db = os.path.join(self.tmp, "d.db")
        self.assertEqual(run_cli("demo", "--db", db, "--password", "Lindeveld-demo-2026!", "--pupils", "5",
                                 "--no-serve").returncode, 0)
        pw = os.path.join(self.tmp, "pw")
        with open(pw, "w") as f:
            f.write("een lange en sterke zin 42\n")
        ok = run_cli("user", "add", "--db", db, "--email", "nieuw@hetbaken.example", "--name", "Nieuwe Mentor",
                     "--org", "Het Baken College", "--role", "mentor", "--password-file", pw)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        dup = run_cli("user", "add", "--db", db, "--email", "nieuw@hetbaken.example", "--name", "X",
                      "--org", "Het Baken College", "--role", "mentor", "--password-file", pw)
        self.assertNotEqual(dup.returncode, 0)
        self.assertIn("--email", dup.stderr)
        role = run_cli("user", "add", "--db", db, "--email", "x@y.example", "--name", "X",
                       "--org", "Het Baken College", "--role", "koning", "--password-file", pw)
        self.assertIn("--role", role.stderr)
        with open(pw, "w") as f:
            f.write("welkom123\n")
        weak = run_cli("user", "add", "--db", db, "--email", "x@y.example", "--name", "X",
                       "--org", "Het Baken College", "--role", "mentor", "--password-file", pw)
        self.assertNotEqual(weak.returncode, 0)
        self.assertIn("--password-file", weak.stderr)
        logins = run_cli("audit", "verify", "--db", db)
        self.assertEqual(logins.returncode, 0)

    def test_settings_come_from_the_environment_too(self):
        import subprocess
        from samen_harness import SAMEN
        env = dict(os.environ, SAMEN_DB=os.path.join(self.tmp, "env.db"))
        r = subprocess.run([SAMEN, "migrate"], env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(env["SAMEN_DB"]))


if __name__ == "__main__":
    unittest.main()
