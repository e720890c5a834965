"""The family's own access over HTTP: the school invites a guardian, the guardian accepts
the one-time token with a password, logs in and sees their child; used, expired and unknown
tokens are refused; "who looked at my file" shows the mentor's organisation and role but
not the mentor's name, and nothing of another family. A guardian with a login takes the
invitation for a second child (and a third, at another school) into that login. The school
lists a pupil's invitations (never the tokens) and revokes a wrongly addressed one."""
import datetime
import json
import unittest

from samen_harness import FAMILY_PASSWORD, Client, Server, create_pupil, family_login, org_id

TODAY = datetime.date.today()


class Family(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.mentor_id = str(cls.server.scalar("SELECT id FROM users WHERE email = 'mentor@hetbaken.example'"))
        born = (TODAY.replace(year=TODAY.year - 13) - datetime.timedelta(days=40)).isoformat()
        body = {"school_id": cls.baken, "pupil_number": "F-13", "given_name": "Daan", "family_name": "Visser",
                "date_of_birth": born, "class": "1C", "mentor_user_id": cls.mentor_id,
                "guardians": [
                    {"name": "Eva Visser", "relation": "moeder", "parental_authority": True},
                    {"name": "Ruud Visser", "relation": "vader", "parental_authority": True},
                    {"name": "Oom Visser", "relation": "oom", "parental_authority": False}]}
        status, _, created = cls.zorg.post("/api/pupils", body)
        assert status == 201, created
        cls.pupil = created["id"]
        cls.guardians = [g["id"] for g in created["guardians"]]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def invite(self, body, client=None):
        return (client or self.zorg).post(f"/api/pupils/{self.pupil}/invitations", body)

    def accept(self, token, password=FAMILY_PASSWORD):
        return Client(self.server.port).post(f"/api/invitations/{token}/accept", {"password": password})

    def test_invitations_are_for_the_school_and_for_guardians_with_authority(self):
        for body, field in [({"guardian_id": self.guardians[2], "email": "oom@ouders.example"}, "guardian_id"),
                            ({"email": "x@ouders.example"}, "guardian_id"),
                            ({"guardian_id": self.guardians[0], "pupil": True, "email": "x@ouders.example"},
                             "guardian_id"),
                            ({"guardian_id": self.guardians[0], "email": "not-an-address"}, "email")]:
            status, _, answer = self.invite(body)
            self.assertEqual((status, answer["error"]["field"]), (400, field), answer)
        mentor = self.server.login("mentor@hetbaken.example")
        self.assertEqual(self.invite({"pupil": True, "email": "d@leerling.example"}, mentor)[0], 403)
        other_school = self.server.login("ib@wilgenhoek.example")
        self.assertEqual(self.invite({"pupil": True, "email": "d@leerling.example"}, other_school)[0], 404)

    def test_guardian_accepts_logs_in_and_sees_their_child_and_who_looked(self):
        status, resp, inv = self.invite({"guardian_id": self.guardians[0], "email": "Eva.Visser@ouders.example"})
        self.assertEqual(status, 201, inv)
        self.assertEqual(set(inv), {"id", "token", "accept_path", "expires_at", "emailed"})
        self.assertFalse(inv["emailed"], "no --smtp: the link is handed over by hand")
        self.assertEqual(resp.getheader("Cache-Control"), "no-store")
        stored = self.server.query("SELECT token_hash FROM invitations WHERE id = ?", inv["id"])[0][0]
        self.assertNotEqual(stored, inv["token"], "only the hash is stored")
        status, _, weak = self.accept(inv["token"], "short")
        self.assertEqual((status, weak["error"]["code"]), (400, "weak_password"))
        status, _, accepted = self.accept(inv["token"])
        self.assertEqual(status, 201, accepted)
        self.assertEqual((accepted["role"], accepted["pupil_id"]), ("guardian", self.pupil))
        status, _, again = self.accept(inv["token"])
        self.assertEqual((status, again["error"]["code"]), (410, "invitation_used"))

        # The mentor reads the file; the family sees organisation and role, not the name.
        mentor = self.server.login("mentor@hetbaken.example")
        self.assertEqual(mentor.get(f"/api/pupils/{self.pupil}")[0], 200)
        parent = self.server.login("eva.visser@ouders.example", FAMILY_PASSWORD)
        status, _, mine = parent.get("/api/family/pupils")
        self.assertEqual(status, 200)
        self.assertEqual([p["id"] for p in mine["pupils"]], [self.pupil])
        self.assertEqual(mine["pupils"][0]["relation"], "guardian")
        self.assertEqual(parent.get(f"/api/pupils/{self.pupil}")[0], 200)
        status, _, log = parent.get(f"/api/family/pupils/{self.pupil}/access-log")
        self.assertEqual(status, 200, log)
        mentor_reads = [e for e in log["entries"] if e["role"] == "mentor" and e["action"] == "read"]
        self.assertTrue(mentor_reads, log)
        self.assertEqual(mentor_reads[0]["organisation"], "Het Baken College")
        self.assertTrue(mentor_reads[0]["legal_basis"])
        self.assertTrue(all("name" not in e for e in log["entries"]))
        self.assertNotIn("Joost de Mentor", json.dumps(log))
        rows = self.server.query(
            "SELECT action, decision, actor_role FROM audit_log WHERE resource_type = 'access_log' "
            "AND pupil_id = ? ORDER BY seq", self.pupil)
        self.assertEqual(rows[0], ("read", "allow", "guardian"))

        # Nothing for another family, nor for professionals.
        other = self.server.login("ouder@ouders.example")
        self.assertEqual(other.get(f"/api/family/pupils/{self.pupil}/access-log")[0], 404)
        _, _, theirs = other.get("/api/family/pupils")
        self.assertNotIn(self.pupil, [p["id"] for p in theirs["pupils"]])
        self.assertEqual(self.zorg.get(f"/api/family/pupils/{self.pupil}/access-log")[0], 404)
        self.assertEqual(self.zorg.get("/api/family/pupils")[0], 403)
        denied = self.server.scalar(
            "SELECT count(*) FROM audit_log WHERE resource_type = 'access_log' AND decision = 'deny' "
            "AND pupil_id = ?", self.pupil)
        self.assertEqual(denied, 2)

    def test_expired_and_unknown_tokens_are_refused(self):
        status, _, inv = self.invite({"guardian_id": self.guardians[1], "email": "ruud.visser@ouders.example"})
        self.assertEqual(status, 201, inv)
        self.server.execute("UPDATE invitations SET expires_at = 1000 WHERE id = ?", int(inv["id"]))
        status, _, answer = self.accept(inv["token"])
        self.assertEqual((status, answer["error"]["code"]), (410, "invitation_expired"))
        status, _, answer = self.accept("x" * 43)
        self.assertEqual((status, answer["error"]["code"]), (404, "not_found"))
        self.assertEqual(self.server.scalar("SELECT count(*) FROM users WHERE email = 'ruud.visser@ouders.example'"),
                         0)

    def test_a_guardian_adds_a_second_and_third_child_to_their_login(self):
        family = [("Marieke Bakker", "moeder", True)]
        first, first_guardians = create_pupil(self.zorg, self.baken, "B-14", 14, family, "Tim", "Bakker")
        second, second_guardians = create_pupil(self.zorg, self.baken, "B-12", 12, family, "Sara", "Bakker")
        email = "marieke.bakker@ouders.example"
        mother = family_login(self.server, self.zorg, first, email, first_guardians[0])
        _, _, me = mother.get("/api/me")
        status, _, inv = self.zorg.post(f"/api/pupils/{second}/invitations",
                                        {"guardian_id": second_guardians[0], "email": email})
        self.assertEqual(status, 201, inv)
        path = f"/api/invitations/{inv['token']}/accept"

        # A new login for an address that has one: refused, with the way to link instead.
        status, _, answer = Client(self.server.port).post(path, {"password": FAMILY_PASSWORD})
        self.assertEqual((status, answer["error"]["code"]), (409, "already_exists"), answer)
        self.assertIn("log in", answer["error"]["message"])
        status, _, answer = Client(self.server.port).post(path, {})
        self.assertEqual((status, answer["error"]["field"]), (400, "password"), answer)
        # Only the guardian login of the invited address may take it.
        for other in ["ouder@ouders.example", "zorg@hetbaken.example"]:
            status, _, answer = self.server.login(other).post(path, {})
            self.assertEqual((status, answer["error"]["code"]), (403, "forbidden"), answer)
        denied = self.server.query(
            "SELECT reason FROM audit_log WHERE resource_type = 'invitation' AND resource_id = ? "
            "AND decision = 'deny' ORDER BY seq", inv["id"])
        self.assertEqual([r[0] for r in denied], ["other_address", "not_guardian_login"])

        status, _, linked = mother.post(path, {})
        self.assertEqual(status, 200, linked)
        self.assertEqual((linked["pupil_id"], linked["role"]), (second, "guardian"))
        self.assertEqual(linked["membership_id"], me["active_membership"]["id"], "one membership per school")
        self.assertEqual(mother.post(path, {})[0], 410)
        status, _, mine = mother.get("/api/family/pupils")
        self.assertEqual(sorted(p["id"] for p in mine["pupils"]), sorted([first, second]))
        self.assertEqual(mother.get(f"/api/pupils/{second}")[0], 200)
        rows = self.server.query(
            "SELECT action, decision, reason, actor_user_id FROM audit_log WHERE resource_type = 'invitation' "
            "AND resource_id = ? AND action = 'accept'", inv["id"])
        self.assertEqual(rows, [("accept", "allow", "family.invitation_link", me["user"]["id"])])

        # A child at another school: a guardian membership of that school is added.
        primary = org_id(self.server, "OBS De Wilgenhoek")
        ib = self.server.login("ib@wilgenhoek.example")
        third, third_guardians = create_pupil(ib, primary, "B-8", 8, family, "Lieke", "Bakker")
        status, _, inv = ib.post(f"/api/pupils/{third}/invitations", {"guardian_id": third_guardians[0], "email": email})
        self.assertEqual(status, 201, inv)
        status, _, linked = mother.post(f"/api/invitations/{inv['token']}/accept", {})
        self.assertEqual(status, 200, linked)
        self.assertNotEqual(linked["membership_id"], me["active_membership"]["id"])
        _, _, me = mother.get("/api/me")
        self.assertEqual(sorted(m["organisation_id"] for m in me["memberships"]), sorted([self.baken, primary]))
        _, _, mine = mother.get("/api/family/pupils")
        self.assertEqual(len(mine["pupils"]), 3)

    def test_the_school_lists_and_revokes_invitations(self):
        pupil, guardians = create_pupil(self.zorg, self.baken, "R-13", 13, [("Fenna Smit", "moeder", True)],
                                        "Jesse", "Smit")
        path = f"/api/pupils/{pupil}/invitations"
        _, _, wrong = self.zorg.post(path, {"guardian_id": guardians[0], "email": "fenna@verkeerd.example"})
        _, _, right = self.zorg.post(path, {"guardian_id": guardians[0], "email": "fenna.smit@ouders.example"})
        _, _, own = self.zorg.post(path, {"pupil": True, "email": "jesse@leerling.example"})
        status, _, listed = self.zorg.get(path)
        self.assertEqual(status, 200, listed)
        self.assertEqual([i["id"] for i in listed["invitations"]], [wrong["id"], right["id"], own["id"]])
        first = listed["invitations"][0]
        self.assertEqual((first["status"], first["guardian_id"], first["pupil"], first["email"]),
                         ("pending", guardians[0], False, "fenna@verkeerd.example"))
        self.assertEqual(listed["invitations"][2]["guardian_id"], None)
        self.assertNotIn(wrong["token"], json.dumps(listed), "never the token")
        self.assertTrue(all("token" not in i and "token_hash" not in i for i in listed["invitations"]))

        # The wrongly addressed link is killed; the first revocation stands; its token is gone.
        status, _, revoked = self.zorg.post(f"/api/invitations/{wrong['id']}/revoke")
        self.assertEqual(status, 200, revoked)
        zorg_id = str(self.server.scalar("SELECT id FROM users WHERE email = 'zorg@hetbaken.example'"))
        self.assertEqual((revoked["status"], revoked["revoked_by_user_id"]), ("revoked", zorg_id))
        status, _, again = self.zorg.post(f"/api/invitations/{wrong['id']}/revoke", {})
        self.assertEqual((status, again["error"]["code"]), (409, "already_revoked"))
        status, _, answer = self.accept(wrong["token"])
        self.assertEqual((status, answer["error"]["code"]), (410, "invitation_revoked"))
        self.assertEqual(self.server.scalar("SELECT count(*) FROM users WHERE email = 'fenna@verkeerd.example'"), 0)

        # A used invitation cannot be revoked; an old one shows as expired.
        self.assertEqual(self.accept(right["token"])[0], 201)
        status, _, answer = self.zorg.post(f"/api/invitations/{right['id']}/revoke")
        self.assertEqual((status, answer["error"]["code"]), (409, "already_accepted"))
        self.server.execute("UPDATE invitations SET expires_at = 1000 WHERE id = ?", int(own["id"]))
        _, _, listed = self.zorg.get(path)
        self.assertEqual([i["status"] for i in listed["invitations"]], ["revoked", "used", "expired"])
        self.assertIsNotNone(listed["invitations"][1]["accepted_at"])
        status, _, answer = self.zorg.post(f"/api/invitations/{own['id']}/revoke", {"reason": "x"})
        self.assertEqual((status, answer["error"]["code"]), (400, "unknown_field"))

        # Only the school's care coordinator or admin; others are refused, audited.
        mentor = self.server.login("mentor@hetbaken.example")
        other_school = self.server.login("ib@wilgenhoek.example")
        self.assertEqual(mentor.get(path)[0], 403)
        self.assertEqual(mentor.post(f"/api/invitations/{own['id']}/revoke")[0], 403)
        self.assertEqual(other_school.get(path)[0], 404)
        self.assertEqual(other_school.post(f"/api/invitations/{own['id']}/revoke")[0], 404)
        self.assertEqual(other_school.post("/api/invitations/999999/revoke")[0], 404)
        rows = self.server.query(
            "SELECT action, decision, actor_role, resource_id FROM audit_log WHERE resource_type = 'invitation' "
            "AND pupil_id = ? AND action IN ('list', 'revoke', 'denied') ORDER BY seq", pupil)
        self.assertEqual([r[:3] for r in rows if r[0] != "denied" or r[2] != "guardian"], [
            ("list", "allow", "care_coordinator"), ("revoke", "allow", "care_coordinator"),
            ("list", "allow", "care_coordinator"),
            ("denied", "deny", "mentor"), ("denied", "deny", "mentor"),
            ("denied", "deny", "care_coordinator"), ("denied", "deny", "care_coordinator")])
        self.assertEqual(rows[1][3], wrong["id"])
        self.assertEqual(rows[-1][3], own["id"])


if __name__ == "__main__":
    unittest.main()
