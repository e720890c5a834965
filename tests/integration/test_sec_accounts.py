"""Security review (issue 11), accounts: nobody grants themself access (memberships of one's
own user, invitations to one's own address), every membership change is listed for the
privacy officer with who granted it, admin refusals and empty probes leave an audit row."""
import unittest

from samen_harness import Client, Server, family_login, org_id

ADMIN = "beheer@lindeveld.example"
OFFICER = "fg@lindeveld.example"
SECOND_ADMIN_PASSWORD = "twee sleutels voor een deur"


class SelfGrant(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.municipality = org_id(cls.server, "Gemeente Lindeveld")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def admin(self):
        return self.server.login(ADMIN)

    def me(self, client):
        return client.get("/api/me")[2]

    def memberships_in_db(self, user_id):
        return self.server.query(
            "SELECT organisation_id, role, active FROM memberships WHERE user_id = ? ORDER BY id", user_id)

    def refusals(self, user_id, resource_type):
        return self.server.query(
            "SELECT action, decision, reason, region_id FROM audit_log WHERE actor_user_id = ? "
            "AND resource_type = ? AND decision = 'deny' ORDER BY seq", user_id, resource_type)

    def second_admin(self, email):
        """Another administrator of the region, created by the first."""
        status, _, user = self.admin().post("/api/users", {
            "email": email, "name": "Bram Tweede", "password": SECOND_ADMIN_PASSWORD,
            "memberships": [{"organisation_id": self.municipality, "role": "admin"}]})
        self.assertEqual(status, 201, user)
        return user, self.server.login(email, SECOND_ADMIN_PASSWORD)

    def test_an_admin_cannot_add_a_care_coordinator_membership_to_itself(self):
        c = self.admin()
        me = self.me(c)
        uid = me["user"]["id"]
        before = self.memberships_in_db(uid)
        status, _, body = c.post(f"/api/users/{uid}/memberships",
                                 {"organisation_id": self.baken, "role": "care_coordinator"})
        self.assertEqual((status, body["error"]["code"]), (403, "self_grant_forbidden"), body)
        self.assertEqual(self.memberships_in_db(uid), before, "nothing stored")
        rows = self.refusals(uid, "user")
        self.assertIn(("denied", "deny", "self_grant_forbidden", me["active_membership"]["region_id"]), rows)
        # Also with a body that is not even valid: the refusal comes first.
        status, _, body = c.post(f"/api/users/{uid}/memberships", {"role": "koning"})
        self.assertEqual((status, body["error"]["code"]), (403, "self_grant_forbidden"))
        # The API tells the UI so: no buttons for one's own access.
        users = c.get("/api/users")[2]["users"]
        self.assertFalse(next(u for u in users if u["id"] == uid)["may"]["change_access"])
        self.assertTrue(all(u["may"]["change_access"] for u in users if u["id"] != uid))
        # And the membership cannot be used: there is none to switch to.
        roles = [m["role"] for m in self.me(c)["memberships"]]
        self.assertNotIn("care_coordinator", roles)

    def test_an_admin_cannot_deactivate_or_activate_its_own_membership_or_user(self):
        c = self.admin()
        me = self.me(c)
        uid = me["user"]["id"]
        own = me["active_membership"]["id"]
        before = self.memberships_in_db(uid)
        for method, body in [("DELETE", None), ("PATCH", {"active": False}), ("PATCH", {"active": True})]:
            status, _, answer = c.request(method, f"/api/memberships/{own}", body)
            self.assertEqual((status, answer["error"]["code"]), (403, "self_grant_forbidden"), (method, body))
        status, _, user = c.get("/api/users")
        mine = next(u for u in user["users"] if u["id"] == uid)
        status, _, answer = c.patch(f"/api/users/{uid}", {"active": False, "version": mine["version"]})
        self.assertEqual((status, answer["error"]["code"]), (403, "self_grant_forbidden"))
        self.assertEqual(self.memberships_in_db(uid), before)
        self.assertEqual(self.server.scalar("SELECT active FROM users WHERE id = ?", uid) in (1, True), True)
        self.assertGreaterEqual(len(self.refusals(uid, "membership")), 3)
        self.assertEqual(self.me(c)["active_membership"]["id"], own, "still logged in, unchanged")

    def test_another_admin_grants_it_and_the_report_names_who_did(self):
        first = self.admin()
        first_id = self.me(first)["user"]["id"]
        second, b = self.second_admin("tweede.beheerder@lindeveld.example")
        status, _, m = b.post(f"/api/users/{first_id}/memberships",
                              {"organisation_id": self.baken, "role": "care_coordinator"})
        self.assertEqual(status, 201, m)
        status, _, off = b.patch(f"/api/memberships/{m['id']}", {"active": False})
        self.assertEqual((status, off["active"]), (200, False), off)
        status, _, on = b.patch(f"/api/memberships/{m['id']}", {"active": True})
        self.assertEqual((status, on["active"]), (200, True), on)

        officer = self.server.login(OFFICER)
        status, _, report = officer.get("/api/audit/access-changes?limit=50")
        self.assertEqual(status, 200, report)
        about_it = [c for c in report["changes"] if c["membership_id"] == m["id"]]
        self.assertEqual([c["change"] for c in about_it], ["activate", "deactivate", "create"], "newest first")
        for change in about_it:
            self.assertEqual(change["user"]["id"], first_id)
            self.assertEqual(change["user"]["name"], "Ria Beheerder")
            self.assertEqual(change["organisation"], {"id": self.baken, "name": "Het Baken College"})
            self.assertEqual(change["role"], "care_coordinator")
            self.assertEqual(change["granted_by"]["id"], second["id"])
            self.assertEqual(change["granted_by"]["name"], "Bram Tweede")
            self.assertEqual(change["granted_by"]["role"], "admin")
            self.assertTrue(change["at"].endswith("Z"))
        # The second admin's own admin membership, created by the first, is there too.
        created = [c for c in report["changes"] if c["user"] and c["user"]["id"] == second["id"]
                   and c["subject"] == "membership"]
        self.assertEqual(created[0]["granted_by"]["id"], first_id)
        self.assertEqual(self.server.scalar(
            "SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND resource_type = 'access_report' "
            "AND action = 'read' AND decision = 'allow'", self.me(officer)["user"]["id"]), 1)
        # Paging: a page of one names where the next begins.
        status, _, page = officer.get("/api/audit/access-changes?limit=1")
        self.assertEqual(len(page["changes"]), 1)
        status, _, rest = officer.get(f"/api/audit/access-changes?limit=1&before_seq={page['next_before_seq']}")
        self.assertLess(rest["changes"][0]["seq"], page["changes"][0]["seq"])

    def test_only_the_privacy_officer_reads_the_report_and_refusals_are_audited(self):
        for email in [ADMIN, "zorg@hetbaken.example", "directie@hetbaken.example"]:
            c = self.server.login(email)
            status, _, body = c.get("/api/audit/access-changes")
            self.assertEqual((status, body["error"]["code"]), (403, "forbidden"), email)
            uid = self.me(c)["user"]["id"]
            self.assertTrue(self.refusals(uid, "access_report"), email)
        status, _, body = self.server.login(OFFICER).get("/api/audit/access-changes?limit=0")
        self.assertEqual((status, body["error"]["field"]), (400, "limit"))

    def test_admin_refusals_are_audited(self):
        mentor = self.server.login("mentor@hetbaken.example")
        uid = self.me(mentor)["user"]["id"]
        cases = [("POST", "/api/organisations", {"name": "X", "type": "school"}, "organisation"),
                 ("GET", "/api/users", None, "user"),
                 ("POST", f"/api/users/{uid}/memberships", {"organisation_id": self.baken, "role": "admin"},
                  "membership"),
                 ("DELETE", "/api/memberships/1", None, "membership")]
        for method, path, body, resource in cases:
            status, _, answer = mentor.request(method, path, body)
            self.assertEqual((status, answer["error"]["code"]), (403, "forbidden"), path)
            rows = self.refusals(uid, resource)
            self.assertTrue(any(r[2] == "not_permitted" and r[3] for r in rows), (path, rows))
        family = self.server.login("ouder@ouders.example")
        self.assertEqual(family.get("/api/organisations")[0], 403)
        fid = self.me(family)["user"]["id"]
        self.assertTrue(self.refusals(fid, "organisation"))


class SelfInvitation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=20)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def invitable_guardian(self):
        """A guardian with parental authority and no login, of a Het Baken pupil."""
        row = self.server.query(
            "SELECT g.pupil_id, g.id FROM guardians g JOIN pupils p ON p.id = g.pupil_id "
            "JOIN organisations o ON o.id = p.school_id WHERE o.name = 'Het Baken College' "
            "AND g.parental_authority AND g.user_id IS NULL ORDER BY g.id LIMIT 1")[0]
        return str(row[0]), str(row[1])

    def as_baken_admin(self):
        c = self.server.login(ADMIN)
        me = c.get("/api/me")[2]
        baken = next(m for m in me["memberships"] if m["organisation_name"] == "Het Baken College")
        status, _, _ = c.put("/api/session/membership", {"membership_id": baken["id"]})
        self.assertEqual(status, 200)
        return c, me["user"]["id"]

    def test_an_invitation_to_the_inviters_own_address_is_refused(self):
        c, uid = self.as_baken_admin()
        pupil_id, guardian_id = self.invitable_guardian()
        before = self.server.scalar("SELECT count(*) FROM invitations")
        for address in [ADMIN, "Beheer@Lindeveld.Example", "beheer+ouder@lindeveld.example"]:
            status, _, body = c.post(f"/api/pupils/{pupil_id}/invitations",
                                     {"guardian_id": guardian_id, "email": address})
            self.assertEqual((status, body["error"]["code"]), (403, "self_grant_forbidden"), address)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM invitations"), before, "nothing stored")
        rows = self.server.query(
            "SELECT pupil_id, reason, region_id FROM audit_log WHERE actor_user_id = ? AND "
            "resource_type = 'invitation' AND decision = 'deny'", uid)
        self.assertEqual(len(rows), 3)
        self.assertTrue(all(str(r[0]) == pupil_id and r[1] == "self_grant_forbidden" and r[2] for r in rows))
        # The same invitation to the guardian's own address goes through.
        status, _, body = c.post(f"/api/pupils/{pupil_id}/invitations",
                                 {"guardian_id": guardian_id, "email": "ouder.elders@example.org"})
        self.assertEqual(status, 201, body)

    def test_an_accepted_invitation_is_new_access_in_the_report_with_the_inviter(self):
        coordinator = self.server.login("zorg@hetbaken.example")
        coordinator_id = coordinator.get("/api/me")[2]["user"]["id"]
        pupil_id, guardian_id = self.invitable_guardian()
        family = family_login(self.server, coordinator, pupil_id, "nieuwe.ouder@example.org", guardian_id)
        guardian = family.get("/api/me")[2]
        status, _, report = self.server.login(OFFICER).get("/api/audit/access-changes")
        self.assertEqual(status, 200)
        mine = [c for c in report["changes"] if c["user"] and c["user"]["id"] == guardian["user"]["id"]]
        self.assertEqual(len(mine), 1, report)
        self.assertEqual((mine[0]["change"], mine[0]["role"], mine[0]["membership_id"]),
                         ("create", "guardian", guardian["active_membership"]["id"]))
        self.assertEqual(mine[0]["organisation"]["name"], "Het Baken College")
        self.assertEqual(mine[0]["invited_by"]["id"], coordinator_id)
        self.assertEqual(mine[0]["granted_by"]["id"], guardian["user"]["id"], "who accepted it")

    def test_a_care_coordinator_cannot_invite_its_own_address_either(self):
        c = self.server.login("zorg@hetbaken.example")
        pupil_id, guardian_id = self.invitable_guardian()
        status, _, body = c.post(f"/api/pupils/{pupil_id}/invitations",
                                 {"guardian_id": guardian_id, "email": "zorg@hetbaken.example"})
        self.assertEqual((status, body["error"]["code"]), (403, "self_grant_forbidden"))


class EmptyProbes(unittest.TestCase):
    """GET /api/cases?pupil_id= and /api/signals?pupil_id= by someone who may see nothing."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def probe(self, email, path, resource):
        c = self.server.login(email)
        uid = c.get("/api/me")[2]["user"]["id"]
        status, resp, body = c.get(path)
        self.assertEqual(status, 200, body)
        rows = self.server.query(
            "SELECT decision, reason, pupil_id, region_id FROM audit_log WHERE request_id = ? AND actor_user_id = ? "
            "AND resource_type = ?", resp.getheader("X-Request-Id"), uid, resource)
        return body, rows

    def test_a_stranger_probing_a_pupils_cases_and_signals_leaves_a_denied_row(self):
        pupil = str(self.server.scalar("SELECT pupil_id FROM cases ORDER BY id LIMIT 1"))
        with_signal = str(self.server.scalar("SELECT pupil_id FROM signals ORDER BY id LIMIT 1"))
        for email in ["ib@wilgenhoek.example", "directie@hetbaken.example", OFFICER]:
            body, rows = self.probe(email, f"/api/cases?pupil_id={pupil}", "case")
            self.assertEqual(body["cases"], [])
            self.assertEqual(len(rows), 1, (email, rows))
            self.assertEqual((rows[0][0], str(rows[0][2])), ("deny", pupil), email)
            self.assertTrue(rows[0][1] and rows[0][3])
            body, rows = self.probe(email, f"/api/signals?pupil_id={with_signal}&status=all", "signal")
            self.assertEqual(body["signals"], [])
            self.assertEqual([(r[0], str(r[2])) for r in rows], [("deny", with_signal)], email)

    def test_a_pupil_without_cases_and_an_unknown_id_leave_a_row_too(self):
        lonely = str(self.server.scalar(
            "SELECT p.id FROM pupils p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.pupil_id = p.id) "
            "AND p.school_id = (SELECT id FROM organisations WHERE name = 'Het Baken College') ORDER BY p.id LIMIT 1"))
        body, rows = self.probe("zorg@hetbaken.example", f"/api/cases?pupil_id={lonely}", "case")
        self.assertEqual(body["cases"], [])
        self.assertEqual([(r[0], r[1], str(r[2])) for r in rows], [("allow", "listing.empty", lonely)])
        body, rows = self.probe("ib@wilgenhoek.example", f"/api/cases?pupil_id={lonely}", "case")
        self.assertEqual([(r[0], str(r[2])) for r in rows], [("deny", lonely)])
        body, rows = self.probe("ib@wilgenhoek.example", "/api/cases?pupil_id=987654321", "case")
        self.assertEqual(body["cases"], [], "the same answer as for a pupil one may not see")
        self.assertEqual([(r[0], r[1], r[2]) for r in rows], [("deny", "no_such_pupil", "")])


if __name__ == "__main__":
    unittest.main()
