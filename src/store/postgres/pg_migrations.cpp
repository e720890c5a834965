#include "store/postgres/pg_migrations.hpp"

namespace samen::store::postgres {
namespace {

constexpr const char* kInitial = R"SQL(
CREATE TABLE regions (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE organisations (
  id BIGSERIAL PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES regions(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('school','municipality','care_provider','partnership',
                                     'health_service','neighbourhood_team')),
  school_type TEXT CHECK (school_type IN ('primary','secondary','special','practical','cluster4')),
  active BOOLEAN NOT NULL DEFAULT true,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (region_id, name)
);

CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active BOOLEAN NOT NULL DEFAULT true,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE memberships (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  active BOOLEAN NOT NULL DEFAULT true,
  UNIQUE (user_id, organisation_id, role)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  membership_id BIGINT NOT NULL REFERENCES memberships(id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  revoked BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  id BIGSERIAL PRIMARY KEY,
  account_key TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_account ON login_failures(account_key, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

CREATE TABLE pupils (
  id BIGSERIAL PRIMARY KEY,
  school_id BIGINT NOT NULL REFERENCES organisations(id),
  pupil_number TEXT NOT NULL,
  given_name TEXT NOT NULL,
  name_prefix TEXT,
  family_name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  bsn TEXT,
  class_name TEXT,
  mentor_user_id BIGINT REFERENCES users(id),
  user_id BIGINT REFERENCES users(id),
  enrolment_start TEXT,
  enrolment_end TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (school_id, pupil_number)
);
CREATE INDEX pupils_school_class ON pupils(school_id, class_name);
CREATE INDEX pupils_school_name ON pupils(school_id, family_name, given_name, id);
CREATE INDEX pupils_mentor ON pupils(mentor_user_id);
CREATE INDEX pupils_user ON pupils(user_id);

CREATE TABLE guardians (
  id BIGSERIAL PRIMARY KEY,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  parental_authority BOOLEAN NOT NULL DEFAULT true,
  user_id BIGINT REFERENCES users(id)
);
CREATE INDEX guardians_pupil ON guardians(pupil_id, position);
CREATE INDEX guardians_user ON guardians(user_id);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
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

-- Append-only, enforced by the database (see the SQLite migration for why).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
)SQL";

constexpr const char* kPupilNameTokens = R"SQL(
CREATE TABLE pupil_name_tokens (
  school_id BIGINT NOT NULL,
  token TEXT COLLATE "C" NOT NULL,
  pupil_id BIGINT NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  PRIMARY KEY (school_id, token, pupil_id)
);
CREATE INDEX pupil_name_tokens_pupil ON pupil_name_tokens(pupil_id);
INSERT INTO pupil_name_tokens(school_id, token, pupil_id)
SELECT DISTINCT school_id, token, id FROM pupils, regexp_split_to_table(search_name, ' ') AS token
WHERE token <> ''
ON CONFLICT DO NOTHING;
)SQL";

}  // namespace

const std::vector<sqlite::Migration>& pg_migrations() {
  static const std::vector<sqlite::Migration> all = {
      {1, "initial schema: regions, organisations, users, sessions, pupils, audit log", kInitial},
      {2, "pupil name search by word prefix", kPupilNameTokens},
  };
  return all;
}

}  // namespace samen::store::postgres
