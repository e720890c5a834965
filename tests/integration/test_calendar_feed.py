"""The personal calendar feed (issue 14) on a real server: a user makes a secret link (shown
once), a calendar client fetches it without a session and gets METHOD:PUBLISH with every
meeting the user is expected at, their own part of each, under the same UID as the
invitation e-mail; a partner's feed has only the meetings with their items; no pupil is
named; a new link replaces the old one, a withdrawn or made-up link is the same 404."""
import datetime
import unittest
import urllib.parse

from samen_harness import Client, Server
from test_meeting_invites import ics_time, iso, parse

NURSE = "jv@ggd-lindeveld.example"
WORKER = "gezinswerker@buurtteam.example"
CHAIR = "zorg@hetbaken.example"


def events_of(feed):
    """The VEVENTs of a feed, each as {name: value}, lines unfolded."""
    lines = []
    for line in feed.replace("\r\n", "\n").split("\n"):
        if line.startswith((" ", "\t")) and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    events, event = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            event = {}
        elif line == "END:VEVENT":
            events.append(event)
            event = None
        elif event is not None:
            name, _, value = line.partition(":")
            event[name.split(";")[0]] = value
    return lines, events


class CalendarFeed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=40, extra_args=["--public-url", "https://samen.lindeveld.example"])
        cls.zorg = cls.server.login(CHAIR)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def fetch(self, url):
        path = urllib.parse.urlparse(url).path
        status, resp, body = Client(self.server.port).get(path)
        return status, resp, body.decode() if isinstance(body, bytes) else body

    def make_link(self, client):
        status, _, made = client.post("/api/me/calendar-feed", {})
        self.assertEqual(status, 201, made)
        self.assertTrue(made["url"].startswith("https://samen.lindeveld.example/api/calendar/"), made)
        return made["url"]

    def test_a_member_gets_every_meeting_of_theirs_as_the_invitation_names_it(self):
        nurse = self.server.login(NURSE)
        self.assertEqual(nurse.get("/api/me/calendar-feed")[2], {"active": False, "created_at": None})
        url = self.make_link(nurse)
        shown = nurse.get("/api/me/calendar-feed")[2]
        self.assertTrue(shown["active"])
        self.assertNotIn("url", shown)  # the link is told once
        status, resp, feed = self.fetch(url)
        self.assertEqual(status, 200, feed)
        self.assertTrue(resp.getheader("Content-Type").startswith("text/calendar"))
        lines, events = events_of(feed)
        self.assertIn("METHOD:PUBLISH", lines)
        listed = nurse.get("/api/meetings")[2]["meetings"]
        self.assertGreaterEqual(len(listed), 3)  # the consultation, the core partners, this morning's team
        user_id = str(self.server.scalar("SELECT id FROM users WHERE email = ?", NURSE))
        by_uid = {e["UID"]: e for e in events}
        for m in listed:
            uid = f"samen-meeting-{m['id']}-user-{user_id}@samen.lindeveld.example"
            self.assertIn(uid, by_uid)
            self.assertEqual(by_uid[uid]["DTSTART"], ics_time(parse(m["starts_at"])))
            self.assertEqual(by_uid[uid]["SUMMARY"], m["title"])
        names = {i["pupil"]["name"] for m in listed
                 for i in self.zorg.get(f"/api/meetings/{m['id']}")[2]["items"] if i.get("pupil")}
        self.assertTrue(names)
        for name in names:
            for part in name.split():
                if len(part) > 3:
                    self.assertNotIn(part, feed, name)

    def test_a_partner_gets_the_meetings_they_are_expected_at_and_their_part(self):
        worker = self.server.login(WORKER)
        _, _, feed = self.fetch(self.make_link(worker))
        _, events = events_of(feed)
        theirs = {m["id"] for m in worker.get("/api/meetings")[2]["meetings"]}
        got = {e["UID"].split("-user-")[0].removeprefix("samen-meeting-") for e in events}
        self.assertEqual(got, theirs)
        # A standing member of the weekly consultation: all of it, also once items have slots;
        # the event is updated in place (the same UID, the meeting's new version).
        weekly = next(m for m in self.zorg.get("/api/meetings")[2]["meetings"] if m["kind"] == "case_consultation")
        detail = self.zorg.get(f"/api/meetings/{weekly['id']}")[2]
        start = parse(detail["starts_at"])
        slots = [start + datetime.timedelta(minutes=10 * n) for n in range(len(detail["items"]))]
        status, _, changed = self.zorg.put(f"/api/meetings/{weekly['id']}/agenda", {
            "items": [{"id": i["id"], "starts_at": iso(slots[n])} for n, i in enumerate(detail["items"])],
            "version": detail["version"]})
        self.assertEqual(status, 200, changed)
        _, _, feed = self.fetch(self.make_link(worker))
        event = next(e for e in events_of(feed)[1] if e["UID"].startswith(f"samen-meeting-{weekly['id']}-"))
        self.assertEqual(event["DTSTART"], ics_time(start))
        self.assertEqual(event["SEQUENCE"], str(changed["version"]))

    def test_a_new_link_replaces_the_old_and_a_withdrawn_one_is_gone(self):
        officer = self.server.login("leerplicht@lindeveld.example")
        first = self.make_link(officer)
        second = self.make_link(officer)
        self.assertNotEqual(first, second)
        self.assertEqual(self.fetch(first)[0], 404)
        self.assertEqual(self.fetch(second)[0], 200)
        status, _, removed = officer.delete("/api/me/calendar-feed")
        self.assertEqual((status, removed["active"]), (200, False), removed)
        gone = self.fetch(second)
        made_up = self.fetch("/api/calendar/" + "A" * 43)
        self.assertEqual((gone[0], made_up[0]), (404, 404))
        self.assertEqual(gone[2], made_up[2])
        self.assertEqual(officer.delete("/api/me/calendar-feed")[0], 404)
        # Only the link's hash is kept.
        token = second.rsplit("/", 1)[1]
        self.assertEqual(self.server.scalar("SELECT count(*) FROM calendar_feeds WHERE token_hash = ?", token), 0)


if __name__ == "__main__":
    unittest.main()
