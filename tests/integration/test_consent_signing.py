"""Co-signing consent grants over HTTP: the school records the parents' consent for a
13-year-old as awaiting the pupil's signature; it is no basis until the pupil signs, after
which the family worker reads the entries it covers — and "why could I see this?" at a moment
before the signature still says no. A second parent joins later; strangers, the wrong party,
stale versions and withdrawn grants are refused, and every attempt is audited."""
import datetime
import unittest

from samen_harness import Server, create_pupil, family_login, open_case_with_family_worker, org_id

TODAY = datetime.date.today()


class ConsentSigning(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.buurtteam = org_id(cls.server, "Buurtteam Lindeveld-Oost")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.worker = cls.server.login("gezinswerker@buurtteam.example")
        cls.worker_id = cls.server.scalar("SELECT id FROM users WHERE email = ?", "gezinswerker@buurtteam.example")
        cls.officer = cls.server.login("fg@lindeveld.example")
        cls.pupil, cls.guardians = create_pupil(
            cls.zorg, cls.baken, "S-13", 13,
            [("Eva Jansen", "moeder", True), ("Ruud Jansen", "vader", True), ("Oma Jansen", "oma", False)])
        cls.noor = family_login(cls.server, cls.zorg, cls.pupil, "noor@leerling.example")
        cls.case = open_case_with_family_worker(cls.server, cls.zorg, cls.pupil, ["home"])
        status, _, entry = cls.zorg.post(f"/api/cases/{cls.case}/entries", {
            "kind": "conversation", "category": "home", "audience": "case_team",
            "text": "Gesprek met moeder over de situatie thuis."})
        assert status == 201, entry
        cls.entry = entry["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def record_for_parents(self):
        status, _, grant = self.zorg.post(f"/api/pupils/{self.pupil}/consents", {
            "given_by": {"guardian_ids": [self.guardians[0]]}, "awaiting_signature": True,
            "recipients": {"organisation_ids": [self.buurtteam]}, "categories": ["home"],
            "valid_from": TODAY.isoformat(), "obtained_via": "paper",
            "text": "Wij geven toestemming om te delen met het buurtteam."})
        self.assertEqual(status, 201, grant)
        return grant

    def sign(self, client, grant, by, **kw):
        return client.post(f"/api/consents/{grant['id']}/sign", {"by": by}, **kw)

    def explain(self, at):
        # The privacy officer asks: before the grant counts, the worker does not see the entry
        # and so cannot ask about it (explain is no oracle).
        status, _, body = self.officer.get(f"/api/entries/{self.entry}/explain?at={at}&user={self.worker_id}")
        self.assertEqual(status, 200, body)
        return body

    def test_a_grant_by_the_parents_counts_once_the_pupil_signs(self):
        grant = self.record_for_parents()
        self.assertEqual((grant["complete_for_age_now"], grant["missing_parties"], grant["status"]),
                         (False, ["pupil"], "active"))
        self.assertEqual(grant["later_signatures"], [])
        self.assertEqual(self.worker.get(f"/api/entries/{self.entry}")[0], 404)
        self.assertEqual(self.explain(grant["recorded_at"])["reason"], "consent_incomplete_for_age")

        status, _, signed = self.sign(self.noor, grant, {"pupil": True})
        self.assertEqual(status, 200, signed)
        self.assertEqual((signed["complete_for_age_now"], signed["missing_parties"], signed["version"]),
                         (True, [], grant["version"] + 1))
        self.assertEqual(signed["given_by"], {"guardian_ids": [self.guardians[0]], "pupil": True})
        self.assertEqual([s.get("pupil") for s in signed["later_signatures"]], [True])
        status, _, seen = self.worker.get(f"/api/entries/{self.entry}")
        self.assertEqual((status, seen["access"]["legal_basis"]), (200, "consent"), seen)
        # The pupil's signature counts from its moment: before it, the grant was no basis.
        self.assertFalse(self.explain(grant["recorded_at"])["allowed"])
        self.assertTrue(self.explain(signed["later_signatures"][0]["signed_at"])["allowed"])

        status, _, again = self.sign(self.zorg, grant, {"pupil": True})
        self.assertEqual((status, again["error"]["code"]), (409, "already_signed"))
        rows = self.server.query(
            "SELECT action, decision, reason, legal_basis, actor_role FROM audit_log "
            "WHERE resource_type = 'consent' AND resource_id = ? ORDER BY seq", grant["id"])
        self.assertEqual(rows, [("create", "allow", "case_action.consent", "school_care", "care_coordinator"),
                                ("sign", "allow", "case_action.consent", "family", "pupil")])

    def test_a_second_parent_joins_on_their_word_naming_the_version_read(self):
        grant = self.record_for_parents()
        father = {"guardian_id": self.guardians[1]}
        status, _, stale = self.sign(self.zorg, grant, father, headers={"If-Match": '"7"'})
        self.assertEqual((status, stale["error"]["code"]), (409, "version_conflict"))
        status, _, signed = self.zorg.post(f"/api/consents/{grant['id']}/sign",
                                           {"by": father, "version": grant["version"]})
        self.assertEqual(status, 200, signed)
        self.assertEqual(signed["given_by"]["guardian_ids"], self.guardians[:2])
        self.assertEqual(signed["missing_parties"], ["pupil"], "parents alone are not enough at 13")
        self.assertEqual(signed["later_signatures"][0]["guardian_id"], self.guardians[1])

    def test_only_a_missing_party_signs_a_grant_in_force(self):
        grant = self.record_for_parents()
        path = f"/api/consents/{grant['id']}/sign"
        for body, status, field in [({"by": {"guardian_id": self.guardians[2]}}, 400, "by.guardian_id"),
                                    ({"by": {"guardian_id": self.guardians[0]}}, 409, "by.guardian_id"),
                                    ({"by": {}}, 400, "by"), ({}, 400, "by"),
                                    ({"by": {"pupil": True}, "note": "x"}, 400, "note")]:
            code, _, answer = self.zorg.post(path, body)
            self.assertEqual((code, answer["error"].get("field")), (status, field), answer)
        # The pupil signs only for themself; strangers learn nothing.
        code, _, answer = self.sign(self.noor, grant, {"guardian_id": self.guardians[1]})
        self.assertEqual((code, answer["error"]["code"]), (403, "forbidden"))
        for email in ["ib@wilgenhoek.example", "mentor@hetbaken.example"]:
            self.assertEqual(self.sign(self.server.login(email), grant, {"pupil": True})[0], 404, email)
        denied = self.server.query(
            "SELECT actor_role, reason FROM audit_log WHERE resource_type = 'consent' AND resource_id = ? "
            "AND decision = 'deny' ORDER BY seq", grant["id"])
        self.assertEqual([r[0] for r in denied], ["pupil", "care_coordinator", "mentor"])
        # A withdrawn grant takes no more signatures.
        code, _, _ = self.zorg.post(f"/api/consents/{grant['id']}/withdraw", {"by": {"guardian_id": self.guardians[0]}})
        self.assertEqual(code, 200)
        code, _, answer = self.sign(self.noor, grant, {"pupil": True})
        self.assertEqual((code, answer["error"]["code"]), (409, "already_withdrawn"))


if __name__ == "__main__":
    unittest.main()
