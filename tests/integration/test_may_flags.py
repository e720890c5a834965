"""Every `may` flag agrees with what the API then allows (issue 12): for generated cases —
viewers (the school's care coordinator, the lead, a team member from outside the school, a
guardian) × case states (open, closed) × consent situations (no grant, the guardian's grant
for the team member's organisation) — each viewer reads the case's `may`, then tries every
action on a case of its own scenario: allowed (2xx) ⇔ flag true. The pupil's, the signal's,
the consent grant's and the entries' flags are tried the same way."""
import datetime
import itertools
import unittest

from samen_harness import Server, born_years_ago, family_login, membership_id_of, membership_of, org_id

TODAY = datetime.date.today()
VIEWERS = ("coordinator", "lead", "team", "guardian")
_numbers = itertools.count(1)


class MayFlags(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=20)
        s = cls.server
        cls.baken = org_id(s, "Het Baken College")
        cls.buurtteam = org_id(s, "Buurtteam Lindeveld-Oost")
        cls.coordinator = s.login("zorg@hetbaken.example")
        cls.lead = s.login("mentor@hetbaken.example")
        cls.team = s.login("gezinswerker@buurtteam.example")
        cls.lead_m = membership_of(cls.lead)
        cls.team_m = membership_of(cls.team)
        cls.officer_m = membership_id_of(s, "leerplicht@lindeveld.example")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    # -- building a scenario through the API -------------------------------------------

    def scenario(self, closed, consent):
        """A fresh pupil (10 years old, one guardian with authority and a family login) with
        a case led by the mentor, the family worker and the attendance officer at the
        table; with the guardian's grant for the neighbourhood team when `consent`."""
        n = next(_numbers)
        status, _, pupil = self.coordinator.post("/api/pupils", {
            "school_id": self.baken, "pupil_number": f"MAY-{n}", "given_name": "Daan", "family_name": "Bos",
            "date_of_birth": born_years_ago(10), "class": "1A",
            "guardians": [{"name": "Iris Bos", "relation": "moeder", "parental_authority": True}]})
        self.assertEqual(status, 201, pupil)
        guardian_id = pupil["guardians"][0]["id"]
        guardian = family_login(self.server, self.coordinator, pupil["id"], f"iris.may{n}@ouders.example",
                                guardian_id=guardian_id)
        status, _, case = self.coordinator.post("/api/cases", {
            "pupil_id": pupil["id"], "categories": ["wellbeing"], "level": 2, "lead_membership_id": self.lead_m})
        self.assertEqual(status, 201, case)
        for m in (self.team_m, self.officer_m):
            status, _, seat = self.coordinator.post(f"/api/cases/{case['id']}/team",
                                                    {"membership_id": m, "reason": "Hulp thuis"})
            self.assertEqual(status, 201, seat)
        if consent:
            status, _, grant = self.coordinator.post(f"/api/pupils/{pupil['id']}/consents", {
                "given_by": {"guardian_ids": [guardian_id], "pupil": False},
                "recipients": {"organisation_ids": [self.buurtteam], "roles": []},
                "categories": ["wellbeing", "home"], "valid_from": TODAY.isoformat(),
                "text": "Toestemming voor het buurtteam.", "obtained_via": "paper"})
            self.assertEqual(status, 201, grant)
        if closed:
            status, _, done = self.coordinator.post(f"/api/cases/{case['id']}/close", {
                "outcome": "goals_met", "version": self.version(case["id"])})
            self.assertEqual(status, 200, done)
        clients = {"coordinator": self.coordinator, "lead": self.lead, "team": self.team, "guardian": guardian}
        return pupil["id"], case["id"], clients

    def version(self, case_id):
        return self.coordinator.get(f"/api/cases/{case_id}")[2]["version"]

    # -- the actions a case's flags stand for, each tried as the viewer ---------------------

    def attempts(self, case_id):
        """(flag, try) in an order where no try changes a later flag: close last."""
        return [
            ("write_entry", lambda c: c.post(f"/api/cases/{case_id}/entries", {
                "kind": "note", "category": "wellbeing", "audience": "case_team", "text": "Gesproken."})),
            ("add_family_view", lambda c: c.post(f"/api/family/cases/{case_id}/views",
                                                 {"text": "Het gaat beter thuis."})),
            ("read_safety_decisions", lambda c: c.get(f"/api/cases/{case_id}/safety-decisions")),
            ("add_goal", lambda c: c.post(f"/api/cases/{case_id}/goals", {"text": "Op tijd op school"})),
            ("add_action", lambda c: c.post(f"/api/cases/{case_id}/actions", {
                "text": "Gesprek plannen", "owner_membership_id": self.lead_m})),
            ("edit", lambda c: c.put(f"/api/cases/{case_id}", {
                "lead_membership_id": self.lead_m, "categories": ["wellbeing"], "version": self.version(case_id)})),
            ("change_level", lambda c: c.post(f"/api/cases/{case_id}/level", {
                "level": 3 if self.coordinator.get(f"/api/cases/{case_id}")[2]["level"] != 3 else 2,
                "reason": "Zorgen nemen toe", "version": self.version(case_id)})),
            ("add_member", lambda c: c.post(f"/api/cases/{case_id}/team", {
                "membership_id": membership_id_of(self.server, "sph@debrug.example"), "reason": "Begeleiding"})),
            ("remove_member", lambda c: c.delete(f"/api/cases/{case_id}/team/{self.officer_m}")),
            ("record_safety_decision", lambda c: c.post(f"/api/cases/{case_id}/safety-decisions", {
                "organisation_ids": [self.buurtteam], "reason": "Zorgen over veiligheid", "steps": "Stap 1 tot 5",
                "valid_from": TODAY.isoformat(), "valid_until": (TODAY + datetime.timedelta(days=30)).isoformat()})),
            ("put_forward", lambda c: c.post(f"/api/cases/{case_id}/put-forward",
                                             {"question": "Wie neemt het contact met thuis op?"})),
            ("close", lambda c: c.post(f"/api/cases/{case_id}/close", {
                "outcome": "goals_met", "version": self.version(case_id)})),
        ]

    def test_case_flags_agree_with_the_api(self):
        checked = 0
        seen = {}
        for closed, consent in itertools.product((False, True), (False, True)):
            for viewer in VIEWERS:
                # A case per viewer: the tries change it (a seat ends, the case closes).
                _, case_id, clients = self.scenario(closed, consent)
                client = clients[viewer]
                status, _, case = client.get(f"/api/cases/{case_id}")
                self.assertEqual(status, 200, (viewer, case))
                may = case["may"]
                self.assertTrue(may, "GET /api/cases/{id} carries a non-empty may")
                attempts = self.attempts(case_id)
                self.assertEqual(sorted(may), sorted(flag for flag, _ in attempts), "every flag is tried")
                for flag, attempt in attempts:
                    status, _, body = attempt(client)
                    label = f"{viewer}, {'closed' if closed else 'open'}, {'consent' if consent else 'no consent'}: {flag}"
                    self.assertEqual(status < 300, may[flag], f"{label} -> {status} {body}")
                    self.assertNotEqual(status, 400, f"{label}: the try itself was malformed: {body}")
                    seen.setdefault(flag, set()).add(may[flag])
                    checked += 1
        self.assertEqual(checked, 4 * len(VIEWERS) * 12)
        # The scenarios reach both answers of every flag: none is tried only one way.
        self.assertEqual({flag: values for flag, values in seen.items() if values != {True, False}}, {})

    def test_goal_and_action_flags_agree_with_the_api(self):
        """A goal and an action owned by the team member, on an open and on a closed case:
        each viewer who reads the plan tries to change the goal, change the action, and
        mark it done; allowed ⇔ the flag on the goal or action."""
        seen = {}
        for closed in (False, True):
            for viewer in ("coordinator", "lead", "team"):
                _, case_id, clients = self.scenario(False, True)
                status, _, goal = self.coordinator.post(f"/api/cases/{case_id}/goals", {"text": "Op tijd op school"})
                self.assertEqual(status, 201, goal)
                status, _, action = self.coordinator.post(f"/api/cases/{case_id}/actions", {
                    "text": "Gesprek plannen", "owner_membership_id": self.team_m})
                self.assertEqual(status, 201, action)
                if closed:
                    self.assertEqual(self.coordinator.post(f"/api/cases/{case_id}/close", {
                        "outcome": "goals_met", "version": self.version(case_id)})[0], 200)
                client = clients[viewer]
                case = client.get(f"/api/cases/{case_id}")[2]
                shown_goal, shown_action = case["goals"][0], case["actions"][0]
                label = f"{viewer}, {'closed' if closed else 'open'}"
                status, _, body = client.put(f"/api/goals/{goal['id']}", {
                    "text": "Elke dag op tijd", "achieved": False, "version": shown_goal["version"]})
                self.assertEqual(status < 300, shown_goal["may"]["edit"], f"{label}: goal edit -> {status} {body}")
                seen.setdefault("goal.edit", set()).add(shown_goal["may"]["edit"])
                fields = {"text": action["text"], "owner_membership_id": self.team_m, "due_date": None}
                status, _, body = client.put(f"/api/actions/{action['id']}", {
                    **fields, "text": "Gesprek met moeder plannen", "done": False, "version": shown_action["version"]})
                self.assertEqual(status < 300, shown_action["may"]["edit"], f"{label}: action edit -> {status} {body}")
                version = self.coordinator.get(f"/api/cases/{case_id}")[2]["actions"][0]["version"]
                fields["text"] = "Gesprek met moeder plannen" if status < 300 else action["text"]
                status, _, body = client.put(f"/api/actions/{action['id']}", {**fields, "done": True, "version": version})
                self.assertEqual(status < 300, shown_action["may"]["mark_done"], f"{label}: mark done -> {status} {body}")
                seen.setdefault("action.edit", set()).add(shown_action["may"]["edit"])
                seen.setdefault("action.mark_done", set()).add(shown_action["may"]["mark_done"])
        self.assertEqual({flag: values for flag, values in seen.items() if values != {True, False}}, {})

    def test_pupil_signal_consent_and_entry_flags_agree_with_the_api(self):
        pupil, case_id, clients = self.scenario(closed=False, consent=True)
        for viewer in ("coordinator", "lead", "team"):
            client = clients[viewer]
            status, _, record = client.get(f"/api/pupils/{pupil}")
            self.assertEqual(status, 200, record)
            may = record["may"]
            # record_signal, then edit (the same record back), invite_family; open_case needs
            # a pupil without an open case, tried on one of its own below.
            status, _, signal = client.post("/api/signals", {
                "pupil_id": pupil, "categories": ["wellbeing"], "urgency": "normal", "text": "Stil in de klas."})
            self.assertEqual(status < 300, may["record_signal"], (viewer, status, signal))
            full = self.coordinator.get(f"/api/pupils/{pupil}")[2]
            body = {k: full[k] for k in ("pupil_number", "given_name", "family_name", "date_of_birth", "class")}
            body["guardians"] = [{"id": g["id"], "name": g["name"], "relation": g["relation"],
                                  "parental_authority": g["parental_authority"]} for g in full["guardians"]]
            body["version"] = full["version"]
            status, _, answer = client.put(f"/api/pupils/{pupil}", body)
            self.assertEqual(status < 300, may["edit"], (viewer, status, answer))
            status, _, answer = client.post(f"/api/pupils/{pupil}/invitations",
                                            {"pupil": True, "email": f"daan.{viewer}{pupil}@leerling.example"})
            self.assertEqual(status < 300, may["invite_family"], (viewer, status, answer))
            if status < 300:
                self.coordinator.post(f"/api/invitations/{answer['id']}/revoke", {})
            # open_case on a pupil of its own, without a case.
            other, _ = self.bare_pupil()
            flag = client.get(f"/api/pupils/{other}")
            if flag[0] == 200:
                status, _, answer = client.post("/api/cases", {"pupil_id": other, "categories": ["home"], "level": 1})
                self.assertEqual(status < 300, flag[2]["may"]["open_case"], (viewer, status, answer))

        # The signal's triage flag, for its author and the coordinator.
        for viewer in ("lead", "coordinator"):
            status, _, signal = self.lead.post("/api/signals", {
                "pupil_id": pupil, "categories": ["home"], "urgency": "soon", "text": "Vaak te laat."})
            self.assertEqual(status, 201, signal)
            shown = clients[viewer].get(f"/api/signals/{signal['id']}")[2]
            status, _, answer = clients[viewer].post(f"/api/signals/{signal['id']}/triage",
                                                     {"decision": "advice", "advice": "Bel de ouders."})
            self.assertEqual(status < 300, shown["may"]["triage"], (viewer, status, answer))
            self.assertFalse(clients[viewer].get(f"/api/signals/{signal['id']}")[2]["may"]["triage"])

        # The consent grant's withdraw flag, for the team member, the guardian, the coordinator.
        for viewer in ("team", "guardian", "coordinator"):
            grant = self.coordinator.get(f"/api/pupils/{pupil}/consents")[2]["consents"][-1]
            if grant["status"] == "withdrawn":
                break
            shown = clients[viewer].get(f"/api/consents/{grant['id']}")
            if shown[0] != 200:
                continue
            may = shown[2]["may"]
            party = {"guardian_id": grant["given_by"]["guardian_ids"][0]}
            status, _, answer = clients[viewer].post(f"/api/consents/{grant['id']}/withdraw", {"by": party})
            self.assertEqual(status < 300, may["withdraw"], (viewer, status, answer))

        # An entry's correct flag, for the team member and the guardian.
        status, _, entry = self.lead.post(f"/api/cases/{case_id}/entries", {
            "kind": "note", "category": "wellbeing", "audience": "case_team", "family_visible": True,
            "text": "Eerste gesprek."})
        self.assertEqual(status, 201, entry)
        status, _, view = clients["guardian"].post(f"/api/family/cases/{case_id}/views", {"text": "Wij zien het anders."})
        self.assertEqual(status, 201, view)
        for viewer in ("team", "guardian", "lead"):
            for entry_id in (entry["id"], view["id"]):
                status, _, shown = clients[viewer].get(f"/api/entries/{entry_id}")
                if status != 200:
                    continue
                if viewer == "guardian":
                    attempt = clients[viewer].post(f"/api/family/cases/{case_id}/views",
                                                   {"text": "Correctie.", "corrects": entry_id})
                else:
                    attempt = clients[viewer].post(f"/api/cases/{case_id}/entries", {
                        "kind": "note", "category": "wellbeing", "audience": "case_team", "text": "Correctie.",
                        "corrects": entry_id})
                self.assertEqual(attempt[0] < 300, shown["may"]["correct"], (viewer, entry_id, attempt))

    def bare_pupil(self):
        n = next(_numbers)
        status, _, pupil = self.coordinator.post("/api/pupils", {
            "school_id": self.baken, "pupil_number": f"MAYB-{n}", "given_name": "Sem", "family_name": "Kok",
            "date_of_birth": born_years_ago(9), "class": "1A"})
        self.assertEqual(status, 201, pupil)
        return pupil["id"], pupil


if __name__ == "__main__":
    unittest.main()
