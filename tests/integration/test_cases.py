"""Cases over HTTP, the flow of domain.md: a mentor's signal reaches the care coordinator's
queue and becomes a case; the team gets the attendance officer and the family worker, each
with a reason; the level changes with a reason; goals and actions; the case closes. Who may
see (404 for a case one may not enter, audited) and act (403), versions (409/428), and the
pupil record opening to the case team."""
import unittest

from samen_harness import Server, membership_of, org_id, pupil_without_case


class CaseFlow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        s = cls.server
        cls.pupil = pupil_without_case(s, "Het Baken College", "2A")
        cls.mentor = s.login("mentor@hetbaken.example")
        cls.coordinator = s.login("zorg@hetbaken.example")
        cls.officer = s.login("leerplicht@lindeveld.example")
        cls.worker = s.login("gezinswerker@buurtteam.example")
        cls.outsider = s.login("ib@wilgenhoek.example")
        cls.officer_m = membership_of(cls.officer)
        cls.worker_m = membership_of(cls.worker)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def open_from_signal(self, pupil):
        status, _, signal = self.mentor.post("/api/signals", {
            "pupil_id": pupil, "categories": ["attendance"], "urgency": "urgent",
            "text": "Veel ongeoorloofd verzuim, vooral op maandag."})
        self.assertEqual(status, 201, signal)
        _, _, queue = self.coordinator.get("/api/signals?status=open")
        self.assertIn(signal["id"], [s["id"] for s in queue["signals"]])
        status, _, body = self.coordinator.post(f"/api/signals/{signal['id']}/triage", {"decision": "case"})
        self.assertEqual(status, 200, body)
        return body["case_id"]

    def entry_texts(self, case_id):
        """(kind, text) of a case's entries in order, the texts as the coordinator reads them."""
        out = []
        for (entry_id, kind) in self.server.query("SELECT id, kind FROM entries WHERE case_id = ? ORDER BY id",
                                                  int(case_id)):
            status, _, body = self.coordinator.get(f"/api/entries/{entry_id}")
            assert status == 200, (status, body)
            out.append((kind, body["text"]))
        return out

    def get_case(self, client, case_id):
        status, _, body = client.get(f"/api/cases/{case_id}")
        self.assertEqual(status, 200, body)
        return body

    def test_the_whole_flow(self):
        case_id = self.open_from_signal(self.pupil)
        case = self.get_case(self.coordinator, case_id)
        self.assertEqual((case["status"], case["level"], case["escalations"]), ("open", 2, 0))

        # Before joining the team, the care partners cannot find the case or the pupil.
        self.assertEqual(self.officer.get(f"/api/cases/{case_id}")[0], 404)
        self.assertEqual(self.worker.get(f"/api/pupils/{self.pupil}")[0], 404)

        # Finding the memberships to seat: the coordinator may list them, the mentor may not.
        buurtteam = org_id(self.server, "Buurtteam Lindeveld-Oost")
        status, _, listing = self.coordinator.get(f"/api/organisations/{buurtteam}/memberships")
        self.assertEqual(status, 200)
        self.assertIn(self.worker_m, [m["id"] for m in listing["memberships"]])
        self.assertNotIn("email", listing["memberships"][0])
        self.assertEqual(self.mentor.get(f"/api/organisations/{buurtteam}/memberships")[0], 403)

        for membership, reason in [(self.officer_m, "Leerplicht: verzuim boven de grens"),
                                   (self.worker_m, "Ondersteuning thuis")]:
            status, _, body = self.coordinator.post(f"/api/cases/{case_id}/team",
                                                    {"membership_id": membership, "reason": reason})
            self.assertEqual(status, 201, body)
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/team",
                                                {"membership_id": self.worker_m, "reason": "again"})
        self.assertEqual((status, body["error"]["code"], body["error"]["field"]),
                         (409, "already_exists", "membership_id"))
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/team", {"membership_id": self.worker_m})
        self.assertEqual((status, body["error"]["field"]), (400, "reason"))
        case = self.get_case(self.coordinator, case_id)
        seats = {m["membership_id"]: m for m in case["team"]}
        self.assertEqual(seats[self.officer_m]["reason"], "Leerplicht: verzuim boven de grens")
        self.assertEqual(seats[self.worker_m]["role"], "family_worker")
        # The officer sits at the table but reads the coordinator's reasons in the chronology.
        seats = {m["membership_id"]: m for m in self.get_case(self.officer, case_id)["team"]}
        self.assertIsNone(seats[self.officer_m]["reason"])

        # The seat opens the pupil record (need to know), but without a legal basis for the
        # pupil (no consent for the neighbourhood team) only its identification (issue 11),
        # audited with its rule and basis.
        status, _, pupil = self.worker.get(f"/api/pupils/{self.pupil}")
        self.assertEqual((status, pupil["view"]), (200, "identification"))
        row = self.server.query(
            "SELECT reason, legal_basis FROM audit_log WHERE pupil_id = ? AND resource_type = 'pupil' "
            "AND actor_role = 'family_worker' AND decision = 'allow' ORDER BY seq DESC LIMIT 1", self.pupil)[0]
        self.assertEqual(row, ("record.identification_only", "need_to_know"))
        _, _, mine = self.worker.get("/api/cases")
        self.assertIn(case_id, [c["id"] for c in mine["cases"]])

        # A care partner at the table does not manage the case.
        status, _, body = self.worker.post(f"/api/cases/{case_id}/level",
                                           {"level": 3, "reason": "x", "version": case["version"]})
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))

        # Level change with a reason; a stale version conflicts; no version is 428.
        version = case["version"]
        status, resp, body = self.coordinator.post(
            f"/api/cases/{case_id}/level",
            {"level": 3, "reason": "Jeugdhulp in school nodig", "version": version})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["level"], body["escalations"]), (3, 1))
        self.assertEqual([(c["from_level"], c["to_level"]) for c in body["level_history"]], [(None, 2), (2, 3)])
        self.assertEqual(body["level_history"][-1]["reason"], "Jeugdhulp in school nodig")
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/level",
                                                {"level": 4, "reason": "x", "version": version})
        self.assertEqual((status, body["error"]["code"], body["error"]["field"]), (409, "version_conflict", "version"))
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/level", {"level": 4, "reason": "x"})
        self.assertEqual(status, 428)
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/level",
                                                {"level": 9, "reason": "x", "version": version + 1})
        self.assertEqual((status, body["error"]["field"]), (400, "level"))

        # Review date and categories with PUT.
        case = self.get_case(self.coordinator, case_id)
        status, _, body = self.coordinator.put(f"/api/cases/{case_id}", {
            "lead_membership_id": case["lead_membership_id"], "categories": ["attendance", "home"],
            "review_date": "2026-12-15", "version": case["version"]})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["review_date"], body["categories"]), ("2026-12-15", ["attendance", "home"]))
        status, _, body = self.coordinator.put(f"/api/cases/{case_id}", {
            "lead_membership_id": case["lead_membership_id"], "categories": ["home"],
            "version": case["version"]})
        self.assertEqual(status, 409)

        # Goals and actions; the action's owner ticks it off, but may not rewrite it. The owner
        # is the attendance officer: the plan is part of the pupil's record, which the family
        # worker, at the table without consent, does not see (issue 11).
        status, _, goal = self.coordinator.post(f"/api/cases/{case_id}/goals", {"text": "Weer elke dag naar school"})
        self.assertEqual(status, 201, goal)
        status, _, action = self.coordinator.post(f"/api/cases/{case_id}/actions", {
            "text": "Huisbezoek plannen", "owner_membership_id": self.officer_m, "due_date": "2026-12-01"})
        self.assertEqual(status, 201, action)
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/actions", {
            "text": "x", "owner_membership_id": self.officer_m, "due_date": "1 december"})
        self.assertEqual((status, body["error"]["field"]), (400, "due_date"))
        done = {"text": action["text"], "owner_membership_id": self.officer_m, "due_date": "2026-12-01",
                "done": True, "version": action["version"]}
        status, _, body = self.officer.put(f"/api/actions/{action['id']}", dict(done, text="Anders"))
        self.assertEqual(status, 403)
        status, _, body = self.officer.put(f"/api/actions/{action['id']}", done)
        self.assertEqual(status, 200, body)
        self.assertTrue(body["done"])
        self.assertEqual(self.officer.put(f"/api/actions/{action['id']}", done)[0], 409)
        self.assertEqual(self.outsider.put(f"/api/actions/{action['id']}", done)[0], 404)
        status, _, body = self.coordinator.put(f"/api/goals/{goal['id']}",
                                               {"text": goal["text"], "achieved": True, "version": goal["version"]})
        self.assertEqual((status, body["achieved"]), (200, True))
        case = self.get_case(self.coordinator, case_id)
        self.assertEqual(([g["achieved"] for g in case["goals"]], [a["done"] for a in case["actions"]]),
                         ([True], [True]))

        # Someone leaves the table: the seat is kept in the history, the pupil closes again.
        self.assertEqual(self.coordinator.delete(f"/api/cases/{case_id}/team/{self.worker_m}")[0], 204)
        status, _, body = self.coordinator.delete(f"/api/cases/{case_id}/team/{self.worker_m}")
        self.assertEqual((status, body["error"]["field"]), (404, "membership_id"))
        self.assertEqual(self.worker.get(f"/api/pupils/{self.pupil}")[0], 404)
        self.assertEqual(self.worker.get(f"/api/cases/{case_id}")[0], 404)

        # Close with an outcome; a closed case does not change.
        case = self.get_case(self.coordinator, case_id)
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/close",
                                                {"outcome": "finished", "version": case["version"]})
        self.assertEqual((status, body["error"]["field"]), (400, "outcome"))
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/close",
                                                {"outcome": "goals_met", "note": "Aanwezig sinds januari",
                                                 "version": case["version"]})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["status"], body["outcome"]), ("closed", "goals_met"))
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/level",
                                                {"level": 1, "reason": "x", "version": body["version"]})
        self.assertEqual((status, body["error"]["code"]), (409, "case_closed"))
        _, _, listing = self.coordinator.get("/api/cases?status=closed")
        self.assertIn(case_id, [c["id"] for c in listing["cases"]])
        _, _, listing = self.coordinator.get("/api/cases?status=open")
        self.assertNotIn(case_id, [c["id"] for c in listing["cases"]])

        kinds = [k for (k,) in self.server.query("SELECT kind FROM entries WHERE case_id = ? ORDER BY id", int(case_id))]
        for kind in ["signal", "triage", "team_change", "level_change", "closure"]:
            self.assertIn(kind, kinds)
        self.assertEqual(kinds.count("team_change"), 3)
        # Samen's own entries in the record are Dutch, like the rest of it.
        # Stored sealed (issue 12): the texts are read back through the API.
        texts = dict(self.entry_texts(case_id))
        self.assertRegex(texts["triage"], r"^Signaal \d+ beoordeeld: ")
        self.assertTrue(texts["level_change"].startswith("Ondersteuningsniveau "), texts["level_change"])
        self.assertIn("(opgeschaald)", texts["level_change"])
        self.assertTrue(texts["closure"].startswith("Dossier gesloten: "), texts["closure"])
        team_texts = [t for (k, t) in self.entry_texts(case_id) if k == "team_change"]
        self.assertIn("(leerplichtambtenaar, ", team_texts[0])
        self.assertTrue(team_texts[0].endswith("zit nu aan tafel: Leerplicht: verzuim boven de grens"), team_texts[0])
        self.assertTrue(team_texts[-1].endswith("zit niet meer aan tafel"), team_texts[-1])

    def test_other_school_gets_404_and_the_denial_is_audited(self):
        pupil = pupil_without_case(self.server, "Het Baken College", "3A")
        case_id = self.open_from_signal(pupil)
        status, _, body = self.outsider.get(f"/api/cases/{case_id}")
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        row = self.server.query(
            "SELECT action, reason, actor_role FROM audit_log WHERE decision = 'deny' AND resource_type = 'case' "
            "AND resource_id = ? ORDER BY seq DESC LIMIT 1", case_id)[0]
        self.assertEqual(row, ("denied", "not_on_case_team", "care_coordinator"))
        _, _, listing = self.outsider.get("/api/cases")
        self.assertNotIn(case_id, [c["id"] for c in listing["cases"]])
        _, _, listing = self.outsider.get(f"/api/cases?pupil_id={pupil}")
        self.assertEqual(listing["cases"], [])
        for path, body in [(f"/api/cases/{case_id}/level", {"level": 3, "reason": "x", "version": 1}),
                           (f"/api/cases/{case_id}/team", {"membership_id": self.worker_m, "reason": "x"}),
                           (f"/api/cases/{case_id}/goals", {"text": "x"})]:
            self.assertEqual(self.outsider.post(path, body)[0], 404, path)
        self.assertEqual(self.server.login("directie@hetbaken.example").get(f"/api/cases/{case_id}")[0], 404)

    def test_the_family_sees_its_own_case_and_no_other(self):
        # The demo's attendance case of the guardian's child (src/demo/demo_cases.cpp).
        case_id = str(self.server.scalar(
            "SELECT c.id FROM cases c JOIN guardians g ON g.pupil_id = c.pupil_id "
            "JOIN users u ON u.id = g.user_id WHERE u.email = 'ouder@ouders.example'"))
        parent = self.server.login("ouder@ouders.example")
        _, _, listing = parent.get("/api/cases")
        self.assertEqual([c["id"] for c in listing["cases"]], [case_id])
        status, _, seen = parent.get(f"/api/cases/{case_id}")
        self.assertEqual((status, seen["level"]), (200, 3))
        given, prefix, family = self.server.query(
            "SELECT p.given_name, p.name_prefix, p.family_name FROM pupils p JOIN cases c "
            "ON c.pupil_id = p.id WHERE c.id = ?", case_id)[0]
        full = " ".join(part for part in [given, prefix, family] if part)
        self.assertEqual(listing["cases"][0]["pupil_name"], full)
        self.assertEqual(seen["pupil_name"], full)
        # Names the family cannot look up itself: the organisations at the table, who
        # changed the level; and which guardian of the record is this login.
        self.assertTrue(seen["team"])
        for m in seen["team"] + [seen["lead"]]:
            self.assertEqual(m["organisation_name"],
                             self.server.scalar("SELECT name FROM organisations WHERE id = ?", m["organisation_id"]))
        # The family sees roles, not people: only the lead, their contact, by name (issue 11).
        for change in seen["level_history"]:
            by_lead = change["changed_by_membership_id"] == seen["lead"]["membership_id"]
            self.assertEqual(change["changed_by_name"],
                             self.server.scalar("SELECT name FROM users WHERE id = ?", change["changed_by_user_id"])
                             if by_lead else None)
        for m in seen["team"]:
            self.assertEqual(m["name"] is not None, m["membership_id"] == seen["lead"]["membership_id"])
        _, _, record = parent.get(f"/api/pupils/{seen['pupil_id']}")
        mine = [g for g in record["guardians"] if g["is_you"]]
        self.assertEqual(len(mine), 1)
        self.assertTrue(mine[0]["has_login"])
        mine_in_db = self.server.scalar(
            "SELECT g.id FROM guardians g JOIN users u ON u.id = g.user_id WHERE u.email = 'ouder@ouders.example' "
            "AND g.pupil_id = ?", seen["pupil_id"])
        self.assertEqual(mine[0]["id"], str(mine_in_db))
        _, _, as_school = self.server.login("zorg@hetbaken.example").get(f"/api/pupils/{seen['pupil_id']}")
        self.assertFalse(any(g["is_you"] for g in as_school["guardians"]))
        self.assertTrue(any(g["has_login"] for g in as_school["guardians"]))
        row = self.server.query(
            "SELECT reason, legal_basis FROM audit_log WHERE resource_type = 'case' AND resource_id = ? "
            "AND actor_role = 'guardian' ORDER BY seq DESC LIMIT 1", case_id)[0]
        self.assertEqual(row, ("case.3_family", "family"))
        # The family does not act on the case through these routes.
        status, _, body = parent.post(f"/api/cases/{case_id}/goals", {"text": "x"})
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))
        # Another family's case does not exist for them.
        other = str(self.server.scalar("SELECT min(id) FROM cases WHERE id <> ?", case_id))
        self.assertEqual(parent.get(f"/api/cases/{other}")[0], 404)

    def test_opening_a_case_directly(self):
        pupil = pupil_without_case(self.server, "Het Baken College", "4A")
        status, _, body = self.mentor.post("/api/cases", {"pupil_id": pupil, "categories": ["learning"], "level": 1})
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))
        status, _, body = self.coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["learning"], "level": 0})
        self.assertEqual((status, body["error"]["field"]), (400, "level"))
        status, _, body = self.coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["learning"],
                                                               "level": 2, "lead_membership_id": "99999999"})
        self.assertEqual((status, body["error"]["field"]), (400, "lead_membership_id"))
        status, _, body = self.coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["learning"],
                                                               "level": 2, "lead_membership_id": self.worker_m})
        self.assertEqual(status, 201, body)
        self.assertIsInstance(body["id"], str)
        self.assertEqual(body["lead"]["membership_id"], self.worker_m)
        # The lead reaches the pupil and the case, and may manage it.
        self.assertEqual(self.worker.get(f"/api/pupils/{pupil}")[0], 200)
        status, _, changed = self.worker.post(f"/api/cases/{body['id']}/level",
                                              {"level": 1, "reason": "Gaat beter", "version": body["version"]})
        self.assertEqual((status, changed["escalations"]), (200, 0))
        status, _, again = self.coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["home"], "level": 1})
        self.assertEqual((status, again["error"]["code"], again["error"]["field"]), (409, "already_exists", "pupil_id"))
        status, _, _ = self.outsider.post("/api/cases", {"pupil_id": pupil, "categories": ["home"], "level": 1})
        self.assertEqual(status, 404)


class CaseReasons(unittest.TestCase):
    """Why someone sits at the table and why the level changed are case content: on the
    record only for the lead, the school's care coordinator and whoever wrote them."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        cls.case = str(cls.server.scalar(
            "SELECT c.id FROM cases c JOIN guardians g ON g.pupil_id = c.pupil_id "
            "JOIN users u ON u.id = g.user_id WHERE u.email = 'ouder@ouders.example'"))

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def reasons(self, email):
        status, _, case = self.server.login(email).get(f"/api/cases/{self.case}")
        self.assertEqual(status, 200, case)
        return ([m["reason"] for m in case["team"]], [c["reason"] for c in case["level_history"]])

    def test_lead_and_care_coordinator_read_them_the_rest_of_the_table_does_not(self):
        for email in ["sph@debrug.example", "zorg@hetbaken.example"]:
            team, levels = self.reasons(email)
            self.assertTrue(all(team) and all(levels), email)
        for email in ["gezinswerker@buurtteam.example", "leerplicht@lindeveld.example",
                      "ouder@ouders.example"]:
            team, levels = self.reasons(email)
            self.assertEqual(set(team), {None}, email)
        # The lead wrote the escalation, so only lead and coordinator read its reason.
        _, levels = self.reasons("jv@ggd-lindeveld.example")
        self.assertIsNone(levels[-1])


if __name__ == "__main__":
    unittest.main()
