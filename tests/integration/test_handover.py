"""Handover when a membership ends (issue 14) on a real server: a membership that leads a
case, sits at another's table, owns an open action and is a standing member of a meeting
series cannot simply be ended (409 handover_needed, nothing changes); the administrator
sees what it holds as counts, and hands it to a successor in one step: the lead, the seat
(with its reason and a chronology entry on each case), the action and the series seat
move, the membership ends, the successor is told and reaches the cases through their new
seat; every moved case is audited with its pupil. Nobody hands work to themself, and a
successor must be able to work on cases."""
import unittest

from samen_harness import Server, create_pupil, membership_id_of, membership_of, org_id

PASSWORD = "herfstbladeren in de goot"
SUCCESSOR = "mentor@hetbaken.example"  # a colleague at the same school


class Handover(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        s = cls.server
        cls.admin = s.login("beheer@lindeveld.example")
        cls.zorg = s.login("zorg@hetbaken.example")
        cls.baken = org_id(s, "Het Baken College")
        status, _, user = cls.admin.post("/api/users", {
            "email": "vertrekkend@hetbaken.example", "name": "Vera Vertrek", "password": PASSWORD,
            "memberships": [{"organisation_id": cls.baken, "role": "school_care_worker"}]})
        assert status == 201, user
        cls.leaving = s.login("vertrekkend@hetbaken.example", PASSWORD)
        cls.leaving_m = membership_of(cls.leaving)
        cls.successor_m = membership_id_of(s, SUCCESSOR)
        cls.cases = []
        for n in (1, 2):
            pupil, _ = create_pupil(cls.zorg, cls.baken, f"HO-{n}", 13, [("Ans Brink", "moeder", True)],
                                    given_name="Lotte", family_name="Brink")
            body = {"pupil_id": pupil, "categories": ["wellbeing"], "level": 2}
            if n == 1:
                body["lead_membership_id"] = cls.leaving_m
            status, _, case = cls.zorg.post("/api/cases", body)
            assert status == 201, case
            cls.cases.append(case["id"])
        status, _, seat = cls.zorg.post(f"/api/cases/{cls.cases[1]}/team", {
            "membership_id": cls.leaving_m, "reason": "Begeleiding in de klas"})
        assert status == 201, seat
        status, _, cls.action = cls.zorg.post(f"/api/cases/{cls.cases[1]}/actions", {
            "text": "Observatie in de les", "owner_membership_id": cls.leaving_m})
        assert status == 201, cls.action
        status, _, cls.series = cls.zorg.post("/api/meeting-series", {
            "school_id": cls.baken, "kind": "care_meeting", "title": "Overleg in-school zorg",
            "weekday": 5, "start_time": "13:00", "duration_minutes": 60, "place": "Lokaal 0.08",
            "member_ids": [cls.leaving_m]})
        assert status == 201, cls.series

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def handover(self, client, successor):
        return client.post(f"/api/memberships/{self.leaving_m}/handover", {"successor_membership_id": successor})

    def test_1_ending_a_membership_that_holds_work_asks_for_a_successor(self):
        status, _, error = self.admin.delete(f"/api/memberships/{self.leaving_m}")
        self.assertEqual((status, error["error"]["code"]), (409, "handover_needed"), error)
        status, _, error = self.admin.patch(f"/api/memberships/{self.leaving_m}", {"active": False})
        self.assertEqual(status, 409, error)
        self.assertEqual(self.leaving.get(f"/api/cases/{self.cases[0]}")[0], 200, "still at work")
        status, _, held = self.admin.get(f"/api/memberships/{self.leaving_m}/handover")
        self.assertEqual(status, 200, held)
        self.assertEqual(held, {"membership_id": self.leaving_m, "cases_led": 1, "open_actions": 1, "seats": 1,
                                "series_chaired": 0, "series_member": 1, "needs_successor": True})
        self.assertNotIn("Brink", str(held))
        # Only an administrator of the region asks.
        self.assertEqual(self.zorg.get(f"/api/memberships/{self.leaving_m}/handover")[0], 403)

    def test_2_a_successor_that_cannot_take_the_work_is_refused_and_nothing_changes(self):
        officer = membership_id_of(self.server, "fg@lindeveld.example")
        for body, field in (({"successor_membership_id": self.leaving_m}, "successor_membership_id"),
                            ({"successor_membership_id": officer}, "successor_membership_id"),
                            ({"successor_membership_id": "999999"}, "successor_membership_id"),
                            ({}, "successor_membership_id"),
                            ({"successor_membership_id": self.successor_m, "note": "x"}, "note")):
            status, _, error = self.admin.post(f"/api/memberships/{self.leaving_m}/handover", body)
            self.assertEqual((status, error["error"].get("field")), (400, field), (body, error))
        self.assertEqual(self.zorg.get(f"/api/cases/{self.cases[0]}")[2]["lead_membership_id"], self.leaving_m)
        # Nobody hands work to themself: an admin who also coordinates care at the school.
        status, _, second = self.admin.post("/api/users", {
            "email": "tweede.beheer@lindeveld.example", "name": "Bram Tweede", "password": PASSWORD,
            "memberships": [{"organisation_id": org_id(self.server, "Gemeente Lindeveld"), "role": "admin"}]})
        self.assertEqual(status, 201, second)
        other_admin = self.server.login("tweede.beheer@lindeveld.example", PASSWORD)
        me = self.admin.get("/api/me")[2]["user"]["id"]
        status, _, own = other_admin.post(f"/api/users/{me}/memberships",
                                          {"organisation_id": self.baken, "role": "care_coordinator"})
        self.assertEqual(status, 201, own)
        status, _, error = self.handover(self.admin, own["id"])
        self.assertEqual((status, error["error"]["code"]), (403, "self_grant_forbidden"), error)
        self.assertEqual(self.server.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'denied' AND resource_type = 'membership' "
            "AND resource_id = ? AND reason = 'self_grant_forbidden'", self.leaving_m), 1)

    def test_3_the_handover_moves_everything_in_one_step(self):
        status, _, answer = self.handover(self.admin, self.successor_m)
        self.assertEqual(status, 200, answer)
        self.assertFalse(answer["membership"]["active"])
        self.assertEqual(answer["moved"], {"cases_led": 1, "open_actions": 1, "seats": 1,
                                           "series_chaired": 0, "series_member": 1})
        led, seated = (self.zorg.get(f"/api/cases/{c}")[2] for c in self.cases)
        self.assertEqual(led["lead_membership_id"], self.successor_m)
        seats = {m["membership_id"]: m for m in seated["team"] if not m.get("removed_at")}
        self.assertIn(self.successor_m, seats)
        self.assertNotIn(self.leaving_m, seats)
        self.assertTrue(seats[self.successor_m]["reason"].startswith("Overgenomen van Vera Vertrek"))
        self.assertEqual([a["owner_membership_id"] for a in seated["actions"]], [self.successor_m])
        series = self.zorg.get(f"/api/meeting-series?school_id={self.baken}")[2]["series"]
        members = next(s for s in series if s["id"] == self.series["id"])["members"]
        self.assertEqual([m["membership_id"] for m in members], [self.successor_m])
        entries = self.zorg.get(f"/api/cases/{self.cases[0]}/entries")[2]["entries"]
        self.assertTrue(any(e["kind"] == "team_change" and e["text"].startswith("Overgedragen door het beheer:")
                            and "de regie" in e["text"] for e in entries), entries)
        # The successor is told and reaches both cases through their seat; the one who left does not.
        successor = self.server.login(SUCCESSOR)
        kinds = [(n["kind"], n["link"]) for n in successor.get("/api/notifications")[2]["notifications"]]
        for case_id in self.cases:
            self.assertIn(("team_added", f"/dossiers/{case_id}"), kinds)
            self.assertEqual(successor.get(f"/api/cases/{case_id}")[0], 200)
        self.assertIn(("action_assigned", f"/dossiers/{self.cases[1]}"), kinds)
        rows = self.server.query("SELECT resource_id, pupil_id FROM audit_log WHERE action = 'hand_over' "
                                 "ORDER BY seq")
        self.assertEqual(sorted(r[0] for r in rows), sorted(self.cases))
        self.assertTrue(all(r[1] for r in rows), "each moved case names its pupil")
        # Once ended, there is nothing left to hand over, and a second handover is refused.
        held = self.admin.get(f"/api/memberships/{self.leaving_m}/handover")[2]
        self.assertFalse(held["needs_successor"])
        status, _, error = self.handover(self.admin, self.successor_m)
        self.assertEqual((status, error["error"]["code"]), (409, "membership_ended"), error)


if __name__ == "__main__":
    unittest.main()
