"""The pupil's record has parts (issue 11, items 5 and 6). A seat at the table from outside
the school without a legal basis shows the pupil's name, class and school and that the case
exists, nothing more: no BSN, date of birth, guardians or their contact details, no goals or
actions, and a withdrawal of consent closes them at once. The same for a guardian of a
pupil of 16 or over without the pupil's consent. The family sees roles, not people: only the
lead, their contact, is named on the case."""
import datetime
import json
import unittest

from samen_harness import (Server, born_years_ago, family_login, membership_id_of, open_case_with_family_worker,
                           org_id)

TODAY = datetime.date.today()
HIDDEN = ("date_of_birth", "bsn", "guardians", "ended_guardians", "enrolment_start", "pupil_number")


class RecordViews(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=30)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.buurtteam = org_id(cls.server, "Buurtteam Lindeveld-Oost")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.worker = cls.server.login("gezinswerker@buurtteam.example")
        cls.worker_name = cls.server.scalar("SELECT name FROM users WHERE email = 'gezinswerker@buurtteam.example'")
        cls.zorg_name = cls.server.scalar("SELECT name FROM users WHERE email = 'zorg@hetbaken.example'")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def pupil(self, number, age):
        body = {"school_id": self.baken, "pupil_number": number, "given_name": "Lotte", "family_name": "Meijer",
                "date_of_birth": born_years_ago(age), "class": "2C", "bsn": "111222333",
                "guardians": [{"name": "Sara Meijer", "relation": "moeder", "parental_authority": True,
                               "email": f"sara.{number.lower()}@ouders.example", "phone": "06-12121212"}]}
        status, _, created = self.zorg.post("/api/pupils", body)
        self.assertEqual(status, 201, created)
        return created["id"], created["guardians"][0]["id"]

    def consent(self, pupil, given_by, recipients):
        status, _, grant = self.zorg.post(f"/api/pupils/{pupil}/consents", {
            "given_by": given_by, "recipients": recipients, "categories": ["home", "wellbeing"],
            "valid_from": TODAY.isoformat(), "valid_until": (TODAY + datetime.timedelta(days=100)).isoformat(),
            "text": "Toestemming om over thuis en welzijn te delen.", "obtained_via": "paper"})
        self.assertEqual(status, 201, grant)
        return grant["id"]

    def assert_identification_only(self, record):
        self.assertEqual(record["view"], "identification", record)
        self.assertEqual((record["given_name"], record["family_name"], record["class"], record["school_id"]),
                         ("Lotte", "Meijer", "2C", self.baken))
        for field in HIDDEN:
            self.assertNotIn(field, record)
        self.assertNotIn("111222333", json.dumps(record))
        self.assertNotIn("06-12121212", json.dumps(record))

    def test_a_seat_without_a_basis_sees_identification_and_that_the_case_exists(self):
        pupil, mother = self.pupil("RV-1", 10)
        case = open_case_with_family_worker(self.server, self.zorg, pupil, ["home"])
        worker_membership = membership_id_of(self.server, "gezinswerker@buurtteam.example")
        self.assertEqual(self.zorg.post(f"/api/cases/{case}/goals", {"text": "Een vast ochtendritme"})[0], 201)
        status, _, action = self.zorg.post(f"/api/cases/{case}/actions", {
            "text": "Huisbezoek plannen", "owner_membership_id": worker_membership})
        self.assertEqual(status, 201, action)

        # No consent yet: a seat, but no basis.
        status, _, record = self.worker.get(f"/api/pupils/{pupil}")
        self.assertEqual(status, 200, record)
        self.assert_identification_only(record)
        status, _, seen = self.worker.get(f"/api/cases/{case}")
        self.assertEqual(status, 200, seen)
        self.assertEqual(seen["view"], "identification")
        self.assertNotIn("goals", seen)
        self.assertNotIn("actions", seen)
        self.assertNotIn("Huisbezoek plannen", json.dumps(seen))
        # What the viewer may do is on every case answer, this one too (the page reads it).
        # A seat without a basis writes in the chronology, but neither reads nor adds to the plan.
        self.assertEqual({k: seen["may"][k] for k in ("read_safety_decisions", "record_safety_decision",
                                                       "write_entry", "add_goal", "add_action")},
                         {"read_safety_decisions": False, "record_safety_decision": False,
                          "write_entry": True, "add_goal": False, "add_action": False})

        # With the mother's consent for the neighbourhood team: the whole record.
        grant = self.consent(pupil, {"guardian_ids": [mother], "pupil": False},
                             {"organisation_ids": [self.buurtteam], "roles": []})
        _, _, record = self.worker.get(f"/api/pupils/{pupil}")
        self.assertEqual(record["view"], "full")
        self.assertEqual((record["bsn"], record["guardians"][0]["phone"]), ("111222333", "06-12121212"))
        _, _, seen = self.worker.get(f"/api/cases/{case}")
        self.assertEqual((seen["view"], [g["text"] for g in seen["goals"]]), ("full", ["Een vast ochtendritme"]))
        self.assertEqual([a["text"] for a in seen["actions"]], ["Huisbezoek plannen"])
        read = self.server.query("SELECT legal_basis FROM audit_log WHERE resource_type = 'pupil' AND action = 'read' "
                                 "AND pupil_id = ? ORDER BY seq DESC LIMIT 1", pupil)
        self.assertEqual(read, [("consent",)])

        # Withdrawn: closed again, at once.
        status, _, _ = self.zorg.post(f"/api/consents/{grant}/withdraw", {"by": {"guardian_id": mother}})
        self.assertEqual(status, 200)
        _, _, record = self.worker.get(f"/api/pupils/{pupil}")
        self.assert_identification_only(record)
        status, _, seen = self.worker.get(f"/api/cases/{case}")
        self.assertEqual((status, seen["view"]), (200, "identification"))
        self.assertNotIn("goals", seen)
        self.assertNotIn("Een vast ochtendritme", json.dumps(seen))
        # Nor through the plan's own routes: the owner of an action may not tick it off unseen.
        status, _, refused = self.worker.put(f"/api/actions/{action['id']}", {
            "text": action["text"], "owner_membership_id": worker_membership, "due_date": None, "done": True,
            "version": action["version"]})
        self.assertEqual(status, 403, refused)
        rules = self.server.query("SELECT reason FROM audit_log WHERE resource_type = 'pupil' AND action = 'read' "
                                  "AND pupil_id = ? ORDER BY seq DESC LIMIT 1", pupil)
        self.assertEqual(rules, [("record.identification_only",)])
        # The school's own care coordinator still reads everything.
        _, _, own = self.zorg.get(f"/api/pupils/{pupil}")
        self.assertEqual(own["bsn"], "111222333")
        _, _, own_case = self.zorg.get(f"/api/cases/{case}")
        self.assertEqual(len(own_case["goals"]), 1)

    def test_a_guardian_of_a_pupil_of_16_needs_the_pupils_consent(self):
        pupil, mother = self.pupil("RV-16", 17)
        guardian = family_login(self.server, self.zorg, pupil, "sara.rv16@ouders.example", guardian_id=mother)
        status, _, record = guardian.get(f"/api/pupils/{pupil}")
        self.assertEqual(status, 200, record)
        self.assert_identification_only(record)
        listed = guardian.get("/api/family/pupils")[2]["pupils"]
        self.assertEqual([p["view"] for p in listed if p["id"] == pupil], ["identification"])
        self.assertNotIn("date_of_birth", [k for p in listed for k in p])

        self.consent(pupil, {"guardian_ids": [], "pupil": True}, {"organisation_ids": [], "roles": [], "guardians": True})
        _, _, record = guardian.get(f"/api/pupils/{pupil}")
        self.assertEqual(record["view"], "full")
        self.assertEqual(record["bsn"], "111222333")

    def test_the_family_sees_the_lead_by_name_and_the_others_by_role(self):
        pupil, mother = self.pupil("RV-FAM", 9)
        case = open_case_with_family_worker(self.server, self.zorg, pupil, ["home", "safety"])
        status, _, safety = self.zorg.post(f"/api/cases/{case}/safety-decisions", {
            "reason": "Zorgen over de veiligheid thuis; stappen van de meldcode gezet.",
            "steps": "Signalen in kaart gebracht; collegiale consultatie.",
            "organisation_ids": [self.buurtteam], "valid_from": TODAY.isoformat(),
            "valid_until": (TODAY + datetime.timedelta(days=60)).isoformat()})
        self.assertEqual(status, 201, safety)
        status, _, entry = self.worker.post(f"/api/cases/{case}/entries", {
            "kind": "conversation", "category": "home", "audience": "case_team", "family_visible": True,
            "text": "Kennismaking met moeder; afspraak voor volgende week."})
        self.assertEqual(status, 201, entry)
        guardian = family_login(self.server, self.zorg, pupil, "sara.rvfam@ouders.example", guardian_id=mother)
        status, _, seen = guardian.get(f"/api/cases/{case}")
        self.assertEqual(status, 200, seen)
        self.assertEqual(seen["lead"]["name"], self.zorg_name)
        seat = [m for m in seen["team"] if m["role"] == "family_worker"]
        self.assertEqual(len(seat), 1, seen["team"])
        self.assertIsNone(seat[0]["name"])
        self.assertEqual(seat[0]["organisation_name"], "Buurtteam Lindeveld-Oost")
        status, _, chronology = guardian.get(f"/api/cases/{case}/entries")
        self.assertEqual(status, 200, chronology)
        mine = [e for e in chronology["entries"] if e["id"] == entry["id"]]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["author"]["role"], "family_worker")
        self.assertNotIn("name", mine[0]["author"])
        self.assertNotIn(self.worker_name, json.dumps(seen) + json.dumps(chronology))
        # The professionals still see who sits at the table.
        _, _, professional = self.zorg.get(f"/api/cases/{case}")
        self.assertIn(self.worker_name, [m["name"] for m in professional["team"]])


if __name__ == "__main__":
    unittest.main()
