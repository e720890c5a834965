"""Crash safety: kill -9 in the middle of a write load, restart on the same database, and
check that every write the server acknowledged is there with exactly the data it
answered, with its audit entry; that an import is all there or not at all; and that the
audit chain verifies. Runs on SQLite and on PostgreSQL (tests/CMakeLists.txt).

Nothing here depends on timing: the kill comes after a number of acknowledged writes, and
both outcomes of a write that was in flight at the kill are accepted (a commit whose
answer was lost is not an error). A server that answered before committing fails it."""
import sys
import unittest

from crash_load import Load, pupil_body
from samen_harness import Server, org_id, run_cli

WRITERS = 4
IMPORT_ROWS = 3000
FIELDS = ("pupil_number", "given_name", "name_prefix", "family_name", "date_of_birth", "class")


def guardians(pupil):
    return [(g["name"], g["relation"], g["email"], g["phone"], g["parental_authority"]) for g in pupil["guardians"]]


def same_data(stored, sent):
    return all(stored[f] == sent[f] for f in FIELDS) and guardians(stored) == guardians(sent)


class CrashRecovery(unittest.TestCase):
    def setUp(self):
        self.server = Server(pupils=60)
        self.addCleanup(lambda: self.server.cleanup())
        self.school = org_id(self.server, "Het Baken College")

    def crash_and_restart(self, load, kill_when):
        load.start()
        try:
            reached = load.wait_for(kill_when)
        finally:
            self.server.kill()  # also when the load stalled, so that the writers stop
            load.join()
        self.assertTrue(reached, f"the load stalled; server output:\n{''.join(self.server.output[-20:])}")
        self.assertEqual(load.unexpected, [], "every write succeeds while the server is up")
        self.server = Server(db=self.server.db, directory=self.server.dir)

    def test_acknowledged_writes_survive_kill_9(self):
        # Round 1 kills long after the import was sent, round 2 right after: the import is
        # usually committed in the first and cut off in the second; either way all or nothing.
        # Round 2 also crashes a server that itself recovered from a crash.
        rounds = []
        for name, after_import in (("r1", 150), ("r2", 2)):
            load = Load(self.server, self.school, name, WRITERS, IMPORT_ROWS)
            self.crash_and_restart(load, lambda: load.acks_at_import is not None
                                   and load.acks >= load.acks_at_import + after_import)
            rounds.append(load)
            verify = run_cli("audit", "verify", "--db", self.server.db)
            self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
            for done in rounds:  # an earlier round must survive the later crash too
                self.check_writes(done)
                self.check_import(done)

    def check_writes(self, load):
        client = self.server.login("zorg@hetbaken.example")
        audited = {(r, a, p) for r, a, p in self.server.query(
            "SELECT request_id, action, pupil_id FROM audit_log WHERE action IN ('create', 'update')")}
        pending = {body["pupil_number"]: (method, body) for method, _, body in load.in_flight.values()}
        for pupil_id, acks in load.acked.items():
            status, _, stored = client.get(f"/api/pupils/{pupil_id}")
            self.assertEqual(status, 200, f"acknowledged pupil {pupil_id} is lost")
            for version, answer, request_id, action in acks:
                self.assertIn((request_id, action, pupil_id), audited, f"audit entry of {action} v{version}")
            version, answer = acks[-1][0], acks[-1][1]
            if stored["version"] == version:
                stored.pop("mentor_name", None)  # reads add it, write answers do not
                answer = {k: v for k, v in answer.items() if k != "mentor_name"}
                self.assertEqual(stored, answer, "the stored record is the acknowledged one")
            else:
                # Only the replace in flight at the kill may have committed after the last answer.
                method, sent = pending.get(stored["pupil_number"], (None, None))
                self.assertEqual((stored["version"], method), (version + 1, "PUT"), f"pupil {pupil_id}")
                self.assertTrue(same_data(stored, sent), f"pupil {pupil_id} holds the replace in flight")
        # No pupil appears that nobody was told about, except a create in flight at the kill.
        numbers = {n for (n,) in self.server.query(
            "SELECT pupil_number FROM pupils WHERE pupil_number LIKE ?", load.prefix + "-w%")}
        acked = {a[0][1]["pupil_number"] for a in load.acked.values()}
        self.assertEqual(acked - numbers, set())
        for number in numbers - acked:
            method, sent = pending.get(number, (None, None))
            self.assertEqual(method, "POST", f"unacknowledged pupil {number}")
            stored = client.get(f"/api/pupils/{self.pupil_id(number)}")[2]
            self.assertTrue(same_data(stored, sent), f"pupil {number} holds the create in flight")
            self.assertIn(("create", stored["id"]), {(a, p) for _, a, p in audited})

    def check_import(self, load):
        ids = [str(i) for (i,) in self.server.query(
            "SELECT id FROM pupils WHERE pupil_number LIKE ?", load.import_prefix + "%")]
        answer = load.import_answer
        print(f"{load.prefix}: {load.acks} writes acknowledged, import "
              f"{'acknowledged' if answer else 'unanswered'}, {len(ids)} imported rows found", file=sys.stderr)
        self.assertIn(len(ids), (0, IMPORT_ROWS), "an import is all there or not at all")
        if answer:
            self.assertEqual((answer[0], len(ids)), (200, IMPORT_ROWS), "an acknowledged import is all there")
            self.assertEqual(self.server.scalar(
                "SELECT count(*) FROM audit_log WHERE request_id = ? AND action = 'import'", answer[2]), 1)
        if ids:
            created = self.server.scalar(
                "SELECT count(DISTINCT pupil_id) FROM audit_log WHERE action = 'create' AND request_id = "
                "(SELECT request_id FROM audit_log WHERE action = 'create' AND pupil_id = ?)", ids[0])
            self.assertEqual(created, IMPORT_ROWS, "each imported pupil has its audit entry")

    def pupil_id(self, number):
        return str(self.server.scalar("SELECT id FROM pupils WHERE pupil_number = ?", number))


if __name__ == "__main__":
    unittest.main()
