#include "store/sqlite/migrations.hpp"

namespace samen::store::sqlite {

namespace {

constexpr const char* kInitial = R"SQL(
CREATE TABLE regions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  region_id INTEGER NOT NULL REFERENCES regions(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('school','municipality','care_provider','partnership',
                                     'health_service','neighbourhood_team')),
  school_type TEXT CHECK (school_type IN ('primary','secondary','special','practical','cluster4')),
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (region_id, name)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (user_id, organisation_id, role)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  membership_id INTEGER NOT NULL REFERENCES memberships(id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  account_key TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_account ON login_failures(account_key, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

CREATE TABLE pupils (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES organisations(id),
  pupil_number TEXT NOT NULL,
  given_name TEXT NOT NULL,
  name_prefix TEXT,
  family_name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  bsn TEXT,
  class_name TEXT,
  mentor_user_id INTEGER REFERENCES users(id),
  user_id INTEGER REFERENCES users(id),
  enrolment_start TEXT,
  enrolment_end TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (school_id, pupil_number)
);
CREATE INDEX pupils_school_class ON pupils(school_id, class_name);
CREATE INDEX pupils_school_name ON pupils(school_id, family_name, given_name, id);
CREATE INDEX pupils_mentor ON pupils(mentor_user_id);
CREATE INDEX pupils_user ON pupils(user_id);

CREATE TABLE guardians (
  id INTEGER PRIMARY KEY,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  parental_authority INTEGER NOT NULL DEFAULT 1,
  user_id INTEGER REFERENCES users(id)
);
CREATE INDEX guardians_pupil ON guardians(pupil_id, position);
CREATE INDEX guardians_user ON guardians(user_id);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_organisation_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  region_id TEXT NOT NULL,
  action TEXT NOT NULL,
  pupil_id TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  request_id TEXT NOT NULL,
  client_address TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_pupil ON audit_log(pupil_id, seq);
CREATE INDEX audit_actor ON audit_log(actor_user_id, seq);
CREATE INDEX audit_region ON audit_log(region_id, seq);

-- The audit log is append-only: the database itself refuses changes, so a bug or a
-- careless script cannot rewrite history. (Someone editing the file directly is caught
-- by the hash chain instead.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL";

// Name search by word prefix: one row per word of each pupil's search_name, per school.
// The store writes the rows with the pupil (sqlite_tx_pupils.cpp); this backfills them.
constexpr const char* kPupilNameTokens = R"SQL(
CREATE TABLE pupil_name_tokens (
  school_id INTEGER NOT NULL,
  token TEXT NOT NULL,
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  PRIMARY KEY (school_id, token, pupil_id)
) WITHOUT ROWID;
CREATE INDEX pupil_name_tokens_pupil ON pupil_name_tokens(pupil_id);

INSERT OR IGNORE INTO pupil_name_tokens(school_id, token, pupil_id)
WITH RECURSIVE split(school_id, pupil_id, rest, token) AS (
  SELECT school_id, id, search_name || ' ', '' FROM pupils
  UNION ALL
  SELECT school_id, pupil_id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)
  FROM split WHERE rest <> ''
)
SELECT school_id, token, pupil_id FROM split WHERE token <> '';
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "initial schema: regions, organisations, users, sessions, pupils, audit log", kInitial},
      {2, "pupil name search by word prefix", kPupilNameTokens},
  };
  return all;
}

}  // namespace samen::store::sqlite
