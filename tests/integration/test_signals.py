"""Signals over HTTP: a mentor records a worry, the care coordinator of the school sees it in
the triage queue and triages it (advice back, or a case: new or the pupil's open one); who
may record, read and triage (the policy), with every access audited and the signal and the
triage written into the case's chronology."""
import unittest

from samen_harness import Server, pupil_without_case


def worry(pupil_id, **extra):
    body = {"pupil_id": pupil_id, "categories": ["attendance", "wellbeing"], "urgency": "soon",
            "text": "Sanne mist sinds drie weken de maandagochtenden."}
    body.update(extra)
    return body


class Signals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        cls.pupil = pupil_without_case(cls.server, "Het Baken College", "2A")
        cls.mentor = cls.server.login("mentor@hetbaken.example")
        cls.coordinator = cls.server.login("zorg@hetbaken.example")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def record(self, **extra):
        status, _, body = self.mentor.post("/api/signals", worry(self.pupil, **extra))
        self.assertEqual(status, 201, body)
        self.assertIsInstance(body["id"], str)
        return body

    def denials(self, resource_type, resource_id=None):
        sql = "SELECT action, reason, actor_role FROM audit_log WHERE decision = 'deny' AND resource_type = ?"
        params = [resource_type]
        if resource_id is not None:
            sql += " AND resource_id = ?"
            params.append(resource_id)
        return self.server.query(sql + " ORDER BY seq", *params)

    def test_mentor_records_and_the_care_coordinator_sees_it_in_the_queue(self):
        signal = self.record()
        self.assertEqual(signal["status"], "open")
        self.assertEqual(signal["categories"], ["attendance", "wellbeing"])
        self.assertTrue(signal["created_at"].endswith("Z"))
        _, _, queue = self.coordinator.get("/api/signals?status=open")
        self.assertIn(signal["id"], [s["id"] for s in queue["signals"]])
        _, _, own = self.mentor.get("/api/signals")
        self.assertIn(signal["id"], [s["id"] for s in own["signals"]])
        self.assertTrue(all(s["author_user_id"] == signal["author_user_id"] for s in own["signals"]))
        # Names beside the ids, so that the queue needs no read per pupil.
        given, prefix, family = self.server.query(
            "SELECT given_name, name_prefix, family_name FROM pupils WHERE id = ?", self.pupil)[0]
        full = " ".join(part for part in [given, prefix, family] if part)
        listed = next(s for s in queue["signals"] if s["id"] == signal["id"])
        for shown in [signal, listed]:
            self.assertEqual(shown["pupil_name"], full)
            self.assertEqual(shown["author_name"], "Joost de Mentor")
        self.assertTrue(all(s["pupil_name"] for s in queue["signals"]))
        # The creation and each listing are audited with the rule's basis.
        rows = self.server.query(
            "SELECT action, decision, legal_basis FROM audit_log WHERE resource_type = 'signal' "
            "AND resource_id = ? ORDER BY seq", signal["id"])
        self.assertEqual(rows[0], ("create", "allow", "school_care"))
        self.assertIn(("list", "allow", "school_care"), rows)
        self.assertIn(("list", "allow", "author"), rows)

    def test_validation_names_the_field(self):
        cases = [({"categories": []}, "categories"), ({"categories": ["weather"]}, "categories[0]"),
                 ({"categories": ["home", "home"]}, "categories[1]"), ({"urgency": "now"}, "urgency"),
                 ({"text": "  "}, "text")]
        for extra, field in cases:
            status, _, body = self.mentor.post("/api/signals", worry(self.pupil, **extra))
            self.assertEqual(status, 400, extra)
            self.assertEqual(body["error"]["field"], field, extra)
        status, _, body = self.mentor.post("/api/signals", worry(self.pupil, mood="sad"))
        self.assertEqual((status, body["error"]["code"], body["error"]["field"]), (400, "unknown_field", "mood"))
        status, _, body = self.mentor.post("/api/signals", worry("99999999"))
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))

    def test_other_school_gets_404_and_the_denial_is_audited(self):
        signal = self.record()
        other = self.server.login("ib@wilgenhoek.example")
        status, _, body = other.get(f"/api/signals/{signal['id']}")
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        self.assertEqual(self.denials("signal", signal["id"])[-1],
                         ("denied", "not_signal_reader", "care_coordinator"))
        _, _, queue = other.get("/api/signals")
        self.assertNotIn(signal["id"], [s["id"] for s in queue["signals"]])
        # Recording about a pupil of another school: the pupil does not exist for them.
        status, _, _ = other.post("/api/signals", worry(self.pupil))
        self.assertEqual(status, 404)
        status, _, _ = other.post(f"/api/signals/{signal['id']}/triage", {"decision": "advice", "advice": "x"})
        self.assertEqual(status, 404)

    def test_a_colleague_may_not_read_and_the_mentor_may_not_triage(self):
        signal = self.record()
        teacher = self.server.login("docent@hetbaken.example")
        self.assertEqual(teacher.get(f"/api/signals/{signal['id']}")[0], 404)
        status, _, body = self.mentor.post(f"/api/signals/{signal['id']}/triage",
                                           {"decision": "advice", "advice": "Bel de ouders."})
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))
        self.assertEqual(self.denials("signal", signal["id"])[-1][:2], ("denied", "not_care_coordinator"))

    def test_triage_with_advice_closes_the_signal_for_the_mentor(self):
        signal = self.record(urgency="normal")
        status, _, body = self.coordinator.post(f"/api/signals/{signal['id']}/triage", {"decision": "advice"})
        self.assertEqual((status, body["error"]["field"]), (400, "advice"))
        status, _, body = self.coordinator.post(f"/api/signals/{signal['id']}/triage",
                                                {"decision": "advice", "advice": "Bespreek het met de ouders."})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["status"], "advice")
        self.assertIsNone(body["case_id"])
        _, _, seen = self.mentor.get(f"/api/signals/{signal['id']}")
        self.assertEqual((seen["status"], seen["advice"]), ("advice", "Bespreek het met de ouders."))
        status, _, body = self.coordinator.post(f"/api/signals/{signal['id']}/triage",
                                                {"decision": "advice", "advice": "Nog eens."})
        self.assertEqual((status, body["error"]["code"]), (409, "already_triaged"))
        _, _, queue = self.coordinator.get("/api/signals")
        self.assertNotIn(signal["id"], [s["id"] for s in queue["signals"]])
        _, _, history = self.mentor.get(f"/api/signals?status=advice&pupil_id={self.pupil}")
        self.assertIn(signal["id"], [s["id"] for s in history["signals"]])

    def test_stale_version_is_a_conflict(self):
        signal = self.record()
        status, _, body = self.coordinator.post(f"/api/signals/{signal['id']}/triage",
                                                {"decision": "advice", "advice": "x", "version": 7})
        self.assertEqual((status, body["error"]["code"]), (409, "version_conflict"))

    def test_triage_to_a_case_opens_one_then_attaches_to_it(self):
        first, second = self.record(), self.record(categories=["home"])
        status, _, body = self.coordinator.post(f"/api/signals/{first['id']}/triage", {"decision": "case"})
        self.assertEqual(status, 200, body)
        case_id = body["case_id"]
        self.assertTrue(body["opened"])
        status, _, body = self.coordinator.post(f"/api/signals/{second['id']}/triage", {"decision": "case"})
        self.assertEqual((status, body["case_id"], body["opened"]), (200, case_id, False))
        _, _, case = self.coordinator.get(f"/api/cases/{case_id}")
        self.assertEqual(case["lead"]["role"], "care_coordinator")
        self.assertEqual(case["categories"], ["attendance", "wellbeing"])
        self.assertEqual(case["level"], 2)
        kinds = self.server.query(
            "SELECT kind, audience, category FROM entries WHERE case_id = ? ORDER BY id", int(case_id))
        self.assertEqual(kinds[:4], [("signal", "school", "attendance"), ("triage", "school", "attendance"),
                                     ("signal", "school", "home"), ("triage", "school", "home")])
        # Attaching to a named case of another pupil is refused, naming the field.
        third = self.record()
        other_pupil = pupil_without_case(self.server, "Het Baken College", "3A")
        status, _, other_case = self.coordinator.post(
            "/api/cases", {"pupil_id": other_pupil, "categories": ["learning"], "level": 1})
        self.assertEqual(status, 201, other_case)
        status, _, body = self.coordinator.post(f"/api/signals/{third['id']}/triage",
                                                {"decision": "case", "case_id": other_case["id"]})
        self.assertEqual((status, body["error"]["field"]), (400, "case_id"))
        status, _, body = self.coordinator.post(f"/api/signals/{third['id']}/triage",
                                                {"decision": "case", "case_id": case_id})
        self.assertEqual((status, body["case_id"]), (200, case_id))


if __name__ == "__main__":
    unittest.main()
