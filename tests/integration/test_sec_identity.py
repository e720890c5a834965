"""Guardians are people, never places in a list (issue 11, item 1). Replacing a guardian
through PUT /api/pupils/{id} or through the CSV import ends the old guardian: their login
loses the child at once (family routes, the case), their open invitation is revoked, the
consent they gave still names them, and the new guardian is a new person who can be invited.
The import's dry run counts guardians added, ended and changed and writes nothing."""
import datetime
import unittest

from samen_harness import (FAMILY_PASSWORD, Client, Server, create_pupil, family_login,
                           open_case_with_family_worker, org_id)

TODAY = datetime.date.today()


class GuardianIdentity(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=30)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.buurtteam = org_id(cls.server, "Buurtteam Lindeveld-Oost")
        cls.zorg = cls.server.login("zorg@hetbaken.example")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def family_of(self, number, father_email):
        """A pupil of 10 whose father has a login and whose mother has an open invitation, a
        case with the family worker at the table, and a consent the father gave."""
        pupil, (mother, father) = create_pupil(
            self.zorg, self.baken, number, 10,
            [("Eva Smit", "moeder", True), ("Ruud Smit", "vader", True)], family_name="Smit")
        father_client = family_login(self.server, self.zorg, pupil, father_email, guardian_id=father)
        status, _, invitation = self.zorg.post(f"/api/pupils/{pupil}/invitations",
                                               {"guardian_id": mother, "email": f"eva.{number}@ouders.example"})
        self.assertEqual(status, 201, invitation)
        case = open_case_with_family_worker(self.server, self.zorg, pupil, ["home"])
        status, _, grant = self.zorg.post(f"/api/pupils/{pupil}/consents", {
            "given_by": {"guardian_ids": [father], "pupil": False},
            "recipients": {"organisation_ids": [self.buurtteam], "roles": []},
            "categories": ["home"], "valid_from": TODAY.isoformat(),
            "valid_until": (TODAY + datetime.timedelta(days=200)).isoformat(),
            "text": "De vader geeft toestemming om met het buurtteam te delen over thuis.",
            "obtained_via": "paper"})
        self.assertEqual(status, 201, grant)
        return dict(pupil=pupil, mother=mother, father=father, father_client=father_client,
                    invitation=invitation, case=case, grant=grant["id"])

    def assert_father_sees(self, f, sees):
        client = f["father_client"]
        listed = [p["id"] for p in client.get("/api/family/pupils")[2]["pupils"]]
        self.assertEqual(f["pupil"] in listed, sees)
        self.assertEqual(client.get(f"/api/pupils/{f['pupil']}")[0], 200 if sees else 404)
        self.assertEqual(client.get(f"/api/cases/{f['case']}")[0], 200 if sees else 404)
        self.assertEqual(client.get(f"/api/cases/{f['case']}/entries")[0], 200 if sees else 404)
        cases = [c["id"] for c in client.get("/api/cases")[2]["cases"]]
        self.assertEqual(f["case"] in cases, sees)
        self.assertEqual(client.get(f"/api/family/pupils/{f['pupil']}/access-log")[0], 200 if sees else 404)

    def assert_ended_but_named(self, f, record):
        """The old guardians are ended, not overwritten; the consent still names the father."""
        ended = {g["id"]: g for g in record["ended_guardians"]}
        self.assertEqual(set(ended), {f["mother"], f["father"]})
        for g in ended.values():
            self.assertIsNotNone(g["until"])
        self.assertEqual(ended[f["father"]]["name"], "Ruud Smit")
        self.assertTrue(ended[f["father"]]["has_login"])
        current = record["guardians"]
        self.assertEqual(len(current), 1)
        self.assertNotIn(current[0]["id"], (f["mother"], f["father"]))
        self.assertFalse(current[0]["has_login"])
        self.assertIsNone(current[0]["until"])
        _, _, grant = self.zorg.get(f"/api/consents/{f['grant']}")
        self.assertEqual(grant["given_by"]["guardian_ids"], [f["father"]])
        _, _, invitations = self.zorg.get(f"/api/pupils/{f['pupil']}/invitations")
        status = {i["id"]: i["status"] for i in invitations["invitations"]}
        self.assertEqual(status[f["invitation"]["id"]], "revoked")
        accepted = Client(self.server.port).post(f"/api/invitations/{f['invitation']['token']}/accept",
                                                 {"password": FAMILY_PASSWORD})
        self.assertNotEqual(accepted[0], 201)
        return current[0]

    def assert_new_guardian_can_be_invited(self, f, guardian_id, email):
        client = family_login(self.server, self.zorg, f["pupil"], email, guardian_id=guardian_id)
        self.assertEqual(client.get(f"/api/cases/{f['case']}")[0], 200)
        _, _, record = client.get(f"/api/pupils/{f['pupil']}")
        me = [g for g in record["guardians"] if g["is_you"]]
        self.assertEqual([g["id"] for g in me], [guardian_id])

    def test_put_names_the_guardians_it_keeps_and_ends_the_others(self):
        f = self.family_of("ID-PUT", "ruud.put@ouders.example")
        self.assert_father_sees(f, True)
        _, resp, record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        body = {k: record[k] for k in ("pupil_number", "given_name", "family_name", "date_of_birth", "class")}
        body["guardians"] = [{"name": "Karin de Wit", "relation": "voogd", "parental_authority": True}]
        status, _, updated = self.zorg.put(f"/api/pupils/{f['pupil']}", body, headers={"If-Match": resp.getheader("ETag")})
        self.assertEqual(status, 200, updated)
        # At once: the old father's login no longer reaches the child or the case.
        self.assert_father_sees(f, False)
        _, _, record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        new = self.assert_ended_but_named(f, record)
        self.assertEqual(new["name"], "Karin de Wit")
        self.assertIsNotNone(new["from"])
        ended_events = self.server.query(
            "SELECT resource_id FROM audit_log WHERE action = 'end' AND resource_type = 'guardian' "
            "AND pupil_id = ? ORDER BY resource_id", f["pupil"])
        self.assertEqual(sorted(r[0] for r in ended_events), sorted([f["mother"], f["father"]]))
        self.assert_new_guardian_can_be_invited(f, new["id"], "karin.dewit@ouders.example")

    def test_put_refuses_ids_that_are_not_current_guardians_alike_and_changes_nothing(self):
        f = self.family_of("ID-BAD", "ruud.bad@ouders.example")
        other, (other_guardian,) = create_pupil(self.zorg, self.baken, "ID-OTHER", 9, [("Els Kok", "moeder", True)])
        _, resp, record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        body = {k: record[k] for k in ("pupil_number", "given_name", "family_name", "date_of_birth", "class")}
        answers = []
        for foreign in (other_guardian, "999999", "not-an-id"):
            body["guardians"] = [{"id": f["mother"], "name": "Eva Smit", "relation": "moeder", "parental_authority": True},
                                 {"id": foreign, "name": "Els Kok", "relation": "moeder", "parental_authority": True}]
            status, _, answer = self.zorg.put(f"/api/pupils/{f['pupil']}", body,
                                              headers={"If-Match": resp.getheader("ETag")})
            self.assertEqual((status, answer["error"]["field"]), (400, "guardians[1].id"), answer)
            answers.append(answer["error"]["message"])
        # Another pupil's guardian is refused exactly like one that does not exist.
        self.assertEqual(len(set(answers)), 1, answers)
        _, _, after = self.zorg.get(f"/api/pupils/{f['pupil']}")
        self.assertEqual(after["version"], record["version"])
        self.assertEqual([g["id"] for g in after["guardians"]], [f["mother"], f["father"]])
        self.assertEqual(after["ended_guardians"], [])
        self.assert_father_sees(f, True)
        _, _, untouched = self.zorg.get(f"/api/pupils/{other}")
        self.assertEqual([g["id"] for g in untouched["guardians"]], [other_guardian])

    def test_put_keeps_a_guardian_by_id_whatever_their_place_in_the_list(self):
        f = self.family_of("ID-ORDER", "ruud.order@ouders.example")
        _, resp, record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        body = {k: record[k] for k in ("pupil_number", "given_name", "family_name", "date_of_birth", "class")}
        body["guardians"] = [
            {"name": "Karin de Wit", "relation": "voogd", "parental_authority": True},
            {"id": f["father"], "name": "Ruud Smit", "relation": "vader", "parental_authority": True,
             "phone": "06-11112222"}]
        status, _, updated = self.zorg.put(f"/api/pupils/{f['pupil']}", body, headers={"If-Match": resp.getheader("ETag")})
        self.assertEqual(status, 200, updated)
        self.assert_father_sees(f, True)
        by_id = {g["id"]: g for g in updated["guardians"]}
        self.assertEqual(by_id[f["father"]]["phone"], "06-11112222")
        self.assertEqual([g["id"] for g in updated["ended_guardians"]], [f["mother"]])

    def upload(self, text, dry_run):
        path = f"/api/pupils/import?school_id={self.baken}" + ("&dry_run=true" if dry_run else "")
        return self.zorg.request("POST", path, raw=text.encode("utf-8"), content_type="text/csv")

    def test_the_import_matches_by_number_or_name_and_contact_and_ends_the_rest(self):
        f = self.family_of("ID-CSV", "ruud.csv@ouders.example")
        _, _, record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        dob = datetime.date.fromisoformat(record["date_of_birth"]).strftime("%d-%m-%Y")
        # The mother is known by name and e-mail address (her number is new); the father is
        # gone from the file; the second guardian of the file is a new person.
        header = ("leerlingnummer;roepnaam;achternaam;geboortedatum;klas;"
                  "ouder1_nummer;ouder1_naam;ouder1_email;ouder1_gezag;"
                  "ouder2_nummer;ouder2_naam;ouder2_telefoon;ouder2_gezag\n")
        self.zorg.put(f"/api/pupils/{f['pupil']}", {
            **{k: record[k] for k in ("pupil_number", "given_name", "family_name", "date_of_birth", "class")},
            "guardians": [{"id": f["mother"], "name": "Eva Smit", "relation": "moeder", "parental_authority": True,
                           "email": "eva.smit@ouders.example"},
                          {"id": f["father"], "name": "Ruud Smit", "relation": "vader", "parental_authority": True}]},
            headers={"If-Match": f'"{record["version"]}"'})
        text = header + (f"ID-CSV;Noor;Smit;{dob};1B;G-100;Eva Smit;eva.smit@ouders.example;ja;"
                         f"G-200;Karin de Wit;06-99998888;ja\n")
        status, _, dry = self.upload(text, dry_run=True)
        self.assertEqual(status, 200, dry)
        self.assertEqual((dry["updated"], dry["guardians"]["added"], dry["guardians"]["ended"],
                          dry["guardians"]["changed"]), (1, 1, 1, 1), dry)
        changes = {(c["change"], c["name"]) for c in dry["guardians"]["changes"]}
        self.assertEqual(changes, {("added", "Karin de Wit"), ("ended", "Ruud Smit"), ("changed", "Eva Smit")})
        self.assertTrue(all(c["pupil_number"] == "ID-CSV" and c["line"] == 2 for c in dry["guardians"]["changes"]))
        # The dry run wrote nothing.
        self.assert_father_sees(f, True)
        _, _, unchanged = self.zorg.get(f"/api/pupils/{f['pupil']}")
        self.assertEqual(len(unchanged["guardians"]), 2)

        status, _, done = self.upload(text, dry_run=False)
        self.assertEqual(status, 200, done)
        self.assertEqual(done["guardians"]["ended"], 1)
        self.assert_father_sees(f, False)
        _, _, after = self.zorg.get(f"/api/pupils/{f['pupil']}")
        by_id = {g["id"]: g for g in after["guardians"]}
        self.assertEqual(by_id[f["mother"]]["number"], "G-100")
        self.assertEqual([g["id"] for g in after["ended_guardians"]], [f["father"]])
        new = [g for g in after["guardians"] if g["id"] != f["mother"]]
        self.assertEqual([(g["name"], g["number"]) for g in new], [("Karin de Wit", "G-200")])
        _, _, grant = self.zorg.get(f"/api/consents/{f['grant']}")
        self.assertEqual(grant["given_by"]["guardian_ids"], [f["father"]])
        self.assert_new_guardian_can_be_invited(f, new[0]["id"], "karin.csv@ouders.example")

        # By number: a new spelling of the mother's name is the same person; the same file
        # again changes nothing.
        renamed = text.replace("G-100;Eva Smit", "G-100;Eva Smit-de Boer")
        _, _, again = self.upload(renamed, dry_run=False)
        self.assertEqual((again["guardians"]["added"], again["guardians"]["ended"], again["guardians"]["changed"]),
                         (0, 0, 1), again)
        _, _, renamed_record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        self.assertIn(f["mother"], [g["id"] for g in renamed_record["guardians"]])
        _, _, same = self.upload(renamed, dry_run=True)
        self.assertEqual((same["unchanged"], same["guardians"]["changes"]), (1, []), same)

    def test_a_failing_import_ends_nobody(self):
        f = self.family_of("ID-FAIL", "ruud.fail@ouders.example")
        _, _, record = self.zorg.get(f"/api/pupils/{f['pupil']}")
        dob = datetime.date.fromisoformat(record["date_of_birth"]).strftime("%d-%m-%Y")
        text = ("leerlingnummer;roepnaam;achternaam;geboortedatum;klas;ouder1_naam;ouder1_relatie\n"
                f"ID-FAIL;Noor;Smit;{dob};1B;Karin de Wit;voogd\n"
                "ID-FAIL-2;Kim;Bos;31-02-2012;1B;;\n")
        status, _, answer = self.upload(text, dry_run=False)
        self.assertEqual(status, 400, answer)
        self.assert_father_sees(f, True)
        _, _, after = self.zorg.get(f"/api/pupils/{f['pupil']}")
        self.assertEqual([g["id"] for g in after["guardians"]], [f["mother"], f["father"]])


if __name__ == "__main__":
    unittest.main()
