"""Every refusal is audited (issue 12): the refusals that used to answer without an audit
row — the audit chain's verification for a non-officer, the membership listing (the admin's
view of a team) refused or of another region, an administrator's change to a record of
another region, a family login listing organisations, a professional asking for the
family's own list — now leave a `denied` row with the policy's rule, and the answer is the
documented one. Strict query parameters answer 400 naming the parameter."""
import unittest

from samen_harness import Server, org_id


class AuditedRefusals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        s = cls.server
        cls.mentor = s.login("mentor@hetbaken.example")
        cls.admin = s.login("beheer@lindeveld.example")
        cls.officer = s.login("fg@lindeveld.example")
        cls.coordinator = s.login("zorg@hetbaken.example")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def denied_row(self, resp, resource_type):
        """The audit row of this request: exactly one denied row of `resource_type`."""
        request_id = resp.getheader("X-Request-Id")
        rows = self.server.query(
            "SELECT decision, reason, resource_type, resource_id FROM audit_log WHERE request_id = ?",
            request_id)
        self.assertEqual(len(rows), 1, rows)
        decision, reason, rtype, rid = rows[0]
        self.assertEqual((decision, rtype), ("deny", resource_type), rows)
        self.assertTrue(reason, rows)
        return reason, rid

    def test_verify_audit_refused_is_audited(self):
        status, resp, body = self.mentor.get("/api/audit/verify")
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))
        self.denied_row(resp, "audit_verify")

    def test_membership_listing_refused_is_audited(self):
        buurtteam = org_id(self.server, "Buurtteam Lindeveld-Oost")
        status, resp, body = self.mentor.get(f"/api/organisations/{buurtteam}/memberships")
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))
        self.assertEqual(self.denied_row(resp, "membership"), ("not_permitted", buurtteam))

    def test_membership_listing_of_another_region_is_a_missing_one_and_audited(self):
        other = self.other_region_organisation()
        status, resp, body = self.admin.get(f"/api/organisations/{other}/memberships")
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        self.assertEqual(self.denied_row(resp, "membership"), ("other_region", other))

    def test_admin_change_in_another_region_is_a_missing_record_and_audited(self):
        other = self.other_region_organisation()
        status, resp, body = self.admin.patch(f"/api/organisations/{other}",
                                              {"active": False, "version": 1})
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        self.assertEqual(self.denied_row(resp, "organisation"), ("other_region", other))
        # The organisation is untouched.
        self.assertTrue(self.server.scalar("SELECT active FROM organisations WHERE id = ?", other))

    def test_admin_only_views_refused_for_others_are_audited(self):
        status, resp, _ = self.coordinator.get("/api/users")
        self.assertEqual(status, 403)
        self.assertEqual(self.denied_row(resp, "user")[0], "not_permitted")
        status, resp, _ = self.coordinator.get("/api/family/pupils")
        self.assertEqual(status, 403)
        self.assertEqual(self.denied_row(resp, "pupil")[0], "not_for_professionals")

    def test_query_parameters_are_parsed_strictly(self):
        for client, path in [(self.officer, "/api/audit?limit=12abc"),
                             (self.officer, "/api/audit?before_seq=5x"),
                             (self.officer, "/api/audit?denied_only=yes"),
                             (self.officer, "/api/audit/access-changes?limit=12abc"),
                             (self.coordinator, "/api/pupils?limit=12abc"),
                             (self.coordinator, "/api/pupils?offset=-1")]:
            status, _, body = client.get(path)
            field = path.split("?")[1].split("=")[0]
            self.assertEqual((status, body["error"]["code"], body["error"]["field"]),
                             (400, "validation_failed", field), path)
        self.assertEqual(self.officer.get("/api/audit?limit=12")[0], 200)

    def other_region_organisation(self):
        """An organisation in a region of its own, made behind the server's back."""
        existing = self.server.query("SELECT id FROM organisations WHERE name = 'Elders College'")
        if existing:
            return str(existing[0][0])
        self.server.execute("INSERT INTO regions (name) VALUES ('Elders')")
        region = self.server.scalar("SELECT id FROM regions WHERE name = 'Elders'")
        self.server.execute(
            "INSERT INTO organisations (region_id, name, type) VALUES (?, 'Elders College', 'school')",
            region)
        return str(self.server.scalar("SELECT id FROM organisations WHERE name = 'Elders College'"))


if __name__ == "__main__":
    unittest.main()
