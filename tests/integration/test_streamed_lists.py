"""The lists written row by row (http/json_writer: the case list, the pupil search, the audit
log) show each resource exactly as its own answer does: the same fields with the same
values, nulls as nulls. A list that drifted from the resource's shape (a field dropped,
a null written as "", a date in another form) fails here."""
import unittest

from samen_harness import Server


def shared(listed, single):
    """The listed item's fields, and the single answer's values of those fields."""
    return listed, {k: single.get(k, "<missing>") for k in listed}


class StreamedLists(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=120)
        cls.coordinator = cls.server.login("zorg@hetbaken.example")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_each_listed_case_is_the_case_as_read(self):
        status, _, body = self.coordinator.get("/api/cases?status=all")
        self.assertEqual(status, 200, body)
        cases = body["cases"]
        # The demo gives this school open and closed cases, with and without a review date.
        self.assertGreaterEqual(len(cases), 3)
        self.assertEqual({c["status"] for c in cases}, {"open", "closed"})
        self.assertTrue(any(c["closed_at"] is None for c in cases))
        self.assertTrue(any(c["closed_at"] for c in cases))
        for listed in cases:
            status, _, single = self.coordinator.get(f"/api/cases/{listed['id']}")
            self.assertEqual(status, 200, single)
            self.assertEqual(*shared(listed, single))
            self.assertIsInstance(listed["pupil_name"], str)
            self.assertTrue(listed["pupil_name"])

    def test_each_listed_pupil_is_the_pupil_as_read(self):
        status, _, body = self.coordinator.get("/api/pupils?limit=40")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["limit"], body["offset"], body["has_more"]), (40, 0, True))
        self.assertEqual(len(body["pupils"]), 40)
        for listed in body["pupils"]:
            status, _, single = self.coordinator.get(f"/api/pupils/{listed['id']}")
            self.assertEqual(status, 200, single)
            self.assertNotIn("guardians", listed)  # a listing's rows are summaries
            self.assertEqual(*shared(listed, single))

    def test_the_audit_log_page_and_its_cursor(self):
        officer = self.server.login("fg@lindeveld.example")
        status, _, page = officer.get("/api/audit?limit=3")
        self.assertEqual(status, 200, page)
        self.assertEqual(len(page["entries"]), 3)
        self.assertEqual(page["next_before_seq"], page["entries"][-1]["seq"])
        for e in page["entries"]:
            # Absent parts are null, never an empty string.
            for key in ("actor_user_id", "pupil_id", "resource_id", "reason", "legal_basis"):
                self.assertNotEqual(e[key], "", (key, e))
        # The last page is short and says there is no next one.
        status, _, last = officer.get("/api/audit?limit=500&before_seq=4")
        self.assertEqual(status, 200, last)
        self.assertEqual([e["seq"] for e in last["entries"]], [3, 2, 1])
        self.assertIsNone(last["next_before_seq"])


if __name__ == "__main__":
    unittest.main()
