"""The family's own view over HTTP: a guardian and a 13-year-old pupil add their view to the
case in their own words; the school's team reads it with the author shown as "guardian" or
"pupil", a partner of another organisation only on a legal basis (rule 8), and the family
reads back what it wrote. Views are never edited: a family member corrects only their own.
A guardian of a 16-year-old writes only with the pupil's consent for "guardians" in that
category. Professionals and other families are refused, and every attempt is audited."""
import datetime
import unittest

from samen_harness import Server, create_pupil, family_login, open_case_with_family_worker, org_id

TODAY = datetime.date.today()


class FamilyViews(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.buurtteam = org_id(cls.server, "Buurtteam Lindeveld-Oost")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.worker = cls.server.login("gezinswerker@buurtteam.example")
        cls.pupil, cls.guardians = create_pupil(cls.zorg, cls.baken, "V-13", 13,
                                            [("Eva Visser", "moeder", True), ("Oom Visser", "oom", False)],
                                            given_name="Daan", family_name="Visser")
        cls.mother = family_login(cls.server, cls.zorg, cls.pupil, "eva.visser@ouders.example",
                                  cls.guardians[0])
        cls.daan = family_login(cls.server, cls.zorg, cls.pupil, "daan@leerling.example")
        cls.case = open_case_with_family_worker(cls.server, cls.zorg, cls.pupil, ["home", "wellbeing"])

        cls.older, older_guardians = create_pupil(cls.zorg, cls.baken, "V-16", 16, [("Anna de Wit", "moeder", True)],
                                                  given_name="Lotte", family_name="de Wit")
        cls.anna = family_login(cls.server, cls.zorg, cls.older, "anna.dewit@ouders.example", older_guardians[0])
        cls.lotte = family_login(cls.server, cls.zorg, cls.older, "lotte@leerling.example")
        status, _, case = cls.zorg.post("/api/cases", {"pupil_id": cls.older, "categories": ["learning"], "level": 2})
        assert status == 201, case
        cls.older_case = case["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def write(self, client, body, case=None):
        return client.post(f"/api/family/cases/{case or self.case}/views", body)

    def entries(self, client, case=None):
        status, _, body = client.get(f"/api/cases/{case or self.case}/entries")
        self.assertEqual(status, 200, body)
        return {e["id"]: e for e in body["entries"]}

    def audit(self, entry_id):
        return self.server.query("SELECT action, decision, reason, legal_basis, actor_role FROM audit_log "
                                 "WHERE resource_type = 'entry' AND resource_id = ? ORDER BY seq", entry_id)

    def test_the_family_adds_its_view_and_the_team_reads_who_wrote_it(self):
        status, _, mine = self.write(self.mother, {"text": "Thuis gaat het beter sinds de gesprekken."})
        self.assertEqual(status, 201, mine)
        status, _, his = self.write(self.daan, {"category": "wellbeing", "text": "Ik wil zelf meepraten."})
        self.assertEqual(status, 201, his)
        self.assertEqual(self.audit(mine["id"])[0], ("create", "allow", "family.view", "family", "guardian"))
        self.assertEqual(self.audit(his["id"])[0], ("create", "allow", "family.view", "family", "pupil"))

        team = self.entries(self.zorg)
        view = team[mine["id"]]
        self.assertEqual((view["kind"], view["audience"], view["family_visible"], view["category"]),
                         ("family_view", "case_team", True, "home"))  # the case's first category
        self.assertEqual((view["author"]["role"], view["author"]["name"]), ("guardian", "Eva Visser"))
        self.assertNotIn("organisation", view["author"], "the school is not the family's organisation")
        self.assertEqual(view["access"]["legal_basis"], "same_organisation")
        self.assertEqual(team[his["id"]]["author"]["role"], "pupil")

        # The family reads back both views; the mother wrote hers (rule 1), Daan's is for the family.
        family = self.entries(self.mother)
        self.assertEqual(family[mine["id"]]["access"]["legal_basis"], "author")
        self.assertEqual(family[his["id"]]["access"]["legal_basis"], "family")

        # A partner of another organisation needs a legal basis, as for any entry (rule 8).
        self.assertNotIn(mine["id"], self.entries(self.worker))
        status, _, grant = self.zorg.post(f"/api/pupils/{self.pupil}/consents", {
            "given_by": {"guardian_ids": [self.guardians[0]], "pupil": True},
            "recipients": {"organisation_ids": [self.buurtteam]}, "categories": ["home"],
            "valid_from": TODAY.isoformat(), "obtained_via": "paper",
            "text": "Delen met het buurtteam over thuis."})
        self.assertEqual(status, 201, grant)
        seen = self.entries(self.worker)
        self.assertEqual(seen[mine["id"]]["access"]["legal_basis"], "consent")
        self.assertNotIn(his["id"], seen, "wellbeing is not in the grant")

    def test_views_are_never_edited_and_corrected_only_by_their_author(self):
        _, _, first = self.write(self.mother, {"category": "home", "text": "Vader werkt nachtdiensten."})
        status, _, second = self.write(self.mother, {"category": "home", "text": "Vader werkt avonddiensten.",
                                                     "corrects": first["id"]})
        self.assertEqual(status, 201, second)
        team = self.entries(self.zorg)
        self.assertEqual(team[first["id"]]["corrected_by"], [second["id"]])
        self.assertEqual(team[second["id"]]["corrects"], first["id"])
        self.assertEqual(team[first["id"]]["text"], "Vader werkt nachtdiensten.", "the old words stay")

        # Not someone else's view, nor a professional's entry: disagreeing is a view of one's own.
        status, _, note = self.zorg.post(f"/api/cases/{self.case}/entries", {
            "kind": "note", "category": "home", "audience": "case_team", "family_visible": True,
            "text": "Gesprek met moeder gepland."})
        self.assertEqual(status, 201, note)
        for client, corrects in [(self.daan, first["id"]), (self.mother, note["id"]), (self.mother, "999999")]:
            status, _, answer = self.write(client, {"text": "Anders.", "corrects": corrects})
            self.assertEqual((status, answer["error"]["field"]), (400, "corrects"), answer)
        self.assertEqual(self.mother.put(f"/api/entries/{first['id']}", {"text": "x"})[0], 405)

    def test_bodies_are_read_strictly(self):
        for body, field in [({}, "text"), ({"text": "  "}, "text"), ({"text": "x" * 20001}, "text"),
                            ({"text": "x", "category": "gossip"}, "category"),
                            ({"text": "x", "audience": "private"}, "audience")]:
            status, _, answer = self.write(self.mother, body)
            self.assertEqual((status, answer["error"]["field"]), (400, field), answer)

    def test_professionals_and_other_families_are_refused_and_audited(self):
        status, _, answer = self.write(self.zorg, {"text": "Namens de ouders."})
        self.assertEqual((status, answer["error"]["code"]), (403, "forbidden"))
        other = self.server.login("ouder@ouders.example")
        self.assertEqual(self.write(other, {"text": "Niet mijn kind."})[0], 404)
        # The family's way in is its own route, not the professionals' chronology.
        status, _, _ = self.mother.post(f"/api/cases/{self.case}/entries", {
            "kind": "family_view", "category": "home", "audience": "case_team", "family_visible": True,
            "text": "x"})
        self.assertEqual(status, 403)
        denied = self.server.query(
            "SELECT actor_role, resource_type, reason FROM audit_log WHERE pupil_id = ? AND decision = 'deny' "
            "AND actor_role IN ('care_coordinator', 'guardian') ORDER BY seq", self.pupil)
        self.assertIn(("care_coordinator", "entry", "not_for_family"), denied)
        self.assertIn(("guardian", "case", "not_for_family"), denied)  # the other family
        self.assertIn(("guardian", "entry", "not_for_family"), denied)  # the mother's wrong route

    def test_a_guardian_of_a_16_year_old_writes_with_the_pupils_consent_for_that_category(self):
        self.assertEqual(self.write(self.anna, {"text": "Wij maken ons zorgen."}, self.older_case)[0], 404)
        status, _, mine = self.write(self.lotte, {"text": "Ik red het wel met extra hulp."}, self.older_case)
        self.assertEqual(status, 201, mine)
        status, _, grant = self.lotte.post(f"/api/pupils/{self.older}/consents", {
            "given_by": {"pupil": True}, "recipients": {"guardians": True}, "categories": ["learning"],
            "valid_from": TODAY.isoformat(), "text": "Mijn moeder mag meelezen over school."})
        self.assertEqual(status, 201, grant)
        status, _, hers = self.write(self.anna, {"text": "Wij maken ons zorgen."}, self.older_case)
        self.assertEqual(status, 201, hers)
        status, _, answer = self.write(self.anna, {"category": "home", "text": "Thuis is het onrustig."},
                                       self.older_case)
        self.assertEqual(status, 403, answer)
        rows = self.server.query(
            "SELECT decision, reason FROM audit_log WHERE pupil_id = ? AND resource_type = 'entry' "
            "AND actor_role = 'guardian' ORDER BY seq", self.older)
        self.assertEqual(rows, [("allow", "family.view"), ("deny", "not_for_family")])


if __name__ == "__main__":
    unittest.main()
