"""Issue 5's acceptance story over real HTTP: one pupil's file, from a mentor's worry to a
safety decision, with every access decided by the rules of sharing and written to the audit log.

Sanne Bakker (13) of Het Baken College misses Monday mornings.

1. Her mentor records a signal about absence; the care coordinator finds it in the triage queue
   and triages it into a new case, which she leads.
2. The care coordinator looks up the attendance officer (Gemeente Lindeveld) and the family worker
   (Buurtteam Lindeveld-Oost) and seats them at the table, each with a reason.
3. She writes an attendance entry and a home entry for the case team. The attendance officer
   reads the attendance entry on the legal duty of the Compulsory Education Act; the family worker
   has no legal basis yet and sees nothing at all.
4. The parents consent alone; for a 13-year-old that is refused (the WGBO needs the pupil too).
   The parents and Sanne consent together; the family worker now reads the home entry, and
   explain names the grant.
5. Lotte Smit (15) turns 16 within her grant's period: the day before, her parents see what is
   marked for the family as her parents; from her birthday only with her consent naming
   "guardians", and explain says which grant.
6. Sanne's parents withdraw the consent: the family worker's next read is refused (404) and
   audited as denied.
7. The youth nurse joins and writes a discipline note: it stays with youth health; the family
   worker, the attendance officer and the care coordinator cannot read it, and explain says why.
8. The care coordinator records a safety decision (Meldcode) that names the neighbourhood team:
   without consent, the family worker sees the case team's entries again on the basis `safety`
   (the discipline note stays closed).
9. The privacy officer finds every step in the audit log, with rule and legal basis, denied
   reads included; the hash chain is intact, through the API and `samen audit verify`.

The steps share one server and run in order (test_step1 ... test_step9); a step whose
predecessor failed is skipped rather than failing twice.
"""
import datetime
import unittest

from samen_harness import Client, Server, born_years_ago, org_id, run_cli

TODAY = datetime.date.today()
FAMILY_PASSWORD = "Zonnebloem-Tulp-Kasteel-42"


def day(offset):
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


def sixteenth_birthday_in(days):
    """A 16th birthday `days` from now (not on 29 February, so the birthday is that date)."""
    birthday = TODAY + datetime.timedelta(days=days)
    if (birthday.month, birthday.day) == (2, 29):
        birthday += datetime.timedelta(days=1)
    return birthday, birthday.replace(year=birthday.year - 16)


class Story(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        s = cls.server
        cls.baken = org_id(s, "Het Baken College")
        cls.gemeente = org_id(s, "Gemeente Lindeveld")
        cls.buurtteam = org_id(s, "Buurtteam Lindeveld-Oost")
        cls.ggd = org_id(s, "GGD Lindeveld Jeugdgezondheidszorg")
        cls.mentor = s.login("mentor@hetbaken.example")
        cls.coordinator = s.login("zorg@hetbaken.example")
        cls.officer = s.login("leerplicht@lindeveld.example")
        cls.worker = s.login("gezinswerker@buurtteam.example")
        cls.nurse = s.login("jv@ggd-lindeveld.example")
        cls.privacy = s.login("fg@lindeveld.example")
        cls.users = {name: client.get("/api/me")[2]["user"]["id"]
                     for name, client in [("mentor", cls.mentor), ("coordinator", cls.coordinator),
                                          ("officer", cls.officer), ("worker", cls.worker),
                                          ("nurse", cls.nurse)]}
        cls.story = {}  # what the steps hand on to each other

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # --- helpers -------------------------------------------------------------------------

    def need(self, *keys):
        missing = [k for k in keys if k not in self.story]
        if missing:
            self.skipTest(f"an earlier step did not get to {', '.join(missing)}")
        return [self.story[k] for k in keys]

    def new_pupil(self, number, given_name, family_name, date_of_birth):
        body = {"school_id": self.baken, "pupil_number": number, "given_name": given_name,
                "family_name": family_name, "date_of_birth": date_of_birth, "class": "1B",
                "mentor_user_id": self.users["mentor"],
                "guardians": [
                    {"name": f"Eva {family_name}", "relation": "moeder", "parental_authority": True},
                    {"name": f"Ruud {family_name}", "relation": "vader", "parental_authority": True}]}
        status, _, created = self.coordinator.post("/api/pupils", body)
        self.assertEqual(status, 201, created)
        self.assertEqual([g["parental_authority"] for g in created["guardians"]], [True, True])
        return created["id"], [g["id"] for g in created["guardians"]]

    def write_entry(self, client, case_id, category, audience, text, kind="observation", family_visible=False):
        status, _, made = client.post(f"/api/cases/{case_id}/entries", {
            "kind": kind, "category": category, "audience": audience,
            "family_visible": family_visible, "text": text})
        self.assertEqual(status, 201, made)
        return made["id"]

    def read(self, client, entry_id):
        status, _, body = client.get(f"/api/entries/{entry_id}")
        return status, body

    def listed(self, client, case_id):
        status, _, body = client.get(f"/api/cases/{case_id}/entries")
        self.assertEqual(status, 200, body)
        return {e["id"]: e for e in body["entries"]}

    def explain(self, entry_id, user_id, at=None):
        """The privacy officer asks why `user_id` can or cannot see the entry (at `at`)."""
        path = f"/api/entries/{entry_id}/explain?user={user_id}"
        if at:
            path += f"&at={at}"
        status, _, body = self.privacy.get(path)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user_id"], user_id)
        return body

    def assert_denied(self, why, rule, reason):
        self.assertEqual((why["allowed"], why["rule"], why.get("reason")), (False, rule, reason), why)
        self.assertNotIn("legal_basis", why)
        self.assertNotIn("consent_id", why)

    def audit(self, **filters):
        """All audit entries the privacy officer finds with these filters, newest first."""
        query = "&".join(f"{k}={v}" for k, v in filters.items())
        entries, before = [], None
        while True:
            path = f"/api/audit?limit=500&{query}" + (f"&before_seq={before}" if before else "")
            status, _, page = self.privacy.get(path)
            self.assertEqual(status, 200, page)
            entries += page["entries"]
            before = page["next_before_seq"]
            if before is None:
                return entries

    def audited(self, entries, **fields):
        """The newest audit entry with these fields; fails naming what was there instead."""
        def covers(e, k, v):
            # A listing's event names every entry it covers, joined by ',' (ListingAudit).
            if k == "resource_id" and e.get("action") == "list" and e.get(k):
                return v in e[k].split(",")
            return e.get(k) == v
        for e in entries:
            if all(covers(e, k, v) for k, v in fields.items()):
                return e
        near = [{k: e.get(k) for k in fields} for e in entries
                if covers(e, "resource_id", fields.get("resource_id"))]
        self.fail(f"no audit entry with {fields}; for that resource: {near}")

    def pupil_audit(self, pupil_id):
        return self.audit(pupil_id=pupil_id)

    # --- the story -----------------------------------------------------------------------

    def test_step1_a_mentors_signal_becomes_a_case(self):
        pupil, guardians = self.new_pupil("S-13", "Sanne", "Bakker", born_years_ago(13))
        status, _, signal = self.mentor.post("/api/signals", {
            "pupil_id": pupil, "categories": ["attendance", "wellbeing"], "urgency": "soon",
            "text": "Sanne mist sinds drie weken de maandagochtenden en oogt moe."})
        self.assertEqual(status, 201, signal)
        self.assertEqual((signal["status"], signal["categories"]), ("open", ["attendance", "wellbeing"]))

        status, _, queue = self.coordinator.get("/api/signals?status=open")
        self.assertEqual(status, 200)
        queued = {s["id"]: s for s in queue["signals"]}
        self.assertIn(signal["id"], queued)
        self.assertEqual(queued[signal["id"]]["pupil_id"], pupil)

        status, _, triage = self.coordinator.post(f"/api/signals/{signal['id']}/triage", {"decision": "case"})
        self.assertEqual(status, 200, triage)
        self.assertEqual((triage["status"], triage["opened"]), ("case", True))
        case_id = triage["case_id"]
        status, _, case = self.coordinator.get(f"/api/cases/{case_id}")
        self.assertEqual(status, 200, case)
        self.assertEqual((case["status"], case["pupil_id"], case["level"]), ("open", pupil, 2))
        self.assertEqual(case["categories"], ["attendance", "wellbeing"])
        self.assertEqual(case["lead"]["role"], "care_coordinator")
        self.assertEqual(case["team"], [])
        # The mentor learns what became of the worry, and is not at the case's table.
        status, _, seen = self.mentor.get(f"/api/signals/{signal['id']}")
        self.assertEqual((status, seen["status"]), (200, "case"))
        self.assertEqual(self.mentor.get(f"/api/cases/{case_id}")[0], 404)

        log = self.pupil_audit(pupil)
        self.audited(log, action="create", resource_type="signal", resource_id=signal["id"], decision="allow",
                     actor_role="mentor", actor_user_id=self.users["mentor"], legal_basis="school_care")
        self.audited(log, action="list", resource_type="signal", resource_id=signal["id"], decision="allow",
                     actor_role="care_coordinator")
        self.audited(log, action="triage", resource_type="signal", resource_id=signal["id"], decision="allow",
                     actor_role="care_coordinator", legal_basis="school_care")
        self.audited(log, action="create", resource_type="case", resource_id=case_id, decision="allow",
                     actor_role="care_coordinator")
        self.audited(log, action="denied", resource_type="case", resource_id=case_id, decision="deny",
                     actor_role="mentor", reason="not_on_case_team")
        self.story.update(pupil=pupil, guardians=guardians, signal=signal["id"], case=case_id)

    def test_step2_the_table_gets_the_attendance_officer_and_the_family_worker(self):
        case_id, pupil = self.need("case", "pupil")
        # Before they sit at the table, the case does not exist for them.
        self.assertEqual(self.officer.get(f"/api/cases/{case_id}")[0], 404)
        self.assertEqual(self.worker.get(f"/api/cases/{case_id}")[0], 404)

        def membership(organisation, user, role):
            status, _, listing = self.coordinator.get(f"/api/organisations/{organisation}/memberships")
            self.assertEqual(status, 200, listing)
            found = [m for m in listing["memberships"] if m["user_id"] == user and m["role"] == role]
            self.assertEqual(len(found), 1, listing)
            return found[0]["id"]

        officer_m = membership(self.gemeente, self.users["officer"], "attendance_officer")
        worker_m = membership(self.buurtteam, self.users["worker"], "family_worker")
        for m, reason in [(officer_m, "Leerplicht: ongeoorloofd verzuim op maandagen"),
                          (worker_m, "Ondersteuning van het gezin thuis")]:
            status, _, body = self.coordinator.post(f"/api/cases/{case_id}/team",
                                                    {"membership_id": m, "reason": reason})
            self.assertEqual(status, 201, body)
        status, _, case = self.coordinator.get(f"/api/cases/{case_id}")
        self.assertEqual({m["membership_id"]: m["role"] for m in case["team"]},
                         {officer_m: "attendance_officer", worker_m: "family_worker"})
        for client in (self.officer, self.worker):
            status, _, seen = client.get(f"/api/cases/{case_id}")
            self.assertEqual(status, 200, seen)
            _, _, mine = client.get("/api/cases")
            self.assertIn(case_id, [c["id"] for c in mine["cases"]])

        log = self.pupil_audit(pupil)
        # The read names what the case's record rests on (issue 11): the attendance officer's
        # legal duty; the family worker, without consent yet, sees that the case exists.
        for role, reason, basis in (("attendance_officer", "case.4_need_to_know", "legal_duty"),
                                    ("family_worker", "record.identification_only", "need_to_know")):
            self.audited(log, action="denied", resource_type="case", resource_id=case_id, decision="deny",
                         actor_role=role, reason="not_on_case_team")
            self.audited(log, action="read", resource_type="case", resource_id=case_id, decision="allow",
                         actor_role=role, reason=reason, legal_basis=basis)
        adds = [e for e in log if e["action"] == "add_team_member" and e["resource_id"] == case_id]
        self.assertEqual(len(adds), 2, adds)
        self.assertTrue(all(e["decision"] == "allow" and e["actor_role"] == "care_coordinator" for e in adds))
        self.story.update(officer_m=officer_m, worker_m=worker_m)

    def test_step3_the_attendance_officer_reads_by_legal_duty_the_family_worker_sees_nothing(self):
        case_id, pupil, _ = self.need("case", "pupil", "worker_m")
        attendance = self.write_entry(
            self.coordinator, case_id, "attendance", "case_team",
            "Verzuimoverzicht: 14 uur ongeoorloofd afwezig in 4 weken, steeds op maandag.")
        home = self.write_entry(
            self.coordinator, case_id, "home", "case_team", kind="conversation",
            text="Gesprek met moeder: thuis is het onrustig sinds vader nachtdiensten draait.")

        status, entry = self.read(self.officer, attendance)
        self.assertEqual(status, 200, entry)
        self.assertEqual(entry["access"], {"rule": "entry.8_crossing_organisations", "legal_basis": "legal_duty"})
        why = self.explain(attendance, self.users["officer"])
        self.assertEqual((why["allowed"], why["rule"], why["legal_basis"]),
                         (True, "entry.8_crossing_organisations", "legal_duty"), why)
        self.assertNotIn("consent_id", why)
        self.assertEqual(why["role"], "attendance_officer")
        # Legal duty covers attendance only: the home entry has no basis for the officer.
        self.assertEqual(self.read(self.officer, home)[0], 404)
        self.assert_denied(self.explain(home, self.users["officer"]),
                           "entry.8_crossing_organisations", "no_legal_basis")
        officer_list = self.listed(self.officer, case_id)
        self.assertIn(attendance, officer_list)
        self.assertNotIn(home, officer_list)
        self.assertEqual(officer_list[attendance]["access"]["legal_basis"], "legal_duty")

        # The family worker sits at the table but has no legal basis: nothing at all.
        for entry_id in (attendance, home):
            status, body = self.read(self.worker, entry_id)
            self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
            self.assert_denied(self.explain(entry_id, self.users["worker"]),
                               "entry.8_crossing_organisations", "no_legal_basis")
        self.assertEqual(self.listed(self.worker, case_id), {})

        log = self.pupil_audit(pupil)
        for entry_id in (attendance, home):
            self.audited(log, action="create", resource_type="entry", resource_id=entry_id, decision="allow",
                         actor_role="care_coordinator")
            self.audited(log, action="denied", resource_type="entry", resource_id=entry_id, decision="deny",
                         actor_role="family_worker", reason="no_legal_basis", legal_basis=None)
        self.audited(log, action="read", resource_type="entry", resource_id=attendance, decision="allow",
                     actor_role="attendance_officer", reason="entry.8_crossing_organisations",
                     legal_basis="legal_duty")
        self.audited(log, action="list", resource_type="entry", resource_id=attendance, decision="allow",
                     actor_role="attendance_officer", legal_basis="legal_duty")
        self.audited(log, action="denied", resource_type="entry", resource_id=home, decision="deny",
                     actor_role="attendance_officer", reason="no_legal_basis")
        self.story.update(attendance=attendance, home=home)

    def test_step4_parents_alone_are_not_enough_at_13_parents_and_pupil_are(self):
        pupil, guardians, home, attendance, case_id = self.need("pupil", "guardians", "home", "attendance", "case")
        grant = {"given_by": {"guardian_ids": guardians, "pupil": False},
                 "recipients": {"organisation_ids": [self.buurtteam], "roles": ["family_worker"]},
                 "categories": ["home", "wellbeing"], "valid_from": day(-1), "valid_until": day(365),
                 "obtained_via": "paper",
                 "text": "Wij geven toestemming om informatie over thuis en welzijn te delen met het buurtteam."}
        status, _, refused = self.coordinator.post(f"/api/pupils/{pupil}/consents", grant)
        self.assertEqual(status, 400, refused)
        self.assertEqual((refused["error"]["code"], refused["error"]["field"]),
                         ("validation_failed", "given_by.pupil"))
        _, _, consents = self.coordinator.get(f"/api/pupils/{pupil}/consents")
        self.assertEqual(consents["consents"], [], "a refused grant is not stored")
        self.assertEqual(self.read(self.worker, home)[0], 404)

        grant["given_by"] = {"guardian_ids": guardians, "pupil": True}
        status, _, consent = self.coordinator.post(f"/api/pupils/{pupil}/consents", grant)
        self.assertEqual(status, 201, consent)
        self.assertEqual((consent["status"], consent["complete_for_age_now"]), ("active", True))
        self.assertEqual(consent["given_by"], {"guardian_ids": guardians, "pupil": True})

        status, entry = self.read(self.worker, home)
        self.assertEqual(status, 200, entry)
        self.assertEqual(entry["access"], {"rule": "entry.8_crossing_organisations", "legal_basis": "consent"})
        why = self.explain(home, self.users["worker"])
        self.assertEqual((why["allowed"], why["rule"], why["legal_basis"], why.get("consent_id")),
                         (True, "entry.8_crossing_organisations", "consent", consent["id"]), why)
        # The family worker may also ask for themself.
        status, _, own = self.worker.get(f"/api/entries/{home}/explain")
        self.assertEqual((status, own["legal_basis"], own.get("consent_id")), (200, "consent", consent["id"]))
        # The grant is for home and wellbeing: attendance stays closed to the family worker.
        self.assertEqual(self.read(self.worker, attendance)[0], 404)
        self.assertEqual(list(self.listed(self.worker, case_id)), [home])

        log = self.pupil_audit(pupil)
        self.audited(log, action="create", resource_type="consent", resource_id=consent["id"], decision="allow",
                     actor_role="care_coordinator")
        self.audited(log, action="read", resource_type="entry", resource_id=home, decision="allow",
                     actor_role="family_worker", reason="entry.8_crossing_organisations", legal_basis="consent")
        self.audited(log, action="explain", resource_type="entry", resource_id=home, decision="allow",
                     actor_role="privacy_officer")
        self.story.update(consent=consent["id"])

    def test_step5_turning_16_the_parents_view_needs_the_pupils_consent(self):
        birthday, born = sixteenth_birthday_in(40)
        pupil, guardians = self.new_pupil("L-15", "Lotte", "Smit", born.isoformat())
        day_before = f"{(birthday - datetime.timedelta(days=1)).isoformat()}T10:00:00Z"
        after_birthday = f"{birthday.isoformat()}T10:00:00Z"

        # The school invites the mother; she gets a login of her own.
        status, _, invitation = self.coordinator.post(f"/api/pupils/{pupil}/invitations", {
            "guardian_id": guardians[0], "email": "eva.smit@ouders.example"})
        self.assertEqual(status, 201, invitation)
        status, _, accepted = Client(self.server.port).post(
            f"/api/invitations/{invitation['token']}/accept", {"password": FAMILY_PASSWORD})
        self.assertEqual(status, 201, accepted)
        self.assertEqual((accepted["role"], accepted["pupil_id"]), ("guardian", pupil))
        mother = accepted["user_id"]

        status, _, case = self.coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["home"],
                                                               "level": 2})
        self.assertEqual(status, 201, case)
        for_family = self.write_entry(self.coordinator, case["id"], "home", "case_team", family_visible=True,
                                      kind="conversation", text="Afspraak met Lotte en haar ouders: vaste "
                                                                "huiswerkmomenten thuis.")
        learning = self.write_entry(self.coordinator, case["id"], "learning", "case_team", family_visible=True,
                                    text="Lotte haalt haar toetsen wiskunde weer in.")

        # Today Lotte is 15: her mother reads what is marked for the family, as her parent.
        parent = self.server.login("eva.smit@ouders.example", FAMILY_PASSWORD)
        status, entry = self.read(parent, for_family)
        self.assertEqual(status, 200, entry)
        self.assertEqual(entry["access"], {"rule": "entry.3_family", "legal_basis": "family"})

        # Without Lotte's consent: the day before her birthday yes, from her birthday no.
        why = self.explain(for_family, mother, day_before)
        self.assertEqual((why["allowed"], why["rule"], why["legal_basis"], why["role"]),
                         (True, "entry.3_family", "family", "guardian"), why)
        self.assertNotIn("consent_id", why)
        why = self.explain(for_family, mother, after_birthday)
        self.assert_denied(why, "entry.3_family", "not_for_family")
        self.assertTrue(any("16" in r for r in why["reasons"]), why["reasons"])

        # "Guardians" as recipients is the pupil's consent: without her it is refused.
        grant = {"given_by": {"guardian_ids": guardians, "pupil": False}, "recipients": {"guardians": True},
                 "categories": ["home"], "valid_from": day(-1), "valid_until": day(365),
                 "obtained_via": "conversation",
                 "text": "Lotte vindt het goed dat haar ouders ook na haar 16e meelezen over thuis."}
        status, _, refused = self.coordinator.post(f"/api/pupils/{pupil}/consents", grant)
        self.assertEqual((status, refused["error"]["field"]), (400, "recipients.guardians"), refused)
        grant["given_by"]["pupil"] = True
        status, _, consent = self.coordinator.post(f"/api/pupils/{pupil}/consents", grant)
        self.assertEqual(status, 201, consent)
        self.assertEqual((consent["status"], consent["complete_for_age_now"]), ("active", True))

        # The birthday lies within the grant's period: from then the parents see on her consent.
        why = self.explain(for_family, mother, after_birthday)
        self.assertEqual((why["allowed"], why["rule"], why["legal_basis"], why.get("consent_id")),
                         (True, "entry.3_family", "family", consent["id"]), why)
        why = self.explain(for_family, mother, day_before)
        self.assertEqual((why["allowed"], why["legal_basis"]), (True, "family"), why)
        self.assertNotIn("consent_id", why, "before 16 the parents need no consent of the pupil")
        # Consent is scoped to categories: the learning entry is not covered after 16.
        self.assertTrue(self.explain(learning, mother, day_before)["allowed"])
        self.assert_denied(self.explain(learning, mother, after_birthday), "entry.3_family", "not_for_family")

        # Lotte withdraws it: after her birthday the parents see nothing, before it nothing changes.
        status, _, withdrawn = self.coordinator.post(f"/api/consents/{consent['id']}/withdraw",
                                                     {"by": {"pupil": True}})
        self.assertEqual((status, withdrawn["status"]), (200, "withdrawn"), withdrawn)
        self.assert_denied(self.explain(for_family, mother, after_birthday), "entry.3_family", "not_for_family")
        self.assertTrue(self.explain(for_family, mother, day_before)["allowed"])

        log = self.pupil_audit(pupil)
        self.audited(log, action="read", resource_type="entry", resource_id=for_family, decision="allow",
                     actor_role="guardian", actor_user_id=mother, reason="entry.3_family", legal_basis="family")
        explains = [e for e in log if e["action"] == "explain" and e["resource_id"] in (for_family, learning)]
        self.assertEqual(len(explains), 8, explains)
        self.assertTrue(all(e["actor_role"] == "privacy_officer" and e["decision"] == "allow" for e in explains))
        self.audited(log, action="create", resource_type="consent", resource_id=consent["id"], decision="allow")
        self.audited(log, action="withdraw", resource_type="consent", resource_id=consent["id"], decision="allow")

    def test_step6_withdrawal_ends_the_family_workers_access_at_once(self):
        consent_id, guardians, home, case_id, pupil = self.need("consent", "guardians", "home", "case", "pupil")
        status, _, withdrawn = self.coordinator.post(f"/api/consents/{consent_id}/withdraw",
                                                     {"by": {"guardian_id": guardians[0]}})
        self.assertEqual(status, 200, withdrawn)
        self.assertEqual((withdrawn["status"], withdrawn["withdrawn_by"]),
                         ("withdrawn", {"guardian_id": guardians[0]}))

        status, body = self.read(self.worker, home)
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        self.assertEqual(self.listed(self.worker, case_id), {})
        self.assert_denied(self.explain(home, self.users["worker"]),
                           "entry.8_crossing_organisations", "no_legal_basis")
        # Up to the withdrawal the grant counted; at its instant it no longer does.
        withdrawn_at = datetime.datetime.fromisoformat(withdrawn["withdrawn_at"].replace("Z", "+00:00"))
        before = (withdrawn_at - datetime.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        why = self.explain(home, self.users["worker"], before)
        self.assertEqual((why["allowed"], why["legal_basis"], why.get("consent_id")), (True, "consent", consent_id))

        log = self.pupil_audit(pupil)
        self.audited(log, action="withdraw", resource_type="consent", resource_id=consent_id, decision="allow",
                     actor_role="care_coordinator")
        withdraw_seq = self.audited(log, action="withdraw", resource_type="consent", resource_id=consent_id)["seq"]
        denied = self.audited(log, action="denied", resource_type="entry", resource_id=home, decision="deny",
                              actor_role="family_worker", reason="no_legal_basis", legal_basis=None)
        self.assertGreater(denied["seq"], withdraw_seq, "the denial is the read after the withdrawal")

    def test_step7_the_youth_nurses_discipline_note_stays_with_youth_health(self):
        case_id, pupil = self.need("case", "pupil")
        status, _, listing = self.coordinator.get(f"/api/organisations/{self.ggd}/memberships")
        self.assertEqual(status, 200, listing)
        nurse_m = next(m["id"] for m in listing["memberships"] if m["user_id"] == self.users["nurse"])
        status, _, body = self.coordinator.post(f"/api/cases/{case_id}/team",
                                                {"membership_id": nurse_m, "reason": "Sanne oogt moe: JGZ-consult"})
        self.assertEqual(status, 201, body)
        note = self.write_entry(self.nurse, case_id, "health", "discipline",
                                "Consult: slaapproblemen, verwezen naar de huisarts.")
        status, entry = self.read(self.nurse, note)
        self.assertEqual((status, entry["access"]), (200, {"rule": "entry.1_author", "legal_basis": "author"}))

        for who in ("worker", "officer", "coordinator"):
            with self.subTest(who=who):
                client = getattr(self, who)
                self.assertEqual(self.read(client, note)[0], 404)
                self.assertNotIn(note, self.listed(client, case_id))
                why = self.explain(note, self.users[who])
                self.assert_denied(why, "entry.6_discipline", "other_discipline")
                self.assertIn("youth_health", why["reasons"][-1])

        log = self.pupil_audit(pupil)
        for role in ("family_worker", "attendance_officer", "care_coordinator"):
            self.audited(log, action="denied", resource_type="entry", resource_id=note, decision="deny",
                         actor_role=role, reason="other_discipline")
        self.audited(log, action="read", resource_type="entry", resource_id=note, decision="allow",
                     actor_role="youth_health", reason="entry.1_author", legal_basis="author")
        self.story.update(note=note)

    def test_step8_a_safety_decision_opens_the_case_to_the_neighbourhood_team(self):
        case_id, pupil, home, attendance, note = self.need("case", "pupil", "home", "attendance", "note")
        self.assertEqual(self.read(self.worker, home)[0], 404, "consent was withdrawn in step 6")
        # The family worker at the table may not decide this; the care coordinator does.
        decision = {"organisation_ids": [self.buurtteam], "reason": "Vermoeden van huiselijk geweld",
                    "steps": "Stap 1-3 Meldcode doorlopen, overleg met Veilig Thuis", "valid_from": day(-1),
                    "valid_until": day(90)}
        status, _, body = self.worker.post(f"/api/cases/{case_id}/safety-decisions", decision)
        self.assertEqual((status, body["error"]["code"]), (403, "forbidden"))
        status, _, made = self.coordinator.post(f"/api/cases/{case_id}/safety-decisions", decision)
        self.assertEqual(status, 201, made)

        for entry_id in (home, attendance):
            status, entry = self.read(self.worker, entry_id)
            self.assertEqual(status, 200, entry)
            self.assertEqual(entry["access"], {"rule": "entry.8_crossing_organisations", "legal_basis": "safety"})
            why = self.explain(entry_id, self.users["worker"])
            self.assertEqual((why["allowed"], why["legal_basis"], why.get("safety_decision_id")),
                             (True, "safety", made["id"]), why)
            self.assertNotIn("consent_id", why)
        listed = self.listed(self.worker, case_id)
        self.assertIn(home, listed)
        self.assertIn(attendance, listed)
        self.assertTrue(all(e["access"]["legal_basis"] == "safety" for e in listed.values()), listed)
        # Safety opens the case team's entries, never another discipline's notes.
        self.assertEqual(self.read(self.worker, note)[0], 404)
        self.assertNotIn(note, listed)
        self.assert_denied(self.explain(note, self.users["worker"]), "entry.6_discipline", "other_discipline")
        # The decision names organisations: the youth nurse (GGD) gets nothing from it.
        self.assertEqual(self.read(self.nurse, home)[0], 404)

        log = self.pupil_audit(pupil)
        self.audited(log, action="create", resource_type="safety_decision", resource_id=made["id"],
                     decision="allow", actor_role="care_coordinator")
        self.audited(log, action="denied", resource_type="case", resource_id=case_id, decision="deny",
                     actor_role="family_worker", reason="not_lead")
        for entry_id in (home, attendance):
            self.audited(log, action="read", resource_type="entry", resource_id=entry_id, decision="allow",
                         actor_role="family_worker", reason="entry.8_crossing_organisations",
                         legal_basis="safety")
        self.audited(log, action="denied", resource_type="entry", resource_id=home, decision="deny",
                     actor_role="youth_health", reason="no_legal_basis")
        self.story.update(safety=made["id"], safety_at=made["recorded_at"])

    def test_step9_the_privacy_officer_finds_every_step_and_the_chain_holds(self):
        (pupil, case_id, signal, home, attendance, note, consent, safety) = self.need(
            "pupil", "case", "signal", "home", "attendance", "note", "consent", "safety")
        log = self.pupil_audit(pupil)
        self.assertTrue(all(e["pupil_id"] == pupil for e in log))
        seqs = [e["seq"] for e in log]
        self.assertEqual(seqs, sorted(seqs, reverse=True), "newest first")
        # The whole story, in order: each step's first trace comes after the previous step's.
        story = [dict(action="create", resource_type="signal", resource_id=signal),
                 dict(action="triage", resource_type="signal", resource_id=signal),
                 dict(action="add_team_member", resource_type="case", resource_id=case_id),
                 dict(action="read", resource_type="entry", resource_id=attendance, legal_basis="legal_duty"),
                 dict(action="create", resource_type="consent", resource_id=consent),
                 dict(action="read", resource_type="entry", resource_id=home, legal_basis="consent"),
                 dict(action="withdraw", resource_type="consent", resource_id=consent),
                 dict(action="denied", resource_type="entry", resource_id=note, reason="other_discipline"),
                 dict(action="create", resource_type="safety_decision", resource_id=safety),
                 dict(action="read", resource_type="entry", resource_id=home, legal_basis="safety")]
        oldest_first = list(reversed(log))
        positions = []
        for fields in story:
            match = [i for i, e in enumerate(oldest_first) if all(e.get(k) == v for k, v in fields.items())]
            self.assertTrue(match, f"not audited: {fields}")
            positions.append(match[0])
        self.assertEqual(positions, sorted(positions), "the audit log tells the story in its order")
        # Every allowed read of an entry names its rule and legal basis; every denial its reason.
        for e in log:
            if e["resource_type"] != "entry" or e["action"] not in ("read", "list", "denied"):
                continue
            if e["reason"] == "listing.empty":  # looked at the chronology, saw nothing of it
                self.assertIsNone(e["resource_id"], e)
                continue
            if e["decision"] == "allow":
                self.assertTrue(e["reason"].startswith("entry.") and e["legal_basis"], e)
            else:
                self.assertIn(e["reason"], ("no_legal_basis", "other_discipline", "not_on_case_team"), e)
                self.assertIsNone(e["legal_basis"], e)

        # Filters: the denied attempts alone, and one person's trail.
        denied = self.audit(pupil_id=pupil, denied_only="true")
        self.assertTrue(denied and all(e["decision"] == "deny" for e in denied))
        self.assertEqual({e["seq"] for e in denied}, {e["seq"] for e in log if e["decision"] == "deny"})
        worker_trail = self.audit(pupil_id=pupil, actor_user_id=self.users["worker"])
        self.assertTrue(all(e["actor_user_id"] == self.users["worker"] for e in worker_trail))
        bases = {(e["action"], e["resource_id"], e["decision"], e["reason"], e["legal_basis"])
                 for e in worker_trail if e["resource_type"] == "entry"}
        for expected in [("denied", home, "deny", "no_legal_basis", None),
                         ("read", home, "allow", "entry.8_crossing_organisations", "consent"),
                         ("denied", note, "deny", "other_discipline", None),
                         ("read", home, "allow", "entry.8_crossing_organisations", "safety"),
                         ("read", attendance, "allow", "entry.8_crossing_organisations", "safety")]:
            self.assertIn(expected, bases)
        since_safety = self.audit(pupil_id=pupil, **{"from": self.story["safety_at"]})
        kinds = {(e["action"], e["resource_id"]) for e in since_safety}
        self.assertIn(("create", safety), kinds)
        self.assertNotIn(("create", consent), kinds)
        self.assertEqual(self.audit(pupil_id=pupil, until=day(-1)), [])

        # Nobody else reads the log.
        for client in (self.coordinator, self.worker):
            self.assertEqual(client.get(f"/api/audit?pupil_id={pupil}")[0], 403)

        # The chain is intact: the privacy officer's check, then the operator's after shutdown.
        status, _, chain = self.privacy.get("/api/audit/verify")
        self.assertEqual(status, 200, chain)
        self.assertTrue(chain["intact"], chain)
        self.assertGreater(chain["entries"], len(log))
        self.assertEqual(self.server.stop(), 0)
        verify = run_cli("audit", "verify", "--db", self.server.db)
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        self.assertRegex(verify.stdout, r"audit chain intact: \d+ entries, head \d+:[0-9a-f]{64}")
        self.assertGreaterEqual(int(verify.stdout.split()[3]), chain["entries"])


if __name__ == "__main__":
    unittest.main()
