"""A case put forward for the case consultation (issue 14) on a real server: whoever sits at
the case's table puts it forward with a question; it joins the school's next consultation
at once, where the chair sees the question and whoever put it forward is called; one open
per case (409); the question is for those with a legal basis for the pupil, the family does
not see the put forward at all; it is withdrawn by whoever put it forward or manages the
case (anyone else 403, audited), its item leaving the agenda again; closing the minutes of
a meeting that discussed the case settles it, and the next consultation no longer waits for
it. Every step audited."""
import datetime
import unittest

from samen_harness import (Server, create_pupil, family_login, iso, membership_id_of, membership_of,
                           org_id)

QUESTION = "Moeten we de leerplichtambtenaar erbij vragen, nu het verzuim van Zonnebloem oploopt?"
MENTOR = "mentor@hetbaken.example"
WORKER = "gezinswerker@buurtteam.example"



class PutForward(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        s = cls.server
        cls.zorg = s.login("zorg@hetbaken.example")
        cls.mentor = s.login(MENTOR)
        cls.worker = s.login(WORKER)
        cls.mentor_id = membership_of(cls.mentor)
        cls.baken = org_id(s, "Het Baken College")
        pupil, guardians = create_pupil(cls.zorg, cls.baken, "PF-1", 13, [("Iris Bos", "moeder", True)],
                                        given_name="Daan", family_name="Bos")
        cls.parent = family_login(s, cls.zorg, pupil, "iris.pf@ouders.example", guardian_id=guardians[0])
        status, _, case = cls.zorg.post("/api/cases", {
            "pupil_id": pupil, "categories": ["wellbeing"], "level": 2, "lead_membership_id": cls.mentor_id})
        assert status == 201, case
        cls.case_id = case["id"]
        status, _, seat = cls.zorg.post(f"/api/cases/{cls.case_id}/team", {
            "membership_id": membership_id_of(s, WORKER), "reason": "Gezinsondersteuning"})
        assert status == 201, seat
        now = datetime.datetime.now(datetime.timezone.utc)
        status, _, listed = cls.zorg.get(
            f"/api/meetings?school_id={cls.baken}&from={iso(now)}&to={iso(now + datetime.timedelta(weeks=10))}")
        assert status == 200, listed
        consultations = [m for m in listed["meetings"] if m["kind"] == "case_consultation"
                         and m["status"] == "planned"]
        cls.next_id = min(consultations, key=lambda m: m["starts_at"])["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def case_items(self, client, meeting_id):
        status, _, m = client.get(f"/api/meetings/{meeting_id}")
        self.assertEqual(status, 200, m)
        return [i for i in m["items"] if i.get("case_id") == self.case_id]

    def put(self, client, question=QUESTION):
        return client.post(f"/api/cases/{self.case_id}/put-forward", {"question": question})

    def audited(self, *actions):
        marks = ",".join("?" * len(actions))
        return self.server.query(
            "SELECT action, decision, reason FROM audit_log WHERE resource_type = 'case' AND resource_id = ? "
            f"AND action IN ({marks}) ORDER BY seq", self.case_id, *actions)

    def test_1_put_forward_joins_the_next_consultation_with_its_question(self):
        self.assertEqual(self.case_items(self.zorg, self.next_id), [])
        case = self.mentor.get(f"/api/cases/{self.case_id}")[2]
        self.assertTrue(case["may"]["put_forward"])
        self.assertIsNone(case["put_forward"])
        for body, field in (({"question": "  "}, "question"), ({"question": "x", "urgent": True}, "urgent"),
                            ({}, "question")):
            status, _, error = self.mentor.post(f"/api/cases/{self.case_id}/put-forward", body)
            self.assertEqual((status, error["error"]["field"]), (400, field), error)

        status, _, answer = self.put(self.mentor)
        self.assertEqual(status, 201, answer)
        self.assertEqual(answer["meeting_id"], self.next_id)
        shown = answer["case"]["put_forward"]
        self.assertEqual((shown["question"], shown["membership_id"], shown["may"]["withdraw"]),
                         (QUESTION, self.mentor_id, True))
        self.assertFalse(answer["case"]["may"]["put_forward"])
        status, _, error = self.put(self.worker)
        self.assertEqual((status, error["error"]["code"]), (409, "already_exists"), error)

        [item] = self.case_items(self.zorg, self.next_id)
        self.assertEqual(item["reason"], "put_forward")
        self.assertIn("put_forward", item["reasons"])
        self.assertEqual(item["put_forward"]["question"], QUESTION)
        self.assertIn({"membership_id": self.mentor_id, "why": "lead"},
                      [{"membership_id": a["membership_id"], "why": a["why"]} for a in item["attendees"]])
        self.assertEqual([r[:2] for r in self.audited("put_forward")], [("put_forward", "allow")])

    def test_2_the_question_is_for_whom_may_discuss_the_pupil_and_never_for_the_family(self):
        # The family worker sits at the table without the family's consent: the case shows
        # that it is put forward, the question does not, and the agenda item is anonymous.
        shown = self.worker.get(f"/api/cases/{self.case_id}")[2]["put_forward"]
        self.assertEqual(shown["membership_id"], self.mentor_id)
        self.assertNotIn("question", shown)
        # Anonymous for them: no case id, found by the item's id the chair sees.
        [chairs] = self.case_items(self.zorg, self.next_id)
        status, _, m = self.worker.get(f"/api/meetings/{self.next_id}")
        self.assertEqual(status, 200, m)
        [item] = [i for i in m["items"] if i["id"] == chairs["id"]]
        self.assertFalse(item["named"])
        self.assertNotIn("case_id", item)
        self.assertNotIn("put_forward", item)
        self.assertNotIn(QUESTION, str(item))
        status, _, family_case = self.parent.get(f"/api/cases/{self.case_id}")
        self.assertEqual(status, 200, family_case)
        self.assertIsNone(family_case["put_forward"])
        self.assertFalse(family_case["may"]["put_forward"])
        self.assertNotIn(QUESTION, str(family_case))

    def test_3_withdrawn_by_whoever_put_it_forward_and_its_item_leaves_the_agenda(self):
        status, _, error = self.worker.delete(f"/api/cases/{self.case_id}/put-forward")
        self.assertEqual(status, 403, error)
        self.assertEqual(self.audited("denied")[-1], ("denied", "deny", "not_put_forward_by"))
        status, _, answer = self.mentor.delete(f"/api/cases/{self.case_id}/put-forward")
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer["meeting_id"], self.next_id)
        self.assertIsNone(answer["case"]["put_forward"])
        self.assertEqual(self.case_items(self.zorg, self.next_id), [])
        status, _, _ = self.mentor.delete(f"/api/cases/{self.case_id}/put-forward")
        self.assertEqual(status, 404)
        # Someone else at the table puts it forward and withdraws it themself.
        self.assertEqual(self.put(self.worker, "Kan het buurtteam de ouders thuis spreken?")[0], 201)
        [item] = self.case_items(self.zorg, self.next_id)
        self.assertIn({"membership_id": membership_id_of(self.server, WORKER), "why": "case_team"},
                      [{"membership_id": a["membership_id"], "why": a["why"]} for a in item["attendees"]])
        self.assertEqual(self.worker.delete(f"/api/cases/{self.case_id}/put-forward")[0], 200)
        self.assertEqual([r[1] for r in self.audited("withdraw_put_forward")], ["allow", "allow"])

    def test_4_closing_the_minutes_of_the_meeting_that_discussed_it_settles_it(self):
        self.assertEqual(self.put(self.mentor)[0], 201)
        self.assertEqual(len(self.case_items(self.zorg, self.next_id)), 1)
        # A care meeting that has begun takes the case on its agenda and closes its minutes.
        begun = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)
        status, _, series = self.zorg.post("/api/meeting-series", {
            "school_id": self.baken, "kind": "care_meeting", "title": "Extra zorgoverleg",
            "weekday": 3, "start_time": "10:00", "duration_minutes": 60, "place": "Lokaal 2.04",
            "member_ids": []})
        self.assertEqual(status, 201, series)
        status, _, meeting = self.zorg.post(f"/api/meeting-series/{series['id']}/meetings",
                                            {"starts_at": iso(begun)})
        self.assertEqual(status, 201, meeting)
        status, _, meeting = self.zorg.put(f"/api/meetings/{meeting['id']}/agenda", {
            "items": [{"case_id": self.case_id}], "version": meeting["version"]})
        self.assertEqual(status, 200, meeting)
        status, _, closed = self.zorg.post(f"/api/meetings/{meeting['id']}/minutes/close",
                                           {"version": meeting["version"]})
        self.assertEqual(status, 200, closed)
        # The closed meeting keeps the question it answered; the case may be put forward again;
        # the coming consultation no longer has the item that was there for it alone.
        [item] = [i for i in closed["items"] if i.get("case_id") == self.case_id]
        self.assertEqual(item["put_forward"]["question"], QUESTION)
        case = self.mentor.get(f"/api/cases/{self.case_id}")[2]
        self.assertIsNone(case["put_forward"])
        self.assertTrue(case["may"]["put_forward"])
        self.assertEqual(self.case_items(self.zorg, self.next_id), [])
        self.assertEqual(self.server.scalar(
            "SELECT count(*) FROM case_put_forwards WHERE case_id = ? AND settled_how = 'discussed' "
            "AND settled_meeting_id = ?", self.case_id, meeting["id"]), 1)


if __name__ == "__main__":
    unittest.main()
