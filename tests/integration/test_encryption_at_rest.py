"""Encryption at rest (issue 12, §2): the plain BSN of a demo pupil and a known case text
appear nowhere in the SQLite database files (nor its WAL), and on PostgreSQL every stored
sensitive value is sealed; a key rotation killed half-way and run again leaves every value
on the new key, readable through the API, and only then may the old key be retired."""
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import unittest

from samen_harness import (BACKEND, PASSWORD, SAMEN, Server, env_without_field_keys, pupil_of_class,
                           run_cli)

PUPILS = 150
# Every sealed column (security/record_kinds.cpp), with the record key it is bound to.
SEALED = [("pupils", "bsn"), ("entries", "text"), ("consent_grants", "text"), ("consent_requests", "text"),
          ("safety_decisions", "reason"), ("safety_decisions", "steps"), ("signals", "text"),
          ("signals", "advice"), ("cases", "outcome_note"), ("case_team", "reason"),
          ("case_level_changes", "reason"), ("case_goals", "text"), ("case_actions", "text"),
          ("draft_keys", "draft_key")]


def demo(directory, *extra):
    db = os.path.join(directory, "demo.db")
    made = run_cli("demo", "--db", db, "--password", PASSWORD, "--pupils", str(PUPILS), "--no-serve", *extra,
                   env=env_without_field_keys())
    assert made.returncode == 0, made.stderr
    return db


def plain_values(db):
    """The BSNs and the longer case texts of a demo made without keys, which is the same
    region (the demo is deterministic) in plain text."""
    con = sqlite3.connect(db)
    try:
        bsns = [b for (b,) in con.execute("SELECT bsn FROM pupils WHERE bsn IS NOT NULL")]
        texts = [t for (t,) in con.execute("SELECT DISTINCT text FROM entries WHERE length(text) > 40")]
    finally:
        con.close()
    return bsns, texts


def database_files(db):
    return [f for f in [db, db + "-wal", db + "-journal"] if os.path.exists(f)]


@unittest.skipUnless(BACKEND == "sqlite", "the SQLite files")
class SqliteFilesHoldNoPlainText(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="samen-sealed-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        plain_dir = os.path.join(self.dir, "plain")
        os.mkdir(plain_dir)
        self.bsns, self.texts = plain_values(demo(plain_dir, "--allow-plaintext"))
        self.assertGreater(len(self.bsns), PUPILS // 2)
        self.assertGreater(len(self.texts), 10)

    def assert_no_plain_text(self, files):
        self.assertTrue(files)
        for path in files:
            with open(path, "rb") as f:
                content = f.read()
            for bsn in self.bsns:
                self.assertNotIn(bsn.encode(), content, f"BSN {bsn} in plain text in {path}")
            for text in self.texts:
                self.assertNotIn(text.encode(), content, f"a case text in plain text in {path}")

    def test_the_demo_out_of_the_box_seals_every_bsn_and_case_text(self):
        sealed_dir = os.path.join(self.dir, "sealed")
        os.mkdir(sealed_dir)
        db = demo(sealed_dir)  # no key options at all: the demo makes field.keys beside it
        self.assertTrue(os.path.exists(os.path.join(sealed_dir, "field.keys")))
        self.assert_no_plain_text(database_files(db))
        con = sqlite3.connect(db)
        try:
            for table, column in SEALED:
                plain = con.execute(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL AND {column} <> '' "
                                    f"AND substr({column}, 1, 5) <> 'enc1:'").fetchone()[0]
                self.assertEqual(plain, 0, f"{table}.{column} holds values that are not sealed")
        finally:
            con.close()

    def test_a_serving_demo_keeps_its_wal_free_of_plain_text_too(self):
        served = os.path.join(self.dir, "served")
        os.mkdir(served)
        server = Server(pupils=PUPILS, directory=served)
        self.addCleanup(server.cleanup)
        # The same region, served: a mentor reads a pupil of their class in full.
        c = server.login("mentor@hetbaken.example")
        pupil = pupil_of_class(server, "Het Baken College", "2A")
        status, _, read = c.get(f"/api/pupils/{pupil}")
        self.assertEqual(status, 200)
        if read.get("bsn"):
            self.assertIn(read["bsn"], self.bsns)
        files = database_files(server.db)
        self.assertIn(server.db + "-wal", files)
        self.assert_no_plain_text(files)


@unittest.skipUnless(BACKEND == "postgres", "the PostgreSQL check")
class PostgresHoldsSealedValuesOnly(unittest.TestCase):
    def test_every_stored_sensitive_value_is_sealed(self):
        server = Server(pupils=80)
        self.addCleanup(server.cleanup)
        for table, column in SEALED:
            plain = server.scalar(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL AND {column} <> '' "
                                  f"AND left({column}, 5) <> 'enc1:'")
            self.assertEqual(plain, 0, f"{table}.{column} holds values that are not sealed")
        self.assertGreater(server.scalar("SELECT count(*) FROM pupils WHERE bsn LIKE 'enc1:%'"), 40)
        self.assertEqual(server.scalar("SELECT count(*) FROM pupils WHERE bsn IS NOT NULL AND bsn_index IS NULL"), 0)


class RotationKilledAndResumed(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="samen-rotate-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        # The region sealed with the test ring, which becomes a file with a second key.
        first = Server(pupils=PUPILS, directory=self.dir)
        self.db = first.db
        self.addCleanup(first.cleanup)
        self.assertEqual(first.stop(), 0)
        self.keys = os.path.join(self.dir, "field.keys")
        with open(os.open(self.keys, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(os.environ["SAMEN_FIELD_KEYS"])
        self.old = self.current_key()
        added = run_cli("keys", "add", "--file", self.keys, env=env_without_field_keys())
        self.assertEqual(added.returncode, 0, added.stderr)
        self.new = self.current_key()
        self.server = Server(db=self.db, directory=self.dir, extra_args=("--field-keys", self.keys))
        self.addCleanup(self.server.stop)

    def current_key(self):
        with open(self.keys) as f:
            return next(line.split()[1] for line in f if line.startswith("current "))

    def carrying(self, key_id):
        return sum(self.server.scalar(f"SELECT count(*) FROM {t} WHERE substr({c}, 1, 14) = ?",
                                      f"enc1:{key_id}:") for t, c in SEALED)

    def rotate(self, *extra):
        return subprocess.Popen([SAMEN, "keys", "rotate", "--db", self.db, "--field-keys", self.keys, *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env_without_field_keys())

    def test_killed_half_way_then_resumed_every_value_is_on_the_new_key(self):
        c = self.server.login("mentor@hetbaken.example")
        pupil = pupil_of_class(self.server, "Het Baken College", "2A")
        _, _, before = c.get(f"/api/pupils/{pupil}")
        total = self.carrying(self.old)
        self.assertGreater(total, 150)

        # Online: the server keeps answering while the rotation runs beside it.
        proc = self.rotate("--batch-size", "5")
        seen = 0
        for line in proc.stdout:
            seen += line.startswith("re-sealed ")
            if seen == 20:
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait()
        self.assertEqual(proc.returncode, -signal.SIGKILL)
        left = self.carrying(self.old)
        self.assertGreater(left, 0)
        self.assertLess(left, total)
        self.assertEqual(c.get(f"/api/pupils/{pupil}")[0], 200)
        retire = run_cli("keys", "retire", "--db", self.db, "--file", self.keys, self.old,
                         env=env_without_field_keys())
        self.assertEqual(retire.returncode, 1)
        self.assertIn("still sealed with key", retire.stderr)

        # Ctrl-C stops it cleanly between two batches.
        proc = self.rotate("--batch-size", "5")
        self.assertTrue(proc.stdout.readline().startswith("re-sealed "))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 1, err)
        self.assertIn("stopped", out)
        self.assertIn("run the same command again", err)

        done = self.rotate()
        out, err = done.communicate(timeout=300)
        self.assertEqual(done.returncode, 0, err)
        self.assertIn("no value sealed with another key remains", out)
        self.assertEqual(self.carrying(self.old), 0)
        self.assertGreater(self.carrying(self.new), total // 2)
        rotations = self.server.scalar("SELECT count(*) FROM audit_log WHERE action = 'rotate_field_keys'")
        self.assertEqual(rotations, 3)

        # Everything reads as before, through the API.
        status, _, after = c.get(f"/api/pupils/{pupil}")
        self.assertEqual(status, 200)
        self.assertEqual(after.get("bsn"), before.get("bsn"))
        coordinator = self.server.login("zorg@hetbaken.example")
        status, _, cases = coordinator.get("/api/cases")
        self.assertEqual(status, 200)
        for case in cases["cases"][:5]:
            status, _, entries = coordinator.get(f"/api/cases/{case['id']}/entries")
            self.assertEqual(status, 200, entries)

        retire = run_cli("keys", "retire", "--db", self.db, "--file", self.keys, self.old,
                         env=env_without_field_keys())
        self.assertEqual(retire.returncode, 0, retire.stderr)
        with open(self.keys) as f:
            self.assertNotIn(f"key {self.old} ", f.read())


if __name__ == "__main__":
    unittest.main()
