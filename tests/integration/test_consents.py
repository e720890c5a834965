"""Consent grants over HTTP: recording a grant by the parents and a 13-year-old pupil,
refusing grants that can never count (400 naming the field), reading them per policy, and
withdrawal by a party to the grant (not by a stranger), each step audited."""
import datetime
import unittest

from samen_harness import Server, born_years_ago, org_id

TODAY = datetime.date.today()


class Consents(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.brug = org_id(cls.server, "Jeugdhulp De Brug")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.pupil, cls.guardians = cls.new_pupil("C-13", 13)
        cls.other, cls.other_guardians = cls.new_pupil("C-09", 9)

    @classmethod
    def new_pupil(cls, number, age):
        body = {"school_id": cls.baken, "pupil_number": number, "given_name": "Noor", "family_name": "Jansen",
                "date_of_birth": born_years_ago(age), "class": "1B",
                "guardians": [
                    {"name": "Eva Jansen", "relation": "moeder", "parental_authority": True},
                    {"name": "Ruud Jansen", "relation": "vader", "parental_authority": True},
                    {"name": "Oma Jansen", "relation": "grootmoeder", "parental_authority": False}]}
        status, _, created = cls.zorg.post("/api/pupils", body)
        assert status == 201, created
        return created["id"], [g["id"] for g in created["guardians"]]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def grant(self, **changes):
        body = {"given_by": {"guardian_ids": self.guardians[:2], "pupil": True},
                "recipients": {"organisation_ids": [self.brug], "roles": ["family_worker"]},
                "categories": ["home", "wellbeing"], "valid_from": TODAY.isoformat(), "obtained_via": "paper",
                "valid_until": (TODAY + datetime.timedelta(days=365)).isoformat(),
                "text": "Wij geven toestemming om informatie over thuis en welzijn te delen met De Brug."}
        body.update(changes)
        return body

    def record(self, body, pupil=None):
        return self.zorg.post(f"/api/pupils/{pupil or self.pupil}/consents", body)

    def test_record_a_grant_by_the_parents_and_the_pupil(self):
        status, _, created = self.record(self.grant())
        self.assertEqual(status, 201, created)
        self.assertIsInstance(created["id"], str)
        self.assertEqual(created["given_by"], {"guardian_ids": self.guardians[:2], "pupil": True})
        self.assertEqual(created["status"], "active")
        self.assertTrue(created["complete_for_age_now"])
        rows = self.server.query(
            "SELECT action, decision, reason, legal_basis, pupil_id FROM audit_log "
            "WHERE resource_type = 'consent' AND resource_id = ?", created["id"])
        self.assertEqual(rows, [("create", "allow", "case_action.consent", "school_care", self.pupil)])
        status, _, read = self.zorg.get(f"/api/consents/{created['id']}")
        self.assertEqual(status, 200)
        self.assertEqual(read["categories"], ["home", "wellbeing"])
        status, _, listed = self.zorg.get(f"/api/pupils/{self.pupil}/consents")
        self.assertEqual(status, 200)
        self.assertIn(created["id"], [g["id"] for g in listed["consents"]])

    def test_bad_grants_are_refused_naming_the_field(self):
        cases = [
            (self.grant(given_by={"guardian_ids": self.guardians[:2], "pupil": False}), "given_by.pupil"),
            (self.grant(given_by={"guardian_ids": [], "pupil": True}), "given_by.guardian_ids"),
            (self.grant(given_by={"guardian_ids": [self.guardians[2]], "pupil": True}), "given_by.guardian_ids[0]"),
            (self.grant(given_by={"guardian_ids": [self.other_guardians[0]], "pupil": True}),
             "given_by.guardian_ids[0]"),
            (self.grant(valid_until=(TODAY - datetime.timedelta(days=1)).isoformat()), "valid_until"),
            (self.grant(categories=["gossip"]), "categories[0]"),
            (self.grant(categories=[]), "categories"),
            (self.grant(recipients={"roles": ["admin"]}), "recipients.roles[0]"),
            (self.grant(recipients={"organisation_ids": ["99999"]}), "recipients.organisation_ids[0]"),
            (self.grant(recipients={}), "recipients"),
            (self.grant(valid_from="yesterday"), "valid_from"),
            (self.grant(text=" "), "text"),
            (self.grant(extra=1), "extra"),
        ]
        for body, field in cases:
            with self.subTest(field=field):
                status, _, answer = self.record(body)
                self.assertEqual(status, 400, answer)
                self.assertEqual(answer["error"]["field"], field)
        # Under 12 the guardians consent; "guardians" as recipients needs the pupil as a party.
        status, _, answer = self.record(self.grant(given_by={"guardian_ids": [self.other_guardians[0]]},
                                                   recipients={"guardians": True}), pupil=self.other)
        self.assertEqual((status, answer["error"]["field"]), (400, "recipients.guardians"))
        status, _, answer = self.record(self.grant(given_by={"guardian_ids": [self.other_guardians[0]]}),
                                        pupil=self.other)
        self.assertEqual(status, 201, answer)

    def test_strangers_neither_record_nor_read(self):
        _, _, created = self.record(self.grant())
        for email in ["ib@wilgenhoek.example", "sph@debrug.example", "mentor@hetbaken.example",
                      "fg@lindeveld.example"]:
            with self.subTest(email=email):
                c = self.server.login(email)
                self.assertEqual(c.get(f"/api/pupils/{self.pupil}/consents")[0], 404)
                self.assertEqual(c.get(f"/api/consents/{created['id']}")[0], 404)
                self.assertEqual(c.post(f"/api/pupils/{self.pupil}/consents", self.grant())[0], 404)
                self.assertEqual(c.post(f"/api/consents/{created['id']}/withdraw",
                                        {"by": {"guardian_id": self.guardians[0]}})[0], 404)
        denied = self.server.scalar(
            "SELECT count(*) FROM audit_log WHERE resource_type = 'consent' AND decision = 'deny' AND pupil_id = ?",
            self.pupil)
        self.assertGreaterEqual(denied, 16)

    def test_withdrawal_by_a_party_takes_effect_once(self):
        _, _, created = self.record(self.grant())
        path = f"/api/consents/{created['id']}/withdraw"
        status, _, answer = self.zorg.post(path, {"by": {"guardian_id": self.guardians[2]}})
        self.assertEqual((status, answer["error"]["field"]), (400, "by.guardian_id"))
        status, _, answer = self.zorg.post(path, {"by": {}})
        self.assertEqual((status, answer["error"]["field"]), (400, "by"))
        status, _, withdrawn = self.zorg.post(path, {"by": {"guardian_id": self.guardians[1]}})
        self.assertEqual(status, 200, withdrawn)
        self.assertEqual(withdrawn["status"], "withdrawn")
        self.assertEqual(withdrawn["withdrawn_by"], {"guardian_id": self.guardians[1]})
        status, _, again = self.zorg.post(path, {"by": {"pupil": True}})
        self.assertEqual((status, again["error"]["code"]), (409, "already_withdrawn"))
        rows = self.server.query(
            "SELECT action, decision FROM audit_log WHERE resource_type = 'consent' AND resource_id = ? "
            "ORDER BY seq", created["id"])
        self.assertEqual(rows, [("create", "allow"), ("withdraw", "allow")])


if __name__ == "__main__":
    unittest.main()
