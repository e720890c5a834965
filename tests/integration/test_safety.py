"""Safety decisions (Meldcode) over HTTP: after its steps, the care coordinator records that
the neighbourhood team may receive the case's entries without consent, for a period; the
family worker at the table then sees them on the basis `safety`, and explain names the
decision. Only the lead or the care coordinator decides; bad input names the field."""
import datetime
import unittest

from samen_harness import Server, membership_of, org_id, pupil_without_case


class SafetyDecisions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        s = cls.server
        cls.coordinator = s.login("zorg@hetbaken.example")
        cls.worker = s.login("gezinswerker@buurtteam.example")
        pupil = pupil_without_case(s, "Het Baken College", "3A")
        status, _, case = cls.coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["safety"], "level": 4})
        assert status == 201, case
        cls.case = case["id"]
        status, _, _ = cls.coordinator.post(f"/api/cases/{cls.case}/team", {
            "membership_id": membership_of(cls.worker), "reason": "Veiligheid thuis"})
        assert status == 201
        status, _, cls.entry = cls.coordinator.post(f"/api/cases/{cls.case}/entries", {
            "kind": "observation", "category": "home", "audience": "case_team",
            "text": "Leerling vertelt over ruzies thuis."})
        assert status == 201, cls.entry
        cls.buurtteam = org_id(s, "Buurtteam Lindeveld-Oost")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    @staticmethod
    def day(offset):
        return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()

    def decision(self, **change):
        body = {"organisation_ids": [self.buurtteam], "reason": "Vermoeden van huiselijk geweld",
                "steps": "Stap 1-3 Meldcode, overleg Veilig Thuis", "valid_from": self.day(-20),
                "valid_until": self.day(70)}
        body.update(change)
        return body

    def test_bad_decisions_name_the_field_and_others_may_not_decide(self):
        for change, field in [({"organisation_ids": []}, "organisation_ids"),
                              ({"organisation_ids": ["99999"]}, "organisation_ids[0]"),
                              ({"reason": " "}, "reason"),
                              ({"valid_until": self.day(-30)}, "valid_until"),
                              ({"valid_until": self.day(400)}, "valid_until"),
                              ({"valid_from": "soon"}, "valid_from")]:
            status, _, body = self.coordinator.post(f"/api/cases/{self.case}/safety-decisions",
                                                    self.decision(**change))
            self.assertEqual((status, body["error"]["field"]), (400, field), change)
        status, _, body = self.worker.post(f"/api/cases/{self.case}/safety-decisions", self.decision())
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))

    def test_a_safety_decision_opens_the_case_to_the_named_organisation(self):
        entry = self.entry["id"]
        self.assertEqual(self.worker.get(f"/api/entries/{entry}")[0], 404)
        # What the worker does not see, the worker cannot ask about (explain is no oracle);
        # the privacy officer can.
        status, _, _ = self.worker.get(f"/api/entries/{entry}/explain")
        self.assertEqual(status, 404)
        worker_id = self.server.scalar("SELECT id FROM users WHERE email = ?", "gezinswerker@buurtteam.example")
        officer = self.server.login("fg@lindeveld.example")
        _, _, why = officer.get(f"/api/entries/{entry}/explain?user={worker_id}")
        self.assertEqual(why["reason"], "no_legal_basis")
        status, _, made = self.coordinator.post(f"/api/cases/{self.case}/safety-decisions", self.decision())
        self.assertEqual(status, 201, made)
        status, _, seen = self.worker.get(f"/api/entries/{entry}")
        self.assertEqual((status, seen["access"]["legal_basis"]), (200, "safety"))
        _, _, why = self.worker.get(f"/api/entries/{entry}/explain")
        self.assertEqual((why["legal_basis"], why["safety_decision_id"]), ("safety", made["id"]))
        # Outside its period the decision gives no basis.
        _, _, later = self.worker.get(f"/api/entries/{entry}/explain?at={self.day(100)}T10:00:00Z")
        self.assertEqual(later["reason"], "no_legal_basis")
        _, _, listing = self.coordinator.get(f"/api/cases/{self.case}/safety-decisions")
        self.assertEqual([d["id"] for d in listing["safety_decisions"]], [made["id"]])
        kinds = [e["kind"] for e in self.coordinator.get(f"/api/cases/{self.case}/entries")[2]["entries"]]
        self.assertIn("safety_decision", kinds)


if __name__ == "__main__":
    unittest.main()
