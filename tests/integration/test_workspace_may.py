"""The `may` of GET /api/me agrees with what the endpoint behind each flag then allows
(issue 13: the web UI builds its navigation from these flags and decides nothing). Every
login of the demo region — one per role, the family's included — reads its flags and then
tries each endpoint: allowed ⇔ flag. A flag that said yes to a refused request, or no to
one that works, fails here."""
import unittest

from samen_harness import Server, org_id, pupil_without_case

CSV = "leerlingnummer;roepnaam;achternaam;geboortedatum;klas\n9001;Sanne;Proef;2014-01-01;1A\n"
SIGNAL = {"categories": ["wellbeing"], "urgency": "normal", "text": "Oogt moe, mist vaak het eerste uur."}


class WorkspaceMay(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=20)
        s = cls.server
        cls.coordinator = s.login("zorg@hetbaken.example")
        baken = org_id(s, "Het Baken College")
        cls.pupils = {baken: pupil_without_case(s, "Het Baken College", "1A")}
        for school in ("OBS De Wilgenhoek", "De Horizon (cluster 4)"):
            row = s.query("SELECT id FROM pupils WHERE school_id = ? ORDER BY id LIMIT 1", org_id(s, school))
            cls.pupils[org_id(s, school)] = str(row[0][0])
        # A case to seat memberships at, and an entry on it to ask "explain" about.
        status, _, case = cls.coordinator.post("/api/cases", {
            "pupil_id": cls.pupils[baken], "categories": ["wellbeing"], "level": 1})
        assert status == 201, case
        cls.case = case["id"]
        status, _, entry = cls.coordinator.post(f"/api/cases/{cls.case}/entries", {
            "kind": "note", "category": "wellbeing", "audience": "case_team", "text": "Gesprek gepland."})
        assert status == 201, entry
        cls.entry = entry["id"]
        # Two signals in the school by two authors: each viewer reads someone else's.
        cls.signals = {}
        for author in ("docent@hetbaken.example", "mentor@hetbaken.example"):
            client = s.login(author)
            status, _, signal = client.post("/api/signals", {"pupil_id": cls.pupils[baken], **SIGNAL})
            assert status == 201, signal
            cls.signals[client.get("/api/me")[2]["user"]["id"]] = signal["id"]
        cls.baken = baken

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_every_flag_is_the_endpoints_decision(self):
        tried = set()
        for login in self.server.logins:
            email = login["email"]
            with self.subTest(email=email, role=login["role"]):
                client = self.server.login(email)
                status, _, me = client.get("/api/me")
                self.assertEqual(status, 200, me)
                may = me["may"]
                self.assertEqual(me["workspace"] == "family", may["family_pupils"])
                probed = self.probes(client, me)
                self.assertEqual(set(may), set(probed))
                for flag, allowed in probed.items():
                    self.assertEqual(allowed, may[flag], (email, flag))
                    tried.add((flag, allowed))
        # Each flag was seen both ways, so no probe passes by always saying the same.
        for flag in {f for f, _ in tried}:
            self.assertIn((flag, True), tried, flag)
            self.assertIn((flag, False), tried, flag)

    def test_pupils_belong_to_a_school(self):
        """The administrator acting for the municipality manages master data there, but a
        municipality has no pupils: creating or importing them there is refused, and
        nothing is written."""
        admin = self.server.login("beheer@lindeveld.example")
        municipality = admin.get("/api/me")[2]["active_membership"]["organisation_id"]
        before = self.server.scalar("SELECT count(*) FROM pupils")
        status, _, body = admin.post("/api/pupils", {
            "school_id": municipality, "pupil_number": "9002", "given_name": "Sanne", "family_name": "Proef",
            "date_of_birth": "2014-01-01", "class": "1A", "guardians": []})
        self.assertEqual((status, body["error"]["field"]), (400, "school_id"), body)
        status, _, body = admin.request("POST", f"/api/pupils/import?school_id={municipality}",
                                        raw=CSV.encode(), content_type="text/csv")
        self.assertEqual((status, body["error"]["field"]), (400, "school_id"), body)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils"), before)

    def user_id(self, email):
        return str(self.server.scalar("SELECT id FROM users WHERE email = ?", email))

    def probes(self, client, me):
        own = me["active_membership"]
        out = {}
        # A school's list, not the family's own children (whom GET /api/pupils lists too).
        status, _, family = client.get("/api/family/pupils")
        out["family_pupils"] = status == 200
        children = {p["id"] for p in family["pupils"]} if status == 200 else set()
        status, _, body = client.get("/api/pupils?limit=5")
        out["list_pupils"] = status == 200 and any(
            p["school_id"] == own["organisation_id"] and p["id"] not in children for p in body["pupils"])
        # Working on cases: the coordinator seats the membership at a table, then takes it off.
        status, _, seat = self.coordinator.post(f"/api/cases/{self.case}/team",
                                                {"membership_id": own["id"], "reason": "Probe"})
        out["list_cases"] = status == 201
        if status == 201:
            self.assertEqual(self.coordinator.delete(f"/api/cases/{self.case}/team/{own['id']}")[0], 204)
        out["list_meetings"] = client.get("/api/meetings")[0] == 200
        pupil = self.pupils.get(own["organisation_id"], next(iter(self.pupils.values())))
        status, _, signal = client.post("/api/signals", {"pupil_id": pupil, **SIGNAL})
        out["record_signals"] = status == 201
        status, _, listed = client.get("/api/signals")
        ids = {s["id"] for s in listed.get("signals", [])} if status == 200 else set()
        others = next(sid for author, sid in self.signals.items() if author != me["user"]["id"])
        if own["organisation_id"] == self.baken:
            out["triage_signals"] = others in ids
        else:
            # Another school's queue: triage the signal one just wrote there, if any.
            status = client.post(f"/api/signals/{signal['id']}/triage",
                                 {"decision": "advice", "advice": "Bel de ouders."})[0] if out["record_signals"] else 404
            out["triage_signals"] = status < 300
        # Someone who records but does not triage reads a list of their own signals.
        out["list_own_signals"] = (out["record_signals"] and signal["id"] in ids and others not in ids
                                   and not out["triage_signals"])
        status, _, _ = client.request("POST", f"/api/pupils/import?school_id={own['organisation_id']}&dry_run=true",
                                      raw=CSV.encode(), content_type="text/csv")
        out["import_pupils"] = status == 200
        out["list_organisations"] = client.get("/api/organisations")[0] == 200
        out["administer"] = client.get("/api/users")[0] == 200
        out["read_audit_log"] = client.get("/api/audit?limit=1")[0] == 200
        worker = self.user_id("zorg@hetbaken.example")
        if worker == me["user"]["id"]:
            worker = self.user_id("mentor@hetbaken.example")
        out["explain_others"] = client.get(f"/api/entries/{self.entry}/explain?user={worker}")[0] == 200
        out["read_access_report"] = client.get("/api/audit/access-changes")[0] == 200
        return out


if __name__ == "__main__":
    unittest.main()
