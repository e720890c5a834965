"""The chronology over HTTP on the demo region's attendance case: each professional sees
exactly what the rules of sharing allow (legal duty, consent, discipline, school), the
family sees what is marked for them, corrections link, the audience preview and "why can
I see this?" explain it, and every access is in the audit log."""
import unittest

from samen_harness import Server

CASE_SQL = ("SELECT c.id FROM cases c JOIN guardians g ON g.pupil_id = c.pupil_id "
            "JOIN users u ON u.id = g.user_id WHERE u.email = ? AND c.status = 'open'")


def user_id(server, email):
    return str(server.scalar("SELECT id FROM users WHERE email = ?", email))


class Entries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        cls.case = str(cls.server.scalar(CASE_SQL, "ouder@ouders.example"))

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def entries(self, email):
        status, _, body = self.server.login(email).get(f"/api/cases/{self.case}/entries")
        self.assertEqual(status, 200, body)
        return body["entries"]

    def by_text(self, entries, start):
        return next(e for e in entries if e["text"].startswith(start))

    def test_each_professional_sees_what_the_rules_allow(self):
        family_worker = self.entries("gezinswerker@buurtteam.example")
        texts = [e["text"] for e in family_worker]
        # Consent of the parents and the pupil covers the neighbourhood team for these.
        seen = self.by_text(family_worker, "Verzuimgesprek")
        self.assertEqual(seen["access"]["legal_basis"], "consent")
        self.assertTrue(any(t.startswith("Huisbezoek") for t in texts))  # own entry
        self.assertFalse(any(t.startswith("Consult: slaapproblemen") for t in texts))  # discipline
        self.assertFalse(any(t.startswith("Afwezig op") for t in texts))  # school only

        officer = self.entries("leerplicht@lindeveld.example")
        duty = self.by_text(officer, "Verzuimgesprek")
        self.assertEqual(duty["access"]["legal_basis"], "author")
        self.assertFalse(any(e["text"].startswith("Huisbezoek") for e in officer))  # home: no basis

        nurse = self.entries("jv@ggd-lindeveld.example")
        self.assertEqual(self.by_text(nurse, "Consult: slaapproblemen")["access"]["legal_basis"], "author")
        self.assertEqual(self.by_text(nurse, "Huisbezoek")["access"]["legal_basis"], "consent")

        coordinator = self.entries("zorg@hetbaken.example")
        mentor_note = self.by_text(coordinator, "Afwezig op")
        self.assertEqual(mentor_note["access"]["legal_basis"], "same_organisation")
        correction = self.by_text(coordinator, "Correctie:")
        self.assertEqual(correction["corrects"], mentor_note["id"])
        self.assertEqual(mentor_note["corrected_by"], [correction["id"]])

    def test_a_listing_is_audited_once_per_rule_and_basis_naming_every_entry_shown(self):
        worker = self.server.login("gezinswerker@buurtteam.example")
        status, resp, body = worker.get(f"/api/cases/{self.case}/entries")
        self.assertEqual(status, 200, body)
        rows = self.server.query(
            "SELECT resource_type, resource_id, reason, legal_basis, pupil_id FROM audit_log "
            "WHERE request_id = ? AND action = 'list'", resp.getheader("X-Request-Id"))
        shown = {(e["id"], e["access"]["rule"], e["access"]["legal_basis"]) for e in body["entries"]}
        audited = {(entry, rule, basis) for _, ids, rule, basis, _ in rows for entry in ids.split(",")}
        self.assertEqual(audited, shown)
        # One row per rule and basis, each about this case's pupil.
        self.assertEqual(len(rows), len({(rule, basis) for _, _, rule, basis, _ in rows}))
        self.assertLess(len(rows), len(body["entries"]))
        self.assertEqual({(r[0], str(r[4])) for r in rows}, {("entry", body["entries"][0]["pupil_id"])})

    def test_the_chronology_comes_in_pages_that_add_up_to_the_whole(self):
        coordinator = self.server.login("zorg@hetbaken.example")
        whole = self.entries("zorg@hetbaken.example")
        self.assertGreater(len(whole), 2)
        paged, after, requests = [], None, 0
        while True:
            path = f"/api/cases/{self.case}/entries?limit=1" + (f"&after={after}" if after else "")
            status, resp, body = coordinator.get(path)
            self.assertEqual(status, 200, body)
            self.assertEqual(len(body["entries"]), 1)
            paged += body["entries"]
            requests += 1
            # Each page is audited for what it showed, and only that.
            rows = self.server.query("SELECT resource_id FROM audit_log WHERE request_id = ? "
                                     "AND action = 'list'", resp.getheader("X-Request-Id"))
            self.assertEqual(sorted(i for r in rows for i in r[0].split(",")),
                             sorted(e["id"] for e in body["entries"]))
            after = body.get("next")
            if not after:
                break
        self.assertEqual([e["id"] for e in paged], [e["id"] for e in whole])
        self.assertEqual(requests, len(whole))
        # A correction on a later page still links back to the entry it corrects.
        mentor_note = self.by_text(paged, "Afwezig op")
        self.assertEqual(mentor_note["corrected_by"], [self.by_text(paged, "Correctie:")["id"]])
        for bad in ["limit=0", "limit=501", "limit=x", "after=abc", "after=12.x", "after=.5",
                    "after=5.007", "after=5." + "9" * 19]:
            status, _, body = coordinator.get(f"/api/cases/{self.case}/entries?{bad}")
            self.assertEqual(status, 400, bad)
            self.assertEqual(body["error"]["field"], bad.split("=")[0])

    def test_a_case_outside_ones_table_does_not_exist_and_the_attempt_is_audited(self):
        mentor = self.server.login("mentor@hetbaken.example")
        status, _, body = mentor.get(f"/api/cases/{self.case}/entries")
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        denied = self.server.query(
            "SELECT reason FROM audit_log WHERE actor_user_id = ? AND resource_type = 'case' "
            "AND resource_id = ? AND decision = 'deny'", user_id(self.server, "mentor@hetbaken.example"),
            self.case)
        self.assertEqual([r[0] for r in denied], ["not_on_case_team"])

    def test_the_family_sees_only_what_is_marked_for_them(self):
        entries = self.entries("ouder@ouders.example")
        self.assertTrue(entries)
        self.assertTrue(all(e["family_visible"] for e in entries))
        self.assertTrue(all(e["access"]["legal_basis"] == "family" for e in entries))

    def test_reading_one_entry_is_audited_with_rule_and_basis(self):
        nurse = self.server.login("jv@ggd-lindeveld.example")
        home = self.by_text(self.entries("jv@ggd-lindeveld.example"), "Huisbezoek")
        status, _, entry = nurse.get(f"/api/entries/{home['id']}")
        self.assertEqual(status, 200)
        rows = self.server.query(
            "SELECT action, decision, legal_basis FROM audit_log WHERE resource_type = 'entry' "
            "AND resource_id = ? AND actor_user_id = ? ORDER BY seq DESC LIMIT 1",
            home["id"], user_id(self.server, "jv@ggd-lindeveld.example"))
        self.assertEqual(rows[0], ("read", "allow", "consent"))
        # The youth nurse's discipline note is not there for the family worker: 404.
        note = self.by_text(self.entries("jv@ggd-lindeveld.example"), "Consult: slaapproblemen")
        status, _, _ = self.server.login("gezinswerker@buurtteam.example").get(f"/api/entries/{note['id']}")
        self.assertEqual(status, 404)

    def test_writing_and_correcting_entries(self):
        worker = self.server.login("gezinswerker@buurtteam.example")
        status, _, made = worker.post(f"/api/cases/{self.case}/entries", {
            "kind": "observation", "category": "home", "audience": "case_team",
            "family_visible": False, "text": "Tweede huisbezoek: het ochtendritme helpt."})
        self.assertEqual(status, 201, made)
        status, _, fix = worker.post(f"/api/cases/{self.case}/entries", {
            "kind": "observation", "category": "home", "audience": "case_team",
            "text": "Correctie: het was het derde huisbezoek.", "corrects": made["id"]})
        self.assertEqual(status, 201, fix)
        status, _, original = worker.get(f"/api/entries/{made['id']}")
        self.assertEqual(original["corrected_by"], [fix["id"]])
        self.assertEqual(original["text"], "Tweede huisbezoek: het ochtendritme helpt.")
        # The youth nurse may see home entries (consent), so she sees both.
        status, _, _ = self.server.login("jv@ggd-lindeveld.example").get(f"/api/entries/{fix['id']}")
        self.assertEqual(status, 200)

    def test_bad_entries_are_refused_naming_the_field(self):
        worker = self.server.login("gezinswerker@buurtteam.example")
        base = {"kind": "note", "category": "home", "audience": "case_team", "text": "x"}
        for change, field in [({"audience": "private", "family_visible": True}, "family_visible"),
                              ({"category": "weather"}, "category"),
                              ({"kind": "signal"}, "kind"),
                              ({"text": "   "}, "text"),
                              ({"corrects": "999999"}, "corrects"),
                              ({"colour": "red"}, "colour")]:
            status, _, body = worker.post(f"/api/cases/{self.case}/entries", {**base, **change})
            self.assertEqual(status, 400, (change, body))
            self.assertEqual(body["error"]["field"], field)
        # A mentor without a seat at the table cannot write: the case does not exist for them.
        status, _, _ = self.server.login("mentor@hetbaken.example").post(
            f"/api/cases/{self.case}/entries", base)
        self.assertEqual(status, 404)

    def test_explain_names_rule_basis_and_consent(self):
        worker_id = user_id(self.server, "gezinswerker@buurtteam.example")
        conversation = self.by_text(self.entries("leerplicht@lindeveld.example"), "Verzuimgesprek")
        worker = self.server.login("gezinswerker@buurtteam.example")
        status, _, now = worker.get(f"/api/entries/{conversation['id']}/explain")
        self.assertEqual(status, 200, now)
        self.assertTrue(now["allowed"])
        self.assertEqual((now["rule"], now["legal_basis"]), ("entry.8_crossing_organisations", "consent"))
        self.assertIn("consent_id", now)
        # Before the family consented (20 September 2026) there was no basis.
        status, _, before = worker.get(
            f"/api/entries/{conversation['id']}/explain?at=2026-09-19T10:00:00Z")
        self.assertEqual((before["allowed"], before["reason"]), (False, "no_legal_basis"))
        # Someone else's access: the privacy officer may ask; for a mentor explain is no
        # oracle, the answer is that of an entry that does not exist.
        status, _, officer_view = self.server.login("fg@lindeveld.example").get(
            f"/api/entries/{conversation['id']}/explain?user={worker_id}")
        self.assertEqual((status, officer_view["allowed"]), (200, True))
        status, _, body = self.server.login("mentor@hetbaken.example").get(
            f"/api/entries/{conversation['id']}/explain?user={worker_id}")
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))
        status, _, body = worker.get(f"/api/entries/{conversation['id']}/explain?at=yesterday")
        self.assertEqual((status, body["error"]["field"]), (400, "at"))

    def test_audience_preview_says_who_will_and_will_not_see_a_draft(self):
        worker = self.server.login("gezinswerker@buurtteam.example")
        status, _, preview = worker.post(f"/api/cases/{self.case}/entries/preview", {
            "category": "home", "audience": "case_team", "family_visible": True})
        self.assertEqual(status, 200, preview)
        will = {r["role"]: r for r in preview["will_see"]}
        wont = {r["role"]: r for r in preview["will_not_see"]}
        self.assertEqual(will["youth_health"]["legal_basis"], "consent")
        self.assertEqual(will["guardian"]["legal_basis"], "family")
        self.assertEqual(wont["attendance_officer"]["reason"], "no_legal_basis")
        status, _, preview = worker.post(f"/api/cases/{self.case}/entries/preview", {
            "category": "health", "audience": "discipline"})
        self.assertEqual([r["role"] for r in preview["will_see"]], ["family_worker"])


if __name__ == "__main__":
    unittest.main()
