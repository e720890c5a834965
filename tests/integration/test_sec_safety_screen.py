"""What the safety-decision screen needs from the API (issue 11): the case tells the viewer
whether they may read and record Meldcode decisions (`may`, from the policy); a decision
names who decided (name, role, organisation), the organisations by name, the period and
whether it is in force; explain and the audience preview behind the team's basis carry the
decision a basis rests on, its reason only for those who may read it; and the family gets
none of it."""
import datetime
import json
import unittest

from samen_harness import (Server, create_pupil, family_login, membership_id_of, open_case_with_family_worker,
                           org_id)

REASON = "Vermoeden van kindermishandeling; delen zonder toestemming is nodig"
STEPS = "Stap 1 signalen in kaart; stap 2 collegiale consultatie en Veilig Thuis"


def day(offset):
    return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()


class SafetyScreen(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = s = Server(pupils=80)
        cls.coordinator = s.login("zorg@hetbaken.example")
        cls.worker = s.login("gezinswerker@buurtteam.example")
        cls.privacy = s.login("fg@lindeveld.example")
        school = org_id(s, "Het Baken College")
        cls.buurtteam = org_id(s, "Buurtteam Lindeveld-Oost")
        pupil, guardians = create_pupil(cls.coordinator, school, "S-11", 13, [("Ans Visser", "moeder", True)],
                                        given_name="Sem", family_name="Visser")
        cls.guardian = family_login(s, cls.coordinator, pupil, "ans.visser@ouders.example", guardians[0])
        cls.case = open_case_with_family_worker(s, cls.coordinator, pupil, ["safety", "home"])
        status, _, cls.entry = cls.coordinator.post(f"/api/cases/{cls.case}/entries", {
            "kind": "observation", "category": "home", "audience": "case_team",
            "text": "Blauwe plekken op de armen gezien."})
        assert status == 201, cls.entry
        status, _, cls.decision = cls.coordinator.post(f"/api/cases/{cls.case}/safety-decisions", {
            "organisation_ids": [cls.buurtteam], "reason": REASON, "steps": STEPS,
            "valid_from": day(-1), "valid_until": day(90)})
        assert status == 201, cls.decision

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_the_case_says_who_may_read_and_record_safety_decisions(self):
        def may(client):
            flags = client.get(f"/api/cases/{self.case}")[2]["may"]
            return {k: flags[k] for k in ("read_safety_decisions", "record_safety_decision")}
        self.assertEqual(may(self.coordinator), {"read_safety_decisions": True, "record_safety_decision": True})
        self.assertEqual(may(self.worker), {"read_safety_decisions": False, "record_safety_decision": False})
        self.assertEqual(may(self.guardian), {"read_safety_decisions": False, "record_safety_decision": False})
        self.assertEqual(self.worker.get(f"/api/cases/{self.case}/safety-decisions")[0], 403)

    def test_a_decision_names_who_decided_for_whom_and_for_how_long(self):
        _, _, listing = self.coordinator.get(f"/api/cases/{self.case}/safety-decisions")
        (d,) = [d for d in listing["safety_decisions"] if d["id"] == self.decision["id"]]
        self.assertEqual(d["decided_by"]["name"], "Ellen Zorgcoördinator")
        self.assertEqual((d["decided_by"]["role"], d["decided_by"]["organisation_name"]),
                         ("care_coordinator", "Het Baken College"))
        self.assertEqual(d["organisations"], [{"id": self.buurtteam, "name": "Buurtteam Lindeveld-Oost"}])
        self.assertEqual((d["reason"], d["steps"], d["status"]), (REASON, STEPS, "active"))
        self.assertEqual(self.decision["decided_by"], d["decided_by"])
        # A decision whose period has passed is listed as expired.
        status, _, old = self.coordinator.post(f"/api/cases/{self.case}/safety-decisions", {
            "organisation_ids": [self.buurtteam], "reason": "Eerder besluit", "steps": "Stap 1",
            "valid_from": day(-60), "valid_until": day(-30)})
        self.assertEqual((status, old["status"]), (201, "expired"))

    def test_explain_and_the_team_basis_carry_the_decision(self):
        entry = self.entry["id"]
        _, _, why = self.worker.get(f"/api/entries/{entry}/explain")
        self.assertEqual(why["legal_basis"], "safety")
        sd = why["safety_decision"]
        self.assertEqual((sd["id"], sd["reason"], sd["decided_by"]["name"]),
                         (self.decision["id"], REASON, "Ellen Zorgcoördinator"))
        self.assertEqual((sd["valid_from"], sd["valid_until"]),
                         (self.decision["valid_from"], self.decision["valid_until"]))
        # The privacy officer sees on which decision it rests, not the case content in it.
        worker_id = self.worker.get("/api/me")[2]["user"]["id"]
        _, _, oversight = self.privacy.get(f"/api/entries/{entry}/explain?user={worker_id}")
        self.assertEqual(oversight["safety_decision"]["decided_by"]["name"], "Ellen Zorgcoördinator")
        self.assertIsNone(oversight["safety_decision"]["reason"])
        # The audience preview (the team's basis on the case page) names it per person.
        _, _, preview = self.coordinator.post(f"/api/cases/{self.case}/entries/preview", {
            "category": "home", "audience": "case_team", "family_visible": False})
        worker_membership = membership_id_of(self.server, "gezinswerker@buurtteam.example")
        (row,) = [r for r in preview["will_see"] if r["membership_id"] == worker_membership]
        self.assertEqual((row["legal_basis"], row["safety_decision"]["reason"]), ("safety", REASON))

    def test_the_family_gets_nothing_of_it(self):
        status, _, body = self.guardian.get(f"/api/cases/{self.case}/safety-decisions")
        self.assertIn(status, (403, 404))
        self.assertNotIn(REASON, json.dumps(body))
        seen = []
        for path in [f"/api/cases/{self.case}", f"/api/cases/{self.case}/entries", "/api/family/pupils",
                     f"/api/entries/{self.entry['id']}/explain"]:
            status, _, body = self.guardian.get(path)
            seen.append(json.dumps(body, ensure_ascii=False))
        everything = "\n".join(seen)
        for secret in (REASON, STEPS, "Meldcode", "Blauwe plekken", '"kind": "safety_decision"'):
            self.assertNotIn(secret, everything)
        self.assertEqual(self.guardian.post(f"/api/cases/{self.case}/safety-decisions", {
            "organisation_ids": [self.buurtteam], "reason": "x", "steps": "y",
            "valid_from": day(0), "valid_until": day(10)})[0], 403)


if __name__ == "__main__":
    unittest.main()
