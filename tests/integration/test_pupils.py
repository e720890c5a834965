"""Pupils over HTTP: who sees what (the policy), creating and updating with versions, and
the audit entry that every access leaves before the response."""
import unittest

from samen_harness import Server, org_id, pupil_of_class, pupil_without_case


def new_pupil(school_id, number, **extra):
    body = {"school_id": school_id, "pupil_number": number, "given_name": "Sanne", "name_prefix": "van der",
            "family_name": "Berg", "date_of_birth": "2012-05-01", "class": "1A",
            "guardians": [{"name": "Marieke van der Berg", "relation": "moeder", "email": "m@ouders.example",
                           "phone": "06-12345678", "parental_authority": True}]}
    body.update(extra)
    return body


class Pupils(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.own = pupil_of_class(cls.server, "Het Baken College", "2A")
        cls.other = pupil_of_class(cls.server, "Het Baken College", "3A")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def audit_count(self):
        return self.server.scalar("SELECT count(*) FROM audit_log")

    def test_mentor_sees_own_pupil_in_full_and_others_as_directory(self):
        c = self.server.login("mentor@hetbaken.example")
        status, resp, own = c.get(f"/api/pupils/{self.own}")
        self.assertEqual(status, 200)
        self.assertEqual(own["view"], "full")
        self.assertIn("date_of_birth", own)
        self.assertTrue(own["guardians"])
        self.assertEqual(resp.getheader("ETag"), f'"{own["version"]}"')
        status, _, other = c.get(f"/api/pupils/{self.other}")
        self.assertEqual(status, 200)
        self.assertEqual(other["view"], "directory")
        for hidden in ["date_of_birth", "bsn", "guardians", "enrolment_start"]:
            self.assertNotIn(hidden, other)

    def test_listing_follows_the_same_rules(self):
        c = self.server.login("mentor@hetbaken.example")
        _, _, page = c.get("/api/pupils?class=2A&limit=200")
        self.assertTrue(page["pupils"])
        self.assertTrue(all(p["view"] == "full" for p in page["pupils"]))
        self.assertTrue(all("guardians" not in p for p in page["pupils"]), "listings are summaries")
        _, _, page = c.get("/api/pupils?class=3A&limit=200")
        self.assertTrue(all(p["view"] == "directory" for p in page["pupils"]))
        status, _, body = c.get("/api/pupils?limit=0")
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["field"], "limit")

    def test_has_more_says_whether_a_next_page_exists(self):
        c = self.server.login("zorg@hetbaken.example")
        _, _, whole = c.get("/api/pupils?class=2A&limit=200")
        n = len(whole["pupils"])
        self.assertGreater(n, 2)
        self.assertFalse(whole["has_more"])
        _, _, first = c.get(f"/api/pupils?class=2A&limit={n - 1}")
        self.assertEqual((len(first["pupils"]), first["has_more"], first["limit"]), (n - 1, True, n - 1))
        _, _, last = c.get(f"/api/pupils?class=2A&limit={n - 1}&offset={n - 1}")
        self.assertEqual((len(last["pupils"]), last["has_more"]), (1, False))
        _, _, exact = c.get(f"/api/pupils?class=2A&limit={n}")
        self.assertFalse(exact["has_more"])
        # Only the page is audited, not the row read to look ahead.
        before = self.server.query("SELECT count(*) FROM audit_log WHERE action = 'list' AND resource_type = 'pupil'")[0][0]
        c.get(f"/api/pupils?class=2A&limit={n - 1}")
        after = self.server.query("SELECT count(*) FROM audit_log WHERE action = 'list' AND resource_type = 'pupil'")[0][0]
        self.assertEqual(after - before, n - 1)

    def test_search_by_name_and_number(self):
        c = self.server.login("zorg@hetbaken.example")
        family, number = self.server.query("SELECT family_name, pupil_number FROM pupils WHERE id = ?", self.own)[0]
        _, _, page = c.get(f"/api/pupils?q={number}")
        self.assertEqual([p["id"] for p in page["pupils"]], [self.own])
        _, _, page = c.get("/api/pupils?q=" + family[:4].lower().replace(" ", "%20") + "&limit=200")
        self.assertIn(self.own, [p["id"] for p in page["pupils"]])

    def test_other_school_gets_404_and_the_denial_is_audited(self):
        c = self.server.login("ib@wilgenhoek.example")
        before = self.server.scalar("SELECT count(*) FROM audit_log WHERE decision = 'deny' AND pupil_id = ?", self.own)
        status, _, body = c.get(f"/api/pupils/{self.own}")
        self.assertEqual(status, 404)
        self.assertEqual(body["error"]["code"], "not_found")
        rows = self.server.query(
            "SELECT action, reason, actor_role FROM audit_log WHERE decision = 'deny' AND pupil_id = ? ORDER BY seq",
            self.own)
        self.assertEqual(len(rows), before + 1)
        self.assertEqual(rows[-1], ("denied", "not_same_school", "care_coordinator"))
        self.assertEqual(c.get("/api/pupils/99999999")[0], 404)

    def test_roles_without_pupil_access_see_nothing(self):
        # A pupil without a case: the youth-care worker leads one of the demo's cases.
        pupil = pupil_without_case(self.server, "Het Baken College", "2A")
        for email in ["fg@lindeveld.example", "directie@hetbaken.example", "sph@debrug.example"]:
            c = self.server.login(email)
            self.assertEqual(c.get(f"/api/pupils/{pupil}")[0], 404, email)
            self.assertEqual(c.get("/api/pupils")[2]["pupils"], [], email)

    def test_family_sees_only_their_own(self):
        guardian = self.server.login("ouder@ouders.example")
        child = str(self.server.scalar(
            "SELECT pupil_id FROM guardians g JOIN users u ON u.id = g.user_id WHERE u.email = 'ouder@ouders.example'"))
        self.assertEqual(guardian.get(f"/api/pupils/{child}")[0], 200)
        self.assertEqual([p["id"] for p in guardian.get("/api/pupils")[2]["pupils"]], [child])
        self.assertEqual(guardian.get(f"/api/pupils/{self.other}")[0], 404)
        pupil = self.server.login("leerling@hetbaken.example")
        own = str(self.server.scalar(
            "SELECT p.id FROM pupils p JOIN users u ON u.id = p.user_id WHERE u.email = 'leerling@hetbaken.example'"))
        self.assertEqual([p["id"] for p in pupil.get("/api/pupils")[2]["pupils"]], [own])

    def test_every_read_is_audited_before_the_response(self):
        c = self.server.login("zorg@hetbaken.example")
        for _ in range(5):
            before = self.audit_count()
            self.assertEqual(c.get(f"/api/pupils/{self.own}")[0], 200)
            # The row is committed by the time the response arrives: a separate reader sees it.
            self.assertEqual(self.audit_count(), before + 1)
        row = self.server.query("SELECT action, decision, reason, legal_basis, pupil_id FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
        self.assertEqual(row, ("read", "allow", "pupil.school_administration", "school_administration", self.own))
        before = self.audit_count()
        _, _, page = c.get("/api/pupils?limit=7")
        self.assertEqual(self.audit_count(), before + len(page["pupils"]))

    def test_create_validate_and_conflict(self):
        c = self.server.login("zorg@hetbaken.example")
        status, resp, created = c.post("/api/pupils", new_pupil(self.baken, "T-100"))
        self.assertEqual(status, 201, created)
        self.assertTrue(created["id"])
        self.assertTrue(created["guardians"][0]["id"])
        self.assertEqual(created["version"], 1)
        status, _, body = c.post("/api/pupils", new_pupil(self.baken, "T-100"))
        self.assertEqual(status, 409)
        self.assertEqual(body["error"]["field"], "pupil_number")
        status, _, body = c.post("/api/pupils", new_pupil(self.baken, "T-101", bsn="123456789"))
        self.assertEqual((status, body["error"]["field"]), (400, "bsn"))
        status, _, body = c.post("/api/pupils", new_pupil(self.baken, "T-102", date_of_birth="01-05-2012"))
        self.assertEqual((status, body["error"]["field"]), (400, "date_of_birth"))
        bad_guardian = new_pupil(self.baken, "T-103")
        bad_guardian["guardians"][0]["email"] = "geen-adres"
        status, _, body = c.post("/api/pupils", bad_guardian)
        self.assertEqual((status, body["error"]["field"]), (400, "guardians[0].email"))
        status, _, body = c.post("/api/pupils", new_pupil(self.baken, "T-104", mentor_user_id="1"))
        self.assertEqual((status, body["error"]["field"]), (400, "mentor_user_id"))
        mentor = self.server.login("mentor@hetbaken.example")
        status, _, _ = mentor.post("/api/pupils", new_pupil(self.baken, "T-105"))
        self.assertEqual(status, 403)
        self.assertIsNone(self.server.query("SELECT id FROM pupils WHERE pupil_number = 'T-105'") or None)

    def test_update_needs_the_version_it_read(self):
        c = self.server.login("zorg@hetbaken.example")
        _, _, created = c.post("/api/pupils", new_pupil(self.baken, "U-1"))
        update = new_pupil(self.baken, "U-1", **{"class": "2B"})
        del update["school_id"]
        # Guardians are kept by id, never by their place in the list (issue 11).
        for sent, stored in zip(update["guardians"], created["guardians"]):
            sent["id"] = stored["id"]
        status, _, body = c.put(f"/api/pupils/{created['id']}", update)
        self.assertEqual((status, body["error"]["code"]), (428, "precondition_required"))
        status, resp, body = c.put(f"/api/pupils/{created['id']}", update, headers={"If-Match": '"1"'})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["class"], body["version"]), ("2B", 2))
        self.assertEqual(resp.getheader("ETag"), '"2"')
        self.assertEqual(body["guardians"][0]["id"], created["guardians"][0]["id"])
        stale = dict(update, version=1)
        status, _, body = c.put(f"/api/pupils/{created['id']}", stale)
        self.assertEqual((status, body["error"]["code"]), (409, "version_conflict"))
        self.assertEqual(self.server.scalar("SELECT class_name FROM pupils WHERE id = ?", created["id"]), "2B")
        self.assertEqual(c.put(f"/api/pupils/{created['id']}", dict(update, version=2))[0], 200)
        teacher = self.server.login("docent@hetbaken.example")
        self.assertEqual(teacher.put(f"/api/pupils/{created['id']}", dict(update, version=3))[0], 403)


if __name__ == "__main__":
    unittest.main()
