#pragma once
// Plain records the store reads and writes. Ids are strings everywhere above the store
// (the API contract says so); each backend maps them to its own keys.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/login_limit.hpp"
#include "domain/pupil.hpp"
#include "domain/roles.hpp"

namespace samen::store {

struct Region {
  std::string id;
  std::string name;
};

struct Organisation {
  std::string id;
  std::string region_id;
  std::string name;
  domain::OrgType type = domain::OrgType::school;
  std::optional<domain::SchoolType> school_type;
  bool active = true;
  std::int64_t version = 1;
};

struct User {
  std::string id;
  std::string email;  // stored lower-cased: logins are case-insensitive
  std::string name;
  std::string password_hash;
  bool active = true;
  std::int64_t version = 1;
};

struct Membership {
  std::string id;
  std::string user_id;
  std::string organisation_id;
  domain::Role role = domain::Role::teacher;
  bool active = true;
  // Joined from the organisation for convenience; not written.
  std::string organisation_name;
  std::string region_id;
};

// What a membership holds that must not be left without an owner when it ends (issue 14,
// handover): the open cases it leads, its open actions on open cases, its open seats at
// open cases' tables (case ids), the meeting series it chairs or is a standing member of.
struct MembershipHoldings {
  std::vector<std::string> cases_led;
  std::vector<std::string> actions;
  std::vector<std::string> seats;
  std::vector<std::string> series_chaired;
  std::vector<std::string> series_member;
  bool empty() const {
    return cases_led.empty() && actions.empty() && seats.empty() && series_chaired.empty() &&
           series_member.empty();
  }
};

struct Session {
  std::string token_hash;
  std::string user_id;
  std::string membership_id;
  domain::Millis created_at = 0;
  domain::Millis last_seen_at = 0;
  bool revoked = false;
};

// Failed (or reserved, still being checked) logins in the window (domain/login_limit.hpp).
using LoginFailureCounts = domain::LoginCounts;

// A pupil as the store returns it, with the mentor's display name joined in.
struct PupilRecord {
  domain::Pupil pupil;  // guardians are not loaded for listings
  std::string mentor_name;
};

// A live session with the user and membership it acts for, read in one go.
struct SessionPrincipal {
  Session session;
  User user;
  Membership membership;
};

struct PupilQuery {
  std::string text;        // matches name or pupil number, case-insensitive prefix/substring
  std::string class_name;  // exact, optional
  int limit = 50;
  int offset = 0;
};

// One row of the audit log as stored; see audit/audit_entry.hpp for its meaning.
struct AuditRow {
  std::int64_t seq = 0;
  std::string at;  // ISO 8601 UTC
  std::string actor_user_id;
  std::string actor_organisation_id;
  std::string actor_role;
  std::string region_id;
  std::string action;
  std::string pupil_id;
  std::string resource_type;
  std::string resource_id;
  std::string decision;  // allow | deny
  std::string reason;
  std::string legal_basis;
  std::string request_id;
  std::string client_address;
  std::string prev_hash;
  std::string hash;
};

struct AuditQuery {
  std::string region_id;  // required scope
  std::string pupil_id;
  std::string actor_user_id;
  std::string from;  // ISO instants, inclusive / exclusive
  std::string until;
  bool denied_only = false;
  std::int64_t before_seq = 0;  // paging: entries with seq < before_seq, newest first
  int limit = 100;
};

}  // namespace samen::store
