"""The care team's meetings (issue 14), end to end on a real server: the demo's weekly case
consultation at Het Baken College in the coming week with its proposed agenda (an attendance
item, an item anonymous for the family worker whose consent was withdrawn) and its
core-partner meeting series; who sees a meeting and which items; a series made and its
next meeting planned through the API; an item named for a partner by consent, anonymous at
once after the consent is withdrawn; every item shown audited with its decision."""
import datetime
import unittest

from samen_harness import (Server, consent_for_the_neighbourhood_team, create_pupil, membership_id_of,
                           open_case_with_family_worker, org_id)

TODAY = datetime.date.today()


def parse(instant):
    return datetime.datetime.fromisoformat(instant.replace("Z", "+00:00"))


class Meetings(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40)
        s = cls.server
        cls.zorg = s.login("zorg@hetbaken.example")
        cls.worker = s.login("gezinswerker@buurtteam.example")
        cls.baken = org_id(s, "Het Baken College")
        status, _, listed = cls.zorg.get(f"/api/meetings?school_id={cls.baken}")
        assert status == 200, listed
        cls.listed = listed["meetings"]
        weekly = [m for m in cls.listed if m["kind"] == "case_consultation"]
        assert weekly, listed
        cls.weekly = weekly[0]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def meeting(self, client, meeting_id):
        return client.get(f"/api/meetings/{meeting_id}")

    def test_the_demo_has_a_consultation_in_the_coming_week_and_a_core_partner_series(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        starts = parse(self.weekly["starts_at"])
        self.assertTrue(now < starts <= now + datetime.timedelta(days=7), self.weekly)
        status, _, series = self.zorg.get(f"/api/meeting-series?school_id={self.baken}")
        self.assertEqual(status, 200, series)
        kinds = {s["kind"]: s for s in series["series"]}
        self.assertEqual(kinds["core_partner_meeting"]["interval_weeks"], 5)
        self.assertEqual(kinds["case_consultation"]["chair_membership_id"],
                         membership_id_of(self.server, "zorg@hetbaken.example"))

    def test_the_chair_sees_every_item_named_with_who_must_be_there(self):
        status, _, m = self.meeting(self.zorg, self.weekly["id"])
        self.assertEqual(status, 200, m)
        self.assertEqual(set(m) >= {"id", "kind", "starts_at", "items"}, True)
        self.assertTrue(m["sees_every_item"])
        self.assertTrue(m["may"]["plan"])
        self.assertTrue(all(i["named"] for i in m["items"]), m["items"])
        officer = membership_id_of(self.server, "leerplicht@lindeveld.example")
        attendance = [i for i in m["items"] if "attendance" in i["categories"] and i.get("case_id")]
        self.assertTrue(attendance, m["items"])
        self.assertIn(officer, [a["membership_id"] for a in attendance[0]["attendees"]])
        self.assertIn("review_due", attendance[0]["reasons"] + [attendance[0]["reason"]])
        # The urgent signal of the demo comes first, and its reporter is invited for it.
        self.assertEqual(m["items"][0]["reason"], "urgent")
        self.assertIn("reporter", [a["why"] for a in m["items"][0]["attendees"]])
        # A case the mentor put forward, with the question asked.
        [put] = [i for i in m["items"] if "put_forward" in i["reasons"]]
        self.assertIn("huisbezoek", put["put_forward"]["question"])
        self.assertIn(put["put_forward"]["membership_id"], [a["membership_id"] for a in put["attendees"]])

    def test_a_partner_sees_only_their_items_and_anonymous_where_the_consent_was_withdrawn(self):
        status, _, m = self.meeting(self.worker, self.weekly["id"])
        self.assertEqual(status, 200, m)
        self.assertFalse(m["sees_every_item"])
        self.assertFalse(m["may"]["plan"])
        me = membership_id_of(self.server, "gezinswerker@buurtteam.example")
        for item in m["items"]:
            self.assertIn(me, [a["membership_id"] for a in item["attendees"]])
        anonymous = [i for i in m["items"] if not i["named"]]
        named = [i for i in m["items"] if i["named"]]
        self.assertTrue(anonymous and named, m["items"])
        for item in anonymous:
            self.assertNotIn("pupil", item)
            self.assertNotIn("case_id", item)
            self.assertEqual(item["anonymous_reason"], "no_legal_basis")
        _, _, chair_view = self.meeting(self.zorg, self.weekly["id"])
        self.assertLess(len(m["items"]), len(chair_view["items"]))
        # No name of a pupil anywhere in the anonymous items' answer.
        names = {i["pupil"]["name"] for i in chair_view["items"]}
        shown = {i["pupil"]["name"] for i in named}
        for name in names - shown:
            self.assertNotIn(name, str(anonymous))
        rows = self.server.query(
            "SELECT decision, reason FROM audit_log WHERE resource_type = 'meeting_item' "
            "AND actor_user_id = (SELECT CAST(id AS TEXT) FROM users WHERE email = ?)",
            "gezinswerker@buurtteam.example")
        self.assertEqual(sorted(r[0] for r in rows).count("deny"), len(anonymous))

    def test_who_is_not_invited_finds_no_meeting(self):
        for email in ("mentor@hetbaken.example", "beheer@lindeveld.example", "ouder@ouders.example"):
            with self.subTest(email=email):
                client = self.server.login(email)
                self.assertEqual(self.meeting(client, self.weekly["id"])[0], 404)
                _, _, listed = client.get(f"/api/meetings?school_id={self.baken}")
                self.assertEqual(listed.get("meetings", []), [])
        self.assertEqual(self.meeting(self.zorg, "99999")[0], 404)

    def test_a_series_made_and_its_meeting_planned_then_a_consent_withdrawn_makes_the_item_anonymous(self):
        pupil, guardians = create_pupil(self.zorg, self.baken, "M-1001", 10, [("Ilse Meer", "moeder", True)],
                                        given_name="Mila", family_name="Overleg")
        case = open_case_with_family_worker(self.server, self.zorg, pupil, ["home"])
        grant = consent_for_the_neighbourhood_team(
            self.server, self.zorg, pupil, guardians,
            "Wij geven toestemming om over de thuissituatie te overleggen met het buurtteam.")
        worker = membership_id_of(self.server, "gezinswerker@buurtteam.example")
        bad = {"school_id": self.baken, "kind": "case_consultation", "title": "Extra overleg",
               "weekday": 8, "start_time": "13:00", "place": "Aula", "member_ids": [worker]}
        before = self.server.scalar("SELECT count(*) FROM meeting_series")
        status, _, error = self.zorg.post("/api/meeting-series", bad)
        self.assertEqual((status, error["error"]["field"]), (400, "weekday"))
        self.assertEqual(self.server.scalar("SELECT count(*) FROM meeting_series"), before)
        mentor = self.server.login("mentor@hetbaken.example")
        self.assertEqual(mentor.post("/api/meeting-series", {**bad, "weekday": 3})[0], 403)
        status, _, series = self.zorg.post("/api/meeting-series", {**bad, "weekday": 3})
        self.assertEqual(status, 201, series)
        # The item is this case's because a review date before the next meeting is due.
        _, _, c = self.zorg.get(f"/api/cases/{case}")
        status, _, changed = self.zorg.put(f"/api/cases/{case}", {
            "lead_membership_id": c["lead_membership_id"], "categories": ["home"],
            "review_date": TODAY.isoformat(), "version": c["version"]})
        self.assertEqual(status, 200, changed)
        status, _, planned = self.zorg.post(f"/api/meeting-series/{series['id']}/meetings", {})
        self.assertEqual(status, 201, planned)
        self.assertTrue(parse(planned["starts_at"]) > datetime.datetime.now(datetime.timezone.utc))
        self.assertEqual(planned["starts_at"][:10] >= TODAY.isoformat(), True)

        def item_for_worker():
            status, _, m = self.meeting(self.worker, planned["id"])
            self.assertEqual(status, 200, m)
            mine = [i for i in m["items"] if i.get("case_id") == case or not i["named"]]
            return mine

        named = [i for i in item_for_worker() if i["named"]]
        self.assertEqual(len(named), 1)
        self.assertEqual(named[0]["pupil"]["name"], "Mila Overleg")
        status, _, withdrawn = self.zorg.post(f"/api/consents/{grant['id']}/withdraw",
                                              {"by": {"guardian_id": guardians[0]}})
        self.assertEqual(status, 200, withdrawn)
        after = self.meeting(self.worker, planned["id"])[2]
        self.assertNotIn("Mila Overleg", str(after))
        self.assertNotIn(case, [i.get("case_id") for i in after["items"]])

    def planned_meeting(self, title):
        status, _, series = self.zorg.post("/api/meeting-series", {
            "school_id": self.baken, "kind": "case_consultation", "title": title, "weekday": 5,
            "start_time": "10:00", "duration_minutes": 60, "place": "Lokaal 2.01",
            "member_ids": [membership_id_of(self.server, "gezinswerker@buurtteam.example")]})
        self.assertEqual(status, 201, series)
        status, _, meeting = self.zorg.post(f"/api/meeting-series/{series['id']}/meetings", {})
        self.assertEqual(status, 201, meeting)
        return meeting

    def test_the_chair_sets_the_agenda_with_the_version_read(self):
        m = self.planned_meeting("Agenda op volgorde")
        ids = [i["id"] for i in m["items"]]
        self.assertGreaterEqual(len(ids), 3, m["items"])
        path = f"/api/meetings/{m['id']}/agenda"
        slot = m["starts_at"].replace("T09:00", "T09:15").replace("T10:00", "T10:15")
        # Reversed, the last one dropped, one given a slot, and another open case added.
        pupil, _ = create_pupil(self.zorg, self.baken, "M-2002", 13, [("Kees Rust", "vader", True)],
                                given_name="Daan", family_name="Extra")
        status, _, quiet = self.zorg.post("/api/cases", {"pupil_id": pupil, "categories": ["learning"], "level": 1})
        self.assertEqual(status, 201, quiet)
        extra = quiet["id"]
        self.assertNotIn(extra, {i.get("case_id") for i in m["items"]})
        items = [{"id": i} for i in reversed(ids[1:])]
        items[0]["starts_at"] = slot
        body = {"items": items + [{"case_id": extra}], "version": m["version"]}
        for email, expected in (("gezinswerker@buurtteam.example", 403), ("mentor@hetbaken.example", 404)):
            self.assertEqual(self.server.login(email).put(path, body)[0], expected, email)
        status, headers, after = self.zorg.put(path, body)
        self.assertEqual(status, 200, after)
        self.assertEqual([i["id"] for i in after["items"]][:-1], list(reversed(ids[1:])))
        self.assertEqual(after["items"][-1]["case_id"], extra)
        self.assertEqual(after["items"][-1]["reason"], "added")
        self.assertEqual(after["items"][0]["starts_at"][:16], slot[:16])
        self.assertEqual(after["version"], m["version"] + 1)
        # The version read before is stale now: 409, and nothing changes.
        status, _, error = self.zorg.put(path, {"items": [], "version": m["version"]})
        self.assertEqual((status, error["error"]["code"]), (409, "version_conflict"))
        self.assertEqual(len(self.meeting(self.zorg, m["id"])[2]["items"]), len(after["items"]))
        status, _, error = self.zorg.put(path, {"items": [{"id": ids[1], "starts_at": "2001-01-01T00:00:00Z"}],
                                                "version": after["version"]})
        self.assertEqual((status, error["error"]["field"]), (400, "items[0].starts_at"))
        status, _, error = self.zorg.put(path, {"items": [{"id": ids[1]}, {"id": ids[1]}], "version": after["version"]})
        self.assertEqual((status, error["error"]["field"]), (400, "items[1]"))

    def test_moving_and_cancelling_a_meeting(self):
        m = self.planned_meeting("Verplaatst overleg")
        later = (parse(m["starts_at"]) + datetime.timedelta(days=1, hours=2)).isoformat().replace("+00:00", "Z")
        status, _, moved = self.zorg.put(f"/api/meetings/{m['id']}", {"starts_at": later, "place": "Aula",
                                                                      "version": m["version"]})
        self.assertEqual(status, 200, moved)
        self.assertEqual((parse(moved["starts_at"]), moved["place"]), (parse(later), "Aula"))
        status, _, cancelled = self.zorg.post(f"/api/meetings/{m['id']}/cancel", {"version": moved["version"]})
        self.assertEqual((status, cancelled["status"]), (200, "cancelled"))
        status, _, error = self.zorg.put(f"/api/meetings/{m['id']}/agenda", {"items": [], "version": cancelled["version"]})
        self.assertEqual((status, error["error"]["code"]), (409, "meeting_cancelled"))
        self.assertEqual(self.zorg.post(f"/api/meetings/{m['id']}/cancel", {})[0], 409)


if __name__ == "__main__":
    unittest.main()
