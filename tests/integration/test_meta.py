"""GET /api/meta is the one source of the web UI's lists (issue 13), so each list must be
exactly what the API accepts: every code listed is taken, a code next to them is refused
with 400 naming the field. A list the server grew without telling the UI, or a code the
UI offers that the server refuses, fails here."""
import datetime
import unittest

from samen_harness import Server, org_id


class Meta(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        cls.coordinator = cls.server.login("zorg@hetbaken.example")
        status, _, cls.meta = cls.coordinator.get("/api/meta")
        assert status == 200, cls.meta

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def new_case(self, level=1):
        pupil = str(self.server.scalar(
            "SELECT p.id FROM pupils p JOIN organisations o ON o.id = p.school_id WHERE o.name = ? "
            "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.pupil_id = p.id) ORDER BY p.id LIMIT 1",
            "Het Baken College"))
        status, _, case = self.coordinator.post("/api/cases", {
            "pupil_id": pupil, "categories": ["wellbeing"], "level": level})
        self.assertEqual(status, 201, case)
        return case

    def refused(self, answer, field):
        status, _, body = answer
        self.assertEqual((status, body["error"]["field"]), (400, field), body)

    def test_only_for_the_signed_in(self):
        from samen_harness import Client
        self.assertEqual(Client(self.server.port).get("/api/meta")[0], 401)

    def test_entry_kinds_categories_and_audiences(self):
        case = self.new_case()
        entry = {"kind": "note", "category": "wellbeing", "audience": "case_team", "text": "Gesproken."}
        for field, values in (("kind", self.meta["entry_kinds"]), ("category", self.meta["categories"]),
                              ("audience", self.meta["audiences"])):
            self.assertTrue(values, field)
            for value in values:
                status, _, body = self.coordinator.post(f"/api/cases/{case['id']}/entries", {**entry, field: value})
                self.assertEqual(status, 201, (field, value, body))
            self.refused(self.coordinator.post(f"/api/cases/{case['id']}/entries", {**entry, field: "sport"}), field)
        self.assertEqual(self.meta["categories"],
                         ["attendance", "behaviour", "learning", "wellbeing", "home", "health", "safety"])

    def test_levels_urgencies_and_outcomes(self):
        levels = self.meta["levels"]
        self.assertEqual(levels, list(range(levels[0], levels[-1] + 1)))
        case = self.new_case(level=levels[0])
        for level in levels[1:]:
            version = self.coordinator.get(f"/api/cases/{case['id']}")[2]["version"]
            status, _, body = self.coordinator.post(f"/api/cases/{case['id']}/level",
                                                    {"level": level, "reason": "Zorgen nemen toe", "version": version})
            self.assertEqual(status, 200, (level, body))
        version = self.coordinator.get(f"/api/cases/{case['id']}")[2]["version"]
        for level in (levels[0] - 1, levels[-1] + 1):
            self.refused(self.coordinator.post(f"/api/cases/{case['id']}/level",
                                               {"level": level, "reason": "x", "version": version}), "level")
        pupil = case["pupil_id"]
        for urgency in self.meta["signal_urgencies"]:
            status, _, body = self.coordinator.post("/api/signals", {
                "pupil_id": pupil, "categories": ["home"], "urgency": urgency, "text": "Vaak te laat."})
            self.assertEqual(status, 201, (urgency, body))
        self.refused(self.coordinator.post("/api/signals", {
            "pupil_id": pupil, "categories": ["home"], "urgency": "later", "text": "Vaak te laat."}), "urgency")
        for outcome in self.meta["case_outcomes"]:
            c = self.new_case()
            status, _, body = self.coordinator.post(f"/api/cases/{c['id']}/close", {
                "outcome": outcome, "note": "Afgesloten.", "version": c["version"]})
            self.assertEqual(status, 200, (outcome, body))
        c = self.new_case()
        self.refused(self.coordinator.post(f"/api/cases/{c['id']}/close",
                                           {"outcome": "vanished", "version": c["version"]}), "outcome")

    def test_roles_and_organisation_types(self):
        self.assertEqual(set(self.meta["staff_roles"]), set(self.meta["roles"]) - {"guardian", "pupil"})
        # case_roles are the roles the API seats at a table: every demo login tried.
        case = self.new_case()
        seen = set()
        for login in self.server.logins:
            me = self.server.login(login["email"]).get("/api/me")[2]["active_membership"]
            status, _, body = self.coordinator.post(f"/api/cases/{case['id']}/team",
                                                    {"membership_id": me["id"], "reason": "Overleg"})
            self.assertEqual(status == 201, me["role"] in self.meta["case_roles"], (me["role"], status, body))
            seen.add(status == 201)
        self.assertEqual(seen, {True, False})
        admin = self.server.login("beheer@lindeveld.example")
        for kind in self.meta["organisation_types"]:
            school = {"school_type": self.meta["school_types"][0]} if kind == "school" else {}
            status, _, body = admin.post("/api/organisations", {"name": f"Proef {kind}", "type": kind, **school})
            self.assertEqual(status, 201, (kind, body))
        for school_type in self.meta["school_types"]:
            status, _, body = admin.post("/api/organisations", {
                "name": f"Proefschool {school_type}", "type": "school", "school_type": school_type})
            self.assertEqual(status, 201, (school_type, body))
        self.refused(admin.post("/api/organisations", {"name": "Kerk", "type": "church"}), "type")

    def test_consent_sources(self):
        baken = org_id(self.server, "Het Baken College")
        self.assertTrue(baken)
        case = self.new_case()
        pupil = self.coordinator.get(f"/api/pupils/{case['pupil_id']}")[2]
        guardian = next(g["id"] for g in pupil["guardians"] if g["parental_authority"])
        grant = {"given_by": {"guardian_ids": [guardian], "pupil": False},
                 "recipients": {"organisation_ids": [org_id(self.server, "Buurtteam Lindeveld-Oost")], "roles": []},
                 "categories": ["home"], "valid_from": datetime.date.today().isoformat(),
                 "text": "Toestemming voor het buurtteam.", "awaiting_signature": True}
        for source in self.meta["consent_sources"]:
            status, _, body = self.coordinator.post(f"/api/pupils/{pupil['id']}/consents",
                                                    {**grant, "obtained_via": source})
            self.assertEqual(status, 201, (source, body))
        self.refused(self.coordinator.post(f"/api/pupils/{pupil['id']}/consents",
                                           {**grant, "obtained_via": "pigeon"}), "obtained_via")


if __name__ == "__main__":
    unittest.main()
