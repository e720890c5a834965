"""Prepares the cases benchmark on a running samen demo server (bench/cases.sh): a case in
Het Baken College with a team member and ENTRIES chronology entries, and open cases for
OPEN_SHARE percent of the school's pupils. Prints shell assignments for the script:
CASE_ID, READER_COOKIE (the team member), COORDINATOR_COOKIE, OPEN_CASES.

Everything goes through the HTTP API as a school would do it, so the entries and cases
carry their real audiences, teams and audit entries."""
import argparse
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from samen_harness import Client, membership_of  # noqa: E402

# Audiences of the chronology's entries, in turn: the team member sees the case_team and
# school ones, the coordinator's private notes and a discipline note stay hidden, so the
# policy really decides per entry.
AUDIENCES = ["case_team", "school", "case_team", "private", "case_team", "discipline"]
CATEGORIES = ["attendance", "learning", "wellbeing", "behaviour", "home"]


def must(result, what):
    status, _, body = result
    if status not in (200, 201):
        sys.exit(f"cases_setup: {what} failed: {status} {body}")
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--db", required=True, help="the SQLite file, to pick pupils")
    ap.add_argument("--password", required=True)
    ap.add_argument("--entries", type=int, default=200)
    ap.add_argument("--open-share", type=float, default=5.0)
    args = ap.parse_args()

    def login(email):
        client = Client(args.port)
        must(client.login(email, args.password), f"login {email}")
        return client

    coordinator = login("zorg@hetbaken.example")
    reader = login("mentor@hetbaken.example")
    db = sqlite3.connect(args.db)
    school, = db.execute("SELECT id FROM organisations WHERE name = 'Het Baken College'").fetchone()
    free = [str(r[0]) for r in db.execute(
        "SELECT p.id FROM pupils p WHERE p.school_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.pupil_id = p.id) ORDER BY p.id", (school,))]
    pupils_in_school, = db.execute("SELECT count(*) FROM pupils WHERE school_id = ?", (school,)).fetchone()

    lead = membership_of(coordinator)
    case = must(coordinator.post("/api/cases", {
        "pupil_id": free[0], "categories": ["attendance", "wellbeing"], "level": 2,
        "lead_membership_id": lead}), "open the chronology case")
    case_id = case["id"]
    must(coordinator.post(f"/api/cases/{case_id}/team", {
        "membership_id": membership_of(reader), "reason": "mentor: dagelijks contact met de leerling"}),
        "seat the mentor")
    for n in range(args.entries):
        must(coordinator.post(f"/api/cases/{case_id}/entries", {
            "kind": "note", "category": CATEGORIES[n % len(CATEGORIES)],
            "audience": AUDIENCES[n % len(AUDIENCES)], "family_visible": n % 4 == 0,
            "text": f"Gespreksverslag {n + 1}: afspraken over aanwezigheid en het rooster, "
                    "besproken met de leerling en de mentor; volgende stap over twee weken."}),
             f"entry {n + 1}")

    wanted = max(1, round(pupils_in_school * args.open_share / 100))
    existing, = db.execute("SELECT count(*) FROM cases c JOIN pupils p ON p.id = c.pupil_id "
                           "WHERE p.school_id = ? AND c.status = 'open'", (school,)).fetchone()
    for pupil in free[1:1 + max(0, wanted - existing)]:
        must(coordinator.post("/api/cases", {
            "pupil_id": pupil, "categories": ["learning"], "level": 1, "lead_membership_id": lead}),
             "open a case")
    open_cases, = db.execute("SELECT count(*) FROM cases c JOIN pupils p ON p.id = c.pupil_id "
                             "WHERE p.school_id = ? AND c.status = 'open'", (school,)).fetchone()
    print(f"CASE_ID={case_id}")
    print(f"READER_COOKIE={reader.cookie}")
    print(f"COORDINATOR_COOKIE={coordinator.cookie}")
    print(f"OPEN_CASES={open_cases}")
    print(f"SCHOOL_PUPILS={pupils_in_school}")


if __name__ == "__main__":
    main()
