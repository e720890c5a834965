"""samen copy: a deployment moved from SQLite to PostgreSQL and back keeps every row and
its audit chain, the copy serves (new keys continue after the copied ones), and a copy
onto a database that already holds data is refused without changing it."""
import os
import shutil
import sqlite3
import tempfile
import unittest

import psycopg2

from samen_harness import Server, drop_database, new_pg_database, org_id, run_cli

TABLES = ["regions", "organisations", "users", "memberships", "sessions", "pupils",
          "guardians", "pupil_name_tokens", "audit_log"]


def rows_of(db, table):
    """Every row of a table in one comparable form (booleans as 0/1, keys as numbers)."""
    if db.startswith("postgresql://"):
        con = psycopg2.connect(db)
        cur = con.cursor()
        cur.execute(f"SELECT * FROM {table}")
        rows = cur.fetchall()
    else:
        con = sqlite3.connect(db)
        rows = con.execute(f"SELECT * FROM {table}").fetchall()
    con.close()
    return sorted(tuple(int(v) if isinstance(v, bool) else v for v in row) for row in rows)


class Copy(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="samen-copy-")
        self.pg = new_pg_database()
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.addCleanup(drop_database, self.pg)

    def test_sqlite_to_postgres_and_back_keeps_every_row_and_the_chain(self):
        source = Server(pupils=80, directory=self.dir)
        try:
            c = source.login("zorg@hetbaken.example")
            status, _, made = c.post("/api/pupils", {
                "school_id": org_id(source, "Het Baken College"), "pupil_number": "C-1",
                "given_name": "Fenna", "name_prefix": "'t", "family_name": "Hoen\\veld \"Ü\" 🌷",
                "date_of_birth": "2011-03-04", "bsn": "111222333", "guardians": [
                    {"name": "Line; Break, \x27quoted\x27", "relation": "moeder", "parental_authority": False}]})
            self.assertEqual(status, 201, made)
        finally:
            self.assertEqual(source.stop(), 0)
        sqlite_db = source.db

        out = run_cli("copy", "--from", sqlite_db, "--to", self.pg)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("from sqlite to postgres; verified", out.stdout)
        # Sealed values travel as ciphertext, bound to ids the copy keeps: with the same keys
        # (SAMEN_FIELD_KEYS, as for every test) each one opens in the copy.
        self.assertRegex(out.stdout, r"; [1-9]\d* sealed values open")
        for table in TABLES:
            if table != "audit_log":  # the source logged the export after the copy's snapshot
                self.assertEqual(rows_of(self.pg, table), rows_of(sqlite_db, table), table)
        self.assertEqual(rows_of(self.pg, "audit_log")[-1][6], "export")

        head = run_cli("audit", "head", "--db", self.pg).stdout.strip()
        verify = run_cli("audit", "verify", "--db", self.pg, "--expect-head", head)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)

        # The copy serves: logins, the pupil made before, and new keys after the copied ones.
        copy = Server(db=self.pg, directory=self.dir)
        try:
            c = copy.login("zorg@hetbaken.example")
            status, _, read = c.get(f"/api/pupils/{made['id']}")
            self.assertEqual((status, read["family_name"]), (200, "Hoen\\veld \"Ü\" 🌷"))
            self.assertEqual(read["bsn"], "111222333")
            status, _, newer = c.post("/api/pupils", {
                "school_id": org_id(source, "Het Baken College"), "pupil_number": "C-2",
                "given_name": "Daan", "family_name": "Smit", "date_of_birth": "2011-05-06",
                "guardians": []})
            self.assertEqual(status, 201, newer)
            self.assertGreater(int(newer["id"]), int(made["id"]))
        finally:
            self.assertEqual(copy.stop(), 0)

        back = os.path.join(self.dir, "back.db")
        out = run_cli("copy", "--from", self.pg, "--to", back)
        self.assertEqual(out.returncode, 0, out.stderr)
        for table in TABLES:
            if table != "audit_log":
                self.assertEqual(rows_of(back, table), rows_of(self.pg, table), table)
        verify = run_cli("audit", "verify", "--db", back)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)

    def test_a_destination_with_data_is_refused_and_left_alone(self):
        source = Server(pupils=20, directory=self.dir)
        source.stop()
        first = run_cli("copy", "--from", source.db, "--to", self.pg)
        self.assertEqual(first.returncode, 0, first.stderr)
        before = {t: rows_of(self.pg, t) for t in TABLES}
        again = run_cli("copy", "--from", source.db, "--to", self.pg)
        self.assertEqual(again.returncode, 1)
        self.assertIn("the destination is not empty", again.stderr)
        self.assertEqual(len(again.stderr.strip().splitlines()), 1)
        self.assertEqual({t: rows_of(self.pg, t) for t in TABLES}, before)

    def test_same_source_and_destination_is_refused(self):
        out = run_cli("copy", "--from", self.pg, "--to", self.pg)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("same database", out.stderr)


if __name__ == "__main__":
    unittest.main()
