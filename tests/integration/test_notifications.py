"""Notifications and e-mail (issue 14) against a real SMTP server started here (aiosmtpd,
STARTTLS required, authentication required, a certificate made by openssl): a professional
added to a case's table finds it in their list and gets an e-mail that names no pupil; a
user who chose the daily digest gets one mail at the digest time with what waited, and no
mail before; a mail that could not be delivered because the SMTP server was down is
delivered once it is up, each attempt audited without content; the e-mail choice is
versioned."""
import datetime
import email
import email.policy
import os
import ssl
import subprocess
import tempfile
import time
import unittest
import zoneinfo

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from samen_harness import Server, create_pupil, free_port, membership_id_of, open_case_with_family_worker, org_id

USER, PASSWORD = "samen", "smtp-geheim"
GIVEN, FAMILY = "Zwaantje", "Vlinderbos"  # a pupil name no mail may carry
NURSE = "jv@ggd-lindeveld.example"
WORKER = "gezinswerker@buurtteam.example"


class Collector:
    def __init__(self):
        self.mails = []

    async def handle_DATA(self, server, session, envelope):
        self.mails.append({"to": envelope.rcpt_tos, "content": envelope.content,
                           "tls": session.ssl is not None, "authenticated": session.authenticated})
        return "250 OK"

    def to(self, address):
        return [m for m in self.mails if address in m["to"]]


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() \
        and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


def make_certificate(directory):
    cert, key = os.path.join(directory, "smtp.pem"), os.path.join(directory, "smtp.key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def start_smtp(port, cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, auth_required=True, authenticator=authenticate)
    controller.start()
    return collector, controller


def smtp_args(port, cert, *more):
    return ("--smtp", f"smtp://{USER}:{PASSWORD}@127.0.0.1:{port}", "--smtp-ca", cert,
            "--mail-from", "samen@lindeveld.example", *more)


def serve_with_smtp(cls, pupils, *more):
    """A real SMTP server (STARTTLS and login required) and a demo region mailing through it,
    on `cls`: dir, cert, key, smtp_port, smtp (the mails received), controller, server."""
    cls.dir = tempfile.mkdtemp(prefix="samen-mail-")
    cls.cert, cls.key = make_certificate(cls.dir)
    cls.smtp_port = free_port()
    cls.smtp, cls.controller = start_smtp(cls.smtp_port, cls.cert, cls.key)
    cls.server = Server(pupils=pupils, extra_args=smtp_args(cls.smtp_port, cls.cert, "--mail-retry", "1",
                                                            "--public-url", "https://samen.lindeveld.example/",
                                                            *more))


def text_of(mail):
    message = email.message_from_bytes(mail["content"], policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    return message["Subject"], body, mail["content"].decode("utf-8", "replace")


def wait_for(predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def digest_time_ahead():
    """The next full minute in Dutch local time at least 25 s away: HH:MM, and as an instant."""
    now = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam"))
    at = (now + datetime.timedelta(seconds=25)).replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    return at.strftime("%H:%M"), at


def add_to_new_case(server, coordinator, school, number, email_address):
    pupil, _ = create_pupil(coordinator, school, number, 13, [("Ouder", "parent", True)],
                            given_name=GIVEN, family_name=FAMILY)
    status, _, case = coordinator.post("/api/cases", {"pupil_id": pupil, "categories": ["health"], "level": 2})
    assert status == 201, case
    status, _, seat = coordinator.post(f"/api/cases/{case['id']}/team", {
        "membership_id": membership_id_of(server, email_address), "reason": "Gezondheid"})
    assert status == 201, seat
    return case["id"]


class Notifications(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.digest_hhmm, cls.digest_at = digest_time_ahead()
        serve_with_smtp(cls, 40, "--mail-digest-time", cls.digest_hhmm)
        s = cls.server
        cls.zorg = s.login("zorg@hetbaken.example")
        cls.school = org_id(s, "Het Baken College")
        # The nurse chooses the digest before the digest time, and two seats wait for it.
        cls.nurse = s.login(NURSE)
        status, _, choice = cls.nurse.put("/api/me/notification-settings", {"email": "digest", "version": 0})
        assert status == 200, choice
        cls.digest_cases = [add_to_new_case(s, cls.zorg, cls.school, f"MAIL-D{i}", NURSE) for i in range(2)]

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        cls.controller.stop()

    def test_a_new_seat_is_in_the_list_and_mailed_over_starttls_without_the_pupil(self):
        worker = self.server.login(WORKER)
        before = len(self.smtp.to(WORKER))
        pupil, _ = create_pupil(self.zorg, self.school, "MAIL-1", 12, [("Ouder", "parent", True)],
                                given_name=GIVEN, family_name=FAMILY)
        case_id = open_case_with_family_worker(self.server, self.zorg, pupil, ["home"])
        status, _, listed = worker.get("/api/notifications")
        self.assertEqual(status, 200, listed)
        mine = [n for n in listed["notifications"] if n["link"] == f"/dossiers/{case_id}"]
        self.assertEqual([n["kind"] for n in mine], ["team_added"])
        self.assertFalse(mine[0]["read"])
        self.assertGreaterEqual(listed["unread"], 1)
        self.assertNotIn(GIVEN, str(listed))
        # The demo invited the partners to the coming case consultation.
        self.assertTrue(any(n["kind"] == "meeting_invited" and n["link"].startswith("/overleg/")
                            for n in listed["notifications"]), listed)
        # The coordinator made the change and is not told about it.
        status, _, own = self.zorg.get("/api/notifications")
        self.assertNotIn(f"/dossiers/{case_id}", str(own))

        wait_for(lambda: len(self.smtp.to(WORKER)) > before, 20, "the mail to the family worker")
        mail = self.smtp.to(WORKER)[-1]
        self.assertTrue(mail["tls"], "the mail went over STARTTLS")
        self.assertTrue(mail["authenticated"])
        subject, body, raw = text_of(mail)
        self.assertIn("toegevoegd aan het team", subject)
        self.assertIn("https://samen.lindeveld.example/meldingen", body)
        for word in (GIVEN, FAMILY, "Het Baken", str(case_id) + "\n"):
            self.assertNotIn(word, body)
            self.assertNotIn(word, raw)

        status, _, after = worker.post(f"/api/notifications/{mine[0]['id']}/read", {})
        self.assertEqual(status, 200, after)
        self.assertEqual(after["unread"], listed["unread"] - 1)
        # Someone else's notification does not exist for this user.
        status, _, refused = self.zorg.post(f"/api/notifications/{mine[0]['id']}/read", {})
        self.assertEqual(status, 404, refused)
        status, _, cleared = worker.post("/api/notifications/read-all", {})
        self.assertEqual((status, cleared["unread"]), (200, 0))

    def test_the_digest_comes_once_at_its_time_with_what_waited(self):
        self.assertEqual(self.smtp.to(NURSE), [], "no mail before the digest time")
        status, _, listed = self.nurse.get("/api/notifications")
        links = {n["link"] for n in listed["notifications"]}
        self.assertTrue({f"/dossiers/{c}" for c in self.digest_cases} <= links)
        seconds = (self.digest_at - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
        wait_for(lambda: self.smtp.to(NURSE), max(seconds, 0) + 30, "the digest")
        time.sleep(3)  # a second pass of the sender sends no second digest
        digests = self.smtp.to(NURSE)
        self.assertEqual(len(digests), 1, [text_of(m)[0] for m in digests])
        subject, body, raw = text_of(digests[0])
        self.assertIn("dagelijkse overzicht (2)", subject)
        self.assertIn("(2 keer)", body)
        self.assertNotIn(GIVEN, raw)

    def test_the_email_choice_is_versioned_and_checked(self):
        worker = self.server.login("leerplicht@lindeveld.example")
        status, _, s = worker.get("/api/me/notification-settings")
        self.assertEqual((status, s["email"], s["version"], s["mail_enabled"]), (200, "immediate", 0, True))
        status, _, bad = worker.put("/api/me/notification-settings", {"email": "weekly", "version": 0})
        self.assertEqual((status, bad["error"]["field"]), (400, "email"))
        status, _, saved = worker.put("/api/me/notification-settings", {"email": "none", "version": 0})
        self.assertEqual((status, saved["email"], saved["version"]), (200, "none", 1))
        status, _, stale = worker.put("/api/me/notification-settings", {"email": "digest", "version": 0})
        self.assertEqual((status, stale["error"]["code"]), (409, "version_conflict"))


class MailWhileTheServerIsDown(unittest.TestCase):
    def test_a_mail_is_retried_until_the_smtp_server_is_up_each_attempt_audited(self):
        directory = tempfile.mkdtemp(prefix="samen-mail-down-")
        cert, key = make_certificate(directory)
        port = free_port()
        server = Server(pupils=30, extra_args=smtp_args(port, cert, "--mail-retry", "1"))
        controller = None
        try:
            zorg = server.login("zorg@hetbaken.example")
            school = org_id(server, "Het Baken College")
            pupil, _ = create_pupil(zorg, school, "MAIL-R", 12, [("Ouder", "parent", True)],
                                    given_name=GIVEN, family_name=FAMILY)
            open_case_with_family_worker(server, zorg, pupil, ["home"])
            wait_for(lambda: any(l.get("event") == "mail_failed" for l in server.log_lines()), 20,
                     "a failed attempt")
            failed = [l for l in server.log_lines() if l.get("event") == "mail_failed"][0]
            self.assertFalse(failed["given_up"])
            self.assertNotIn(GIVEN, str(server.log_lines()))
            smtp, controller = start_smtp(port, cert, key)
            wait_for(lambda: smtp.to(WORKER), 30, "the mail after the SMTP server came up")
            self.assertNotIn(GIVEN.encode(), smtp.to(WORKER)[0]["content"])
            privacy = server.login("fg@lindeveld.example")
            status, _, log = privacy.get("/api/audit?limit=500")
            self.assertEqual(status, 200, log)
            attempts = [e for e in log["entries"] if e["action"] == "mail_attempt"]
            self.assertTrue(all(e["resource_type"] == "mail" and e["pupil_id"] is None for e in attempts))
            reasons = [e["reason"] for e in attempts]
            self.assertIn("retry", reasons)
            self.assertIn("sent", reasons)
        finally:
            server.cleanup()
            if controller:
                controller.stop()


if __name__ == "__main__":
    unittest.main()
