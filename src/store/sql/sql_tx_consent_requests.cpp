// Consent from the family: a second professional confirms a grant, and consent requests to
// the family.
#include "store/case_codes.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_REQUEST_SELECT                                                                   \
  "SELECT id, pupil_id, recipient_organisation_ids, recipient_roles, categories, valid_from, " \
  "valid_until, text, sent_by_user_id, sent_by_membership_id, sent_at, status, agreements, "   \
  "closed_at, declined_by_guardian_id, declined_by_pupil, grant_id, version "                  \
  "FROM consent_requests "

// The texts as stored: SqlTx::requests_from opens them.
std::vector<ConsentRequestRecord> read_requests(std::unique_ptr<Rows> rows) {
  auto& r = *rows;
  std::vector<ConsentRequestRecord> out;
  while (r.next()) {
    ConsentRequestRecord rec;
    auto& q = rec.request;
    q.id = r.id(0);
    q.pupil_id = r.id(1);
    q.recipient_organisation_ids = split_ids(r.text(2));
    q.recipient_roles = split_roles(r.text(3));
    q.categories = split_categories(r.text(4));
    q.valid_from = r.integer(5);
    if (!r.is_null(6)) q.valid_until = r.integer(6);
    rec.text = r.text(7);
    q.sent_by_user_id = r.id(8);
    q.sent_by_membership_id = r.id(9);
    q.sent_at = r.integer(10);
    q.status = domain::parse_consent_request_status(r.text(11))
                   .value_or(domain::ConsentRequestStatus::open);
    q.agreements = split_signatures(r.text(12));
    if (!r.is_null(13)) q.closed_at = r.integer(13);
    q.declined_by_guardian_id = r.id(14);
    q.declined_by_pupil = r.boolean(15);
    q.grant_id = r.id(16);
    rec.version = r.integer(17);
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

std::vector<ConsentRequestRecord> SqlTx::requests_from(std::unique_ptr<Rows> rows) const {
  auto out = read_requests(std::move(rows));
  for (auto& r : out) r.text = open("consent_requests", "text", r.request.id, std::move(r.text));
  return out;
}

bool SqlTx::confirm_consent_grant(const std::string& grant_id, const GrantConfirmation& c,
                                  std::int64_t expected_version) {
  require_write();
  Params p;
  p.integer(c.at).id(c.by_user_id).id(c.by_membership_id).id(grant_id).integer(expected_version);
  return db().run(
             "UPDATE consent_grants SET confirmed_at = ?1, confirmed_by_user_id = ?2, "
             "confirmed_by_membership_id = ?3, version = version + 1 WHERE id = ?4 AND "
             "version = ?5 AND awaits_confirmation = TRUE AND confirmed_at IS NULL AND "
             "withdrawn_at IS NULL",
             p) == 1;
}

std::optional<ConsentRequestRecord> SqlTx::consent_request(const std::string& id) {
  auto rows = requests_from(db().query(SAMEN_REQUEST_SELECT "WHERE id = ?", Params().id(id)));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ConsentRequestRecord> SqlTx::consent_requests_of_pupil(const std::string& pupil_id) {
  return requests_from(
      db().query(SAMEN_REQUEST_SELECT "WHERE pupil_id = ? ORDER BY id", Params().id(pupil_id)));
}

std::string SqlTx::insert_consent_request(const ConsentRequestRecord& r) {
  require_write();
  const auto& q = r.request;
  auto id = reserve_id("consent_requests");
  Params p;
  p.id(q.pupil_id).text(join_ids(q.recipient_organisation_ids)).text(join_roles(q.recipient_roles));
  p.text(join_categories(q.categories)).integer(q.valid_from);
  if (q.valid_until)
    p.integer(*q.valid_until);
  else
    p.null();
  p.text(seal("consent_requests", "text", id, r.text));
  p.id(q.sent_by_user_id).id(q.sent_by_membership_id).integer(q.sent_at).id(id);
  db().run(
      "INSERT INTO consent_requests(id, pupil_id, recipient_organisation_ids, recipient_roles, "
      "categories, valid_from, valid_until, text, sent_by_user_id, sent_by_membership_id, "
      "sent_at) VALUES (?11,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
      p);
  return id;
}

bool SqlTx::update_consent_request(const domain::ConsentRequest& q, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(std::string(domain::to_string(q.status))).text(join_signatures(q.agreements));
  if (q.closed_at)
    p.integer(*q.closed_at);
  else
    p.null();
  p.id(q.declined_by_guardian_id).boolean(q.declined_by_pupil).id(q.grant_id);
  p.id(q.id).integer(expected_version);
  return db().run(
             "UPDATE consent_requests SET status = ?1, agreements = ?2, closed_at = ?3, "
             "declined_by_guardian_id = ?4, declined_by_pupil = ?5, grant_id = ?6, "
             "version = version + 1 WHERE id = ?7 AND version = ?8 AND status = 'open'",
             p) == 1;
}

}  // namespace samen::store::sql
