// Consent from the family (SQLite; the twin of pg_tx_consent_requests.cpp): a second
// professional confirms a grant, and consent requests to the family.
#include "store/case_codes.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

constexpr const char* kRequestColumns =
    "SELECT id, pupil_id, recipient_organisation_ids, recipient_roles, categories, valid_from, "
    "valid_until, text, sent_by_user_id, sent_by_membership_id, sent_at, status, agreements, "
    "closed_at, declined_by_guardian_id, declined_by_pupil, grant_id, version "
    "FROM consent_requests ";

ConsentRequestRecord read_request(const Statement& s) {
  ConsentRequestRecord r;
  auto& q = r.request;
  q.id = s.id(0);
  q.pupil_id = s.id(1);
  q.recipient_organisation_ids = split_ids(s.text(2));
  q.recipient_roles = split_roles(s.text(3));
  q.categories = split_categories(s.text(4));
  q.valid_from = s.integer(5);
  if (!s.is_null(6)) q.valid_until = s.integer(6);
  r.text = s.text(7);
  q.sent_by_user_id = s.id(8);
  q.sent_by_membership_id = s.id(9);
  q.sent_at = s.integer(10);
  q.status =
      domain::parse_consent_request_status(s.text(11)).value_or(domain::ConsentRequestStatus::open);
  q.agreements = split_signatures(s.text(12));
  if (!s.is_null(13)) q.closed_at = s.integer(13);
  q.declined_by_guardian_id = s.id(14);
  q.declined_by_pupil = s.integer(15) != 0;
  q.grant_id = s.id(16);
  r.version = s.integer(17);
  return r;
}

void bind_id(Statement& s, int index, const std::string& id) {
  if (auto key = parse_id(id))
    s.bind(index, *key);
  else
    s.bind_null(index);
}

}  // namespace

bool SqliteTx::confirm_consent_grant(const std::string& grant_id, const GrantConfirmation& c,
                                     std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE consent_grants SET confirmed_at = ?, confirmed_by_user_id = ?, "
      "confirmed_by_membership_id = ?, version = version + 1 WHERE id = ? AND version = ? AND "
      "awaits_confirmation <> 0 AND confirmed_at IS NULL AND withdrawn_at IS NULL");
  s.bind(1, c.at);
  bind_id(s, 2, c.by_user_id);
  bind_id(s, 3, c.by_membership_id);
  s.bind(4, parse_id(grant_id).value_or(0)).bind(5, expected_version);
  s.run();
  return conn_.changes() == 1;
}

std::optional<ConsentRequestRecord> SqliteTx::consent_request(const std::string& id) {
  static const std::string sql = std::string(kRequestColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(id).value_or(0));
  if (!s.step()) return std::nullopt;
  return read_request(s);
}

std::vector<ConsentRequestRecord> SqliteTx::consent_requests_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kRequestColumns) + "WHERE pupil_id = ? ORDER BY id";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(pupil_id).value_or(0));
  std::vector<ConsentRequestRecord> out;
  while (s.step()) out.push_back(read_request(s));
  return out;
}

std::string SqliteTx::insert_consent_request(const ConsentRequestRecord& r) {
  require_write();
  const auto& q = r.request;
  auto s = conn_.prepare(
      "INSERT INTO consent_requests(pupil_id, recipient_organisation_ids, recipient_roles, "
      "categories, valid_from, valid_until, text, sent_by_user_id, sent_by_membership_id, "
      "sent_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
  bind_id(s, 1, q.pupil_id);
  s.bind(2, join_ids(q.recipient_organisation_ids)).bind(3, join_roles(q.recipient_roles));
  s.bind(4, join_categories(q.categories)).bind(5, q.valid_from);
  if (q.valid_until)
    s.bind(6, *q.valid_until);
  else
    s.bind_null(6);
  s.bind(7, r.text);
  bind_id(s, 8, q.sent_by_user_id);
  bind_id(s, 9, q.sent_by_membership_id);
  s.bind(10, q.sent_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::update_consent_request(const domain::ConsentRequest& q,
                                      std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE consent_requests SET status = ?, agreements = ?, closed_at = ?, "
      "declined_by_guardian_id = ?, declined_by_pupil = ?, grant_id = ?, version = version + 1 "
      "WHERE id = ? AND version = ? AND status = 'open'");
  s.bind(1, domain::to_string(q.status)).bind(2, join_signatures(q.agreements));
  if (q.closed_at)
    s.bind(3, *q.closed_at);
  else
    s.bind_null(3);
  bind_id(s, 4, q.declined_by_guardian_id);
  s.bind(5, q.declined_by_pupil);
  bind_id(s, 6, q.grant_id);
  s.bind(7, parse_id(q.id).value_or(0)).bind(8, expected_version);
  s.run();
  return conn_.changes() == 1;
}

}  // namespace samen::store::sqlite
