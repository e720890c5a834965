"""Family invitations by e-mail (issue 14) against a real SMTP server (aiosmtpd, STARTTLS and
authentication required): an invitation made by the school arrives at the invited address
with its one-time link under --public-url, which accepts it; the mail names no pupil or
guardian; its text leaves the queue once sent; without --smtp nothing is queued and the API
says the link was not mailed."""
import re
import unittest

from samen_harness import Client, Server, create_pupil, org_id
from test_notifications import serve_with_smtp, text_of, wait_for

GIVEN, FAMILY, GUARDIAN = "Meidoorn", "Zeegras", "Wilma Zeegras"
ADDRESS = "wilma.zeegras@ouders.example"


class InvitationMail(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        serve_with_smtp(cls, 20)
        cls.zorg = cls.server.login("zorg@hetbaken.example")
        cls.baken = org_id(cls.server, "Het Baken College")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        cls.controller.stop()

    def test_the_invitation_is_mailed_with_its_link_and_names_no_one(self):
        pupil, guardians = create_pupil(self.zorg, self.baken, "INV-M1", 11, [(GUARDIAN, "moeder", True)],
                                        given_name=GIVEN, family_name=FAMILY)
        status, _, inv = self.zorg.post(f"/api/pupils/{pupil}/invitations",
                                        {"guardian_id": guardians[0], "email": ADDRESS})
        self.assertEqual(status, 201, inv)
        self.assertTrue(inv["emailed"])
        wait_for(lambda: self.smtp.to(ADDRESS), 20, "the invitation mail")
        [mail] = self.smtp.to(ADDRESS)
        self.assertTrue(mail["tls"] and mail["authenticated"])
        subject, body, raw = text_of(mail)
        self.assertIn("Uitnodiging voor Samen", subject)
        link = f"https://samen.lindeveld.example/uitnodiging/{inv['token']}"
        self.assertIn(link, body)
        for name in (GIVEN, FAMILY, GUARDIAN.split()[0]):
            self.assertNotIn(name, raw)
        # The link works, once.
        token = re.search(r"/uitnodiging/([A-Za-z0-9_-]+)", body).group(1)
        status, _, accepted = Client(self.server.port).post(f"/api/invitations/{token}/accept",
                                                            {"password": "zeegras en meidoorn in mei"})
        self.assertEqual(status, 201, accepted)
        # Sent, its text (with the link) has left the queue; the audit names no address.
        wait_for(lambda: self.server.scalar(
            "SELECT count(*) FROM mail_queue WHERE purpose = 'invitation' AND sent_at IS NOT NULL") == 1,
            10, "the mail marked sent")
        self.assertEqual(self.server.scalar(
            "SELECT count(*) FROM mail_queue WHERE purpose = 'invitation' AND body <> ''"), 0)
        self.assertEqual(self.server.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'mail_attempt' AND resource_id LIKE ?", f"%{ADDRESS}%"), 0)


class InvitationWithoutMail(unittest.TestCase):
    def test_without_smtp_the_link_is_handed_over_by_hand(self):
        server = Server(pupils=20)
        try:
            zorg = server.login("zorg@hetbaken.example")
            pupil, guardians = create_pupil(zorg, org_id(server, "Het Baken College"), "INV-M2", 11,
                                            [(GUARDIAN, "moeder", True)])
            status, _, inv = zorg.post(f"/api/pupils/{pupil}/invitations",
                                       {"guardian_id": guardians[0], "email": ADDRESS})
            self.assertEqual((status, inv["emailed"]), (201, False), inv)
            self.assertEqual(server.scalar("SELECT count(*) FROM mail_queue"), 0)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
