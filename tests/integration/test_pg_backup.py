"""PostgreSQL backup and restore as docs/operations.md describes it: `pg_dump -Fc` while
the server serves and writes, `pg_restore --no-owner` into an empty database, `samen
migrate` (nothing to do), `samen audit verify` against the head noted before the dump.
The copy then serves on its own; an audit log changed after the restore is caught."""
import os
import shutil
import subprocess
import threading
import unittest
import urllib.parse

from crash_load import pupil_body
import samen_harness
from samen_harness import Server, drop_database, new_database, org_id, run_cli


def pg_tool(name):
    """PostgreSQL 15's own tools first: a pg_dump older than the server refuses to dump it."""
    path = f"/usr/lib/postgresql/15/bin/{name}"
    return path if os.path.exists(path) else shutil.which(name)


def as_role(uri, role):
    parts = urllib.parse.urlsplit(uri)
    return parts._replace(netloc=f"{role}@{parts.hostname}:{parts.port}").geturl()


def run(*args):
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"{args[0]} failed: {r.stdout}{r.stderr}"
    return r.stdout.strip()


class PostgresBackup(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.environ.get("SAMEN_TEST_PG"):
            raise RuntimeError("SAMEN_TEST_PG is not set: export SAMEN_TEST_PG=$(bash scripts/test-postgres.sh start)")
        samen_harness.BACKEND = "postgres"
        cls.server = Server(pupils=60)
        cls.addClassCleanup(cls.server.cleanup)  # runs also when the rest of setUpClass fails
        cls.school = org_id(cls.server, "Het Baken College")
        cls.client = cls.server.login("zorg@hetbaken.example")
        # Writes before the dump, which the copy must hold.
        status, _, cls.pupil = cls.client.post("/api/pupils", dict(pupil_body("backup-1", 0), school_id=cls.school))
        assert status == 201, cls.pupil
        status, _, cls.pupil = cls.client.put(f"/api/pupils/{cls.pupil['id']}",
                                              dict(pupil_body("backup-1", 1), version=1))
        assert status == 200, cls.pupil
        cls.dump = os.path.join(cls.server.dir, "samen.dump")
        cls.noted_head, cls.dump_head = cls.dump_while_writing()

    @classmethod
    def dump_while_writing(cls):
        """Dumps while another client keeps creating pupils. Returns the head an operator
        notes before the dump, and the head inside the dump's own snapshot (pg_dump runs on
        a snapshot exported here, so the test knows exactly what the dump holds)."""
        import psycopg2
        writer = cls.server.login("zorg@hetbaken.example")
        stop, acks, answered = threading.Event(), [], threading.Condition()

        def write():
            while not stop.is_set():
                status, _, body = writer.post("/api/pupils", dict(pupil_body(f"during-{len(acks)}", 0),
                                                                  school_id=cls.school))
                with answered:
                    acks.append(status)
                    answered.notify_all()

        noted = run(samen_harness.SAMEN, "audit", "head", "--db", cls.server.db)
        thread = threading.Thread(target=write)
        thread.start()
        snapshot = psycopg2.connect(cls.server.db)
        try:
            snapshot.set_session(isolation_level="REPEATABLE READ", readonly=True)
            cur = snapshot.cursor()
            cur.execute("SELECT pg_export_snapshot()")
            name = cur.fetchone()[0]
            cur.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            seq, digest = cur.fetchone()
            # A write acknowledged after the snapshot: the dump is taken while the source moves on.
            with answered:
                done = len(acks)
                assert answered.wait_for(lambda: len(acks) > done, timeout=120), "the writer stalled"
            run(pg_tool("pg_dump"), "-Fc", f"--snapshot={name}", "-f", cls.dump, cls.server.db)
        finally:
            snapshot.close()
            stop.set()
            thread.join()
        assert acks and set(acks) == {201}, acks
        return noted, f"{seq}:{digest}"

    def restore(self):
        """Into an empty database owned by an ordinary role, which then owns what is restored
        (--no-owner), as when samen connects as its own role; the dump was made as postgres."""
        admin = new_database(self.server.dir)
        name = admin.rsplit("/", 1)[1]
        role = name + "_owner"

        def drop():  # the database first: a role cannot be dropped while it owns one
            drop_database(admin)
            self.admin_sql(f"DROP ROLE IF EXISTS {role}")

        self.addCleanup(drop)
        self.admin_sql(f"CREATE ROLE {role} LOGIN")
        self.admin_sql(f"ALTER DATABASE {name} OWNER TO {role}")
        db = as_role(admin, role)
        run(pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction", "-d", db, self.dump)
        return db, admin

    @staticmethod
    def admin_sql(sql):
        import psycopg2
        con = psycopg2.connect(os.environ["SAMEN_TEST_PG"])
        con.autocommit = True
        try:
            con.cursor().execute(sql)
        finally:
            con.close()

    def test_restored_copy_verifies_migrates_as_a_no_op_and_serves(self):
        db, _ = self.restore()
        self.assertIn("(0 migration(s) applied)", run(samen_harness.SAMEN, "migrate", "--db", db))
        verify = run_cli("audit", "verify", "--db", db, "--expect-head", self.noted_head)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        self.assertIn(f"head {self.dump_head}", verify.stdout)
        self.assertEqual(run(samen_harness.SAMEN, "audit", "head", "--db", db), self.dump_head)
        self.assertNotEqual(run(samen_harness.SAMEN, "audit", "head", "--db", self.server.db), self.dump_head,
                            "the source went on writing during the dump")
        copy = Server(db=db, directory=self.server.dir)
        try:
            client = copy.login("zorg@hetbaken.example")
            status, _, stored = client.get(f"/api/pupils/{self.pupil['id']}")
            self.assertEqual((status, stored["version"], stored["given_name"]), (200, 2, "Kim1"))
            # The restored sequences go on after the restored rows.
            status, _, body = client.post("/api/pupils", dict(pupil_body("after-restore", 0), school_id=self.school))
            self.assertEqual(status, 201, body)
        finally:
            copy.stop()
        verify = run_cli("audit", "verify", "--db", db)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)

    def tamper(self, superuser_db, sql):
        import psycopg2
        con = psycopg2.connect(superuser_db)
        try:
            # The append-only triggers stop the application, not a superuser who turns them off.
            con.cursor().execute("SET session_replication_role = replica")
            con.cursor().execute(sql)
            con.commit()
        finally:
            con.close()

    def test_an_audit_entry_changed_after_restore_is_caught(self):
        db, admin = self.restore()
        # Hide who changed the pupil before the backup.
        seq = self.server.scalar("SELECT seq FROM audit_log WHERE action = 'update' AND pupil_id = ?", self.pupil["id"])
        self.tamper(admin, f"UPDATE audit_log SET actor_user_id = '1' WHERE seq = {seq}")
        verify = run_cli("audit", "verify", "--db", db)
        self.assertEqual(verify.returncode, 1)
        self.assertIn(f"audit chain broken at entry {seq}", verify.stderr)

    def test_entries_removed_from_the_end_after_restore_are_caught_by_the_noted_head(self):
        db, admin = self.restore()
        noted_seq = int(self.noted_head.split(":")[0])
        self.tamper(admin, f"DELETE FROM audit_log WHERE seq >= {noted_seq}")
        self.assertEqual(run_cli("audit", "verify", "--db", db).returncode, 0, "a shorter chain still links up")
        verify = run_cli("audit", "verify", "--db", db, "--expect-head", self.noted_head)
        self.assertEqual(verify.returncode, 1)
        self.assertIn("truncated", verify.stderr)


if __name__ == "__main__":
    unittest.main()
