"""The clock's notifications (issue 14) on a real server whose reminder pass runs every
second: the owner of an open action past its due date is told once (`action_overdue`), and
again when the due date moves to another day that has passed too; an action done, or due
later, is not reminded of; the lead of a case whose review date is coming up is told once
(`review_due`), a review further away is not; each reminder is an audit event of the
system naming the pupil, and the notification names no pupil."""
import datetime
import time
import unittest

from samen_harness import Server, create_pupil, membership_id_of, membership_of, org_id
from test_notifications import wait_for

WORKER = "gezinswerker@buurtteam.example"
GIVEN, FAMILY = "Klaproos", "Wintermeer"
TODAY = datetime.date.today()


def day(offset):
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


class Reminders(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40, extra_args=("--reminder-interval", "1"))
        s = cls.server
        cls.zorg = s.login("zorg@hetbaken.example")
        cls.mentor = s.login("mentor@hetbaken.example")
        cls.worker = s.login(WORKER)
        cls.worker_m = membership_id_of(s, WORKER)
        baken = org_id(s, "Het Baken College")
        cls.cases = []
        for n, review in ((1, day(3)), (2, day(30))):
            pupil, _ = create_pupil(cls.zorg, baken, f"REM-{n}", 12, [("Els Wintermeer", "moeder", True)],
                                    given_name=GIVEN, family_name=FAMILY)
            status, _, case = cls.zorg.post("/api/cases", {
                "pupil_id": pupil, "categories": ["wellbeing"], "level": 2,
                "lead_membership_id": membership_of(cls.mentor), "review_date": review})
            assert status == 201, case
            cls.cases.append(case["id"])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def action(self, case_id, text, due):
        status, _, a = self.zorg.post(f"/api/cases/{case_id}/actions", {
            "text": text, "owner_membership_id": self.worker_m, "due_date": due})
        self.assertEqual(status, 201, a)
        return a

    def told(self, client, kind, case_id):
        listed = client.get("/api/notifications")[2]["notifications"]
        return [n for n in listed if n["kind"] == kind and n["link"] == f"/dossiers/{case_id}"]

    def reminded(self, resource_type, resource_id):
        return self.server.query(
            "SELECT actor_role, pupil_id, reason FROM audit_log WHERE action = 'remind' "
            "AND resource_type = ? AND resource_id = ?", resource_type, resource_id)

    def test_an_overdue_action_is_reminded_of_once_per_due_date(self):
        case_id = self.cases[1]
        overdue = self.action(case_id, "Ouders bellen", day(-1))
        later = self.action(case_id, "Huisbezoek plannen", day(2))
        # Done in the same change that set a past due date: nothing is owed.
        done = self.action(case_id, "Verslag sturen", None)
        status, _, answer = self.zorg.put(f"/api/actions/{done['id']}", {
            "text": done["text"], "owner_membership_id": self.worker_m, "due_date": day(-3),
            "done": True, "version": done["version"]})
        self.assertEqual(status, 200, answer)
        wait_for(lambda: self.told(self.worker, "action_overdue", case_id), 15, "the overdue reminder")
        time.sleep(2.5)  # two more passes
        self.assertEqual(len(self.told(self.worker, "action_overdue", case_id)), 1)
        self.assertEqual([r[0] for r in self.reminded("action", overdue["id"])], ["system"])
        self.assertEqual(self.reminded("action", later["id"]), [])
        self.assertEqual(self.reminded("action", done["id"]), [])
        pupil = self.zorg.get(f"/api/cases/{case_id}")[2]["pupil_id"]
        self.assertEqual(self.reminded("action", overdue["id"])[0][1:], (pupil, "action_overdue"))

        # Moved to another day that has passed as well: owed again, once.
        status, _, moved = self.zorg.put(f"/api/actions/{overdue['id']}", {
            "text": overdue["text"], "owner_membership_id": self.worker_m, "due_date": day(-2),
            "done": False, "version": overdue["version"]})
        self.assertEqual(status, 200, moved)
        wait_for(lambda: len(self.told(self.worker, "action_overdue", case_id)) == 2, 15, "the second reminder")
        time.sleep(2.5)
        self.assertEqual(len(self.told(self.worker, "action_overdue", case_id)), 2)
        listed = self.worker.get("/api/notifications")[2]
        self.assertNotIn(GIVEN, str(listed))
        self.assertNotIn(FAMILY, str(listed))

    def test_the_lead_is_reminded_of_a_coming_review_once(self):
        soon, far = self.cases
        wait_for(lambda: self.told(self.mentor, "review_due", soon), 15, "the review reminder")
        time.sleep(2.5)
        self.assertEqual(len(self.told(self.mentor, "review_due", soon)), 1)
        self.assertEqual(self.told(self.mentor, "review_due", far), [])
        self.assertEqual([r[2] for r in self.reminded("case", soon)], ["review_due"])
        self.assertEqual(self.reminded("case", far), [])


if __name__ == "__main__":
    unittest.main()
