"""Explain is no oracle, and neither is body validation (issue 11, item 4), over real HTTP on
both backends.

`GET /api/entries/{id}/explain` answers whoever may not see the entry exactly as it answers
for an id that does not exist — status, body and headers — for a team member without a
basis, a mentor and a teacher who are not at the table, another school's care coordinator,
the administrator and a parent of another child; the privacy officer explains any decision,
and that is audited. Every id-taking route that reads a body gives its access answer first:
a malformed body, a body of the wrong content type or with unknown fields, sent about a grant,
a pupil, a case or a request of another school, answers as for a missing id."""
import datetime
import unittest

from samen_harness import (Server, create_pupil, family_login, membership_id_of,
                           open_case_with_family_worker, org_id)

TODAY = datetime.date.today().isoformat()
MISSING = "987654321"
IGNORED_HEADERS = {"date", "x-request-id"}  # per response, whatever the answer


def answer(result):
    status, resp, body = result
    headers = sorted((k.lower(), v) for k, v in resp.getheaders() if k.lower() not in IGNORED_HEADERS)
    return status, body, headers


class NoOracles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        baken = org_id(cls.server, "Het Baken College")
        cls.buurtteam = org_id(cls.server, "Buurtteam Lindeveld-Oost")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.worker = cls.server.login("gezinswerker@buurtteam.example")
        cls.pupil, cls.guardians = create_pupil(cls.zorg, baken, "OR-1", 11, [("Eva Kok", "moeder", True)])
        cls.case = open_case_with_family_worker(cls.server, cls.zorg, cls.pupil, ["home"])
        status, _, entry = cls.zorg.post(f"/api/cases/{cls.case}/entries", {
            "kind": "conversation", "category": "home", "audience": "case_team",
            "text": "Gesprek met moeder over de situatie thuis."})
        assert status == 201, entry
        cls.entry = entry["id"]
        # A grant that gives the family worker no basis for home entries.
        status, _, grant = cls.zorg.post(f"/api/pupils/{cls.pupil}/consents", {
            "given_by": {"guardian_ids": cls.guardians}, "recipients": {"organisation_ids": [cls.buurtteam]},
            "categories": ["health"], "valid_from": TODAY, "obtained_via": "paper",
            "text": "Toestemming voor gezondheid."})
        assert status == 201, grant
        cls.grant = grant["id"]
        status, _, request = cls.zorg.post(f"/api/pupils/{cls.pupil}/consent-requests", {
            "recipients": {"organisation_ids": [cls.buurtteam]}, "categories": ["home"],
            "valid_from": TODAY, "text": "Mag het buurtteam meekijken?"})
        assert status == 201, request
        cls.request = request["id"]
        status, _, goal = cls.zorg.post(f"/api/cases/{cls.case}/goals", {"text": "Op tijd op school"})
        assert status == 201, goal
        cls.goal = goal["id"]
        status, _, action = cls.zorg.post(f"/api/cases/{cls.case}/actions", {
            "text": "Huisbezoek", "owner_membership_id": membership_id_of(cls.server, "gezinswerker@buurtteam.example")})
        assert status == 201, action
        cls.action = action["id"]
        status, _, signal = cls.zorg.post("/api/signals", {
            "pupil_id": cls.pupil, "categories": ["wellbeing"], "urgency": "normal", "text": "Oogt moe."})
        assert status == 201, signal
        cls.signal = signal["id"]
        status, _, invitation = cls.zorg.post(f"/api/pupils/{cls.pupil}/invitations", {
            "guardian_id": cls.guardians[0], "email": "kok@oracle.example"})
        assert status == 201, invitation
        cls.invitation = invitation["id"]
        other, other_guardians = create_pupil(cls.zorg, baken, "OR-2", 9, [("Piet Bos", "vader", True)])
        cls.other_parent = family_login(cls.server, cls.zorg, other, "bos@oracle.example", other_guardians[0])
        cls.stranger = cls.server.login("zorg@dehorizon.example")
        cls.privacy = cls.server.login("fg@lindeveld.example")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def explain(self, client, entry, query=""):
        return answer(client.get(f"/api/entries/{entry}/explain{query}"))

    def test_explain_of_an_unseen_entry_is_the_answer_for_a_missing_id(self):
        viewers = {
            "team member without a basis": self.worker,
            "mentor not at the table": self.server.login("mentor@hetbaken.example"),
            "teacher": self.server.login("docent@hetbaken.example"),
            "another school's care coordinator": self.stranger,
            "administrator": self.server.login("beheer@lindeveld.example"),
            "parent of another child": self.other_parent,
        }
        zorg_user = str(self.server.scalar("SELECT id FROM users WHERE email = ?", "zorg@hetbaken.example"))
        for name, client in viewers.items():
            for query in ("", f"?user={zorg_user}", "?at=2026-01-01T00:00:00Z"):
                with self.subTest(name, query=query):
                    seen = self.explain(client, self.entry, query)
                    self.assertEqual(seen[0], 404, seen)
                    self.assertEqual(seen, self.explain(client, MISSING, query))
        # The viewer who sees it may ask why.
        status, _, body = self.zorg.get(f"/api/entries/{self.entry}/explain")
        self.assertEqual((status, body["allowed"]), (200, True), body)

    def test_unseen_explains_are_audited_as_denied(self):
        before = self.server.scalar("SELECT count(*) FROM audit_log WHERE resource_type = 'entry_explain' "
                                    "AND resource_id = ? AND decision = 'deny'", self.entry)
        self.worker.get(f"/api/entries/{self.entry}/explain")
        after = self.server.scalar("SELECT count(*) FROM audit_log WHERE resource_type = 'entry_explain' "
                                   "AND resource_id = ? AND decision = 'deny'", self.entry)
        self.assertEqual(after, before + 1)

    def test_the_privacy_officer_explains_any_decision_and_it_is_audited(self):
        worker_user = str(self.server.scalar("SELECT id FROM users WHERE email = ?", "gezinswerker@buurtteam.example"))
        status, _, body = self.privacy.get(f"/api/entries/{self.entry}/explain?user={worker_user}")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["allowed"], body["reason"], body["user_id"]), (False, "no_legal_basis", worker_user))
        status, _, own = self.privacy.get(f"/api/entries/{self.entry}/explain")
        self.assertEqual((status, own["reason"]), (200, "role_without_case_access"), own)
        rows = self.server.query(
            "SELECT action, decision, legal_basis FROM audit_log WHERE resource_type = 'entry' "
            "AND resource_id = ? AND actor_role = 'privacy_officer' ORDER BY seq", self.entry)
        self.assertEqual(rows[-2:], [("explain", "allow", "oversight"), ("explain", "allow", "oversight")])

    # (method, path with {id}, the id of another school's record) for every id-taking route
    # that reads a body.
    def routes(self):
        c, p = self.case, self.pupil
        return [
            ("POST", "/api/consents/{id}/withdraw", self.grant),
            ("POST", "/api/consents/{id}/sign", self.grant),
            ("POST", "/api/consents/{id}/confirm", self.grant),
            ("POST", "/api/pupils/{id}/consents", p),
            ("POST", "/api/pupils/{id}/consent-requests", p),
            ("POST", "/api/consent-requests/{id}/answer", self.request),
            ("POST", "/api/consent-requests/{id}/withdraw", self.request),
            ("PUT", "/api/pupils/{id}", p),
            ("POST", "/api/pupils/{id}/invitations", p),
            ("POST", "/api/invitations/{id}/revoke", self.invitation),
            ("PUT", "/api/cases/{id}", c),
            ("POST", "/api/cases/{id}/level", c),
            ("POST", "/api/cases/{id}/close", c),
            ("POST", "/api/cases/{id}/team", c),
            ("POST", "/api/cases/{id}/goals", c),
            ("POST", "/api/cases/{id}/actions", c),
            ("POST", "/api/cases/{id}/entries", c),
            ("POST", "/api/cases/{id}/entries/preview", c),
            ("POST", "/api/cases/{id}/safety-decisions", c),
            ("POST", "/api/family/cases/{id}/views", c),
            ("PUT", "/api/goals/{id}", self.goal),
            ("PUT", "/api/actions/{id}", self.action),
            ("POST", "/api/signals/{id}/triage", self.signal),
        ]

    def bodies(self):
        return {"malformed JSON": dict(raw=b"{not json", content_type="application/json"),
                "wrong content type": dict(raw=b'{"a": 1}', content_type="text/plain"),
                "unknown fields": dict(raw=b'{"surely_unknown": 1}', content_type="application/json"),
                "no body": dict(raw=None, content_type=None)}

    def test_bodies_sent_about_another_schools_records_answer_as_for_a_missing_id(self):
        for method, path, real in self.routes():
            for name, body in self.bodies().items():
                for client, who in ((self.stranger, "another school"), (self.other_parent, "another family")):
                    with self.subTest(method + " " + path, body=name, who=who):
                        there = answer(client.request(method, path.format(id=real), **body))
                        missing = answer(client.request(method, path.format(id=MISSING), **body))
                        self.assertEqual(there, missing)


if __name__ == "__main__":
    unittest.main()
