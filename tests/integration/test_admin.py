"""Administration of organisations, users and memberships by the region's admin."""
import unittest

from samen_harness import Client, Server, org_id


class Admin(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=10)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def admin(self):
        return self.server.login("beheer@lindeveld.example")

    def test_organisations_create_duplicate_and_versioned_deactivation(self):
        c = self.admin()
        status, _, org = c.post("/api/organisations", {"name": "OBS Het Klaverblad", "type": "school", "school_type": "primary"})
        self.assertEqual(status, 201, org)
        self.assertEqual((org["type"], org["school_type"], org["version"]), ("school", "primary", 1))
        status, _, body = c.post("/api/organisations", {"name": "OBS Het Klaverblad", "type": "school"})
        self.assertEqual((status, body["error"]["code"]), (409, "already_exists"))
        status, _, body = c.post("/api/organisations", {"name": "X", "type": "kerk"})
        self.assertEqual((status, body["error"]["field"]), (400, "type"))
        status, _, body = c.patch(f"/api/organisations/{org['id']}", {"active": False})
        self.assertEqual(status, 428)
        status, _, body = c.patch(f"/api/organisations/{org['id']}", {"active": False, "version": 7})
        self.assertEqual((status, body["error"]["code"]), (409, "version_conflict"))
        status, _, body = c.patch(f"/api/organisations/{org['id']}", {"active": False, "version": 1})
        self.assertEqual((status, body["active"], body["version"]), (200, False, 2))
        audited = self.server.query(
            "SELECT action FROM audit_log WHERE resource_type = 'organisation' AND resource_id = ? ORDER BY seq", org["id"])
        self.assertEqual(audited, [("create",), ("deactivate",)])
        names = [o["name"] for o in c.get("/api/organisations")[2]["organisations"]]
        self.assertIn("OBS Het Klaverblad", names)

    def test_users_weak_password_create_login_and_deactivate(self):
        c = self.admin()
        baken = org_id(self.server, "Het Baken College")
        base = {"email": "nieuwe.docent@hetbaken.example", "name": "Nieuwe Docent",
                "memberships": [{"organisation_id": baken, "role": "teacher"}]}
        status, _, body = c.post("/api/users", dict(base, password="welkom12345"))
        self.assertEqual((status, body["error"]["code"], body["error"]["field"]), (400, "weak_password", "password"))
        status, _, body = c.post("/api/users", dict(base, password="Kort1!"))
        self.assertEqual(status, 400)
        status, _, body = c.post("/api/users", dict(base, memberships=[{"organisation_id": baken, "role": "koning"}],
                                                    password="groene appels in de herfst"))
        self.assertEqual((status, body["error"]["field"]), (400, "memberships[0].role"))
        status, _, user = c.post("/api/users", dict(base, password="groene appels in de herfst"))
        self.assertEqual(status, 201, user)
        self.assertEqual(user["memberships"][0]["role"], "teacher")
        status, _, body = c.post("/api/users", dict(base, password="groene appels in de herfst"))
        self.assertEqual(status, 409)
        newcomer = Client(self.server.port)
        self.assertEqual(newcomer.login("nieuwe.docent@hetbaken.example", "groene appels in de herfst")[0], 200)
        self.assertEqual(newcomer.get("/api/me")[0], 200)
        status, _, body = c.patch(f"/api/users/{user['id']}", {"active": False, "version": user["version"]})
        self.assertEqual(status, 200, body)
        self.assertEqual(newcomer.get("/api/me")[0], 401, "deactivation ends the user's sessions")
        self.assertEqual(Client(self.server.port).login("nieuwe.docent@hetbaken.example", "groene appels in de herfst")[0], 401)

    def test_memberships_add_and_deactivate(self):
        c = self.admin()
        users = c.get("/api/users")[2]["users"]
        teacher = next(u for u in users if u["email"] == "docent@hetbaken.example")
        wilgenhoek = org_id(self.server, "OBS De Wilgenhoek")
        status, _, m = c.post(f"/api/users/{teacher['id']}/memberships", {"organisation_id": wilgenhoek, "role": "teacher"})
        self.assertEqual(status, 201, m)
        self.assertEqual(c.post(f"/api/users/{teacher['id']}/memberships",
                                {"organisation_id": wilgenhoek, "role": "teacher"})[0], 409)
        self.assertEqual(c.delete(f"/api/memberships/{m['id']}")[0], 204)
        teacher_session = self.server.login("docent@hetbaken.example")
        ids = [x["id"] for x in teacher_session.get("/api/me")[2]["memberships"]]
        self.assertNotIn(m["id"], ids)
        self.assertEqual(c.post("/api/users/999999/memberships", {"organisation_id": wilgenhoek, "role": "teacher"})[0], 404)

    def test_only_admins_administer(self):
        c = self.server.login("zorg@hetbaken.example")
        self.assertEqual(c.get("/api/users")[0], 403)
        self.assertEqual(c.post("/api/organisations", {"name": "Y", "type": "school"})[0], 403)
        family = self.server.login("ouder@ouders.example")
        self.assertEqual(family.get("/api/organisations")[0], 403)


if __name__ == "__main__":
    unittest.main()
