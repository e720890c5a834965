"""A real first install (issue 12): `samen init` on an empty database creates the region, its
first organisation and an administrator, and prints a one-time link to set the password; a
second init is refused. The link sets the password once (POST /api/password-setup, the token
in the body), then the administrator logs in; a used, expired or unknown token gets one and
the same answer, each refusal audited; the token never reaches the server's log. The walk of
docs/operations.md follows: a school, its care coordinator, the first pupils imported."""
import os
import re
import shutil
import tempfile
import unittest

from samen_harness import Client, Server, drop_database, new_database, run_cli

EMAIL = "beheer@regio-noord.example"
PASSWORD = "Noord-eerste-beheer-2027!"
CSV = ("leerlingnummer;roepnaam;achternaam;geboortedatum;klas\n"
       "100001;Sanne;Bakker;01-05-2012;1A\n"
       "100002;Daan;Visser;31-12-2011;1B\n")
LINK = re.compile(r"(https?://\S+)/wachtwoord-instellen#([A-Za-z0-9_-]+)")


def init(db, *extra):
    return run_cli("init", "--db", db, "--region", "Regio Noord", "--organisation", "Gemeente Noord",
                   "--admin-email", EMAIL, "--admin-name", "Bea Beheer", *extra)


class FirstInstall(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="samen-init-")
        cls.db = new_database(cls.dir)
        cls.first = init(cls.db, "--base-url", "https://samen.regio-noord.example/")
        cls.server = None
        if cls.first.returncode == 0:
            cls.server = Server(db=cls.db, directory=cls.dir)

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.stop()
        drop_database(cls.db)
        shutil.rmtree(cls.dir, ignore_errors=True)

    def token(self, result):
        self.assertEqual(result.returncode, 0, result.stderr)
        match = LINK.search(result.stdout)
        self.assertIsNotNone(match, result.stdout)
        return match.group(1), match.group(2)

    def setup(self, token, password=PASSWORD):
        return Client(self.server.port).post("/api/password-setup", {"token": token, "password": password})

    def test_1_init_creates_the_region_and_prints_the_link(self):
        base, token = self.token(self.first)
        self.assertEqual(base, "https://samen.regio-noord.example")
        self.assertEqual(self.server.query("SELECT name FROM regions"), [("Regio Noord",)])
        self.assertEqual(self.server.query("SELECT name, type FROM organisations"),
                         [("Gemeente Noord", "municipality")])
        self.assertEqual(self.server.query(
            "SELECT u.email, u.name, m.role FROM users u JOIN memberships m ON m.user_id = u.id"),
            [(EMAIL, "Bea Beheer", "admin")])
        # Only the token's hash is kept; the link expires in 72 hours.
        stored = self.server.query("SELECT token_hash, expires_at - created_at FROM password_setups")
        self.assertEqual(len(stored), 1)
        self.assertNotIn(token, stored[0][0])
        self.assertEqual(stored[0][1], 72 * 3600 * 1000)
        made = {r[0] for r in self.server.query("SELECT resource_type FROM audit_log WHERE action = 'create'")}
        self.assertLessEqual({"region", "organisation", "user", "membership", "password_link"}, made)

    def test_2_a_second_init_is_refused(self):
        again = init(self.db)
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("has a region already", again.stderr)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM regions"), 1)
        # Asked clearly, another region is added (with its own administrator).
        other = run_cli("init", "--db", self.db, "--region", "Regio Zuid", "--organisation", "Gemeente Zuid",
                        "--admin-email", "beheer@regio-zuid.example", "--add-region")
        self.token(other)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM regions"), 2)

    def test_3_the_link_sets_the_password_once_then_the_admin_logs_in(self):
        _, token = self.token(self.first)
        status, _, body = Client(self.server.port).login(EMAIL, PASSWORD)
        self.assertEqual(status, 401, "no password before the link is used")
        status, _, body = self.setup(token, "kort")
        self.assertEqual((status, body["error"]["code"]), (400, "weak_password"))
        status, resp, body = self.setup(token)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["email"], EMAIL)
        self.assertEqual(resp.getheader("Cache-Control"), "no-store")
        admin = self.server.login(EMAIL, PASSWORD)
        status, _, me = admin.get("/api/me")
        self.assertEqual((status, me["active_membership"]["role"]), (200, "admin"))
        # Used once: the same link again, an unknown token and an expired link all get one answer.
        used = self.setup(token, "Een-heel-ander-wachtwoord-2027")
        unknown = self.setup("x" * 43, "Een-heel-ander-wachtwoord-2027")
        fresh = self.token(run_cli("user", "setup-link", "--db", self.db, "--email", EMAIL))[1]
        self.server.execute("UPDATE password_setups SET expires_at = created_at WHERE used_at IS NULL")
        expired = self.setup(fresh, "Een-heel-ander-wachtwoord-2027")
        answers = [(s, b["error"]) for s, _, b in (used, unknown, expired)]
        self.assertEqual(answers[0][0], 410)
        self.assertEqual(answers[0], answers[1])
        self.assertEqual(answers[0], answers[2])
        self.assertEqual(answers[0][1]["code"], "password_link_invalid")
        self.server.login(EMAIL, PASSWORD)  # the password stayed
        reasons = [r[0] for r in self.server.query(
            "SELECT reason FROM audit_log WHERE resource_type = 'user' AND decision = 'deny' ORDER BY seq")]
        self.assertEqual(reasons[-3:], ["password_link_used", "password_link_unknown", "password_link_expired"])
        allowed = self.server.query(
            "SELECT actor_user_id, region_id FROM audit_log WHERE action = 'set_password' AND decision = 'allow'")
        self.assertEqual(len(allowed), 1)
        # A new link made after the password was set works, and ends older open links.
        newer = self.token(run_cli("user", "setup-link", "--db", self.db, "--email", EMAIL))[1]
        self.assertEqual(self.setup(newer, "Een-heel-ander-wachtwoord-2027")[0], 200)
        self.server.login(EMAIL, "Een-heel-ander-wachtwoord-2027")

    def test_4_from_init_to_the_first_imported_school(self):
        """docs/operations.md, "A new region": the school, its care coordinator, the pupils."""
        admin = self.server.login(EMAIL, "Een-heel-ander-wachtwoord-2027")
        status, _, school = admin.post("/api/organisations", {
            "name": "Noorderlicht College", "type": "school", "school_type": "secondary"})
        self.assertEqual(status, 201, school)
        status, _, user = admin.post("/api/users", {
            "email": "zorg@noorderlicht.example", "name": "Zeynep Zorg", "password": "Zorg-noorderlicht-2027!",
            "memberships": [{"organisation_id": school["id"], "role": "care_coordinator"}]})
        self.assertEqual(status, 201, user)
        path = os.path.join(self.dir, "leerlingen.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(CSV)
        dry = run_cli("import", "pupils", "--db", self.db, "--school", "Noorderlicht College", "--dry-run", path)
        self.assertEqual(dry.returncode, 0, dry.stderr)
        self.assertIn("2 created", dry.stdout)
        done = run_cli("import", "pupils", "--db", self.db, "--school", "Noorderlicht College", path)
        self.assertEqual(done.returncode, 0, done.stderr)
        coordinator = self.server.login("zorg@noorderlicht.example", "Zorg-noorderlicht-2027!")
        status, _, pupils = coordinator.get("/api/pupils")
        self.assertEqual(status, 200, pupils)
        self.assertEqual(sorted(p["family_name"] for p in pupils["pupils"]), ["Bakker", "Visser"])

    def test_5_no_token_in_the_server_log(self):
        tokens = [m.group(2) for m in LINK.finditer(self.first.stdout)]
        self.assertTrue(tokens)
        log = "".join(self.server.output)
        self.assertIn("/api/password-setup", log)  # the requests were logged, by route
        for token in tokens:
            self.assertNotIn(token, log)


class InitOptions(unittest.TestCase):
    def test_bad_options_are_refused_before_anything_is_written(self):
        directory = tempfile.mkdtemp(prefix="samen-init-")
        db = new_database(directory)
        try:
            r = run_cli("init", "--db", db, "--region", "R", "--organisation", "O", "--admin-email", "geen-adres")
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("--admin-email", r.stderr)
            r = run_cli("init", "--db", db, "--region", "R", "--organisation", "O", "--admin-email", "a@b.example",
                        "--organisation-type", "bakkerij")
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("--organisation-type", r.stderr)
            r = run_cli("init", "--db", db, "--region", "R", "--organisation", "SWV", "--admin-email", "a@b.example",
                        "--organisation-type", "partnership")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("(partnership)", r.stdout)
        finally:
            drop_database(db)
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
