"""The minutes of a meeting (issue 14) on a real server: the chair notes per item who was
there, the summary and decisions (kept for the chair alone while the meeting runs) and
actions that go into the case's plan at once, their owner told; a stale version is 409;
whoever may not note gets 403 or 404, someone not invited to the item cannot be marked
present, a signal's item takes attendance only, an item with minutes stays on the agenda;
closing the minutes turns each item's notes into one chronology entry of its case (with its
audience and family flag), after which the meeting no longer changes; every step audited.
A case names the meetings it is on: the family learns when, not which meeting."""
import datetime
import unittest

from samen_harness import Server, iso, membership_id_of, org_id

CHAIR = "zorg@hetbaken.example"
NURSE = "jv@ggd-lindeveld.example"
MENTOR = "mentor@hetbaken.example"
MARKER = "Besproken: de aanpak van het verzuim met Zonnebloem-zeven"



class MeetingMinutes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        s = cls.server
        cls.zorg = s.login(CHAIR)
        cls.nurse = s.login(NURSE)
        cls.chair_id = membership_id_of(s, CHAIR)
        cls.nurse_id = membership_id_of(s, NURSE)
        baken = org_id(s, "Het Baken College")
        status, _, series = cls.zorg.post("/api/meeting-series", {
            "school_id": baken, "kind": "case_consultation", "title": "Zorgoverleg met verslag",
            "weekday": 2, "start_time": "09:00", "duration_minutes": 120, "place": "Lokaal 1.01",
            "member_ids": [cls.nurse_id]})
        assert status == 201, series
        cls.series_id = series["id"]
        begun = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=15)
        status, _, cls.planned = cls.zorg.post(f"/api/meeting-series/{series['id']}/meetings",
                                               {"starts_at": iso(begun)})
        assert status == 201, cls.planned
        # The nurse's items first: the tests read the minutes as the nurse, invited to them.
        cases = sorted((i for i in cls.planned["items"] if i.get("case_id")),
                       key=lambda i: cls.nurse_id not in [a["membership_id"] for a in i["attendees"]])
        assert len(cases) >= 2, cls.planned["items"]
        cls.item, cls.other = cases[0], cases[1]
        cls.signal_items = [i for i in cls.planned["items"] if i.get("signal_id")]
        status, _, cls.case = cls.zorg.get(f"/api/cases/{cls.item['case_id']}")
        assert status == 200, cls.case

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def minutes_url(self, item):
        return f"/api/meetings/{self.planned['id']}/items/{item['id']}/minutes"

    def item_of(self, client, item_id):
        status, _, m = client.get(f"/api/meetings/{self.planned['id']}")
        self.assertEqual(status, 200, m)
        return m, next(i for i in m["items"] if i["id"] == item_id)

    def notified(self, client, kind):
        listed = client.get("/api/notifications")[2]["notifications"]
        return [n["link"] for n in listed if n["kind"] == kind]

    def test_1_notes_and_actions_while_the_meeting_runs(self):
        lead = self.nurse_id
        due = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
        body = {"present": [self.chair_id, self.nurse_id], "summary": MARKER,
                "decisions": "Huisbezoek door de gezinswerker.", "audience": "case_team",
                "family_visible": True, "version": 0,
                "new_actions": [{"text": "Ouders bellen over het rooster", "owner_membership_id": lead,
                                 "due_date": due}]}
        status, headers, saved = self.zorg.put(self.minutes_url(self.item), body)
        self.assertEqual(status, 200, saved)
        self.assertEqual((saved["version"], saved["summary"], len(saved["action_ids"])), (1, MARKER, 1))
        self.assertEqual(headers.getheader("ETag"), '"1"')
        # The action is in the case's plan at once.
        case = self.zorg.get(f"/api/cases/{self.item['case_id']}")[2]
        self.assertIn(saved["action_ids"][0], [a["id"] for a in case["actions"]])
        self.assertIn(f"/dossiers/{self.item['case_id']}", self.notified(self.nurse, "action_assigned"))
        self.assertEqual(self.notified(self.zorg, "action_assigned"), [])
        # The same version again is stale; a second save adds to the same record.
        self.assertEqual(self.zorg.put(self.minutes_url(self.item), body)[0], 409)
        status, _, again = self.zorg.put(self.minutes_url(self.item), {
            "present": [self.chair_id, self.nurse_id], "summary": MARKER, "audience": "case_team",
            "decisions": "Huisbezoek door de gezinswerker.", "family_visible": True, "version": 1})
        self.assertEqual((status, again["version"], again["action_ids"]), (200, 2, saved["action_ids"]), again)
        # The chair reads the notes back; the nurse, at the table, sees who was there only.
        _, chair_item = self.item_of(self.zorg, self.item["id"])
        self.assertEqual(chair_item["minutes"]["summary"], MARKER)
        _, nurse_item = self.item_of(self.nurse, self.item["id"])
        self.assertEqual(nurse_item["minutes"]["present"], [self.chair_id, self.nurse_id])
        self.assertNotIn("summary", nurse_item["minutes"])
        self.assertNotIn(MARKER, str(nurse_item))
        rows = self.server.query(
            "SELECT action, decision FROM audit_log WHERE resource_type = 'meeting_item' "
            "AND resource_id = ? AND action = 'record_minutes'", self.item["id"])
        self.assertEqual([r[1] for r in rows], ["allow", "allow"])

    def test_2_who_may_not_note_and_what_cannot_be_noted(self):
        url = self.minutes_url(self.other)
        self.assertEqual(self.nurse.put(url, {"present": [], "version": 0})[0], 403)
        self.assertEqual(self.server.login(MENTOR).put(url, {"present": [], "version": 0})[0], 404)
        missing = f"/api/meetings/{self.planned['id']}/items/999999/minutes"
        self.assertEqual(self.zorg.put(missing, {"present": [], "version": 0})[0], 404)
        # The probe for an item that is not on the agenda is audited like any refusal.
        rows = self.server.query(
            "SELECT decision, reason FROM audit_log WHERE resource_type = 'meeting_item' AND resource_id = ?",
            "999999")
        self.assertEqual([tuple(r) for r in rows], [("deny", "no_such_item")])
        stranger = membership_id_of(self.server, "beheer@lindeveld.example")
        cases = [
            ({"present": [stranger], "version": 0}, "present[0]"),
            ({"present": [], "summary": "x", "audience": "private", "version": 0}, "audience"),
            ({"present": [], "summary": "x", "category": "weather", "version": 0}, "category"),
            ({"present": [], "new_actions": [{"text": "x", "owner_membership_id": stranger}],
              "version": 0}, "new_actions[0].owner_membership_id"),
            ({"present": [], "summary": "x" * 20001, "version": 0}, "summary"),
        ]
        for body, field in cases:
            with self.subTest(field=field):
                status, _, error = self.zorg.put(url, body)
                self.assertEqual((status, error["error"].get("field")), (400, field), error)
        if self.signal_items:
            status, _, error = self.zorg.put(self.minutes_url(self.signal_items[0]),
                                             {"present": [self.chair_id], "summary": "x", "version": 0})
            self.assertEqual((status, error["error"]["field"]), (400, "summary"), error)
        # Nothing of the refused saves was kept.
        _, other = self.item_of(self.zorg, self.other["id"])
        self.assertNotIn("minutes", other)

    def test_3_an_item_with_minutes_stays_on_the_agenda(self):
        m, _ = self.item_of(self.zorg, self.item["id"])
        rest = [{"id": i["id"]} for i in m["items"] if i["id"] != self.item["id"]]
        status, _, error = self.zorg.put(f"/api/meetings/{m['id']}/agenda",
                                         {"items": rest, "version": m["version"]})
        self.assertEqual((status, error["error"]["field"]), (400, "items"), error)

    def test_4_closing_puts_the_notes_in_the_chronology_and_the_meeting_stops_changing(self):
        later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)
        status, _, future = self.zorg.post(f"/api/meeting-series/{self.series_id}/meetings",
                                           {"starts_at": iso(later)})
        self.assertEqual(status, 201, future)
        self.assertEqual((future["may"]["record_minutes"], future["may"]["close_minutes"]), (True, False))
        status, _, early = self.zorg.post(f"/api/meetings/{future['id']}/minutes/close",
                                          {"version": future["version"]})
        self.assertEqual(status, 400, early)
        m, _ = self.item_of(self.zorg, self.item["id"])
        url = f"/api/meetings/{m['id']}/minutes/close"
        self.assertTrue(m["may"]["close_minutes"])
        self.assertEqual(self.nurse.post(url, {"version": m["version"]})[0], 403)
        self.assertEqual(self.zorg.post(url, {"version": m["version"] - 1})[0], 409)
        status, _, closed = self.zorg.post(url, {"version": m["version"]})
        self.assertEqual(status, 200, closed)
        self.assertIsNotNone(closed["minutes_closed_at"])
        self.assertFalse(any(closed["may"].values()), closed["may"])
        item = next(i for i in closed["items"] if i["id"] == self.item["id"])
        self.assertNotIn("summary", item["minutes"])
        entry_id = item["minutes"]["entry_id"]
        status, _, entry = self.zorg.get(f"/api/entries/{entry_id}")
        self.assertEqual(status, 200, entry)
        self.assertEqual((entry["kind"], entry["audience"], entry["family_visible"]),
                         ("decision", "case_team", True))
        for words in ("Besproken in Zorgoverleg met verslag op", MARKER, "Huisbezoek door de gezinswerker.",
                      "Ouders bellen over het rooster", "Aanwezig:"):
            self.assertIn(words, entry["text"])
        entries = self.zorg.get(f"/api/cases/{self.item['case_id']}/entries")[2]["entries"]
        self.assertIn(entry_id, [e["id"] for e in entries])
        meetings = self.zorg.get(f"/api/cases/{self.item['case_id']}")[2]["meetings"]
        self.assertIn({"id": m["id"], "kind": "case_consultation", "title": "Zorgoverleg met verslag",
                       "starts_at": m["starts_at"], "state": "discussed"}, meetings)
        # The notes now live in the chronology alone.
        rows = self.server.query("SELECT summary, decisions FROM meeting_minutes WHERE entry_id IS NOT NULL")
        self.assertEqual([tuple(r) for r in rows], [("", "")])
        # The meeting no longer changes.
        for status, error in (
                self.zorg.put(self.minutes_url(self.item), {"present": [], "version": 2})[:3:2],
                self.zorg.put(f"/api/meetings/{m['id']}/agenda", {"items": [], "version": closed["version"]})[:3:2],
                self.zorg.post(f"/api/meetings/{m['id']}/cancel", {"version": closed["version"]})[:3:2],
                self.zorg.post(url, {"version": closed["version"]})[:3:2]):
            self.assertEqual((status, error["error"]["code"]), (409, "minutes_closed"), error)
        rows = self.server.query(
            "SELECT decision FROM audit_log WHERE resource_type = 'meeting' AND resource_id = ? "
            "AND action = 'close_minutes'", m["id"])
        self.assertEqual([r[0] for r in rows], ["allow"])

    def test_5_an_action_given_in_the_plan_tells_its_owner(self):
        case_id = self.other["case_id"]
        before = len(self.notified(self.nurse, "action_assigned"))
        status, headers, action = self.zorg.post(f"/api/cases/{case_id}/actions", {
            "text": "Gesprek met de jeugdverpleegkundige", "owner_membership_id": self.chair_id})
        self.assertEqual(status, 201, action)
        self.assertEqual(len(self.notified(self.nurse, "action_assigned")), before)
        status, _, handed = self.zorg.put(f"/api/actions/{action['id']}", {
            "text": action["text"], "owner_membership_id": self.nurse_id, "due_date": None,
            "done": False, "version": action["version"]})
        self.assertEqual(status, 200, handed)
        self.assertEqual(len(self.notified(self.nurse, "action_assigned")), before + 1)

    def test_6_a_case_names_its_meetings_and_the_family_learns_when_not_which(self):
        parent = self.server.login("ouder@ouders.example")
        status, _, theirs = parent.get("/api/cases")
        self.assertEqual(status, 200, theirs)
        family_case = theirs["cases"][0]["id"]
        later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=9)
        status, _, planned = self.zorg.post(f"/api/meeting-series/{self.series_id}/meetings",
                                            {"starts_at": iso(later)})
        self.assertEqual(status, 201, planned)
        items = [{"id": i["id"]} for i in planned["items"] if i.get("case_id") != family_case]
        status, _, planned = self.zorg.put(f"/api/meetings/{planned['id']}/agenda", {
            "items": items + [{"case_id": family_case}], "version": planned["version"]})
        self.assertEqual(status, 200, planned)
        coming = {"kind": "case_consultation", "title": "Zorgoverleg met verslag",
                  "starts_at": planned["starts_at"], "state": "planned"}
        chair_view = self.zorg.get(f"/api/cases/{family_case}")[2]["meetings"]
        self.assertIn({**coming, "id": planned["id"]}, chair_view)
        family_view = parent.get(f"/api/cases/{family_case}")[2]["meetings"]
        self.assertIn(coming, family_view)
        self.assertFalse([m for m in family_view if "id" in m], family_view)
        # A cancelled meeting is no longer coming.
        self.assertEqual(self.zorg.post(f"/api/meetings/{planned['id']}/cancel",
                                        {"version": planned["version"]})[0], 200)
        self.assertNotIn(coming, parent.get(f"/api/cases/{family_case}")[2]["meetings"])


if __name__ == "__main__":
    unittest.main()
