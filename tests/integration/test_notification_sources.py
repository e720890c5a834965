"""Who is told of what (issue 14), beyond the meetings and the table: the mentor whose
signal was triaged; everyone at the table of a pupil's open cases when a consent for the
pupil is withdrawn, the one who withdrew it not; a notification is a kind and a path in the
app, never what about (no pupil name in the list)."""
import unittest

from samen_harness import (Server, consent_for_the_neighbourhood_team, create_pupil, membership_id_of,
                           open_case_with_family_worker, org_id, pupil_without_case)


class NotificationSources(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.mentor = cls.server.login("mentor@hetbaken.example")
        cls.worker = cls.server.login("gezinswerker@buurtteam.example")
        cls.baken = org_id(cls.server, "Het Baken College")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def notified(self, client, kind):
        status, _, listed = client.get("/api/notifications")
        self.assertEqual(status, 200, listed)
        return [n["link"] for n in listed["notifications"] if n["kind"] == kind]

    def test_the_reporter_hears_that_their_signal_was_triaged(self):
        pupil = pupil_without_case(self.server, "Het Baken College", "2A")
        status, _, signal = self.mentor.post("/api/signals", {
            "pupil_id": pupil, "categories": ["wellbeing"], "urgency": "normal",
            "text": "Hij is stil in de les."})
        self.assertEqual(status, 201, signal)
        before = len(self.notified(self.mentor, "signal_triaged"))
        status, _, triaged = self.zorg.post(f"/api/signals/{signal['id']}/triage",
                                            {"decision": "advice", "advice": "Vraag hoe het thuis gaat."})
        self.assertEqual(status, 200, triaged)
        self.assertEqual(self.notified(self.mentor, "signal_triaged")[:1], ["/signalen"])
        self.assertEqual(len(self.notified(self.mentor, "signal_triaged")), before + 1)
        self.assertEqual(self.notified(self.zorg, "signal_triaged"), [])
        # A refused triage (already triaged) tells nobody again.
        self.zorg.post(f"/api/signals/{signal['id']}/triage", {"decision": "advice", "advice": "x"})
        self.assertEqual(len(self.notified(self.mentor, "signal_triaged")), before + 1)

    def test_the_table_hears_that_a_consent_was_withdrawn(self):
        pupil, guardians = create_pupil(self.zorg, self.baken, "N-2001", 9, [("Rik Bron", "vader", True)],
                                        given_name="Fenna", family_name="Bron")
        case = open_case_with_family_worker(self.server, self.zorg, pupil, ["home"])
        grant = consent_for_the_neighbourhood_team(self.server, self.zorg, pupil, guardians,
                                                   "Wij geven toestemming om met het buurtteam te overleggen.")
        self.assertEqual(self.notified(self.worker, "consent_withdrawn"), [])
        status, _, withdrawn = self.zorg.post(f"/api/consents/{grant['id']}/withdraw",
                                              {"by": {"guardian_id": guardians[0]}})
        self.assertEqual(status, 200, withdrawn)
        self.assertEqual(self.notified(self.worker, "consent_withdrawn"), [f"/dossiers/{case}"])
        # The care coordinator leads the case and recorded the withdrawal: not told of it.
        _, _, c = self.zorg.get(f"/api/cases/{case}")
        self.assertEqual(c["lead_membership_id"], membership_id_of(self.server, "zorg@hetbaken.example"))
        self.assertEqual(self.notified(self.zorg, "consent_withdrawn"), [])
        _, _, listed = self.worker.get("/api/notifications")
        self.assertNotIn("Fenna", str(listed))
        self.assertNotIn("Bron", str(listed))


if __name__ == "__main__":
    unittest.main()
