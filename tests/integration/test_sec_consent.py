"""Consent comes from the family, not from the one it benefits (issue 11, item 3), over real
HTTP on both backends.

A case lead of the neighbourhood team records a grant "on the family's word" that names its
own organisation: it is pending — the lead still cannot read the school's entries — until a
second professional of the school who is not a recipient confirms it (a recipient and the
recorder themself are refused), or the family signs it in the portal. The family sees every
grant recorded for it, pending ones too, with who recorded it and how it was obtained.

The normal way is a consent request the family answers in the portal: under 12 a guardian
answers, 12 to 15 a guardian and the pupil, from 16 the pupil alone; a decline closes the
request, the sender may withdraw it, and an agreed request becomes a grant at once."""
import datetime
import unittest

from samen_harness import (Server, create_pupil, family_login, membership_id_of,
                           open_case_with_family_worker, org_id)

TODAY = datetime.date.today().isoformat()


class ConsentFromTheFamily(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        cls.baken = org_id(cls.server, "Het Baken College")
        cls.buurtteam = org_id(cls.server, "Buurtteam Lindeveld-Oost")
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.mentor = cls.server.login("mentor@hetbaken.example")
        cls.worker = cls.server.login("gezinswerker@buurtteam.example")
        cls.counter = 0

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # A pupil of `age` with two guardians (logins for the first), a case with the family worker
    # at the table and an entry of the school in category home: (pupil, guardians, case, entry,
    # guardian client).
    def family(self, age, lead_is_worker=False, pupil_login=False):
        type(self).counter += 1
        n = type(self).counter
        pupil, guardians = create_pupil(self.zorg, self.baken, f"SC-{n}", age,
                                        [("Eva Visser", "moeder", True), ("Ruud Visser", "vader", True)])
        case = open_case_with_family_worker(self.server, self.zorg, pupil, ["home"])
        if lead_is_worker:
            _, _, c = self.zorg.get(f"/api/cases/{case}")
            status, _, body = self.zorg.put(f"/api/cases/{case}", {
                "lead_membership_id": membership_id_of(self.server, "gezinswerker@buurtteam.example"),
                "categories": ["home"], "version": c["version"]})
            self.assertEqual(status, 200, body)
        status, _, entry = self.zorg.post(f"/api/cases/{case}/entries", {
            "kind": "conversation", "category": "home", "audience": "case_team",
            "text": "Gesprek met moeder over de situatie thuis."})
        self.assertEqual(status, 201, entry)
        parent = family_login(self.server, self.zorg, pupil, f"ouder{n}@sec.example", guardians[0])
        child = family_login(self.server, self.zorg, pupil, f"kind{n}@sec.example") if pupil_login else None
        return pupil, guardians, case, entry["id"], parent, child

    def record(self, client, pupil, guardians, recipients, **extra):
        body = {"given_by": {"guardian_ids": guardians[:1]}, "recipients": recipients,
                "categories": ["home"], "valid_from": TODAY, "obtained_via": "conversation",
                "text": "Moeder vertelde in een gesprek dat het buurtteam mag meekijken."}
        body.update(extra)
        return client.post(f"/api/pupils/{pupil}/consents", body)

    def worker_sees(self, entry):
        return self.worker.get(f"/api/entries/{entry}")[0] == 200

    def audit(self, resource_type, resource_id):
        return self.server.query(
            "SELECT action, decision, reason, legal_basis, actor_role FROM audit_log "
            "WHERE resource_type = ? AND resource_id = ? ORDER BY seq", resource_type, resource_id)

    def test_a_lead_naming_its_own_organisation_waits_for_a_second_professional(self):
        pupil, guardians, case, entry, parent, _ = self.family(11, lead_is_worker=True)
        status, _, grant = self.record(self.worker, pupil, guardians, {"organisation_ids": [self.buurtteam]})
        self.assertEqual(status, 201, grant)
        self.assertEqual((grant["status"], grant["awaits_confirmation"], grant["obtained_via"]),
                         ("pending", True, "conversation"))
        # The lead's access to the school's entries does not widen.
        self.assertFalse(self.worker_sees(entry))
        status, _, why = self.worker.get(f"/api/cases/{case}/entries")
        self.assertNotIn(entry, [e["id"] for e in why["entries"]])
        # The recorder does not confirm their own grant.
        status, _, refused = self.worker.post(f"/api/consents/{grant['id']}/confirm")
        self.assertEqual((status, refused["error"]["code"]), (403, "forbidden"), refused)
        # The school's care coordinator, not a recipient, does: it counts from then on.
        _, _, listed = self.zorg.get(f"/api/pupils/{pupil}/consents")
        mine = next(g for g in listed["consents"] if g["id"] == grant["id"])
        self.assertTrue(mine["may"]["confirm"])
        status, _, confirmed = self.zorg.post(f"/api/consents/{grant['id']}/confirm", {"version": grant["version"]})
        self.assertEqual(status, 200, confirmed)
        self.assertEqual((confirmed["status"], confirmed["confirmed_by"]), ("active", "professional"))
        self.assertTrue(self.worker_sees(entry))
        status, _, again = self.zorg.post(f"/api/consents/{grant['id']}/confirm")
        self.assertEqual((status, again["error"]["code"]), (409, "already_confirmed"))
        self.assertEqual([r[:2] for r in self.audit("consent", grant["id"])],
                         [("create", "allow"), ("denied", "deny"), ("confirm", "allow")])

    def test_a_recipient_does_not_confirm(self):
        pupil, guardians, _, entry, _, _ = self.family(11, lead_is_worker=True)
        # The grant names the care coordinator's role too: the coordinator benefits and may not confirm.
        status, _, grant = self.record(self.worker, pupil, guardians,
                                       {"organisation_ids": [self.buurtteam], "roles": ["care_coordinator"]})
        self.assertEqual(status, 201, grant)
        status, _, refused = self.zorg.post(f"/api/consents/{grant['id']}/confirm")
        self.assertEqual(status, 403, refused)
        self.assertIn("recipient", refused["error"]["message"])
        _, _, listed = self.zorg.get(f"/api/pupils/{pupil}/consents")
        self.assertFalse(next(g for g in listed["consents"] if g["id"] == grant["id"])["may"]["confirm"])
        self.assertFalse(self.worker_sees(entry))
        self.assertEqual(self.audit("consent", grant["id"])[-1][:3], ("denied", "deny", "recipient"))

    def test_a_grant_through_the_role_is_self_widening_too(self):
        pupil, guardians, _, entry, _, _ = self.family(11, lead_is_worker=True)
        status, _, grant = self.record(self.worker, pupil, guardians, {"roles": ["family_worker"]})
        self.assertEqual((status, grant["status"]), (201, "pending"), grant)
        self.assertFalse(self.worker_sees(entry))

    def test_a_grant_for_others_counts_at_once(self):
        pupil, guardians, _, entry, _, _ = self.family(11)
        status, _, grant = self.record(self.zorg, pupil, guardians, {"organisation_ids": [self.buurtteam]},
                                       obtained_via="paper")
        self.assertEqual((status, grant["status"], grant["awaits_confirmation"]), (201, "active", False), grant)
        self.assertTrue(self.worker_sees(entry))

    def test_a_professional_says_how_it_was_obtained(self):
        pupil, guardians, _, _, _, _ = self.family(11)
        for via in (None, "portal", "by pigeon"):
            extra = {"obtained_via": via} if via else {}
            body = {"given_by": {"guardian_ids": guardians[:1]}, "recipients": {"organisation_ids": [self.buurtteam]},
                    "categories": ["home"], "valid_from": TODAY, "text": "x", **extra}
            status, _, refused = self.zorg.post(f"/api/pupils/{pupil}/consents", body)
            self.assertEqual((status, refused["error"]["field"]), (400, "obtained_via"), (via, refused))

    def test_the_family_sees_the_pending_grant_and_confirms_it_by_signing(self):
        pupil, guardians, _, entry, parent, _ = self.family(11, lead_is_worker=True)
        _, _, grant = self.record(self.worker, pupil, guardians, {"organisation_ids": [self.buurtteam]})
        status, _, listed = parent.get(f"/api/pupils/{pupil}/consents")
        self.assertEqual(status, 200, listed)
        seen = next(g for g in listed["consents"] if g["id"] == grant["id"])
        self.assertEqual((seen["status"], seen["obtained_via"], seen["recorded_by"]["role"]),
                         ("pending", "conversation", "family_worker"))
        self.assertEqual(seen["recorded_by"]["organisation"], "Buurtteam Lindeveld-Oost")
        self.assertNotIn("name", seen["recorded_by"], "the family sees roles, not people")
        # The parent signs it in the portal: the family confirmed it.
        status, _, signed = parent.post(f"/api/consents/{grant['id']}/sign", {"by": {"guardian_id": guardians[0]}})
        self.assertEqual(status, 200, signed)
        self.assertEqual((signed["status"], signed["confirmed_by"]), ("active", "family"))
        self.assertTrue(self.worker_sees(entry))
        status, _, again = parent.post(f"/api/consents/{grant['id']}/sign", {"by": {"guardian_id": guardians[0]}})
        self.assertEqual((status, again["error"]["code"]), (409, "already_signed"))

    def test_a_professional_signing_on_the_familys_word_does_not_confirm(self):
        pupil, guardians, _, entry, _, _ = self.family(11, lead_is_worker=True)
        _, _, grant = self.record(self.worker, pupil, guardians, {"organisation_ids": [self.buurtteam]})
        status, _, signed = self.worker.post(f"/api/consents/{grant['id']}/sign", {"by": {"guardian_id": guardians[1]}})
        self.assertEqual(status, 200, signed)
        self.assertEqual(signed["status"], "pending")
        self.assertFalse(self.worker_sees(entry))

    # Consent requests, per WGBO band.
    def send(self, pupil, client=None):
        status, _, request = (client or self.zorg).post(f"/api/pupils/{pupil}/consent-requests", {
            "recipients": {"organisation_ids": [self.buurtteam]}, "categories": ["home"],
            "valid_from": TODAY,
            "text": "Mag de gezinswerker van het buurtteam meekijken naar de situatie thuis?"})
        self.assertEqual(status, 201, request)
        self.assertEqual(request["status"], "open")
        return request

    def answer(self, client, request, by, agree=True):
        return client.post(f"/api/consent-requests/{request['id']}/answer", {"by": by, "agree": agree})

    def test_under_twelve_a_guardian_answers(self):
        pupil, guardians, _, entry, parent, _ = self.family(11)
        request = self.send(pupil)
        self.assertFalse(self.worker_sees(entry))
        status, _, listed = parent.get(f"/api/pupils/{pupil}/consent-requests")
        self.assertEqual(status, 200, listed)
        shown = next(r for r in listed["requests"] if r["id"] == request["id"])
        self.assertEqual(shown["may"]["answer_as"], [{"guardian_id": guardians[0]}])
        self.assertEqual(shown["text"], "Mag de gezinswerker van het buurtteam meekijken naar de situatie thuis?")
        status, _, agreed = self.answer(parent, request, {"guardian_id": guardians[0]})
        self.assertEqual(status, 200, agreed)
        self.assertEqual(agreed["status"], "agreed")
        status, _, grant = self.zorg.get(f"/api/consents/{agreed['grant_id']}")
        self.assertEqual(status, 200, grant)
        self.assertEqual((grant["obtained_via"], grant["given_by"], grant["status"]),
                         ("portal", {"guardian_ids": [guardians[0]], "pupil": False}, "active"))
        self.assertTrue(self.worker_sees(entry))
        self.assertEqual([r[:2] for r in self.audit("consent_request", request["id"])],
                         [("create", "allow"), ("agree", "allow")])
        self.assertEqual(self.audit("consent", agreed["grant_id"])[0][:2], ("create", "allow"))

    def test_from_twelve_to_fifteen_the_guardian_and_the_pupil_answer(self):
        pupil, guardians, _, entry, parent, child = self.family(13, pupil_login=True)
        request = self.send(pupil)
        status, _, half = self.answer(parent, request, {"guardian_id": guardians[0]})
        self.assertEqual((status, half["status"], half["waiting_for"]), (200, "open", ["pupil"]), half)
        self.assertFalse(self.worker_sees(entry))
        # Nobody answers for another: the parent not as the pupil, the pupil not as the parent.
        status, _, _ = self.answer(parent, request, {"pupil": True})
        self.assertEqual(status, 403)
        status, _, _ = self.answer(child, request, {"guardian_id": guardians[1]})
        self.assertEqual(status, 403)
        status, _, done = self.answer(child, request, {"pupil": True})
        self.assertEqual((status, done["status"]), (200, "agreed"), done)
        _, _, grant = self.zorg.get(f"/api/consents/{done['grant_id']}")
        self.assertEqual(grant["given_by"], {"guardian_ids": [guardians[0]], "pupil": True})
        self.assertTrue(self.worker_sees(entry))

    def test_from_sixteen_the_pupil_answers_alone(self):
        pupil, guardians, _, entry, parent, child = self.family(16, pupil_login=True)
        request = self.send(pupil)
        # The parent does not see the request of a 16-year-old, nor answer it.
        _, _, listed = parent.get(f"/api/pupils/{pupil}/consent-requests")
        self.assertEqual(listed["requests"], [])
        status, _, _ = self.answer(parent, request, {"guardian_id": guardians[0]})
        self.assertEqual(status, 404)
        status, _, done = self.answer(child, request, {"pupil": True})
        self.assertEqual((status, done["status"]), (200, "agreed"), done)
        _, _, grant = self.zorg.get(f"/api/consents/{done['grant_id']}")
        self.assertEqual(grant["given_by"], {"guardian_ids": [], "pupil": True})
        self.assertTrue(self.worker_sees(entry))

    def test_a_decline_closes_the_request(self):
        pupil, guardians, _, entry, parent, child = self.family(13, pupil_login=True)
        request = self.send(pupil)
        status, _, declined = self.answer(child, request, {"pupil": True}, agree=False)
        self.assertEqual((status, declined["status"], declined["declined_by"]), (200, "declined", {"pupil": True}))
        self.assertNotIn("grant_id", declined)
        status, _, late = self.answer(parent, request, {"guardian_id": guardians[0]})
        self.assertEqual((status, late["error"]["code"]), (409, "request_closed"))
        self.assertFalse(self.worker_sees(entry))
        _, _, grants = self.zorg.get(f"/api/pupils/{pupil}/consents")
        self.assertEqual(grants["consents"], [])

    def test_the_sender_withdraws_a_request(self):
        pupil, guardians, _, _, parent, _ = self.family(11)
        request = self.send(pupil)
        status, _, _ = self.worker.post(f"/api/consent-requests/{request['id']}/withdraw")
        self.assertEqual(status, 403)
        status, _, withdrawn = self.zorg.post(f"/api/consent-requests/{request['id']}/withdraw")
        self.assertEqual((status, withdrawn["status"]), (200, "withdrawn"), withdrawn)
        status, _, late = self.answer(parent, request, {"guardian_id": guardians[0]})
        self.assertEqual((status, late["error"]["code"]), (409, "request_closed"))
        status, _, again = self.zorg.post(f"/api/consent-requests/{request['id']}/withdraw")
        self.assertEqual(status, 409)
        self.assertEqual([r[:2] for r in self.audit("consent_request", request["id"])],
                         [("create", "allow"), ("denied", "deny"), ("withdraw", "allow")])

    def test_who_sends_requests(self):
        pupil, _, _, _, parent, _ = self.family(11)
        status, _, _ = self.mentor.post(f"/api/pupils/{pupil}/consent-requests", {})
        self.assertEqual(status, 404, "the mentor is not at the table of this pupil")
        status, _, refused = parent.post(f"/api/pupils/{pupil}/consent-requests", {
            "recipients": {"organisation_ids": [self.buurtteam]}, "categories": ["home"],
            "valid_from": TODAY, "text": "x"})
        self.assertEqual(status, 403, refused)
        # The family worker at the table may ask too.
        self.send(pupil, self.worker)


if __name__ == "__main__":
    unittest.main()
