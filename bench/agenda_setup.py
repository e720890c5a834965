"""Prepares the agenda benchmark on a running samen demo server (bench/agenda.sh), after
bench/cases_setup.py opened the school's cases: half of Het Baken College's open cases get
a review date in the coming days (so they are due at the next consultation), a weekly case
consultation series is set up with the core partners, and its next meeting is planned with
the agenda Samen proposes. Prints shell assignments: MEETING_ID, SERIES_ID, CHAIR_COOKIE,
CHAIR_CSRF, ITEMS (on the proposed agenda)."""
import argparse
import datetime
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from samen_harness import Client  # noqa: E402
from cases_setup import must  # noqa: E402

PARTNERS = ["leerplicht@lindeveld.example", "jv@ggd-lindeveld.example", "gezinswerker@buurtteam.example"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--password", required=True)
    args = ap.parse_args()
    chair = Client(args.port)
    must(chair.login("zorg@hetbaken.example", args.password), "login")
    me = must(chair.get("/api/me"), "me")
    school = me["active_membership"]["organisation_id"]
    review = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    cases = must(chair.get("/api/cases?status=open"), "open cases")["cases"]
    for c in cases[::2]:
        full = must(chair.get(f"/api/cases/{c['id']}"), "a case")
        must(chair.put(f"/api/cases/{c['id']}", {
            "lead_membership_id": full["lead_membership_id"], "categories": full["categories"],
            "review_date": review, "version": full["version"]}), "a review date")
    members = []
    for email in PARTNERS:
        partner = Client(args.port)
        must(partner.login(email, args.password), f"login {email}")
        members.append(must(partner.get("/api/me"), "me")["active_membership"]["id"])
    series = must(chair.post("/api/meeting-series", {
        "school_id": school, "kind": "case_consultation", "title": "Zorgoverleg (benchmark)",
        "weekday": 2, "start_time": "08:30", "duration_minutes": 120, "place": "Lokaal 1.12",
        "member_ids": members}), "the series")
    meeting = must(chair.post(f"/api/meeting-series/{series['id']}/meetings", {}), "the meeting")
    print(f"MEETING_ID={meeting['id']}")
    print(f"SERIES_ID={series['id']}")
    print(f"CHAIR_COOKIE={chair.cookie}")
    print(f"CHAIR_CSRF={chair.csrf}")
    print(f"ITEMS={len(meeting['items'])}")
    print(f"REVIEWS={len(cases[::2])}")


if __name__ == "__main__":
    main()
