"""Signed audit checkpoints (issue 11): whoever can write the database can delete the tail
of the audit log or rewrite a stretch and recompute every hash, and the chain alone still
reads as intact. The server signs the head with a key kept outside the database, at an
interval and at shutdown; `samen audit verify` with the key (or a second party's held
copy of the checkpoints) reports the missing tail and the re-chained stretch. Both
backends: the attacker works through SQL."""
import hashlib
import json
import os
import time
import unittest

from samen_harness import BACKEND, Server, pupil_of_class, run_cli

FIELDS = ["at", "actor_user_id", "actor_organisation_id", "actor_role", "region_id", "action",
          "pupil_id", "resource_type", "resource_id", "decision", "reason", "legal_basis",
          "request_id", "client_address"]


def put(field):
    data = field.encode()
    return str(len(data)).encode() + b":" + data + b";"


def chain_hash(prev_hash, row):
    """src/audit/audit_entry.cpp, as an attacker who read the source recomputes it."""
    canonical = b"samen-audit-v1;" + put(str(row["seq"])) + b"".join(put(row[f]) for f in FIELDS)
    return hashlib.blake2b(prev_hash.encode() + canonical, digest_size=32).hexdigest()


class Attacker:
    """Writes the database behind the server's back, append-only triggers and all."""

    def __init__(self, server):
        self.server = server

    def run(self, *statements):
        if BACKEND == "sqlite":
            prefix = ["DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete",
                      "DROP TRIGGER IF EXISTS audit_checkpoints_no_update",
                      "DROP TRIGGER IF EXISTS audit_checkpoints_no_delete"]
        else:
            prefix = ["ALTER TABLE audit_log DISABLE TRIGGER USER",
                      "ALTER TABLE audit_checkpoints DISABLE TRIGGER USER"]
        con = self.server._connect()
        try:
            cur = con.cursor()
            for sql in [*prefix, *statements]:
                cur.execute(sql)
            con.commit()
        finally:
            con.close()

    def delete_tail(self, count):
        head = self.server.scalar("SELECT max(seq) FROM audit_log")
        self.run(f"DELETE FROM audit_log WHERE seq > {head - count}")
        return head - count

    def rechain_from(self, seq):
        """Changes entry `seq` and recomputes every hash after it, as the verifier would."""
        columns = ["seq", *FIELDS, "prev_hash", "hash"]
        rows = [dict(zip(columns, r)) for r in
                self.server.query(f"SELECT {', '.join(columns)} FROM audit_log WHERE seq >= ? ORDER BY seq", seq)]
        prev = rows[0]["prev_hash"]
        rows[0]["actor_role"] = "nobody"
        statements = []
        for row in rows:
            row["prev_hash"] = prev
            row["hash"] = chain_hash(prev, row)
            prev = row["hash"]
            statements.append(f"UPDATE audit_log SET actor_role = '{row['actor_role']}', "
                              f"prev_hash = '{row['prev_hash']}', hash = '{row['hash']}' WHERE seq = {row['seq']}")
        self.run(*statements)


def verify(server, *args):
    return run_cli("audit", "verify", "--db", server.db, *args)


class SignedCheckpoints(unittest.TestCase):
    def start(self, *extra):
        self.server = Server(pupils=20, extra_args=extra)
        self.addCleanup(self.server.cleanup)
        self.pupil = pupil_of_class(self.server, "Het Baken College", "1A")
        self.reader = self.server.login("zorg@hetbaken.example")
        return self.server

    def read_pupil(self, times=3):
        for _ in range(times):
            self.assertEqual(self.reader.get(f"/api/pupils/{self.pupil}")[0], 200)

    def checkpoints(self):
        return self.server.query("SELECT seq, hash FROM audit_checkpoints ORDER BY seq")

    def test_a_checkpoint_is_signed_at_shutdown_and_kept_beside_the_key(self):
        server = self.start("--audit-checkpoint-interval", "3600")
        self.read_pupil()
        self.assertEqual(server.stop(), 0)
        head = server.scalar("SELECT max(seq) FROM audit_log")
        self.assertEqual(self.checkpoints()[-1][0], head, "the head at SIGTERM is signed")
        with open(server.audit_key + ".checkpoints") as f:
            lines = [json.loads(l) for l in f if l.strip()]
        self.assertEqual(lines[0]["format"], "samen-audit-checkpoints-v1")
        self.assertEqual(lines[-1]["seq"], head)
        self.assertTrue(any(e["event"] == "audit_checkpoint" and e["seq"] == head for e in server.log_lines()))
        ok = verify(server, "--audit-key", server.audit_key)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        self.assertIn(f"last signed head {head}", ok.stdout)
        self.assertEqual(oct(os.stat(server.audit_key).st_mode & 0o777), "0o600")

    def test_a_deleted_tail_is_a_missing_tail(self):
        server = self.start()
        self.read_pupil()
        server.stop()
        last = Attacker(server).delete_tail(3)
        plain = verify(server)
        self.assertEqual(plain.returncode, 0, "the chain alone cannot see a clean cut")
        self.assertIn("audit chain intact", plain.stdout)
        bad = verify(server, "--audit-key", server.audit_key)
        self.assertEqual(bad.returncode, 1, bad.stdout)
        self.assertIn(f"missing tail: entries {last + 1} to {last + 3}", bad.stderr)

    def test_a_rechained_stretch_is_named(self):
        server = self.start("--audit-checkpoint-interval", "1")
        self.read_pupil()
        deadline = time.time() + 10
        while not self.checkpoints() and time.time() < deadline:
            time.sleep(0.1)
        first = self.checkpoints()[-1][0]
        self.read_pupil()
        server.stop()
        head = server.scalar("SELECT max(seq) FROM audit_log")
        self.assertGreater(head, first)
        Attacker(server).rechain_from(first + 2)
        plain = verify(server)
        self.assertEqual(plain.returncode, 0, "a recomputed chain is consistent in itself")
        bad = verify(server, "--audit-key", server.audit_key)
        self.assertEqual(bad.returncode, 1)
        self.assertRegex(bad.stderr, r"re-chained stretch: entries (\d+) to %d" % head)
        start = int(bad.stderr.split("re-chained stretch: entries ")[1].split(" ")[0])
        self.assertGreater(start, first, "the stretch starts after the last checkpoint that still holds")
        self.assertLessEqual(start, first + 2)

    def test_a_held_copy_catches_checkpoints_deleted_from_the_database(self):
        server = self.start()
        self.read_pupil()
        server.stop()
        held = os.path.join(server.dir, "board-copy.jsonl")
        exported = run_cli("audit", "checkpoints", "export", "--db", server.db, "--audit-key", server.audit_key,
                           "--out", held)
        self.assertEqual(exported.returncode, 0, exported.stderr)
        attacker = Attacker(server)
        attacker.delete_tail(2)
        attacker.run("DELETE FROM audit_checkpoints")
        # With the checkpoints gone from the database, the key alone finds nothing to compare.
        self.assertEqual(verify(server, "--audit-key", server.audit_key).returncode, 0)
        # The board holds the export: its public key and checkpoints, no secret key.
        bad = verify(server, "--checkpoints", held)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("missing tail", bad.stderr)
        self.assertIn("missing from the database", bad.stderr)

    def test_a_wrong_key_or_a_forged_checkpoint_does_not_verify(self):
        server = self.start()
        self.read_pupil()
        server.stop()
        other = os.path.join(server.dir, "other.key")
        self.assertEqual(run_cli("audit", "keygen", "--out", other).returncode, 0)
        bad = verify(server, "--audit-key", other)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("no valid signature", bad.stderr)
        seq, hash_ = self.checkpoints()[-1]
        key_id = server.scalar("SELECT key_id FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")
        Attacker(server).run("INSERT INTO audit_checkpoints(seq, hash, at, key_id, signature) VALUES "
                             f"({seq + 50}, '{hash_}', '2026-12-03T00:00:00Z', '{key_id}', '{'0' * 128}')")
        forged = verify(server, "--audit-key", server.audit_key)
        self.assertEqual(forged.returncode, 1)
        self.assertIn("1 checkpoint(s) carry no valid signature", forged.stderr)
        again = run_cli("audit", "keygen", "--out", other)
        self.assertNotEqual(again.returncode, 0, "a key is never overwritten")

    def test_the_api_verify_reports_checkpoints_and_is_audited(self):
        server = self.start("--audit-checkpoint-interval", "1")
        self.read_pupil()
        officer = server.login("fg@lindeveld.example")
        deadline = time.time() + 10
        while time.time() < deadline:
            status, _, body = officer.get("/api/audit/verify")
            if body["checkpoints"]["last_signed"]:
                break
            time.sleep(0.2)
        self.assertEqual(status, 200)
        self.assertEqual(body["checkpoints"]["status"], "ok", body)
        self.assertIsNone(body["checkpoints"]["missing_tail"])
        mentor = server.login("mentor@hetbaken.example")
        self.assertEqual(mentor.get("/api/audit/verify")[0], 403)
        rows = server.query("SELECT actor_user_id, action, decision FROM audit_log WHERE resource_type = ?",
                            "audit_verify")
        self.assertIn("allow", {r[2] for r in rows})
        self.assertIn(("denied", "deny"), {(r[1], r[2]) for r in rows})
        # Now an attacker cuts the tail while the server runs; the next answer says so.
        signed = body["checkpoints"]["last_signed"]["seq"]
        Attacker(server).run(f"DELETE FROM audit_log WHERE seq > {signed - 2}")
        _, _, after = officer.get("/api/audit/verify")
        self.assertTrue(after["intact"], "the chain alone still looks fine")
        self.assertEqual(after["checkpoints"]["status"], "tampered")
        self.assertEqual(after["checkpoints"]["missing_tail"]["from_seq"], signed - 1)
        self.assertTrue(any("missing tail" in p for p in after["checkpoints"]["problems"]))


if __name__ == "__main__":
    unittest.main()
