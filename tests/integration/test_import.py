"""Pupil CSV import, over the API and from the command line: dry run, all or nothing,
idempotency, every error listed with line and column."""
import os
import tempfile
import unittest

from samen_harness import Server, org_id, run_cli

GOOD = ("\ufeffLeerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Ouder1_naam;Ouder1_email;Ouder1_gezag\r\n"
        "900001;Sanne;van der;Berg;01-05-2012;1A;Marieke van der Berg;marieke@ouders.example;ja\r\n"
        "900002;Daan;;Jansen;2011-12-31;1B;;;\r\n"
        "900003;\"Noor \"\"Nono\"\"\";de;Vries;15-02-2012;1A;Piet de Vries;;nee\r\n")

BROKEN = ("leerlingnummer;roepnaam;achternaam;geboortedatum;bsn\n"
          "910001;Anna;Bos;31-02-2012;\n"
          "910002;;Kok;01-01-2012;\n"
          "910003;Noah;Maas;01-01-2012;123456789\n"
          "910004;Eva;Vos;01-01-2012;111222333\n")


def many(first, rows, changed=(), mentor=None):
    """A file of more rows than the importer handles in one batch (1,000); `changed` rows
    get another class, row 1500 names `mentor`."""
    lines = ["leerlingnummer;roepnaam;achternaam;geboortedatum;klas;mentor"]
    for i in range(rows):
        lines.append(f"{first + i};Kim;Batch {i};01-02-2012;{'2B' if i in changed else '1A'};"
                     f"{mentor if mentor and i == 1500 else ''}")
    return "\n".join(lines) + "\n"


class ImportOverHttp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=30)
        cls.baken = org_id(cls.server, "Het Baken College")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def upload(self, client, text, dry_run=False, school=None):
        path = f"/api/pupils/import?school_id={school or self.baken}" + ("&dry_run=true" if dry_run else "")
        return client.request("POST", path, raw=text.encode("utf-8"), content_type="text/csv")

    def pupils(self):
        return self.server.scalar("SELECT count(*) FROM pupils")

    def test_dry_run_then_import_then_idempotent_then_update(self):
        c = self.server.login("zorg@hetbaken.example")
        before = self.pupils()
        status, _, body = self.upload(c, GOOD, dry_run=True)
        self.assertEqual(status, 200, body)
        self.assertEqual((body["created"], body["updated"], body["unchanged"], body["dry_run"]), (3, 0, 0, True))
        self.assertEqual(self.pupils(), before, "a dry run writes nothing")
        status, _, body = self.upload(c, GOOD)
        self.assertEqual((status, body["created"], body["committed"]), (200, 3, True))
        self.assertEqual(self.pupils(), before + 3)
        name = self.server.query("SELECT given_name, name_prefix FROM pupils WHERE pupil_number = '900003'")[0]
        self.assertEqual(name, ('Noor "Nono"', "de"))
        authority = self.server.scalar(
            "SELECT g.parental_authority FROM guardians g JOIN pupils p ON p.id = g.pupil_id WHERE p.pupil_number = '900003'")
        self.assertEqual(authority, 0)
        status, _, body = self.upload(c, GOOD)
        self.assertEqual((body["created"], body["updated"], body["unchanged"]), (0, 0, 3))
        self.assertEqual(self.pupils(), before + 3)
        changed = GOOD.replace("900002;Daan;;Jansen;2011-12-31;1B", "900002;Daan;;Jansen;2011-12-31;2B")
        status, _, body = self.upload(c, changed)
        self.assertEqual((body["created"], body["updated"], body["unchanged"]), (0, 1, 2))
        self.assertEqual(self.server.scalar("SELECT class_name FROM pupils WHERE pupil_number = '900002'"), "2B")
        creates = self.server.scalar(
            "SELECT count(*) FROM audit_log WHERE action IN ('create', 'update') AND resource_type = 'pupil'")
        self.assertGreaterEqual(creates, 4, "every imported change is audited")

    def test_a_broken_file_changes_nothing_and_lists_every_error(self):
        c = self.server.login("zorg@hetbaken.example")
        before = self.pupils()
        status, _, body = self.upload(c, BROKEN)
        self.assertEqual(status, 400)
        error = body["error"]
        self.assertEqual(error["code"], "invalid_csv")
        found = [(d["line"], d["column"]) for d in error["details"]]
        self.assertEqual(found, [(2, "geboortedatum"), (3, "roepnaam"), (4, "bsn")])
        self.assertEqual(self.pupils(), before)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils WHERE pupil_number = '910004'"), 0)

    def test_a_large_file_across_batches_then_again_then_with_changes(self):
        c = self.server.login("zorg@hetbaken.example")
        before = self.pupils()
        status, _, body = self.upload(c, many(920000, 2500))
        self.assertEqual((status, body["created"]), (200, 2500), body)
        status, _, body = self.upload(c, many(920000, 2500, changed={3, 1999, 2400}))
        self.assertEqual((body["created"], body["updated"], body["unchanged"]), (0, 3, 2497))
        self.assertEqual(self.pupils(), before + 2500)
        self.assertEqual(self.server.scalar("SELECT class_name FROM pupils WHERE pupil_number = '922400'"), "2B")

    def test_numbers_twice_in_a_file_and_unknown_mentors_are_errors(self):
        c = self.server.login("zorg@hetbaken.example")
        before = self.pupils()
        text = many(930000, 2500, mentor="niemand@hetbaken.example").replace(
            "932300;Kim;Batch 2300", "930007;Kim;Batch 2300")
        for dry_run in (True, False):
            status, _, body = self.upload(c, text, dry_run=dry_run)
            self.assertEqual(status, 400, body)
            found = [(d["line"], d["column"]) for d in body["error"]["details"]]
            self.assertEqual(found, [(1502, "mentor"), (2302, "leerlingnummer")])
            self.assertIn("930007 appears more than once", body["error"]["details"][1]["message"])
        self.assertEqual(self.pupils(), before)

    def test_only_school_administration_imports_into_its_own_school(self):
        mentor = self.server.login("mentor@hetbaken.example")
        self.assertEqual(self.upload(mentor, GOOD)[0], 403)
        other = self.server.login("ib@wilgenhoek.example")
        self.assertEqual(self.upload(other, GOOD)[0], 403)
        c = self.server.login("zorg@hetbaken.example")
        status, _, body = c.request("POST", f"/api/pupils/import?school_id={self.baken}", raw=b"x", content_type="text/plain")
        self.assertEqual(status, 415)


class ImportFromTheCommandLine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=20)
        cls.server.stop()
        cls.tmp = tempfile.mkdtemp()

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_dry_run_import_and_rerun(self):
        path = self.write("good.csv", GOOD)
        before = self.server.scalar("SELECT count(*) FROM pupils")
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", "--dry-run", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3 created, 0 updated, 0 unchanged", r.stdout)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils"), before)
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils"), before + 3)
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", path)
        self.assertIn("0 created, 0 updated, 3 unchanged", r.stdout)
        verify = run_cli("audit", "verify", "--db", self.server.db)
        self.assertEqual(verify.returncode, 0, verify.stderr)

    def test_errors_name_line_and_column_and_write_nothing(self):
        path = self.write("broken.csv", BROKEN)
        before = self.server.scalar("SELECT count(*) FROM pupils")
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", path)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("broken.csv:2: column geboortedatum:", r.stderr)
        self.assertIn("broken.csv:3: column roepnaam:", r.stderr)
        self.assertIn("broken.csv:4: column bsn:", r.stderr)
        self.assertIn("nothing was imported", r.stderr)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils"), before)
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Nergens", path)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("--school", r.stderr)

    def test_a_large_file_with_a_repeated_number_writes_nothing(self):
        text = many(940000, 2500).replace("942499;Kim;Batch 2499", "940000;Kim;Batch 2499")
        path = self.write("twice.csv", text)
        before = self.server.scalar("SELECT count(*) FROM pupils")
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", path)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("twice.csv:2501: column leerlingnummer: pupil number 940000 appears more than once", r.stderr)
        self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils"), before)
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College",
                    self.write("fixed.csv", many(940000, 2500)))
        self.assertIn("2500 created, 0 updated, 0 unchanged", r.stdout)

    def test_a_pipe_is_refused_because_the_file_is_read_twice(self):
        r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", "/dev/stdin",
                    stdin=GOOD)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("not a regular file", r.stderr)


if __name__ == "__main__":
    unittest.main()
