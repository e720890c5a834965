"""Meeting invitations in the calendar (issue 14) against a real SMTP server (aiosmtpd with
STARTTLS and AUTH, as in test_notifications): when the chair plans a meeting, each person it
concerns gets the notification e-mail with an iCalendar invitation for their own part of it
(a standing member the whole meeting, a partner called by an item from their item's time
slot); moving it sends an update with the same UID and a higher SEQUENCE, cancelling it a
METHOD:CANCEL; a user who chose no e-mail gets the notification only; the chair is not told
of their own doing; no invitation carries a pupil's name."""
import datetime
import email
import email.policy
import unittest

from samen_harness import iso, membership_id_of, org_id
from test_notifications import serve_with_smtp, wait_for

NURSE = "jv@ggd-lindeveld.example"
OFFICER = "leerplicht@lindeveld.example"
WORKER = "gezinswerker@buurtteam.example"
CHAIR = "zorg@hetbaken.example"


def parse(instant):
    return datetime.datetime.fromisoformat(instant.replace("Z", "+00:00"))



def calendar_of(mail):
    """The text/calendar part of a mail: its method parameter and its properties, unfolded
    (RFC 5545 §3.1), as {name: value} of the VEVENT."""
    message = email.message_from_bytes(mail["content"], policy=email.policy.default)
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    if not parts:
        return None, None
    text = parts[0].get_content()
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith((" ", "\t")) and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    event, inside = {}, False
    for line in lines:
        if line == "BEGIN:VEVENT":
            inside = True
        elif line == "END:VEVENT":
            inside = False
        elif inside:
            name, _, value = line.partition(":")
            event[name.split(";")[0]] = value
    method = next(l.partition(":")[2] for l in lines if l.startswith("METHOD:"))
    return parts[0].get_param("method"), {"METHOD": method, **event}


def ics_time(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class MeetingInvitations(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        serve_with_smtp(cls, 40)
        s = cls.server
        cls.zorg = s.login(CHAIR)
        cls.baken = org_id(s, "Het Baken College")
        officer = s.login(OFFICER)
        status, _, none = officer.put("/api/me/notification-settings", {"email": "none", "version": 0})
        assert status == 200, none
        status, _, series = cls.zorg.post("/api/meeting-series", {
            "school_id": cls.baken, "kind": "case_consultation", "title": "Zorgoverleg in de agenda",
            "weekday": 4, "start_time": "13:00", "duration_minutes": 90, "place": "Lokaal 0.04",
            "member_ids": [membership_id_of(s, NURSE), membership_id_of(s, OFFICER)]})
        assert status == 201, series
        status, _, cls.planned = cls.zorg.post(f"/api/meeting-series/{series['id']}/meetings", {})
        assert status == 201, cls.planned
        cls.names = {i["pupil"]["name"] for i in cls.planned["items"] if i.get("pupil")}

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        cls.controller.stop()

    def invitations(self, address):
        return [c for c in (calendar_of(m) for m in self.smtp.to(address)) if c[0]]

    def assert_no_pupil_named(self, address):
        for mail in self.smtp.to(address):
            for name in self.names:
                for part in name.split():
                    if len(part) > 3:
                        self.assertNotIn(part.encode(), mail["content"], name)

    def test_1_planned_a_member_gets_the_whole_meeting_and_the_chair_nothing(self):
        m = self.planned
        wait_for(lambda: self.invitations(NURSE), 20, "the nurse's invitation")
        method, event = self.invitations(NURSE)[0]
        self.assertEqual((method, event["METHOD"]), ("REQUEST", "REQUEST"))
        start = parse(m["starts_at"])
        self.assertEqual(event["DTSTART"], ics_time(start))
        self.assertEqual(event["DTEND"], ics_time(start + datetime.timedelta(minutes=90)))
        self.assertEqual(event["SUMMARY"], "Zorgoverleg in de agenda")
        self.assertEqual(event["LOCATION"], "Lokaal 0.04")
        self.assertEqual(event["SEQUENCE"], str(m["version"]))
        self.assertEqual(event["ATTENDEE"], f"mailto:{NURSE}")
        self.assertEqual(event["ORGANIZER"], f"mailto:{CHAIR}")
        self.assertIn(f"https://samen.lindeveld.example/overleg/{m['id']}", event["URL"])
        self.assertTrue(event["UID"].endswith("@samen.lindeveld.example"), event["UID"])
        self.assertTrue(self.names, "the proposed agenda names pupils for the chair")
        self.assert_no_pupil_named(NURSE)
        nurse = self.server.login(NURSE)
        listed = nurse.get("/api/notifications")[2]["notifications"]
        self.assertIn(("meeting_invited", f"/overleg/{m['id']}"), {(n["kind"], n["link"]) for n in listed})
        # The officer chose no e-mail: the notification, no mail.
        officer = self.server.login(OFFICER)
        listed = officer.get("/api/notifications")[2]["notifications"]
        self.assertIn(("meeting_invited", f"/overleg/{m['id']}"), {(n["kind"], n["link"]) for n in listed})
        self.assertEqual(self.smtp.to(OFFICER), [])
        self.assertEqual(self.invitations(CHAIR), [])

    def test_2_a_time_slot_moves_the_partners_invitation_to_their_item(self):
        m = self.zorg.get(f"/api/meetings/{self.planned['id']}")[2]
        worker_membership = membership_id_of(self.server, WORKER)
        theirs = [n for n, i in enumerate(m["items"])
                  if any(a["membership_id"] == worker_membership for a in i["attendees"])]
        self.assertTrue(theirs, "the demo's open cases call the family worker to an item")
        wait_for(lambda: self.invitations(WORKER), 20, "the family worker's invitation")
        before = self.invitations(WORKER)[-1][1]
        self.assertEqual(before["DTSTART"], ics_time(parse(m["starts_at"])))  # no slot yet: all of it
        start = parse(m["starts_at"])
        slots = [start + datetime.timedelta(minutes=10 * n) for n in range(len(m["items"]))]
        body = {"items": [{"id": i["id"], "starts_at": iso(slots[n])} for n, i in enumerate(m["items"])],
                "version": m["version"]}
        count = len(self.invitations(WORKER))
        status, _, after = self.zorg.put(f"/api/meetings/{m['id']}/agenda", body)
        self.assertEqual(status, 200, after)
        wait_for(lambda: len(self.invitations(WORKER)) > count, 20, "the family worker's update")
        method, event = self.invitations(WORKER)[-1]
        self.assertEqual(method, "REQUEST")
        self.assertEqual(event["UID"], before["UID"])
        self.assertGreater(int(event["SEQUENCE"]), int(before["SEQUENCE"]))
        last = theirs[-1]
        until = slots[last + 1] if last + 1 < len(slots) else start + datetime.timedelta(minutes=90)
        self.assertEqual((event["DTSTART"], event["DTEND"]), (ics_time(slots[theirs[0]]), ics_time(until)))
        self.assert_no_pupil_named(WORKER)

    def test_3_moved_then_cancelled_the_same_uid_with_a_higher_sequence(self):
        m = self.zorg.get(f"/api/meetings/{self.planned['id']}")[2]
        wait_for(lambda: self.invitations(NURSE), 20, "the nurse's invitation")
        first = self.invitations(NURSE)[0][1]
        later = parse(m["starts_at"]) + datetime.timedelta(days=1)
        count = len(self.invitations(NURSE))
        status, _, moved = self.zorg.put(f"/api/meetings/{m['id']}", {"starts_at": iso(later), "version": m["version"]})
        self.assertEqual(status, 200, moved)
        wait_for(lambda: len(self.invitations(NURSE)) > count, 20, "the update")
        method, update = self.invitations(NURSE)[-1]
        self.assertEqual((method, update["UID"], update["DTSTART"]), ("REQUEST", first["UID"], ics_time(later)))
        self.assertGreater(int(update["SEQUENCE"]), int(first["SEQUENCE"]))
        status, _, cancelled = self.zorg.post(f"/api/meetings/{m['id']}/cancel", {"version": moved["version"]})
        self.assertEqual(status, 200, cancelled)
        wait_for(lambda: self.invitations(NURSE)[-1][0] == "CANCEL", 20, "the cancellation")
        method, cancel = self.invitations(NURSE)[-1]
        self.assertEqual((cancel["METHOD"], cancel["UID"], cancel["STATUS"]), ("CANCEL", first["UID"], "CANCELLED"))
        self.assertGreaterEqual(int(cancel["SEQUENCE"]), int(update["SEQUENCE"]))
        self.assertEqual(self.smtp.to(OFFICER), [])
        self.assertEqual(self.invitations(CHAIR), [])
        self.assert_no_pupil_named(NURSE)


if __name__ == "__main__":
    unittest.main()
